using static Spec.Core.Schema.Catalog.CommonShapes;
using static Spec.Core.Schema.Catalog.Dsl;

namespace Spec.Core.Schema.Catalog;

/// <summary>
/// Every key a Serverless Framework v3 <c>serverless.yml</c> (AWS provider) accepts, with its shape, default, limits and
/// documentation: the data behind <see cref="KeyCatalog"/>, from which the binder checks keys and takes defaults and the
/// JSON Schema is generated.
/// Limits follow the Framework's own schema (v3.40.0) and the AWS quotas in <c>reference/rules.md</c> §4.2 and §5.
/// </summary>
public static class SpecCatalog
{
    private static readonly Lazy<SpecProperty> RootProperty = new(() =>
        P("serverless.yml", Obj(RootKeys()), "A Serverless Framework v3 service definition.").Doc(Reference));

    /// <summary>The root of the spec (its shape is a closed object of the top-level keys).</summary>
    public static SpecProperty Root => RootProperty.Value;

    /// <summary>The shape of one <c>functions.&lt;name&gt;</c> entry.</summary>
    public static Shape Function => Root.Shape.Object!.Find("functions")!.Shape.Object!.Values!;

    public static Shape Provider => Root.Shape.Object!.Find("provider")!.Shape;

    /// <summary>The event list item: an object with exactly one of the 22 event types as its key.</summary>
    public static Shape EventItem => Function.Object!.Find("events")!.Shape.Items!;

    /// <summary>The 22 event types, in the Framework's plugin order.</summary>
    public static IReadOnlyList<string> EventTypes => [.. EventItem.Object!.Properties.Select(p => p.Name)];

    /// <summary>
    /// The known keys of the object at a dotted path (<c>provider</c>, <c>functions.*</c>, <c>functions.*.events[].sqs</c>),
    /// or null when the path is a map, free-form, or unknown. Lookups by path go through <see cref="KeyCatalog"/>.
    /// </summary>
    public static IReadOnlyList<string>? KeysAt(string path) =>
        KeyCatalog.Serverless.ObjectAt(path) is { } o ? [.. o.Properties.Select(p => p.Name)] : null;

