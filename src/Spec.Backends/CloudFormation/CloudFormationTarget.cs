using System.Text;
using Spec.Backends.Deploy;
using Spec.Backends.Packaging;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;

namespace Spec.Backends.CloudFormation;

/// <summary>
/// <c>--target cloudformation</c>: the template <c>serverless package</c> writes, as JSON or (<c>--format yaml</c>)
/// YAML, into <c>.spec</c>; deployed by <see cref="CloudFormationEngine"/>.
/// </summary>
public sealed class CloudFormationTarget : Target
{
    /// <summary><c>--format json|yaml</c>, shared with <c>spec package</c>.</summary>
    public static TargetOption Format { get; } = new("--format", "Template format")
    {
        Alias = "-f",
        AllowedValues = ["json", "yaml"],
        Default = "json",
    };

    public override string Name => "cloudformation";

    public override string Produces => "a CloudFormation template";

    public override string Family => "CloudFormation";

    public override string Writes =>
        $"`{CloudFormationCompiler.FileName(TemplateFormat.Json)}` (`--format yaml`: `.yaml`)";

    public override string DefaultOutput => Packager.DefaultOutputDirectory;

    public override IReadOnlyList<TargetOption> Options { get; } = [Format];

    public override DeployEngine Engine { get; } = new CloudFormationEngine();

    public static TemplateFormat FormatOf(TargetSettings settings) => settings[Format] == "yaml" ? TemplateFormat.Yaml : TemplateFormat.Json;

    public override IReadOnlyList<OutputFile> Emit(TargetContext context, DiagnosticBag diagnostics)
    {
        var format = FormatOf(context.Settings);
        return [new OutputFile(CloudFormationCompiler.FileName(format), CloudFormationEmitter.Utf8Segments(context.Plan, format))];
    }
}
