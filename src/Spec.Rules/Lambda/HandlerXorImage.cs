using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-009: Function needs exactly one of handler or image.</summary>
public sealed class HandlerXorImage : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-009",
        Title = "Function needs exactly one of handler or image",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "A function sets both `handler` and `image`. (A function with neither is reported once, by the Bind stage, as a missing `handler` (SLS-GEN-002), merged with the unknown key that is its likely cause, such as `handlr`.)",
        Rationale = "The Framework refuses to package such a function.",
        HowToFix = "Keep `handler` for a zip package or `image` for a container image, not both.",
        FailingExample = """
            functions:
              hello:
                handler: handler.hello
                image: <ecr uri>
            """,
        PassingExample = """
            functions:
              hello:
                handler: handler.hello
            """,
        Anchors =
        [
            "Serverless FUNCTION_NEITHER_HANDLER_NOR_IMAGE_DEFINED_ERROR",
            "cfn-lint E3685",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            if (function.Handler is not null && function.Image is not null)
            {
                context.Report(function.KeyNode, $"function '{function.Key}' sets both 'handler' and 'image'",
                    related: [function.Image.Node.Related("the image is set here")]);
            }
        }
    }
}