    private static SpecProperty[] RootKeys() => Docs(Reference,
        P("service", Pattern("[a-zA-Z][0-9a-zA-Z-]+", "a name starting with a letter (letters, digits, `-`)"),
            "Name of the service. It prefixes the CloudFormation stack (`<service>-<stage>`), function names and log groups. The v1 object form `service: {name: …}` is an error in v3.")
            .Req().Ex("my-service"),
        P("frameworkVersion", Str, "Semver range of Serverless Framework versions allowed to deploy this service; a mismatch is an error (`FRAMEWORK_VERSION_MISMATCH`).").Ex("3"),
        P("provider", ProviderCatalog.Shape, "The cloud provider (`name: aws`) and the defaults every function inherits (runtime, memory, timeout, IAM, environment, …). The string form `provider: aws` is also accepted.").Req(),
        P("functions", Map(FunctionCatalog.Shape, "[a-zA-Z0-9-_]+"), "The Lambda functions of the service, keyed by function name (letters, digits, `-`, `_`). Each becomes an `AWS::Lambda::Function` named `<service>-<stage>-<key>` unless `name` is set.")
            .Doc(Guide + "functions"),
        P("layers", Map(LayerCatalog.Shape, "[a-zA-Z0-9-_]+"), "Lambda layers built from local directories, keyed by layer name. Each becomes an `AWS::Lambda::LayerVersion` (`<Name>LambdaLayer`).")
            .Doc(Guide + "layers"),
        P("resources", ResourcesCatalog.Shape, "Raw CloudFormation merged into the generated template after compilation: `Resources`, `Outputs`, `Conditions`, … A resource with the logical id of a generated one overrides it.")
            .Doc(Guide + "resources"),
        P("package", PackageCatalog.Shape, "How the deployment artifact is built: include/exclude patterns, a prebuilt `artifact`, or one artifact per function (`individually`).")
            .Doc(Guide + "packaging"),
        P("plugins", StrList.Or(Open(
                P("localPath", Str, "Folder to load local plugins from (default `./.serverless_plugins`)."),
                P("modules", StrList, "Plugin package names or paths."))),
            "Serverless plugins to load, in order (npm package names or local paths).").Doc(Guide + "plugins").Ex(new object[] { "serverless-offline" }),
        P("custom", Open(), "Free-form section for plugin settings and your own values, read with `${self:custom.…}`.").Doc(Guide + "variables"),
        P("params", Map(Map(Any), "[a-zA-Z0-9-]+"), "Parameters per stage (`<stage>` or `default` → `{key: value}`), read with `${param:key}`.")
            .Doc(Guide + "parameters"),
        P("useDotenv", Bool, "Load environment variables from `.env.<stage>` (or `.env` when that file is missing) before resolving variables.", false)
            .Doc(Guide + "environment-variables"),
        P("configValidationMode", OneOf("error", "warn", "off"), "What the Framework does when the configuration breaks its schema: throw, log a warning, or ignore.", "warn"),
        P("deprecationNotificationMode", OneOf("error", "warn", "warn:summary"), "How deprecations are reported.", "warn:summary"),
        P("disabledDeprecations", StrList.Or(Str), "Deprecation codes to silence, or `'*'` for all."),
        P("variablesResolutionMode", OneOf("20210219", "20210326"), "Legacy variables resolver switch from the v2 to v3 migration; no effect in v3, so the key can be removed."),
        P("projectDir", Pattern(@"\.{1,2}(/\.{2})*/?", "a relative path such as `../..`"), "Root of the project (for monorepos): variables such as `${file(…)}` may not reach above it."),
        P("org", Str, "Serverless Dashboard organisation."),
        P("app", Pattern("[a-z0-9][a-z0-9-]{1,37}[a-z0-9]", "3-39 lowercase letters, digits or `-`"), "Serverless Dashboard application the service belongs to."),
        P("outputs", Open(), "Serverless Dashboard outputs (not CloudFormation outputs; those go in `resources.Outputs`)."),
        P("dashboard", Open(P("disableMonitoring", Bool, "Turn off Serverless Dashboard monitoring.")), "Serverless Dashboard settings."),
        P("console", Bool.Or(Open()), "Serverless Console integration."),
        P("stages", Map(Open(), "[a-zA-Z0-9-]+|default"), "Serverless Framework v4 per-stage settings (`params`, `observability`, `resolvers`); v3 ignores it.")
            .Doc("https://www.serverless.com/framework/docs/guides/stages"),
        P("stepFunctions", Open(
                P("stateMachines", Map(Open(
                    P("name", Str, "State machine name."),
                    P("definition", Open(), "Amazon States Language definition (`StartAt`, `States`)."),
                    P("type", OneOf("STANDARD", "EXPRESS"), "Workflow type (Express runs at most 5 minutes).", "STANDARD"),
                    P("events", List(Open()), "`http`, `schedule`, `eventBridge`, … triggers of the state machine."),
                    P("id", Str, "Logical id of the state machine resource."),
                    P("role", Arn, "Existing role for the state machine."),
                    P("loggingConfig", Open(), "CloudWatch Logs settings."),
                    P("tracingConfig", Open(), "X-Ray settings."),
                    P("tags", Tags, "Tags."),
                    P("alarms", Open(), "CloudWatch alarms."),
                    P("notifications", Open(), "Execution status notifications."),
                    P("dependsOn", Str.Or(StrList), "CloudFormation `DependsOn`."),
                    P("useExactVersion", Bool, "Reference the exact Lambda versions."),
                    P("retain", Bool, "Keep the state machine when the stack is removed."),
                    P("inheritGlobalTags", Bool, "Add `provider.tags`."))), "State machines by name."),
                P("activities", StrList, "Activity names."),
                P("validate", Bool, "Validate the definitions at package time.", false),
                P("noOutput", Bool, "Do not add the state machine ARN outputs.", false)),
            "Settings of the `serverless-step-functions` plugin (state machines, activities, validation).")
            .Doc("https://github.com/serverless-operations/serverless-step-functions").FromPlugin("serverless-step-functions"),
        P("constructs", Open(), "Settings of the `serverless-lift` plugin (queues, webhooks, static websites, …).")
            .Doc("https://github.com/getlift/lift").FromPlugin("serverless-lift"));
}
