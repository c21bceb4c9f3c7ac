using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;

namespace Spec.Backends.CloudFormation;

public enum TemplateFormat
{
    Json,
    Yaml,
}

/// <summary>The result of a compile: the plan, the template and its text (null when the spec has errors).</summary>
public sealed class CompileResult(ServicePlan plan, string? text)
{
    private JsonObject? _template;

    public ServicePlan Plan { get; } = plan;

    /// <summary>The template as an object, built on first use (the text is written from the plan directly).</summary>
    public JsonObject Template => _template ??= CloudFormationEmitter.Template(Plan);

    public string? Text { get; } = text;

    public bool Succeeded => Text is not null;
}

/// <summary>
/// <c>spec compile --target cloudformation</c> as a library call: plan the resolved service, emit the template, and
/// optionally write <c>DIR/cloudformation-template-update-stack.json</c> atomically.
/// </summary>
public static class CloudFormationCompiler
{
    public const string TemplateFileName = "cloudformation-template-update-stack";

    public static CompileResult Compile(ResolvedSpec spec, DiagnosticBag diagnostics, PlanOptions? options = null,
        TemplateFormat format = TemplateFormat.Json)
    {
        var plan = PlanBuilder.Build(spec, diagnostics, options);
        var text = diagnostics.HasErrors ? null : CloudFormationEmitter.Text(plan, format);
        return new CompileResult(plan, text);
    }

    public static string Render(JsonObject template, TemplateFormat format) =>
        format == TemplateFormat.Yaml ? TemplateYamlWriter.Write(template) : TemplateJsonWriter.Write(template);

    public static string FileName(TemplateFormat format) => TemplateFileName + (format == TemplateFormat.Yaml ? ".yaml" : ".json");

    /// <summary>Writes the files into <paramref name="outputDirectory"/> atomically (<see cref="TargetCompiler.WriteFiles"/>).</summary>
    public static bool WriteOutput(string outputDirectory, IReadOnlyDictionary<string, byte[]> files, DiagnosticBag diagnostics) =>
        TargetCompiler.WriteFiles(outputDirectory, files, diagnostics);
}
