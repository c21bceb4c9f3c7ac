using System.Text;
using Spec.Backends.Targets;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Files;

namespace Spec.Backends.Pulumi;

/// <summary>
/// <c>--target pulumi-ts|pulumi-yaml|pulumi-csharp</c>: a complete Pulumi project in one language
/// (<see cref="PulumiCompiler.Files"/>) into <c>.spec/&lt;target&gt;</c>; the YAML project is what
/// <see cref="PulumiEngine"/> deploys. Code paths in the program are relative to the project folder.
/// </summary>
public sealed class PulumiProjectTarget(PulumiTarget language) : Target
{
    public PulumiTarget ProgramLanguage { get; } = language;

    public override string Name => ProgramLanguage switch
    {
        PulumiTarget.TypeScript => "pulumi-ts",
        PulumiTarget.Yaml => "pulumi-yaml",
        _ => "pulumi-csharp",
    };

    public override string Produces => "a Pulumi project";

    public override string Language => ProgramLanguage switch
    {
        PulumiTarget.TypeScript => "TypeScript",
        PulumiTarget.Yaml => "YAML",
        _ => "C#",
    };

    public override string Family => "Pulumi";

    public override string Writes => ProgramLanguage switch
    {
        PulumiTarget.TypeScript => "a Pulumi TypeScript project: `Pulumi.yaml`, `Pulumi.<stage>.yaml`, `index.ts`, `package.json`, `tsconfig.json`",
        PulumiTarget.Yaml => "a Pulumi YAML project: `Pulumi.yaml` (holds the program), `Pulumi.<stage>.yaml`",
        _ => "a Pulumi .NET project: `Pulumi.yaml`, `Pulumi.<stage>.yaml`, `Program.cs`, `<Service>.csproj`",
    };

    public override DeployEngine? Engine { get; } = language == PulumiTarget.Yaml ? new PulumiEngine() : null;

    public override IReadOnlyList<OutputFile> Emit(TargetContext context, DiagnosticBag diagnostics)
    {
        // The stage names a file of the project (Pulumi.<stage>.yaml): a stage such as "a/b" would put it in a folder
        // Pulumi never reads.
        if (PathNames.ProblemWithFileName(StackFileName(context.Plan.Stage)) is { } problem)
        {
            diagnostics.Error(CloudFormationDiagnosticIds.Output,
                $"the stage '{context.Plan.Stage}' cannot name the Pulumi stack file: {problem}", null, "use a stage of letters, digits and '-'");
            return [];
        }

        var source = PulumiSource.FromPlan(context.Plan, CodeRoot(context.OutputDirectory, context.ServiceDirectory), context.SpecPath);
        var program = PulumiProgramBuilder.Build(source, diagnostics);
        return [.. PulumiCompiler.Files(program, ProgramLanguage).Select(f => new OutputFile(f.Key, Encoding.UTF8.GetBytes(f.Value)))];
    }

    internal static string StackFileName(string stage) => $"Pulumi.{stage}.yaml";

    /// <summary>The project folder itself, not each file.</summary>
    public override IEnumerable<string> Announce(string outputDirectory, IReadOnlyList<OutputFile> files) => [outputDirectory];

    /// <summary>The service folder as the program refers to it: relative to the project folder, with forward slashes.</summary>
    internal static string CodeRoot(string projectDirectory, string serviceDirectory) =>
        Path.GetRelativePath(projectDirectory, serviceDirectory).Replace('\\', '/');
}
