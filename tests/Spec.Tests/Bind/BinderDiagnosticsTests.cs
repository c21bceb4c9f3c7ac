using Spec.Core.Diagnostics;
using Spec.Core.Bind;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using static Spec.Tests.Bind.BindHelper;

namespace Spec.Tests.Bind;

public class BinderDiagnosticsTests
{
    [Fact]
    public void Unknown_key_warns_with_did_you_mean_and_a_fix()
    {
        var yaml = SpecWith("  a:\n    handler: h.a\n    timout: 30\n");
        var (s, bag) = BindText(yaml);
        Assert.NotNull(s);
        var d = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticIds.Schema, Severity.Warning), (d.Id, d.Severity));
        Assert.Equal("unknown property 'timout' in 'functions.a'", d.Message);
        Assert.Equal("did you mean 'timeout'?", d.Help);
        Assert.Equal((7, 5), (d.Span!.Line, d.Span.Column));
        var edit = Assert.Single(d.Fix!.Edits);
        Assert.Equal("timeout", edit.NewText);
        Assert.Equal("timout", yaml.Substring(edit.Span.Start.Offset, edit.Span.End.Offset - edit.Span.Start.Offset));
    }

    [Fact]
    public void Unknown_key_without_a_close_match_has_no_suggestion()
    {
        var (_, bag) = BindText("service: a\nprovider:\n  name: aws\n  zzzzzzzz: 1\n");
        var d = Assert.Single(bag.Items);
        Assert.Null(d.Help);
        Assert.Null(d.Fix);
    }

    [Theory]
    [InlineData("enviroment", "environment")]
    [InlineData("memmorySize", "memorySize")]
    [InlineData("hadnler", "handler")]
    [InlineData("Timeout", "timeout")]
    public void Suggestions_cover_typos_transpositions_and_case(string typo, string expected)
    {
        Assert.Equal(expected, KeySuggester.Suggest(typo, KnownKeysForTest.Function));
    }

    [Fact]
    public void Validation_mode_error_turns_unknown_keys_into_errors_and_off_silences_them()
    {
        var (_, errorBag) = BindText("service: a\nconfigValidationMode: error\nprovider:\n  name: aws\n  timout: 3\n");
        Assert.Equal(Severity.Error, Assert.Single(errorBag.Items).Severity);
        var (_, offBag) = BindText("service: a\nconfigValidationMode: off\nprovider:\n  name: aws\n  timout: 3\n");
        Assert.Empty(offBag.Items);
    }

    [Theory]
    [InlineData("    timeout: abc\n", "'functions.a.timeout' must be an integer, not the string 'abc'")]
    [InlineData("    snapStart: maybe\n", "'functions.a.snapStart' must be a boolean, not the string 'maybe'")]
    [InlineData("    description: {a: 1}\n", "'functions.a.description' must be a string, not a mapping")]
    [InlineData("    events: {http: GET /}\n", "'functions.a.events' must be a list of events, not a mapping")]
    public void Wrong_types_are_errors_at_the_node(string line, string message)
    {
        var (_, bag) = BindText(SpecWith("  a:\n    handler: h.a\n" + line));
        var d = Assert.Single(bag.Errors());
        Assert.Equal(DiagnosticIds.Schema, d.Id);
        Assert.Equal(message, d.Message);
        Assert.InRange(d.Span!.Line, 7, 8);
    }

    [Theory]
    [InlineData("    timeout: [1]\n", "'functions.a.timeout' must be an integer, not a list")]
    [InlineData("    events:\n      - sqs: {arn: [x]}\n", "'functions.a.events[0].sqs.arn' must be an ARN or a CloudFormation function, not a list")]
    public void One_item_lists_the_Framework_coerces_are_warnings(string line, string message)
    {
        var (_, bag) = BindText(SpecWith("  a:\n    handler: h.a\n" + line));
        Assert.Empty(bag.Errors());
        var d = Assert.Single(bag.Items, i => i.Severity == Severity.Warning && i.Message == message);
        Assert.Equal(DiagnosticIds.Schema, d.Id);
    }

    [Fact]
    public void A_one_item_permissions_boundary_list_binds_as_its_arn()
    {
        var (s, bag) = BindText("service: a\nprovider:\n  name: aws\n  iam:\n    role:\n      permissionsBoundary:\n        - arn:aws:iam::123456789012:policy/B\n");
        Assert.Empty(bag.Errors());
        Assert.Equal("arn:aws:iam::123456789012:policy/B", s!.Provider.Iam.Role!.PermissionsBoundary!.Value);
    }

    [Fact]
    public void Functions_of_the_wrong_shape_is_an_error()
    {
        var (s, bag) = BindText("service: a\nprovider: aws\nfunctions: 3\n");
        Assert.NotNull(s);
        Assert.Contains("'functions' must be", Assert.Single(bag.Errors()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_keys_are_errors()
    {
        var (_, bag) = BindText(SpecWith("  a:\n    events:\n      - sqs:\n          batchSize: 5\n      - http:\n          path: /x\n"));
        var messages = bag.Errors().Select(d => d.Message).ToList();
        Assert.Contains("'functions.a' is missing the required property 'handler'", messages);
        Assert.Contains("'functions.a.events[0].sqs' is missing the required property 'arn'", messages);
        Assert.Contains("'functions.a.events[1].http' is missing the required property 'method'", messages);
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public void Missing_resource_type_is_an_error()
    {
        var (_, bag) = BindText("service: a\nprovider: aws\nresources:\n  Resources:\n    Q:\n      Properties: {}\n");
        Assert.Equal("'resources.Resources.Q' is missing the required property 'Type'", Assert.Single(bag.Errors()).Message);
    }

    [Fact]
    public void Non_aws_provider_gets_one_unsupported_diagnostic_and_no_model()
    {
        var (s, bag) = BindText("service: {bad: shape}\nprovider:\n  name: openwhisk\n  runtime: nodejs:10\nfunctions: 3\n");
        Assert.Null(s);
        var d = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticIds.Unsupported, d.Id);
        Assert.Contains("'openwhisk'", d.Message, StringComparison.Ordinal);
        Assert.Equal(3, d.Span!.Line);
    }

    [Fact]
    public void Object_notation_service_is_a_hard_error_with_a_fix()
    {
        var (s, bag) = BindText("service:\n  name: legacy\nprovider: aws\n");
        Assert.NotNull(s);
        Assert.Equal("legacy", s!.Name.Value);
        var d = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticIds.Unsupported, Severity.Error), (d.Id, d.Severity));
        Assert.Contains("object notation", d.Message, StringComparison.Ordinal);
        Assert.Equal("legacy", Assert.Single(d.Fix!.Edits).NewText);
    }

    [Fact]
    public void Missing_service_and_provider_are_errors()
    {
        var (s1, bag1) = BindText("provider: aws\n");
        Assert.NotNull(s1);
        Assert.Contains("'service'", Assert.Single(bag1.Errors()).Message, StringComparison.Ordinal);
        var (s2, bag2) = BindText("service: a\n");
        Assert.Null(s2);
        Assert.Single(bag2.Errors());
    }

    [Fact]
    public void Out_of_enum_runtime_and_path_without_slash_are_left_to_rules()
    {
        var (s, bag) = BindText(SpecWith("  a:\n    handler: h.a\n    runtime: nodejs12.x\n    events:\n      - http: GET users/{id}\n"));
        Assert.Empty(bag.Items);
        Assert.Equal("nodejs12.x", s!.Functions[0].Runtime.Value);
    }

    [Fact]
    public void Plugin_function_keys_warn_only_without_their_plugin()
    {
        var body = SpecWith("  a:\n    handler: h.a\n    iamRoleStatements:\n      - Effect: Allow\n        Action: s3:GetObject\n        Resource: '*'\n");
        var (_, without) = BindText(body);
        Assert.Contains("serverless-iam-roles-per-function", Assert.Single(without.Warnings()).Help, StringComparison.Ordinal);
        var (s, with) = BindText(body + "plugins:\n  - serverless-iam-roles-per-function\n");
        Assert.Empty(with.Items);
        Assert.Single(s!.Functions[0].IamRoleStatements);
    }

    [Fact]
    public void V2_provider_locations_are_kept_and_warned()
    {
        var (s, bag) = BindText("service: a\nprovider:\n  name: aws\n  apiKeys: [k]\n");
        Assert.Equal("apiKeys", Assert.Single(s!.Provider.IgnoredV2Keys).Key.Text);
        Assert.Contains("provider.apiGateway", Assert.Single(bag.Warnings()).Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_variables_are_not_reported_again_as_wrong_types()
    {
        var (_, bag) = BindText(SpecWith("  a:\n    handler: h.a\n    timeout: ${self:custom.missing}\n"));
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void Sensitive_values_are_not_echoed()
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("s.yml", SpecWith("  a:\n    handler: h.a\n    timeout: x\n"), bag);
        var root = (MappingNode)loaded.Root!;
        var secretRoot = (MappingNode)Rewrite(root, "secret-value");
        Binder.Bind(new ResolvedSpec(loaded, secretRoot, "dev", "us-east-1"), bag);
        var d = Assert.Single(bag.Errors());
        Assert.DoesNotContain("secret-value", d.Message, StringComparison.Ordinal);
        Assert.Contains("${env:T}", d.Message, StringComparison.Ordinal);
    }

    /// <summary>Replaces functions.a.timeout with a sensitive string, as the resolver does for ${env:T}.</summary>
    private static Node Rewrite(MappingNode root, string secret)
    {
        var functions = (MappingNode)root["functions"]!;
        var a = (MappingNode)functions["a"]!;
        var entries = a.Entries.Select(e => e.Key.Text == "timeout"
            ? new MappingEntry(e.Key, ScalarNode.String(e.Value.Span, secret) with { IsSensitive = true, Expression = "${env:T}" })
            : e).ToList();
        var newA = a with { Entries = entries };
        var newFunctions = functions with { Entries = [new MappingEntry(functions.Entries[0].Key, newA)] };
        return root with { Entries = [.. root.Entries.Select(e => e.Key.Text == "functions" ? new MappingEntry(e.Key, newFunctions) : e)] };
    }

    [Fact]
    public void Every_node_shape_binds_without_throwing()
    {
        string[] values = ["null", "1", "x", "[]", "{}", "[1, {a: b}]", "{a: [1]}", "!Ref X", "true"];
        string[] paths =
        [
            "service: {0}\nprovider: aws\n",
            "service: a\nprovider: {0}\n",
            "service: a\nprovider:\n  name: aws\n  iam: {0}\n  vpc: {0}\n  httpApi: {0}\n  apiGateway: {0}\n  logs: {0}\n  ecr: {0}\n  deploymentBucket: {0}\n  tags: {0}\n",
            "service: a\nprovider: aws\nfunctions: {0}\n",
            "service: a\nprovider: aws\nfunctions:\n  f: {0}\n",
            "service: a\nprovider: aws\nfunctions:\n  f:\n    handler: h\n    events: {0}\n",
            "service: a\nprovider: aws\nfunctions:\n  f:\n    handler: h\n    events:\n      - {0}\n",
            "service: a\nprovider: aws\nresources: {0}\nlayers: {0}\npackage: {0}\nplugins: {0}\nparams: {0}\nstepFunctions: {0}\n",
            "service: a\nprovider: aws\nresources:\n  Resources: {0}\n  Outputs: {0}\n  extensions: {0}\n",
            "service: a\nprovider: aws\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n      Properties: {0}\n",
        ];
        var events = Enum.GetValues<EventKind>().Select(FunctionEvent.KeyName);
        foreach (var template in paths)
        {
            foreach (var value in values)
            {
                _ = BindText(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, value));
            }
        }

        foreach (var e in events)
        {
            foreach (var value in values)
            {
                var (_, bag) = BindText($"service: a\nprovider: aws\nfunctions:\n  f:\n    handler: h\n    events:\n      - {e}: {value}\n");
                Assert.All(bag.Items, d => Assert.NotNull(d.Span));
            }
        }
    }
}

internal static class KnownKeysForTest
{
    public static readonly string[] Function =
        ["handler", "timeout", "memorySize", "environment", "events", "runtime", "name"];
}
