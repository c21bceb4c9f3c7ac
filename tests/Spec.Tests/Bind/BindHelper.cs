using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Bind;

/// <summary>Loads YAML text and binds it directly (no variable resolution), with stage dev and us-east-1.</summary>
internal static class BindHelper
{
    public static (Service? Service, DiagnosticBag Diagnostics) BindText(string yaml, string file = "serverless.yml")
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText(file, yaml, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var service = Binder.Bind(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag);
        return (service, bag);
    }

    public static (Service? Service, DiagnosticBag Diagnostics) BindFile(string path)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadFile(path, bag);
        var service = Binder.Bind(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag);
        return (service, bag);
    }

    /// <summary>A minimal valid service with the given functions block (indented under 'functions:').</summary>
    public static Service BindValid(string yaml)
    {
        var (service, bag) = BindText(yaml);
        Assert.True(bag.Items.Count == 0, string.Join("\n", bag.Items));
        return service!;
    }

    public static string SpecWith(string functions, string provider = "", string extra = "") =>
        "service: svc\nprovider:\n  name: aws\n" + provider + "functions:\n" + functions + extra;

    public static IEnumerable<Diagnostic> Errors(this DiagnosticBag bag) => bag.Items.Where(d => d.Severity == Severity.Error);

    public static IEnumerable<Diagnostic> Warnings(this DiagnosticBag bag) => bag.Items.Where(d => d.Severity == Severity.Warning);
}
