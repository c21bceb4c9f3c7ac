using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-010: A value breaks a constraint of the Framework's config schema.</summary>
/// <remarks>
/// The Framework validates the resolved configuration against its schema and, with <c>configValidationMode: error</c>,
/// refuses to package; with the default <c>warn</c> it prints "Invalid configuration encountered" and deploys, so the
/// finding is a warning unless the spec asks for <c>error</c>, and nothing with <c>off</c>. A value the Framework lets
/// through is often refused later by CloudFormation or the service; those refusals are SLS-GEN-009's errors.
/// A dedicated rule that reports the same value (runtime, memory size, timeout, …), or SLS-GEN-009 on a generated
/// property that value produced, replaces this finding (<see cref="Backstops"/> keeps one finding per value).
/// </remarks>
public sealed class ValueOutsideFrameworkSchema : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-010",
        Title = "Value outside the Framework schema's constraints",
        DefaultSeverity = Severity.Warning,
        Category = "General",
        Description = "A value is not one of the allowed values (`enum`, `const`), does not match the pattern (`pattern`, `regexp`), " +
                      "or is outside the length, item-count, key-count or numeric range (`minLength`/`maxLength`, `minItems`/`maxItems`, " +
                      "`minProperties`/`maxProperties`, `minimum`/`maximum`) that Serverless Framework 3.40.0's config schema declares for its key. " +
                      "A warning, as the Framework's default `configValidationMode: warn` treats it; an error when the spec sets " +
                      "`configValidationMode: error` (the Framework then refuses to package); not reported with `configValidationMode: off`.",
        Rationale = "The Framework warns (or, in error mode, stops) on such a value, and most of these constraints restate an AWS limit that CloudFormation or the service enforces at deploy time.",
        HowToFix = "Use a value the message's constraint allows (the Framework's serverless.yml reference documents each key).",
        FailingExample = """
            functions:
              users:
                handler: handler.list
                events:
                  - http:
                      path: users
                      method: get
                      cors:
                        maxAge: 0
            """,
        PassingExample = """
            functions:
              users:
                handler: handler.list
                events:
                  - http:
                      path: users
                      method: get
                      cors:
                        maxAge: 600
            """,
        Anchors =
        [
            "Serverless configValidationMode",
            "Serverless Framework 3.40.0 config schema (lib/config-schema.js and the AWS provider's schema)",
        ],
    };

    public override void Check(RuleContext context)
    {
        var mode = context.Service.ConfigValidationMode.Value;
        if (mode == "off")
        {
            return;
        }

        var severity = mode == "error" ? Severity.Error : Severity.Warning;
        foreach (var violation in FrameworkSchemaConstraints.Check(context.Service.Root))
        {
            context.Report(violation.Node, Message(violation), severity: severity);
        }
    }

    /// <summary>
    /// What the Framework refuses to package before any compiler runs: with <c>configValidationMode: error</c> every
    /// value outside the schema's constraints, as errors with this rule's id (<c>spec compile</c>, <c>package</c> and
    /// <c>deploy</c> stop on them as the Framework does); nothing in the other modes, where it only warns.
    /// </summary>
    public static IEnumerable<Diagnostic> Refusals(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.ConfigValidationMode.Value != "error")
        {
            yield break;
        }

        var metadata = new ValueOutsideFrameworkSchema().Metadata;
        foreach (var violation in FrameworkSchemaConstraints.Check(service.Root))
        {
            yield return new Diagnostic(metadata.Id, Severity.Error, Message(violation), violation.Node.EditSpan)
            {
                Related = Provenance.RelatedOf(violation.Node),
                Help = metadata.HowToFix + " The spec sets `configValidationMode: error`, so the Framework refuses to package it.",
                HelpUri = metadata.HelpUri,
            };
        }
    }

    private static string Message(FrameworkSchemaViolation violation) =>
        $"{(violation.Path.Length == 0 ? "the spec" : $"'{violation.Path}'")} {violation.Problem} (Framework schema `{violation.Keyword}`)";
}
