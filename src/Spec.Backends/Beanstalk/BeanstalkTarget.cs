using Spec.Backends.Targets;
using Spec.Core.Diagnostics;

namespace Spec.Backends.Beanstalk;

/// <summary>
/// <c>--target beanstalk</c>: one Elastic Beanstalk source bundle per environment (a web environment for the HTTP
/// routes, a worker per SQS queue and for schedules) and the companion CloudFormation template, into
/// <c>.spec/beanstalk</c>. Reads the bound model (<see cref="TargetContext.Service"/>) for the service's shape and the
/// plan for what is CloudFormation by nature (the companion template, values of intrinsic environment variables).
/// </summary>
public sealed class BeanstalkTarget : Target
{
    public override string Name => "beanstalk";

    public override string Produces => "Elastic Beanstalk source bundles";

    public override string Family => "Elastic Beanstalk";

    public override string Writes =>
        "`<env>/` bundles (`Procfile`, `.spec-eb/` adapter, `.ebextensions/`, `env.yaml`, `cron.yaml`), `<env>.options.json`, " +
        $"`<env>.stack-options.json`, `{CompanionTemplate.FileName}`";

    public override DeployEngine Engine { get; } = new BeanstalkEngine();

    public override IReadOnlyList<OutputFile> Emit(TargetContext context, DiagnosticBag diagnostics) =>
        BeanstalkEmitter.Emit(context.Model, context.Plan, diagnostics).Files;
}
