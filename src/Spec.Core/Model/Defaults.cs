using Spec.Core.Schema;

namespace Spec.Core.Model;

/// <summary>
/// The defaults the binder applies that are not keys of <c>serverless.yml</c>. A key's default is in the key
/// catalogue (<c>Schema/Catalog</c>, read through <see cref="KeyCatalog"/>), not here; <see cref="Stage"/> and
/// <see cref="Region"/> only read it for the stages that run before there is a model (Resolve, print).
/// </summary>
public static class Defaults
{
    /// <summary>The stage when neither <c>--stage</c> nor <c>provider.stage</c> gives one: the catalogue's default of
    /// <c>provider.stage</c>.</summary>
    public static string Stage { get; } = KeyCatalog.Serverless.Default<string>("provider.stage");

    /// <summary>The region when neither <c>--region</c> nor <c>provider.region</c> gives one: the catalogue's default
    /// of <c>provider.region</c>.</summary>
    public static string Region { get; } = KeyCatalog.Serverless.Default<string>("provider.region");

    /// <summary>The stack name when <c>provider.stackName</c> gives none (the Framework's <c>getStackName</c>).</summary>
    public static string StackName(string service, string stage) => $"{service}-{stage}";

    /// <summary>Memory of a Lambda@Edge (<c>cloudFront</c> event) function that sets none itself: the cloudFront event
    /// replaces the provider's.</summary>
    public const int EdgeMemorySize = 128;

    /// <summary>Timeout of a Lambda@Edge function that sets none itself.</summary>
    public const int EdgeTimeout = 5;

    /// <summary>The Lambda version of a Cognito custom sender trigger (<c>LambdaConfig.Custom*Sender.LambdaVersion</c>).</summary>
    public const string CognitoCustomSenderLambdaVersion = "V1_0";

    // AWS's defaults of the CloudFormation properties the model reads from `resources:`.
    public const bool SqsFifoQueue = false;
    public const int SqsVisibilityTimeout = 30;
    public const int SqsMessageRetentionPeriod = 345600;
    public const int SqsDelaySeconds = 0;
    public const int SqsReceiveMessageWaitTimeSeconds = 0;
    public const int SqsMaximumMessageSize = 262144;
    public const bool SnsFifoTopic = false;
    public const string DynamoDbBillingMode = "PROVISIONED";
}
