using System.Text.Json.Nodes;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Backends.Plan;

/// <summary>What several event plugins share: invoke permissions, JSON text of spec values, mapping dependencies.</summary>
internal static class EventResources
{
    /// <summary>A permission for a service principal to invoke the function (<c>AWS::Lambda::Permission</c>).</summary>
    public static JsonObject Permission(PlanFunction fn, JsonNode principal, JsonNode? sourceArn, bool dependsOnAlias = true)
    {
        // Made with all their members: a fourth member added to an object of three would grow its dictionary.
        var props = PlanMembers.Rent();
        props.Add("FunctionName", fn.PermissionTarget());
        props.Add("Action", "lambda:InvokeFunction");
        props.Add("Principal", principal);
        if (sourceArn is not null)
        {
            props.Add("SourceArn", sourceArn);
        }

        var body = PlanJson.Object(("Type", "AWS::Lambda::Permission"), ("Properties", props.ToObject()));
        if (dependsOnAlias && fn.AliasLogicalId is not null)
        {
            body["DependsOn"] = fn.AliasLogicalId;
        }

        return body;
    }

    /// <summary>JavaScript <c>JSON.stringify</c> of a spec value (schedule inputs, filter policies given as objects).</summary>
    public static string Stringify(JsonNode? node) => EventLowering.Stringify(node);

    /// <summary>
    /// What an event source mapping waits for: the function's own role when it names one by logical id, else the
    /// generated execution role when there is one; then the function's alias when it has one (sqs.js, stream.js,
    /// kafka.js, msk, activemq.js, rabbitmq.js).
    /// </summary>
    public static JsonArray MappingDependsOn(PlanContext ctx, PlanFunction fn)
    {
        var dependsOn = MappingRole(ctx, fn) is { } role ? PlanJson.Strings([role]) : [];
        if (fn.AliasLogicalId is { } alias)
        {
            dependsOn.AddNode(alias);
        }

        return dependsOn;
    }

    /// <summary><c>resolveFunctionIamRoleResourceName</c>: the role resource an event source mapping waits for.</summary>
    private static string? MappingRole(PlanContext ctx, PlanFunction fn)
    {
        if (fn.Model.RoleReference?.Literal is { } role && !role.StartsWith("arn:", StringComparison.Ordinal))
        {
            return role;
        }

        return fn.Model.Role is null && ctx.Plan.Contains(Naming.Role) ? Naming.Role : null;
    }

    /// <summary>
    /// A resource body waiting for the function's alias when it has one (<c>DependsOn: targetAlias.logicalId</c>, a
    /// single id as the Framework writes it).
    /// </summary>
    public static JsonObject WaitForAlias(PlanFunction fn, JsonObject body)
    {
        if (fn.AliasLogicalId is { } alias)
        {
            body["DependsOn"] = alias;
        }

        return body;
    }

    /// <summary><c>filterPatterns</c> as <c>FilterCriteria</c>: each pattern serialised.</summary>
    public static void AddFilterCriteria(PlanContext ctx, EventSourceMappingEvent e, JsonObject props)
    {
        if (FilterCriteria(ctx, e) is { } criteria)
        {
            props["FilterCriteria"] = criteria;
        }
    }

    /// <summary><c>filterPatterns</c> as <c>FilterCriteria</c>, or null when there are none.</summary>
    public static JsonObject? FilterCriteria(PlanContext ctx, EventSourceMappingEvent e) => e.FilterPatterns.Count > 0
        ? PlanJson.Object(("Filters", new JsonArray([.. e.FilterPatterns.Select(p =>
            (JsonNode?)PlanJson.Object(("Pattern", Stringify(ctx.Json(p)))))])))
        : null;

    /// <summary>The input of an EventBridge target (<c>input</c>, <c>inputPath</c>, <c>inputTransformer</c>).</summary>
    public static void AddTargetInput(PlanContext ctx, Node? input, string? inputText, Spanned<string?>? inputPath,
        EventInputTransformer? transformer, JsonObject target)
    {
        if (input is not null)
        {
            target["Input"] = inputText ?? Stringify(ctx.Json(input));
        }

        if (inputPath?.Value is { } path)
        {
            target["InputPath"] = path;
        }

        if (transformer is not null)
        {
            var t = new JsonObject();
            if (transformer.InputPathsMap is { } paths)
            {
                t["InputPathsMap"] = ctx.Json(paths);
            }

            t["InputTemplate"] = ctx.Json(transformer.InputTemplate);
            target["InputTransformer"] = t;
        }
    }

    /// <summary>JavaScript truthiness of a written string (an intrinsic is an object: truthy).</summary>
    public static bool IsTruthy(Spanned<string?>? value) => value is not null && value.Value is not "";

    /// <summary>JavaScript truthiness of a written number (an intrinsic is an object: truthy).</summary>
    public static bool IsTruthy(Spanned<int?>? value) => value is not null && value.Value is not 0;
}
