using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Tests.Bind.BindHelper;

namespace Spec.Tests.Bind;

public class BinderServiceTests
{
    [Fact]
    public void Minimal_service_gets_the_Framework_defaults()
    {
        var s = BindValid("service: orders\nprovider:\n  name: aws\nfunctions:\n  api:\n    handler: h.api\n");
        Assert.Equal("orders", s.Name.Value);
        Assert.Equal("dev", s.Stage);
        Assert.Equal("us-east-1", s.Region);
        var f = Assert.Single(s.Functions);
        Assert.Equal("orders-dev-api", f.Name.Value);
        Assert.Equal(SettingSource.Default, f.Name.Source);
        Assert.Equal(6, f.Timeout.Value);
        Assert.Equal(1024, f.MemorySize.Value);
        Assert.Equal("nodejs16.x", f.Runtime.Value);
        Assert.Equal(SettingSource.Default, f.Timeout.Source);
        Assert.Null(f.Timeout.Node);
        Assert.True(f.VersionFunction.Value);
        Assert.Equal("orders-dev", s.Provider.StackName.Value);
        Assert.Equal("warn", s.ConfigValidationMode.Value);
        Assert.Empty(f.Events);
    }

    [Fact]
    public void Provider_as_the_string_aws_is_accepted()
    {
        var s = BindValid("service: a\nprovider: aws\n");
        Assert.Equal("aws", s.Provider.Name.Value);
        Assert.Equal(6, s.Provider.Timeout.Value);
    }

    [Fact]
    public void Effective_values_prefer_function_then_provider_then_default_and_keep_their_nodes()
    {
        var s = BindValid(SpecWith("  a:\n    handler: h.a\n    timeout: 30\n  b:\n    handler: h.b\n",
            provider: "  timeout: 10\n  runtime: python3.11\n"));
        var a = s.FindFunction("a")!;
        var b = s.FindFunction("b")!;
        Assert.Equal((30, SettingSource.Function), (a.Timeout.Value!.Value, a.Timeout.Source));
        Assert.Equal(9, a.Timeout.Node!.Span.Line);
        Assert.Equal((10, SettingSource.Provider), (b.Timeout.Value!.Value, b.Timeout.Source));
        Assert.Equal(4, b.Timeout.Node!.Span.Line);
        Assert.Equal(("python3.11", SettingSource.Provider), (b.Runtime.Value, b.Runtime.Source));
        Assert.Equal((1024, SettingSource.Default), (b.MemorySize.Value!.Value, b.MemorySize.Source));
    }

    [Fact]
    public void FindFunction_finds_each_of_many_functions_by_key_and_no_other()
    {
        var s = BindValid(SpecWith(string.Concat(Enumerable.Range(0, 40).Select(i => $"  f{i}:\n    handler: h.f{i}\n"))));
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal($"h.f{i}", s.FindFunction($"f{i}")!.Handler!.Value);
        }

