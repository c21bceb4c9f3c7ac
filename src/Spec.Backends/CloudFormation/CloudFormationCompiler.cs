using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
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

    /// <summary>Binds <paramref name="spec"/> as the backends do (<see cref="PlanBuilder.Bind"/>) and compiles it.</summary>
    public static CompileResult Compile(ResolvedSpec spec, DiagnosticBag diagnostics, PlanOptions? options = null,
        TemplateFormat format = TemplateFormat.Json) =>
        Emit(PlanBuilder.Build(spec, diagnostics, options), diagnostics, format);

    /// <summary>Plans the bound <paramref name="service"/> and emits its template.</summary>
    public static CompileResult Compile(Service service, DiagnosticBag diagnostics, PlanOptions? options = null,
        TemplateFormat format = TemplateFormat.Json) =>
        Emit(PlanBuilder.Build(service, diagnostics, options), diagnostics, format);

    private static CompileResult Emit(ServicePlan plan, DiagnosticBag diagnostics, TemplateFormat format) =>
        new(plan, diagnostics.HasErrors ? null : CloudFormationEmitter.Text(plan, format));

    public static string Render(JsonObject template, TemplateFormat format) =>
        format == TemplateFormat.Yaml ? TemplateYamlWriter.Write(template) : TemplateJsonWriter.Write(template);

    public static string FileName(TemplateFormat format) => TemplateFileName + (format == TemplateFormat.Yaml ? ".yaml" : ".json");

    /// <summary>Writes the files into <paramref name="outputDirectory"/> atomically (<see cref="TargetCompiler.WriteFiles"/>).</summary>
    public static bool WriteOutput(string outputDirectory, IReadOnlyDictionary<string, byte[]> files, DiagnosticBag diagnostics) =>
        TargetCompiler.WriteFiles(outputDirectory, files, diagnostics);
}
