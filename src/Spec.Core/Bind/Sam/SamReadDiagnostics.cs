using Spec.Core.Diagnostics;

namespace Spec.Core.Bind.Sam;

/// <summary>
/// What reading a SAM template into the serverless.yml model says about the parts serverless.yml expresses differently
/// or not at all (<c>spec convert template.yaml --to serverless</c> reports them; <c>spec check</c> does not).
/// </summary>
public static class SamReadDiagnostics
{
    /// <summary>A SAM setting serverless.yml expresses differently (a per-function policy on the shared role, an
    /// explicit API's settings, a bucket renamed to the Framework's logical id…).</summary>
    public const string Approximated = "SPEC-CONVERT-005";

    /// <summary>A SAM setting with no serverless.yml meaning: left out of the spec.</summary>
    public const string LeftOut = "SPEC-CONVERT-006";

    private const string Category = "Convert";

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        DiagnosticDescriptor.Create(Approximated, "SAM setting approximated in serverless.yml", Severity.Warning, Category,
            "serverless.yml expresses this SAM setting differently: a function's `Policies` join the one role the Framework " +
            "generates for the service, an explicit `AWS::Serverless::Api`'s routes move to the Framework's REST API, a " +
            "bucket, topic or user pool an event uses is renamed to the logical id the Framework gives it.",
            "The stack `serverless deploy` creates from the converted spec differs from SAM's in the way the message says.",
            "Check the converted spec where the message points and adjust it if the difference matters.",
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n        - SQSPollerPolicy:\n            QueueName: q",
            "", suppressible: false),
        DiagnosticDescriptor.Create(LeftOut, "SAM setting serverless.yml cannot express", Severity.Warning, Category,
            "The setting has no serverless.yml equivalent: a SAM policy template (SAM expands it from its own table), an " +
            "SQS dead-letter queue on a function, an event type the Framework does not have, an API's method throttling, a usage plan's name, description or tags.",
            "The converted spec leaves it out; the message says what to configure yourself.",
            "Write the setting in the converted spec's own terms (an IAM statement, `resources:`), or keep the SAM template.",
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      DeadLetterQueue:\n        Type: SQS\n        TargetArn: arn",
            "", suppressible: false),
    ];
}
