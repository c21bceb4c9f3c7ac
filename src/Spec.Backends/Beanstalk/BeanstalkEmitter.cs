using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;
using Spec.Core.Emit;
using Spec.Core.Model;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Beanstalk.Input;
using Spec.Rules.Beanstalk.Options;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Beanstalk;

/// <summary>An option setting as <c>--option-settings</c> takes it.</summary>
public sealed record OptionSetting(string Namespace, string OptionName, string Value);

/// <summary>An option setting whose value is an output of the companion stack, known once it is deployed.</summary>
public sealed record StackOptionSetting(string Namespace, string OptionName, string OutputKey);

/// <summary>What the target made of the service: the environments, the companion template and the files.</summary>
public sealed record BeanstalkOutput(string Service, string Stage, string Region, IReadOnlyList<BeanstalkEnvironment> Environments,
    CompanionTemplate Companion, IReadOnlyList<OutputFile> Files)
{
    /// <summary>The files of one environment's bundle, relative to its root (the zip's root).</summary>
    public IEnumerable<OutputFile> BundleFiles(BeanstalkEnvironment environment) => BundleFiles()[environment.Key];

    /// <summary>The files of every environment's bundle by environment key (its folder), relative to the bundle root.</summary>
    public ILookup<string, OutputFile> BundleFiles() =>
        Files.Where(f => f.Path.Contains('/', StringComparison.Ordinal)).ToLookup(
            f => f.Path[..f.Path.IndexOf('/', StringComparison.Ordinal)],
            f => f.WithPath(f.Path[(f.Path.IndexOf('/', StringComparison.Ordinal) + 1)..]),
            StringComparer.Ordinal);
}

/// <summary>
/// Writes the bundles of <see cref="BeanstalkLayout"/>: per environment a folder <c>&lt;env&gt;/</c> (the zip root) with
/// <c>Procfile</c>, the adapter and its route table in <c>.spec-eb/</c>, <c>.ebextensions/*.config</c>,
/// <c>.platform/nginx/conf.d/</c> when a function runs longer than nginx's 60 s, <c>env.yaml</c> and, for workers,
/// <c>cron.yaml</c>; beside the folders <c>&lt;env&gt;.options.json</c> (API-only options, <c>--option-settings</c>
/// shape), <c>&lt;env&gt;.stack-options.json</c> (options whose values are companion stack outputs) and
/// <see cref="CompanionTemplate.FileName"/>.
/// </summary>
public static class BeanstalkEmitter
{
    public const string ExtensionsFolder = ".ebextensions";
    public const string NginxTimeouts = ".platform/nginx/conf.d/spec-eb-timeouts.conf";
    private const string EnvironmentNamespace = "aws:elasticbeanstalk:application:environment";
    private const int NginxDefaultTimeout = 60;

    private static readonly YamlStyle Style = new(new PlainWhenSafe());

