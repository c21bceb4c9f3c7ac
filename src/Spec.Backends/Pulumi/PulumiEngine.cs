using Spec.Backends.Packaging;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;

namespace Spec.Backends.Pulumi;

/// <summary>
/// <c>spec deploy --engine pulumi</c>: generate the Pulumi YAML project into the work folder with the code packaged
/// into its <c>artifacts/</c>, then <c>pulumi stack select --create</c> and <c>pulumi up</c> there
/// (<see cref="PulumiDeployer"/>).
/// </summary>
public sealed class PulumiEngine : DeployEngine
{
    public static TargetOption Stack { get; } = new("--stack", "Pulumi stack [default: the stage]") { HelpName = "NAME" };

    public static TargetOption Yes { get; } = new("--yes", "Run `pulumi up` without asking for confirmation") { Alias = "-y", IsFlag = true };

    public static TargetOption Workdir { get; } =
        new("--workdir", "Where the Pulumi project is generated [default: .spec/pulumi beside the spec]") { HelpName = "DIR" };

    public override string Name => "pulumi";

    public override string Summary => "the Pulumi CLI";

    public override string DeploysWith => "Pulumi";

    public override IReadOnlyList<TargetOption> Options { get; } = [Stack, Yes, Workdir];

    public override int Deploy(DeployContext context, DiagnosticBag diagnostics)
    {
        var spec = context.Spec;
        var work = context.Settings[Workdir] is { } w ? context.Locate(w) : Path.Combine(spec.ServiceDirectory, ".spec", "pulumi");
        if (TargetCompiler.Plan(spec, diagnostics) is not { } plan)
        {
            return 1;
        }

        var source = PulumiSource.FromPlan(plan, PulumiProjectTarget.CodeRoot(work, spec.ServiceDirectory), spec.Loaded.Source.Path);

        // the code is packaged as `spec package` does it (patterns, individually, artifact), into the project
        var packaged = Packager.Package(spec, diagnostics, outputDirectory: work);
        if (!packaged.Succeeded || diagnostics.HasErrors
            || !TargetCompiler.WriteFiles(Path.Combine(work, "artifacts"), packaged.Artifacts.Select(a => KeyValuePair.Create(a.Name, a.Bytes)), diagnostics))
        {
            return 1;
        }

        var options = new PulumiDeployOptions
        {
            Stack = context.Settings[Stack],
            Yes = context.Settings.IsSet(Yes),
            SearchPath = context.SearchPath,
        };
        return PulumiDeployer.Deploy(source.WithArtifactsIn("./artifacts"), work, options, diagnostics);
    }
}