        Assert.Null(s.FindFunction("f40"));
        Assert.Null(s.FindFunction("F1"));
    }

    [Fact]
    public void Environment_merges_provider_under_function_and_keeps_each_node()
    {
        var s = BindValid(SpecWith("  a:\n    handler: h.a\n    environment:\n      B: fn\n      C: c\n",
            provider: "  environment:\n    A: a\n    B: provider\n"));
        var env = s.Functions[0].Environment;
        Assert.Equal(["A", "B", "C"], env.Select(e => e.Name));
        Assert.Equal("fn", env[1].Text);
        Assert.Equal(SettingSource.Function, env[1].Source);
        Assert.Equal(SettingSource.Provider, env[0].Source);
        Assert.Equal(11, env[1].Value.Span.Line);
    }

    [Fact]
    public void Intrinsic_values_keep_the_raw_node_and_an_unknown_typed_value()
    {
        var s = BindValid(SpecWith("  a:\n    handler: h.a\n    reservedConcurrency: !If [IsProd, 10, 1]\n    memorySize: !Ref Mem\n"));
        var f = s.Functions[0];
        Assert.Null(f.MemorySize.Value);
        Assert.True(f.MemorySize.IsUnknown);
        Assert.Equal(SettingSource.Function, f.MemorySize.Source);
        Assert.NotNull(f.ReservedConcurrency);
        Assert.Null(f.ReservedConcurrency!.Value);
    }

    [Fact]
    public void Numeric_strings_are_coerced_like_the_Framework()
    {
        var s = BindValid(SpecWith("  a:\n    handler: h.a\n    timeout: '30'\n"));
        Assert.Equal(30, s.Functions[0].Timeout.Value);
    }

    [Fact]
    public void Explicit_function_name_and_versioning_override_defaults()
    {
        var s = BindValid(SpecWith("  a:\n    handler: h.a\n    name: custom\n    versionFunction: false\n",
            provider: "  versionFunctions: true\n"));
        var f = s.Functions[0];
        Assert.Equal(("custom", SettingSource.Function), (f.Name.Value, f.Name.Source));
        Assert.False(f.VersionFunction.Value);
    }

    [Fact]
    public void Vpc_and_layers_inherit_from_provider_and_a_function_can_opt_out()
    {
        var s = BindValid(SpecWith("  a:\n    handler: h.a\n  b:\n    handler: h.b\n    vpc: null\n    layers: [arn:x]\n",
            provider: "  vpc:\n    securityGroupIds: [sg-1]\n    subnetIds: [sn-1, sn-2]\n  layers: [arn:p]\n"));
        var a = s.FindFunction("a")!;
        var b = s.FindFunction("b")!;
        Assert.Equal(SettingSource.Provider, a.Vpc.Source);
        Assert.Equal(["sn-1", "sn-2"], a.Vpc.Value!.SubnetIds.Select(x => x.Value));
        Assert.Null(b.Vpc.Value);
        Assert.Equal(SettingSource.Function, b.Vpc.Source);
        Assert.Equal(["arn:p"], a.Layers.Value.Select(l => l.Value));
        Assert.Equal(["arn:x"], b.Layers.Value.Select(l => l.Value));
    }

    [Fact]
    public void Image_functions_get_no_default_runtime()
    {
        var s = BindValid(SpecWith("  a:\n    image: 123.dkr.ecr.us-east-1.amazonaws.com/x@sha256:abc\n"));
        var f = s.Functions[0];
        Assert.True(f.IsImage);
        Assert.Null(f.Runtime.Value);
        Assert.NotNull(f.Image!.Uri);
    }

    [Fact]
    public void Edge_functions_default_to_128_MB_and_5_seconds()
    {
        var s = BindValid(SpecWith("  a:\n    handler: h.a\n    events:\n      - cloudFront:\n          eventType: viewer-request\n          origin: s3://bucket.s3.amazonaws.com/files\n",
            provider: "  memorySize: 512\n"));
        Assert.Equal(128, s.Functions[0].MemorySize.Value);
        Assert.Equal(5, s.Functions[0].Timeout.Value);
    }

    [Fact]
    public void Legacy_function_array_is_merged_and_null_functions_are_dropped()
    {
        var s = BindValid("service: a\nprovider: aws\nfunctions:\n  - one:\n      handler: h.one\n  - two:\n      handler: h.two\n    gone: null\n");
        Assert.Equal(["one", "two"], s.Functions.Select(f => f.Key));
    }

    [Fact]
    public void Iam_role_statements_are_typed_and_deprecated_keys_fold_in()
    {
        var s = BindValid("service: a\nprovider:\n  name: aws\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: [sqs:SendMessage]\n          Resource: !GetAtt Q.Arn\n  iamRoleStatements:\n    - Effect: Deny\n      Action: s3:*\n      Resource: '*'\n");
        var role = s.Provider.Iam.Role!;
        Assert.False(role.IsExisting);
        Assert.Equal(2, role.Statements.Count);
        Assert.Equal("Allow", role.Statements[0].Effect!.Value);
        Assert.Equal(["sqs:SendMessage"], role.Statements[0].Action.Select(a => a.Value));
        Assert.Null(Assert.Single(role.Statements[0].Resource).Value);
        Assert.Equal(["s3:*"], role.Statements[1].Action.Select(a => a.Value));
        Assert.Equal("iamRoleStatements", Assert.Single(s.Provider.Iam.DeprecatedKeys).Text);
    }

    [Fact]
    public void An_existing_role_is_recognised()
    {
        var s = BindValid("service: a\nprovider:\n  name: aws\n  iam:\n    role: arn:aws:iam::123456789012:role/x\n");
        Assert.True(s.Provider.Iam.Role!.IsExisting);
    }

    [Fact]
    public void Deployment_bucket_string_and_object_forms()
    {
        var s1 = BindValid("service: a\nprovider:\n  name: aws\n  deploymentBucket: my-bucket\n");
        Assert.Equal("my-bucket", s1.Provider.DeploymentBucket!.Name!.Value);
        var s2 = BindValid("service: a\nprovider:\n  name: aws\n  deploymentBucket:\n    name: b\n    serverSideEncryption: AES256\n");
        Assert.Equal("AES256", s2.Provider.DeploymentBucket!.ServerSideEncryption!.Value);
        Assert.Equal(5, s2.Provider.DeploymentBucket.MaxPreviousDeploymentArtifacts.Value);
    }

    [Fact]
    public void Http_api_authorizers_and_cors_are_bound()
    {
        var s = BindValid("service: a\nprovider:\n  name: aws\n  httpApi:\n    cors: true\n    authorizers:\n      jwt1:\n        identitySource: $request.header.Authorization\n        issuerUrl: https://issuer\n        audience: [a1]\n      custom:\n        type: request\n        functionName: auth\n");
        var h = s.Provider.HttpApi!;
        Assert.True(h.Cors!.Enabled);
        Assert.Equal(["jwt1", "custom"], h.Authorizers.Select(a => a.Key));
        Assert.Equal(("jwt", SettingSource.Default), (h.Authorizers[0].Type.Value, h.Authorizers[0].Type.Source));
        Assert.Equal("auth", h.Authorizers[1].FunctionName!.Value);
    }

    [Fact]
    public void Layers_default_their_name_to_the_key()
    {
        var s = BindValid("service: a\nprovider: aws\nlayers:\n  common:\n    path: layer\n    compatibleRuntimes: [nodejs18.x]\n");
        var l = Assert.Single(s.Layers);
        Assert.Equal(("common", SettingSource.Default), (l.Name.Value, l.Name.Source));
        Assert.Equal(["nodejs18.x"], l.CompatibleRuntimes.Select(r => r.Value));
    }

    [Fact]
    public void Package_plugins_params_and_step_functions_are_bound()
    {
        var s = BindValid("service: a\nprovider: aws\npackage:\n  patterns: ['!node_modules/**']\n  individually: true\nplugins:\n  - serverless-step-functions\nparams:\n  prod:\n    size: 10\n  default:\n    size: 1\nstepFunctions:\n  stateMachines:\n    flow:\n      type: EXPRESS\n      definition:\n        StartAt: A\n        States: {A: {Type: Pass, End: true}}\n");
        Assert.Equal(["!node_modules/**"], s.Package!.Patterns.Select(p => p.Value));
        Assert.True(s.Package.Individually!.Value);
        Assert.True(s.HasPlugin("serverless-step-functions"));
        Assert.Equal(["prod", "default"], s.Params.Select(p => p.Stage));
        var sm = Assert.Single(s.StepFunctions!.StateMachines);
        Assert.Equal("EXPRESS", sm.Type.Value);
        Assert.NotNull(sm.Definition);
    }

    [Fact]
    public void Step_functions_without_the_plugin_warn_like_the_Framework()
    {
        var (s, bag) = BindText("service: a\nprovider: aws\nstepFunctions:\n  stateMachines: {}\n");
        Assert.NotNull(s);
        var w = Assert.Single(bag.Warnings());
        Assert.Contains("stepFunctions", w.Message, StringComparison.Ordinal);
        Assert.Contains("serverless-step-functions", w.Help, StringComparison.Ordinal);
    }
}
