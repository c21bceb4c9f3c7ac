using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Model;

namespace Spec.Backends.Conversion;

/// <summary>
/// Resources the Framework generates that SAM has no event or resource for, written as the plain CloudFormation the
/// Framework writes: they are taken from the plan of the same model (<see cref="SamContext.FrameworkPlan"/>), which
/// lowers them as the Framework does, so the SAM stack deploys what <c>serverless deploy</c> would. Only what SAM
/// cannot say comes from there; everything else is written from the model. What the spec leaves open stays open in
/// them (<see cref="SamContext.FrameworkResource"/>): a name the Framework builds from an open stage uses the
/// <c>Stage</c> parameter.
/// </summary>
internal static class SamFrameworkResources
{
    /// <summary>
    /// The routes of <c>http</c> events on a REST API outside the stack (<c>provider.apiGateway.restApiId</c>): a SAM
    /// <c>Api</c> event needs an API in the template, so the Framework's API Gateway resources, methods, authorizers,
    /// deployment and invoke permissions on the imported API are written instead.
    /// </summary>
    public static void ImportedRestRoutes(SamContext ctx)
    {
        if (ctx.Service.Provider.ApiGateway?.RestApiId is null || !ctx.Service.Functions.Any(f => f.Events.OfType<HttpEvent>().Any()))
        {
            return;
        }

        foreach (var resource in ctx.FrameworkPlan.Resources.Where(IsRestRouteResource))
        {
            ctx.AddResource(resource.LogicalId, ctx.FrameworkResource(resource));
        }
    }

    /// <summary>What the Framework's <c>http</c> events on an imported REST API add: API Gateway resources (the API
    /// itself is not there) and the functions' API Gateway invoke permissions.</summary>
    private static bool IsRestRouteResource(PlanResource resource) =>
        resource.Kind != PlanResourceKind.UserResource &&
        (resource.Type.StartsWith("AWS::ApiGateway::", StringComparison.Ordinal) ||
         (resource.Type == "AWS::Lambda::Permission" && resource.LogicalId.EndsWith("LambdaPermissionApiGateway", StringComparison.Ordinal)));

    /// <summary>
    /// The Framework's deployment bucket and its policy when the template refers to them (a role statement or a
    /// resource naming <c>ServerlessDeploymentBucket</c>): SAM uploads code to a bucket of its own, so without them the
    /// reference would dangle.
    /// </summary>
    public static void DeploymentBucket(SamContext ctx)
    {
        var referenced = ctx.Resources
            .Where(r => r.Key is not (Naming.DeploymentBucket or Naming.DeploymentBucketPolicy))
            .SelectMany(r => SamTemplate.References(r.Value))
            .Any(id => id is Naming.DeploymentBucket or Naming.DeploymentBucketPolicy);
        if (!referenced || ctx.Resources.ContainsKey(Naming.DeploymentBucket))
        {
            return;
        }

        var bucket = ctx.FrameworkPlan.Resources.Where(r => r.Kind == PlanResourceKind.DeploymentBucket).ToList();
        foreach (var resource in bucket)
        {
            ctx.AddResource(resource.LogicalId, ctx.FrameworkResource(resource));
        }

        if (bucket.Count > 0)
        {
            ctx.Approximated(ctx.Service.Provider.Node, $"the spec refers to the Framework's deployment bucket '{Naming.DeploymentBucket}': " +
                "the template keeps it, with its policy (SAM uploads the code to a bucket of its own)");
        }
    }
}
