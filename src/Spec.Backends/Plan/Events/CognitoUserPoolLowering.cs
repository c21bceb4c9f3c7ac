using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>cognitoUserPool</c> event (<c>cognito-user-pool.js</c>, <c>newCognitoUserPools</c>): one
/// <c>AWS::Cognito::UserPool</c> per pool name with every trigger of every function merged into its
/// <c>LambdaConfig</c>, then one permission per function, pool and trigger. Pools are written first, then permissions.
/// </summary>
internal sealed class CognitoUserPoolLowering : EventLowering<CognitoUserPoolEvent>
{
    private static readonly string[] CustomSenderSources = ["CustomSMSSender", "CustomEmailSender"];

    private static readonly string[] TriggerSources =
    [
        "PreSignUp", "PostConfirmation", "PreAuthentication", "PostAuthentication", "PreTokenGeneration",
        "CustomMessage", "DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse", "UserMigration",
        .. CustomSenderSources,
    ];

    private sealed record Trigger(PlanEvent<CognitoUserPoolEvent> Event, string Pool, string Source, Node? KmsKeyId)
    {
        /// <summary>Where the pool was written: the ids made from the pool spell it.</summary>
        public Node PoolNode => Event.Event.Pool.Node;

        /// <summary>How a message names the pool: by its expression when it came from <c>${env:}</c> or <c>${file()}</c>.</summary>
        public string PoolShown => Event.Event.Pool.Shown;

        /// <summary>What a permission's id is made from: the pool and the trigger, a sensitive one of them first.</summary>
        public Node? PermissionIdSource => LogicalIdSource.Of(PoolNode, Event.Event.Trigger.Node);
    }

