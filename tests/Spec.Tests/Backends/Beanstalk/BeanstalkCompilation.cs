using System.Text;
using Spec.Backends.Beanstalk;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;
using Spec.Tests.Cli;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>The Beanstalk target run in-process on a spec (a file, or a text written to a temporary folder).</summary>
internal sealed record BeanstalkCompilation(BeanstalkOutput? Output, DiagnosticBag Diagnostics)
{
    public static BeanstalkCompilation OfFile(string specPath)
    {
        var result = new SpecPipeline().Run(specPath, ResolveOptions.Empty, PipelineStage.Resolve);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(result.Diagnostics.Where(d => d.Severity == Severity.Error));
        if (result.Resolved is not { } resolved || TargetCompiler.Plan(resolved, diagnostics) is not { } planned)
        {
            return new BeanstalkCompilation(null, diagnostics);
        }

        return new BeanstalkCompilation(BeanstalkEmitter.Emit(planned.Model, planned.Plan, diagnostics), diagnostics);
    }

    public static BeanstalkCompilation OfText(string spec)
    {
        using var dir = new TempDir();
        return OfFile(dir.Write("serverless.yml", spec));
    }

    public IEnumerable<Diagnostic> Errors => Diagnostics.Items.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Items.Where(d => d.Severity == Severity.Warning);

    public string File(string path) =>
        Encoding.UTF8.GetString(Output!.Files.Single(f => f.Path == path).Content);

    public bool Has(string path) => Output!.Files.Any(f => f.Path == path);

    public BeanstalkEnvironment Environment(string key) => Output!.Environments.Single(e => e.Key == key);
}
