using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>cognitoUserPool</c> event (<c>cognito-user-pool.js</c>, <c>newCognitoUserPools</c>): one
/// <c>AWS::Cognito::UserPool</c> per pool name with every trigger of every function merged into its
/// <c>LambdaConfig</c>, then one permission per function, pool and trigger. Pools are written first, then permissions.
/// </summary>
internal static class CognitoUserPoolLowering
{
    private static readonly string[] CustomSenderSources = ["CustomSMSSender", "CustomEmailSender"];

    private static readonly string[] TriggerSources =
    [
        "PreSignUp", "PostConfirmation", "PreAuthentication", "PostAuthentication", "PreTokenGeneration",
        "CustomMessage", "DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse", "UserMigration",
        .. CustomSenderSources,
    ];

    private sealed record Trigger(PlanEvent Event, string Pool, string Source, Node? KmsKeyId);

    public static void Compile(PlanContext ctx, List<PlanEvent> events)
    {
        var triggers = new List<Trigger>();
        foreach (var e in events)
        {
            if (IsTruthy(Get(e.Value, "existing")))
            {
                ctx.Unsupported($"the cognitoUserPool event of function '{e.Function.Key}' uses an existing pool, which " +
                                "the Framework wires with its own custom-resource Lambda; the CloudFormation backend " +
                                "does not build it", e.Node.Span,
                    "let the service create the pool (remove 'existing'), or attach the trigger outside this stack");
                continue;
            }

            var pool = Text(Get(e.Value, "pool"));
            var source = Text(Get(e.Value, "trigger"));
            if (pool is null || source is null || !TriggerSources.Contains(source))
            {
                ctx.Unsupported($"the cognitoUserPool event of function '{e.Function.Key}' needs 'pool' and a 'trigger' " +
                                "among: " + string.Join(", ", TriggerSources), e.Node.Span);
                continue;
            }

            var kms = Get(e.Value, "kmsKeyId");
            if (CustomSenderSources.Contains(source) && !IsTruthy(kms))
            {
                ctx.Unsupported($"the {source} trigger of pool '{pool}' (function '{e.Function.Key}') needs 'kmsKeyId'",
                    e.Node.Span, "custom sender triggers decrypt with a KMS key: set kmsKeyId to its ARN");
                continue;
            }

            triggers.Add(new Trigger(e, pool, source, kms));
        }

        foreach (var pool in triggers.Select(t => t.Pool).Distinct(StringComparer.Ordinal))
        {
            if (!AddPool(ctx, pool, [.. triggers.Where(t => t.Pool == pool)]))
            {
                return;
            }
        }

        foreach (var t in triggers)
        {
            var fn = t.Event.Function;
            var id = Naming.CognitoPermission(fn.Key, t.Pool, Naming.AlphaNumeric(t.Source));
            if (ctx.Plan.Contains(id))
            {
                continue;
            }

            var permission = Object(("Type", "AWS::Lambda::Permission"));
            if (fn.AliasLogicalId is not null)
            {
                permission["DependsOn"] = fn.AliasLogicalId;
            }

            permission["Properties"] = Object(("FunctionName", fn.Target()), ("Action", "lambda:InvokeFunction"),
                ("Principal", "cognito-idp.amazonaws.com"), ("SourceArn", GetAtt(Naming.CognitoUserPool(t.Pool), "Arn")));
            ctx.Add(id, permission, PlanResourceKind.Permission, t.Event.Node.Span, fn.Key);
        }
    }

    private static bool AddPool(PlanContext ctx, string pool, List<Trigger> triggers)
    {
        var lambdaConfig = new JsonObject();
        JsonNode? kmsKeyId = null;
        foreach (var t in triggers)
        {
            var target = t.Event.Function.Target();
            if (!CustomSenderSources.Contains(t.Source))
            {
                lambdaConfig[t.Source] = target;
                continue;
            }

            var kms = ctx.Json(t.KmsKeyId);
            if (kmsKeyId is not null && !JsonNode.DeepEquals(kmsKeyId, kms))
            {
                ctx.Unsupported($"the triggers of Cognito user pool '{pool}' name different KMS keys; a pool has one",
                    t.Event.Node.Span, "use the same kmsKeyId on every custom sender trigger of the pool");
                return false;
            }

            kmsKeyId = kms;
            lambdaConfig[t.Source] = Object(("LambdaArn", target), ("LambdaVersion", "V1_0"));
            lambdaConfig["KMSKeyID"] = kms?.DeepClone();
        }

        var dependsOn = new JsonArray([.. triggers.Select(t =>
            (JsonNode?)JsonValue.Create(t.Event.Function.AliasLogicalId ?? t.Event.Function.LogicalId))]);
        ctx.Add(Naming.CognitoUserPool(pool), Object(("Type", "AWS::Cognito::UserPool"),
                ("Properties", Object(("UserPoolName", pool), ("LambdaConfig", lambdaConfig))), ("DependsOn", dependsOn)),
            PlanResourceKind.Other, triggers[0].Event.Node.Span, triggers[0].Event.Function.Key);
        return true;
    }
}