    public override EventKind Kind => EventKind.CognitoUserPool;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) => NeedsPoolAndTrigger(ctx, fn, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<CognitoUserPoolEvent>> events)
    {
        var triggers = new List<Trigger>();
        var existing = new List<Trigger>();
        foreach (var e in events)
        {
            var pool = e.Event.Pool.Value;
            var source = e.Event.Trigger.Value;
            if (pool is null || source is null || !TriggerSources.Contains(source))
            {
                NeedsPoolAndTrigger(ctx, e.Function, e.Span);
                continue;
            }

            var kms = e.Event.KmsKeyId;
            if (CustomSenderSources.Contains(source) && !e.Event.HasKmsKeyId)
            {
                ctx.Unsupported($"the {source} trigger of pool '{e.Event.Pool.Shown}' (function '{e.Function.Key}') needs 'kmsKeyId'",
                    e.Span, "custom sender triggers decrypt with a KMS key: set kmsKeyId to its ARN");
                continue;
            }

            (e.Event.IsExistingPool ? existing : triggers).Add(new Trigger(e, pool, source, kms));
        }

        foreach (var pool in triggers.Select(t => t.Pool).Distinct(StringComparer.Ordinal))
        {
            if (!AddPool(ctx, pool, [.. triggers.Where(t => t.Pool == pool)]))
            {
                return;
            }
        }

        AddPermissions(ctx, triggers);
        ExistingPools(ctx, existing);
    }

    private static void NeedsPoolAndTrigger(PlanContext ctx, PlanFunction fn, SourceSpan span) =>
        ctx.Unsupported($"the cognitoUserPool event of function '{fn.Key}' needs 'pool' and a 'trigger' " +
                        "among: " + string.Join(", ", TriggerSources), span);

    private static void AddPermissions(PlanContext ctx, List<Trigger> triggers)
    {
        foreach (var t in triggers)
        {
            var fn = t.Event.Function;
            var id = Naming.CognitoPermission(fn.Key, t.Pool, Naming.AlphaNumeric(t.Source));
            if (ctx.Plan.Contains(id))
            {
                continue;
            }

            var permission = Object(("Type", "AWS::Lambda::Permission"));
            EventResources.WaitForAlias(fn, permission);

            permission["Properties"] = Object(("FunctionName", fn.Target()), ("Action", "lambda:InvokeFunction"),
                ("Principal", "cognito-idp.amazonaws.com"), ("SourceArn", GetAtt(Naming.CognitoUserPool(t.Pool), "Arn")));
            ctx.Add(id, permission, PlanResourceKind.Permission, t.Event.Span, fn.Key, t.PermissionIdSource);
        }
    }

    /// <summary>
    /// <c>existingCognitoUserPools</c>: one <c>Custom::CognitoUserPool</c> per function (one pool each) listing its
    /// triggers; resources on one pool depend on each other in order, since each rewrites the pool's LambdaConfig.
    /// </summary>
    private static void ExistingPools(PlanContext ctx, List<Trigger> triggers)
    {
        if (triggers.Count == 0)
        {
            return;
        }

        var statements = new List<JsonObject>();
        var resources = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var idsByPool = new OrderedDictionary<string, List<string>>(StringComparer.Ordinal);
        var kmsByPool = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var forced = new List<(JsonObject Resource, SourceSpan Span, string Owner)>();
        foreach (var group in triggers.GroupBy(t => t.Event.Function))
        {
            var fn = group.Key;
            var id = Naming.FunctionName(fn.Key) + "CustomCognitoUserPool1";
            var functionPool = group.First().Pool;
            foreach (var t in group)
            {
                if (t.Pool != functionPool)
                {
                    ctx.Unsupported($"function '{fn.Key}' attaches to two existing Cognito user pools ('{group.First().PoolShown}' " +
                                    $"and '{t.PoolShown}'); the Framework allows one existing pool per function", t.Event.Span,
                        "move the second pool's triggers to another function");
                    continue;
                }

                var config = Object(("Trigger", t.Source));
                JsonNode? kms = null;
                if (CustomSenderSources.Contains(t.Source))
                {
                    kms = ctx.Json(t.KmsKeyId);
                    if (kmsByPool.TryGetValue(t.Pool, out var previous) && !JsonNode.DeepEquals(previous, kms))
                    {
                        ctx.Unsupported($"the triggers of Cognito user pool '{t.PoolShown}' name different KMS keys; a pool has one",
                            t.Event.Span, "use the same kmsKeyId on every custom sender trigger of the pool");
                        continue;
                    }

                    kmsByPool[t.Pool] = kms;
                    config["LambdaVersion"] = t.Event.Event.LambdaVersion;
                    config["KMSKeyID"] = kms?.DeepClone();
                }

                if (resources.TryGetValue(id, out var resource))
                {
                    resource["Properties"]!["UserPoolConfigs"]!.AsArray().AddNode(config);
                    continue;
                }

                if (kms is not null)
                {
                    statements.Add(CustomResources.Statement(kms.DeepClone(), "kms:CreateGrant"));
                }

                resource = Object(("Type", "Custom::CognitoUserPool"), ("Version", 1),
                    ("DependsOn", Strings([fn.LogicalId, CustomResources.CognitoUserPool.LogicalId])),
                    ("Properties", Object(("ServiceToken", GetAtt(CustomResources.CognitoUserPool.LogicalId, "Arn")),
                        ("FunctionName", fn.DeployedName), ("UserPoolName", ctx.DerivedFrom(t.Pool, t.PoolNode)), ("UserPoolConfigs", Array(config)))));
                resources[id] = resource;
                if (t.Event.Event.ForceDeploy is { Value: true } forceDeploy)
                {
                    forced.Add((resource, forceDeploy.Node.Span, $"the cognitoUserPool event of function '{fn.Key}'"));
                }

                ctx.Add(id, resource, PlanResourceKind.Other, t.Event.Span, fn.Key);
                statements.Add(CustomResources.Statement("*", "cognito-idp:ListUserPools", "cognito-idp:DescribeUserPool",
                    "cognito-idp:UpdateUserPool"));
                if (!idsByPool.TryGetValue(t.Pool, out var ids))
                {
                    idsByPool[t.Pool] = ids = [];
                }

                ids.Add(id);
            }

            if (resources.ContainsKey(id))
            {
                statements.Add(CustomResources.Statement(Sub($"arn:${{AWS::Partition}}:lambda:*:*:function:{fn.DeployedName}"),
                    "lambda:AddPermission", "lambda:RemovePermission"));
            }
        }

        if (resources.Count == 0)
        {
            return;
        }

        foreach (var (resource, span, owner) in forced)
        {
            CustomResources.StampForceDeploy(ctx, resource, span, owner);
        }

        statements.Add(CustomResources.Statement(Sub("arn:${AWS::Partition}:iam::*:role/*"), "iam:PassRole"));
        foreach (var (_, ids) in idsByPool)
        {
            for (var i = 1; i < ids.Count; i++)
            {
                resources[ids[i]]["DependsOn"]!.AsArray().AddNode(ids[i - 1]);
            }
        }

        CustomResources.Add(ctx, CustomResources.CognitoUserPool, statements, triggers[0].Event.Span);
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
                ctx.Unsupported($"the triggers of Cognito user pool '{t.PoolShown}' name different KMS keys; a pool has one",
                    t.Event.Span, "use the same kmsKeyId on every custom sender trigger of the pool");
                return false;
            }

            kmsKeyId = kms;
            lambdaConfig[t.Source] = Object(("LambdaArn", target), ("LambdaVersion", Defaults.CognitoCustomSenderLambdaVersion));
            lambdaConfig["KMSKeyID"] = kms?.DeepClone();
        }

        var dependsOn = new JsonArray([.. triggers.Select(t =>
            (JsonNode?)JsonValue.Create(t.Event.Function.AliasLogicalId ?? t.Event.Function.LogicalId))]);
        ctx.Add(Naming.CognitoUserPool(pool), Object(("Type", "AWS::Cognito::UserPool"),
                ("Properties", Object(("UserPoolName", ctx.DerivedFrom(pool, triggers[0].PoolNode)), ("LambdaConfig", lambdaConfig))), ("DependsOn", dependsOn)),
            PlanResourceKind.Other, triggers[0].Event.Span, triggers[0].Event.Function.Key, triggers[0].PoolNode);
        return true;
    }
}