    public static BeanstalkOutput Emit(Service service, ServicePlan plan, DiagnosticBag diagnostics)
    {
        var layout = BeanstalkLayout.Build(service, plan, diagnostics);
        var companion = CompanionTemplate.Build(service, plan, layout.Environments.Exists(e => e.Tier == BeanstalkTier.Worker), diagnostics);
        var files = new List<OutputFile>();
        foreach (var environment in layout.Environments)
        {
            new BundleWriter(service, plan, companion, environment, layout.Environments, diagnostics, files).Write();
        }

        if (layout.Environments.Count > 0)
        {
            files.Add(Text(CompanionTemplate.FileName, companion.Text()));
        }

        var output = new BeanstalkOutput(service.Name.Value, service.Stage, service.Region, layout.Environments, companion, [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)]);
        Lint(output, diagnostics);
        return output;
    }

    /// <summary>The bundles go through the same <c>SLS-EB-*</c> rules as input <c>spec check</c> is pointed at.</summary>
    private static void Lint(BeanstalkOutput output, DiagnosticBag diagnostics)
    {
        var bundles = output.BundleFiles();
        foreach (var environment in output.Environments)
        {
            var files = bundles[environment.Key].Select(f => (Path: $"{environment.Key}/{f.Path}", f.Content))
                .Where(f => EbFile.KindOf(f.Path) is not null)
                .Select(f => (f.Path, Encoding.UTF8.GetString(f.Content)));
            diagnostics.AddRange(EbChecker.Check(EbBundle.FromTexts(files)));
        }
    }

    internal static OutputFile Text(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    internal static string Yaml(YamlNode node) => YamlEmitter.Write(node, Style);

    private sealed class BundleWriter(Service service, ServicePlan plan, CompanionTemplate companion, BeanstalkEnvironment environment,
        IReadOnlyList<BeanstalkEnvironment> all, DiagnosticBag diagnostics, List<OutputFile> files)
    {
        private readonly List<OptionSetting> _apiOptions = [];
        private readonly List<StackOptionSetting> _stackOptions = [];

        public void Write()
        {
            var kind = environment.Tier == BeanstalkTier.Web ? AdapterKind.Web : AdapterKind.Worker;
            Add("Procfile", BeanstalkAdapters.ProcfileLine(environment.Runtime, kind) + "\n");
            foreach (var file in BeanstalkAdapters.Files(environment.Runtime, kind))
            {
                Add(file.Path, file.Content);
            }

            Add(BeanstalkAdapters.RouteTableFile, RouteTable().ToJson());
            Add($"{ExtensionsFolder}/00-environment.config", Yaml(Config(EnvironmentOptions())));
            if (EnvironmentProperties() is { Count: > 0 } properties)
            {
                Add($"{ExtensionsFolder}/10-environment-properties.config", Yaml(Config(properties)));
            }

            if (environment.MaxTimeout > NginxDefaultTimeout)
            {
                var seconds = environment.MaxTimeout.ToString(CultureInfo.InvariantCulture);
                Add(NginxTimeouts, "# Generated by spec compile --target beanstalk: nginx waits as long as the longest function may run.\n" +
                    $"proxy_read_timeout {seconds}s;\nproxy_send_timeout {seconds}s;\n");
            }

            Add("env.yaml", Yaml(Manifest()));
            if (environment.Cron.Count > 0)
            {
                Add("cron.yaml", Yaml(CronYaml()));
            }

            _stackOptions.Insert(0, new StackOptionSetting("aws:autoscaling:launchconfiguration", "IamInstanceProfile",
                CompanionTemplate.InstanceProfileOutput));
            files.Add(Text($"{environment.Key}.options.json", Json(_apiOptions.Select(o =>
                Object(("Namespace", o.Namespace), ("OptionName", o.OptionName), ("Value", o.Value))))));
            files.Add(Text($"{environment.Key}.stack-options.json", Json(_stackOptions.Select(o =>
                Object(("Namespace", o.Namespace), ("OptionName", o.OptionName), ("OutputKey", o.OutputKey))))));
        }

        private void Add(string path, string text) => files.Add(Text($"{environment.Key}/{path}", text));

        private AdapterRouteTable RouteTable() => new()
        {
            Service = service.Name.Value,
            Stage = service.Stage,
            Region = service.Region,
            BinaryMediaTypes = [.. service.Provider.ApiGateway?.BinaryMediaTypes.Select(t => t.Value).OfType<string>() ?? []],
            Functions = environment.Functions.ToDictionary(f => f.Key, f => new AdapterFunction(f.Handler!.Value!,
                BeanstalkLayout.DeployedName(service, f), BeanstalkLayout.TimeoutOf(f), f.MemorySize.Value ?? BeanstalkLayout.DefaultMemorySize),
                StringComparer.Ordinal),
            Routes = environment.Routes,
            Sqs = environment.Queue is { } queue
                ? [new AdapterQueueRoute(QueuePath(queue), queue.Function.Key, QueueArnText(queue),
                    queue.Event.FunctionResponseType?.Value == "ReportBatchItemFailures")]
                : [],
            Schedules = [.. environment.Cron.Select(t => t.Route)],
        };

        private string QueuePath(WorkerQueue queue) => "/sqs/" + BeanstalkLayout.DeployedName(service, queue.Function);

        private static string? QueueArnText(WorkerQueue queue) =>
            queue.Arn is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

        /// <summary>The environment's own settings, by namespace: what the tier needs and what the spec says.</summary>
        private List<(string Namespace, string Option, string Value)> EnvironmentOptions()
        {
            var options = new List<(string, string, string)>();
            if (environment.Tier == BeanstalkTier.Web)
            {
                options.Add(("aws:elasticbeanstalk:environment", "EnvironmentType", "LoadBalanced"));
                // Elastic Beanstalk's default is the classic load balancer; the routes need an application one.
                options.Add(("aws:elasticbeanstalk:environment", "LoadBalancerType", "application"));
                options.Add(("aws:elasticbeanstalk:environment:process:default", "HealthCheckPath", AdapterRouteTable.DefaultHealthPath));
                if (environment.MaxTimeout > NginxDefaultTimeout)
                {
                    options.Add(("aws:elbv2:loadbalancer", "IdleTimeout", environment.MaxTimeout.ToString(CultureInfo.InvariantCulture)));
                }
            }
            else
            {
                options.AddRange(SqsdOptions());
            }

            options.Add(("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs", "true"));
            if (service.Provider.LogRetentionInDays?.Value is { } days)
            {
                var retention = days.ToString(CultureInfo.InvariantCulture);
                if (EbOptionCatalog.Default.Find("aws:elasticbeanstalk:cloudwatch:logs", "RetentionInDays")?.Problem(retention) is null)
                {
                    options.Add(("aws:elasticbeanstalk:cloudwatch:logs", "RetentionInDays", retention));
                }
                else
                {
                    diagnostics.Warning(BeanstalkDiagnosticIds.NoBeanstalkMeaning,
                        $"provider.logRetentionInDays {retention} is not a retention Elastic Beanstalk's log streaming accepts; the " +
                        "environment keeps its logs for 7 days", service.Provider.LogRetentionInDays.Node.Span);
                }
            }

            return options;
        }

        private IEnumerable<(string, string, string)> SqsdOptions()
        {
            var queue = environment.Queue;
            var inputs = new SqsdInputs
            {
                FunctionTimeout = environment.MaxTimeout,
                QueueVisibilityTimeout = queue?.Resource?.VisibilityTimeout is { IsWritten: true, Value: { } v } ? v : null,
                QueueRetentionPeriod = queue?.Resource?.MessageRetentionPeriod is { IsWritten: true, Value: { } r } ? r : null,
                MaxReceiveCount = queue?.Resource?.RedrivePolicy?.MaxReceiveCount?.Value,
                ReservedConcurrency = queue?.Function.ReservedConcurrency?.Value,
                MaximumConcurrency = queue?.Event.MaximumConcurrency?.Value,
            };
            var settings = SqsdSettings.Derive(inputs);
            foreach (var problem in settings.Problems)
            {
                diagnostics.Add(new Diagnostic(BeanstalkDiagnosticIds.Worker, problem.Severity,
                    $"worker environment '{environment.Name}': {problem.Message}", queue?.Event.Node.Span ?? environment.Functions[0].KeyNode.Span));
            }

            var options = new List<(string, string, string)>();
            if (queue is not null)
            {
                options.Add((SqsdSettings.Namespace, "HttpPath", QueuePath(queue)));
                WorkerQueueUrl(queue, options);
            }

            options.AddRange(settings.Options(recommendedValues: false).Select(o => (SqsdSettings.Namespace, o.Option, o.Value)));
            _apiOptions.AddRange(settings.Options(recommendedValues: true).Select(o => new OptionSetting(SqsdSettings.Namespace, o.Option, o.Value)));
            return options;
        }

        /// <summary>A literal queue ARN gives the URL now; any other reference becomes a companion output.</summary>
        private void WorkerQueueUrl(WorkerQueue queue, List<(string, string, string)> options)
        {
            if (QueueArnText(queue) is { } arn)
            {
                var parts = arn.Split(':');
                if (parts.Length == 6)
                {
                    options.Add((SqsdSettings.Namespace, "WorkerQueueURL", $"https://sqs.{parts[3]}.amazonaws.com/{parts[4]}/{parts[5]}"));
                    return;
                }
            }

            if (queue.Arn is null || companion.RefersToRemoved(queue.Arn))
            {
                diagnostics.Error(BeanstalkDiagnosticIds.Worker,
                    $"the queue of function '{queue.Function.Key}' is not known well enough to give its worker a WorkerQueueURL",
                    queue.Event.Node.Span);
                return;
            }

            var output = Pascal(environment.Key) + "WorkerQueueUrl";
            JsonNode url = queue.Resource is { } resource && companion.Has(resource.LogicalId)
                ? Ref(resource.LogicalId)
                : UrlOfArn(queue.Arn);
            _stackOptions.Add(new StackOptionSetting(SqsdSettings.Namespace, "WorkerQueueURL",
                companion.AddOutput(output, url, $"The queue of the {environment.Name} worker")));
        }

        /// <summary>https://sqs.REGION.URLSUFFIX/ACCOUNT/NAME from any expression of the queue ARN.</summary>
        private static JsonObject UrlOfArn(JsonNode arn)
        {
            JsonObject Part(int index) => Object(("Fn::Select", Array(index, Object(("Fn::Split", Array(":", arn.DeepClone()))))));
            return Join("", "https://sqs.", Part(3), ".", Ref("AWS::URLSuffix"), "/", Part(4), "/", Part(5));
        }

        /// <summary>
        /// The functions' environment variables: literals into <c>.ebextensions</c>; values that need a resource through a
        /// companion output (the plan's CloudFormation form of the value); two different values for one name are reported.
        /// </summary>
        private List<(string, string, string)> EnvironmentProperties()
        {
            var chosen = new SortedDictionary<string, (string Function, string Json)>(StringComparer.Ordinal);
            var literals = new List<(string, string, string)>();
            foreach (var function in environment.Functions)
            {
                var variables = plan[Naming.Lambda(function.Key)]?.Properties["Environment"]?["Variables"] as JsonObject;
                foreach (var variable in function.Environment)
                {
                    var value = variables?[variable.Name];
                    var json = value?.ToJsonString() ?? JsonValue.Create(variable.Text ?? string.Empty).ToJsonString();
                    if (chosen.TryGetValue(variable.Name, out var first))
                    {
                        if (first.Json != json)
                        {
                            diagnostics.Warning(BeanstalkDiagnosticIds.EnvironmentProperty,
                                $"functions '{first.Function}' and '{function.Key}' of the {environment.Key} environment set {variable.Name} " +
                                $"differently; the environment has one value, '{first.Function}''s", variable.Key.Span);
                        }

                        continue;
                    }

                    chosen[variable.Name] = (function.Key, json);
                    if (value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        literals.Add((EnvironmentNamespace, variable.Name, text));
                    }
                    else if (variable.Text is { } literal && value is null)
                    {
                        literals.Add((EnvironmentNamespace, variable.Name, literal));
                    }
                    else if (value is JsonValue scalar)
                    {
                        literals.Add((EnvironmentNamespace, variable.Name, scalar.ToJsonString()));
                    }
                    else if (value is null || companion.RefersToRemoved(value))
                    {
                        diagnostics.Warning(BeanstalkDiagnosticIds.EnvironmentProperty,
                            $"{variable.Name} of function '{function.Key}' needs something only the Lambda deployment has; the " +
                            $"{environment.Key} environment does not get it", variable.Key.Span);
                    }
                    else
                    {
                        var output = companion.AddOutput(Pascal(environment.Key) + "Env" + Naming.AlphaNumeric(variable.Name), value.DeepClone(),
                            $"{variable.Name} of the {environment.Name} environment");
                        _stackOptions.Add(new StackOptionSetting(EnvironmentNamespace, variable.Name, output));
                    }
                }
            }

            return [.. literals.OrderBy(l => l.Item2, StringComparer.Ordinal)];
        }

        private YamlMapping Manifest()
        {
            var manifest = new YamlMapping()
                .Add("AWSConfigurationTemplateVersion", YamlScalar.String("1.1.0.0"))
                .Add("EnvironmentName", YamlScalar.String(environment.Name))
                .Add("Platform", new YamlMapping().Add("PlatformArn", YamlScalar.String(BeanstalkPlatforms.Arn(service.Region, environment.PlatformBranch))));
            if (environment.Tier == BeanstalkTier.Worker)
            {
                manifest.Add("EnvironmentTier", new YamlMapping().Add("Name", YamlScalar.String("Worker")).Add("Type", YamlScalar.String("SQS/HTTP")));
            }
            else if (all.Where(e => e.Tier == BeanstalkTier.Worker).ToList() is { Count: > 0 } workers)
            {
                var links = new YamlMapping();
                foreach (var worker in workers)
                {
                    links.Add(Naming.AlphaNumeric(worker.Key.Replace('-', '_')).ToUpperInvariant() + "_WORKER", YamlScalar.String(worker.Name));
                }

                manifest.Add("EnvironmentLinks", links);
            }

            return manifest;
        }

        private YamlMapping CronYaml()
        {
            var tasks = new YamlSequence();
            foreach (var task in environment.Cron)
            {
                tasks.Add(new YamlMapping()
                    .Add("name", YamlScalar.String(task.Route.Name))
                    .Add("url", YamlScalar.String(task.Route.Path))
                    .Add("schedule", YamlScalar.String(task.Schedule)));
            }

            return new YamlMapping().Add("version", YamlScalar.Verbatim("1")).Add("cron", tasks);
        }

        private static YamlMapping Config(IEnumerable<(string Namespace, string Option, string Value)> options)
        {
            var settings = new YamlMapping();
            foreach (var group in options.GroupBy(o => o.Namespace))
            {
                var values = new YamlMapping();
                foreach (var (_, option, value) in group)
                {
                    values.Add(option, YamlScalar.String(value));
                }

                settings.Add(group.Key, values);
            }

            return new YamlMapping().Add("option_settings", settings);
        }

        private static string Json(IEnumerable<JsonObject> items) =>
            new JsonArray([.. items]).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

        private static string Pascal(string key) => string.Concat(key.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>A plain scalar when YAML reads it back as the same string, else double-quoted.</summary>
    private sealed class PlainWhenSafe : IYamlScalarStyle
    {
        public ScalarStyle Choose(string value, YamlScalarContext context) =>
            value.Length > 0 && !char.IsAsciiDigit(value[0]) && value[0] is not ('-' or '.' or '/' or ':')
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':') && !value.EndsWith(':')
            && value.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "on" or "off" or "null" or "y" or "n")
                ? ScalarStyle.Plain
                : ScalarStyle.DoubleQuoted;
    }
}
