using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// What API Gateway logging adds to a stack: the log group of an API's logs, and once per stack the custom resource
/// that names the account's CloudWatch role, without which API Gateway writes no REST or WebSocket log
/// (<c>compile/events/lib/ensure-api-gateway-cloud-watch-role.js</c>).
/// </summary>
internal static class ApiGatewayLogging
{
    public const string CloudWatchRoleLogicalId = "CustomApiGatewayAccountCloudWatchRole";

    /// <summary>A log group named <paramref name="name"/> with the provider's retention and data protection policy.</summary>
    public static void LogGroup(PlanContext ctx, string logicalId, string name, SourceSpan? origin)
    {
        var provider = ctx.Model.Provider;
        var props = Object(("LogGroupName", name));
        if (provider.LogRetentionInDays is { } retention && EventResources.IsTruthy(retention))
        {
            props["RetentionInDays"] = ctx.Json(retention);
        }

        if (provider.LogDataProtectionPolicy is { } policy)
        {
            props["DataProtectionPolicy"] = ctx.Json(policy);
        }

        ctx.Add(logicalId, Object(("Type", "AWS::Logs::LogGroup"), ("Properties", props)), PlanResourceKind.LogGroup, origin);
    }

    /// <summary>
    /// The account CloudWatch role resource and its function, once: with the role <c>provider.logs.restApi.role</c>
    /// names (for WebSocket logs too, as the Framework reads it), or none when <c>roleManagedExternally</c> says the
    /// account already has one.
    /// </summary>
    public static void EnsureCloudWatchRole(PlanContext ctx, SourceSpan? origin)
    {
        var logs = ctx.Model.Provider.Logs;
        if (logs?.RestApiRoleManagedExternally == true || ctx.Plan.Contains(CloudWatchRoleLogicalId))
        {
            return;
        }

        var function = CustomResources.ApiGatewayCloudWatchRole;
        var props = Object(("ServiceToken", GetAtt(function.LogicalId, "Arn")));
        if (ctx.Json(logs?.RestApiRole) is { } role)
        {
            props["RoleArn"] = role;
        }

        ctx.Add(CloudWatchRoleLogicalId, Object(("Type", "Custom::ApiGatewayAccountRole"), ("Version", 1), ("Properties", props)),
            PlanResourceKind.Other, origin);
        CustomResources.Add(ctx, function, [
            CustomResources.Statement(Join(":", "arn", Ref("AWS::Partition"), "iam:", Ref("AWS::AccountId"), "role/*"),
                "iam:AttachRolePolicy", "iam:CreateRole", "iam:ListAttachedRolePolicies", "iam:PassRole"),
            CustomResources.Statement(Join(":", "arn", Ref("AWS::Partition"), "apigateway:*::/account"), "apigateway:GET", "apigateway:PATCH"),
        ], origin);
    }
}
