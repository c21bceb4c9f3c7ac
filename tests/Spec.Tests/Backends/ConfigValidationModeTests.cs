using Spec.Backends.CloudFormation;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends;

/// <summary>
/// <c>spec compile</c> refuses what the Framework's config validation refuses when the spec sets
/// <c>configValidationMode: error</c> (lib/classes/config-schema-handler throws on any schema error), and compiles it
/// with the default <c>warn</c>, where the Framework only warns.
/// </summary>
public sealed class ConfigValidationModeTests
{
    private static List<Diagnostic> Compile(string mode, string extra)
    {
        var yaml = $"""
            service: demo
            configValidationMode: {mode}
            provider:
              name: aws
              runtime: nodejs22.x
            {extra}
            functions:
              hello:
                handler: handler.hello
            """;
        var diagnostics = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, diagnostics);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.FromArguments([], new Dictionary<string, string>()), diagnostics);
        var result = CloudFormationCompiler.Compile(resolved, diagnostics);
        Assert.Equal(diagnostics.HasErrors, result.Text is null);
        return [.. diagnostics.Items.Where(d => d.Severity == Severity.Error)];
    }

    private const string BadRolePath = """
          iam:
            role:
              path: no-slashes
        """;

    private const string UnknownKey = "  timout: 10";

    [Fact]
    public void A_value_outside_the_Framework_schema_stops_compile_in_error_mode_at_the_value()
    {
        var error = Assert.Single(Compile("error", BadRolePath));
        Assert.Equal("SLS-GEN-010", error.Id);
        Assert.Equal(8, error.Span!.Line);
        Assert.Contains("provider.iam.role.path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_stops_compile_in_error_mode()
    {
        var error = Assert.Single(Compile("error", UnknownKey));
        Assert.Equal(DiagnosticIds.Schema, error.Id);
        Assert.Contains("timout", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warn")]
    [InlineData("off")]
    public void Outside_error_mode_compile_goes_on_as_the_Framework_does(string mode)
    {
        Assert.Empty(Compile(mode, BadRolePath));
        Assert.Empty(Compile(mode, UnknownKey));
    }
}
