using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Deploy;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;
using Spec.Core.Emit;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Beanstalk;

/// <summary>How <see cref="BeanstalkDeployer"/> reaches AWS.</summary>
public sealed record BeanstalkDeployOptions
{
    /// <summary>The AWS CLI to run (a full path); null = <c>aws</c> looked up in <see cref="SearchPath"/>.</summary>
    public string? AwsExecutable { get; init; }

    /// <summary>The PATH <c>aws</c> is looked up in; null = the process's.</summary>
    public string? SearchPath { get; init; }

    public string? EndpointUrl { get; init; }

    /// <summary>Extra environment variables for the AWS CLI (credentials in tests).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    public Action<string> Log { get; init; } = _ => { };
}

/// <summary>
/// <c>spec deploy --engine beanstalk</c> with the AWS CLI: deploys the companion stack
/// (<c>cloudformation deploy</c>), uploads each environment's zip to the stack's deployment bucket, creates the
/// application when it is missing, an application version per environment (labelled by the zip's hash), and creates
/// each environment or updates it to the new version, with the options of <c>&lt;env&gt;.options.json</c> and the
/// companion outputs <c>&lt;env&gt;.stack-options.json</c> names.
/// </summary>
public static class BeanstalkDeployer
{
    public static bool Deploy(BeanstalkPackage package, BeanstalkDeployOptions options, DiagnosticBag diagnostics)
    {
        var aws = options.AwsExecutable ?? Find("aws", options.SearchPath);
        if (aws is null)
        {
            diagnostics.Error(CloudFormationDeployer.MissingCliId, "the AWS CLI ('aws') is not on PATH; 'spec deploy --engine beanstalk' uses it", null,
                "install AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)");
            return false;
        }

        var cli = new AwsCli(package.Output.Region, options.EndpointUrl, options.Environment) { Executable = aws };
        var work = Directory.CreateTempSubdirectory("spec-eb-deploy-").FullName;
        try
        {
            return new Run(package, cli, work, options, diagnostics).Execute();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The companion stack's name.</summary>
    public static string StackName(string service, string stage) => $"{service}-{stage}-beanstalk";

    private static string? Find(string name, string? searchPath)
    {
        foreach (var dir in (searchPath ?? System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, name)))
            {
                return Path.Combine(dir, name);
            }
        }

        return null;
    }

    private sealed class Run(BeanstalkPackage package, AwsCli cli, string work, BeanstalkDeployOptions options, DiagnosticBag diagnostics)
    {
        private readonly string _service = package.Output.Service;
        private readonly string _stage = package.Output.Stage;
        private readonly string _stack = StackName(package.Output.Service, package.Output.Stage);

        public bool Execute()
        {
            var template = Path.Combine(work, CompanionTemplate.FileName);
            AtomicFile.Write(template, package.Files.Single(f => f.Path == CompanionTemplate.FileName).Content);
            options.Log($"deploying the companion stack {_stack}");
            if (!Call($"deploying the companion stack {_stack}", "cloudformation", "deploy", "--stack-name", _stack, "--template-file", template,
                    "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "--no-fail-on-empty-changeset"))
            {
                return false;
            }

            if (Outputs() is not { } outputs)
            {
                return false;
            }

            if (!outputs.TryGetValue(CompanionTemplate.BucketOutput, out var bucket))
            {
                diagnostics.Error(BeanstalkDiagnosticIds.Deploy, $"the companion stack {_stack} has no {CompanionTemplate.BucketOutput} output to upload to", null);
                return false;
            }

            if (!EnsureApplication())
            {
                return false;
            }

            foreach (var environment in package.Output.Environments)
            {
                if (!DeployEnvironment(environment, bucket, outputs))
                {
                    return false;
                }
            }

            return true;
        }

        private Dictionary<string, string>? Outputs()
        {
            var describe = cli.Run("cloudformation", "describe-stacks", "--stack-name", _stack);
            if (!describe.Succeeded)
            {
                Fail($"reading the outputs of {_stack}", describe);
                return null;
            }

            var stacks = JsonNode.Parse(describe.StandardOutput)?["Stacks"] as JsonArray;
            var outputs = (stacks?.FirstOrDefault()?["Outputs"] as JsonArray ?? [])
                .Where(o => o?["OutputKey"] is not null && o["OutputValue"] is not null)
                .ToDictionary(o => o!["OutputKey"]!.GetValue<string>(), o => o!["OutputValue"]!.GetValue<string>(), StringComparer.Ordinal);
            AddRefOutputs(outputs);
            return outputs;
        }

        /// <summary>
        /// Some emulators (moto 5.2.1) leave a stack's outputs out after a change set; an output that is a <c>Ref</c> of a
        /// resource is that resource's physical id, which they do report.
        /// </summary>
        private void AddRefOutputs(Dictionary<string, string> outputs)
        {
            var missing = package.Output.Companion.Plan.Outputs
                .Where(o => !outputs.ContainsKey(o.Key) && o.Value?["Value"] is JsonObject { Count: 1 } value && value["Ref"] is not null)
                .ToList();
            if (missing.Count == 0)
            {
                return;
            }

            var resources = cli.Run("cloudformation", "describe-stack-resources", "--stack-name", _stack);
            if (!resources.Succeeded)
            {
                return;
            }

            var physical = (JsonNode.Parse(resources.StandardOutput)?["StackResources"] as JsonArray ?? [])
                .Where(r => r?["LogicalResourceId"] is not null && r["PhysicalResourceId"] is not null)
                .ToDictionary(r => r!["LogicalResourceId"]!.GetValue<string>(), r => r!["PhysicalResourceId"]!.GetValue<string>(), StringComparer.Ordinal);
            foreach (var (key, output) in missing)
            {
                if (physical.TryGetValue(AsString(output!["Value"]!["Ref"]) ?? string.Empty, out var id))
                {
                    outputs[key] = id;
                }
            }
        }

        private bool EnsureApplication()
        {
            var describe = cli.Run("elasticbeanstalk", "describe-applications", "--application-names", _service);
            if (describe.Succeeded && (JsonNode.Parse(describe.StandardOutput)?["Applications"] as JsonArray)?.Count > 0)
            {
                return true;
            }

            options.Log($"creating the application {_service}");
            return Call($"creating the application {_service}", "elasticbeanstalk", "create-application", "--application-name", _service);
        }

        private bool DeployEnvironment(BeanstalkEnvironment environment, string bucket, Dictionary<string, string> outputs)
        {
            var zip = package.Zip(environment);
            var label = $"{environment.Key}-{Convert.ToHexStringLower(SHA256.HashData(zip))[..12]}";
            var key = $"beanstalk/{_service}/{_stage}/{label}.zip";
            var local = Path.Combine(work, BeanstalkPackage.ZipName(environment));
            AtomicFile.Write(local, zip);
            options.Log($"uploading {BeanstalkPackage.ZipName(environment)} to s3://{bucket}/{key}");
            if (!Call($"uploading {BeanstalkPackage.ZipName(environment)}", "s3", "cp", local, $"s3://{bucket}/{key}"))
            {
                return false;
            }

            options.Log($"creating the application version {label}");
            if (!Call($"creating the application version {label}", "elasticbeanstalk", "create-application-version", "--application-name", _service,
                    "--version-label", label, "--source-bundle", $"S3Bucket={bucket},S3Key={key}"))
            {
                return false;
            }

            if (OptionSettings(environment, outputs) is not { } settings)
            {
                return false;
            }

            var settingsFile = Path.Combine(work, environment.Key + ".option-settings.json");
            AtomicFile.Write(settingsFile, settings);
            if (Exists(environment))
            {
                options.Log($"updating the environment {environment.Name} to {label}");
                return Call($"updating the environment {environment.Name}", "elasticbeanstalk", "update-environment", "--application-name", _service,
                    "--environment-name", environment.Name, "--version-label", label, "--option-settings", "file://" + settingsFile);
            }

            options.Log($"creating the environment {environment.Name}");
            var args = new List<string>
            {
                "elasticbeanstalk", "create-environment", "--application-name", _service, "--environment-name", environment.Name,
                "--version-label", label, "--platform-arn", BeanstalkPlatforms.Arn(package.Output.Region, environment.PlatformBranch),
                "--option-settings", "file://" + settingsFile,
            };
            if (environment.Tier == BeanstalkTier.Worker)
            {
                args.AddRange(["--tier", "Name=Worker,Type=SQS/HTTP"]);
            }

            return Call($"creating the environment {environment.Name}", [.. args]);
        }

        private bool Exists(BeanstalkEnvironment environment)
        {
            var describe = cli.Run("elasticbeanstalk", "describe-environments", "--application-name", _service, "--environment-names", environment.Name);
            return describe.Succeeded && (JsonNode.Parse(describe.StandardOutput)?["Environments"] as JsonArray ?? [])
                .Any(e => e?["EnvironmentName"]?.GetValue<string>() == environment.Name
                          && e["Status"]?.GetValue<string>() is not ("Terminated" or "Terminating"));
        }

        /// <summary>The options of <c>&lt;env&gt;.options.json</c> and the companion outputs of <c>&lt;env&gt;.stack-options.json</c>.</summary>
        private string? OptionSettings(BeanstalkEnvironment environment, Dictionary<string, string> outputs)
        {
            var settings = JsonNode.Parse(package.Files.Single(f => f.Path == $"{environment.Key}.options.json").Content)!.AsArray();
            foreach (var option in JsonNode.Parse(package.Files.Single(f => f.Path == $"{environment.Key}.stack-options.json").Content)!.AsArray())
            {
                var output = option!["OutputKey"]!.GetValue<string>();
                if (!outputs.TryGetValue(output, out var value))
                {
                    diagnostics.Error(BeanstalkDiagnosticIds.Deploy, $"the companion stack {_stack} has no output {output} for {environment.Name}", null);
                    return null;
                }

                settings.AddNode(new JsonObject
                {
                    ["Namespace"] = option["Namespace"]!.GetValue<string>(),
                    ["OptionName"] = option["OptionName"]!.GetValue<string>(),
                    ["Value"] = value,
                });
            }

            return settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }

        private bool Call(string step, params string[] args)
        {
            var result = cli.Run(args);
            if (!result.Succeeded)
            {
                Fail(step, result);
            }

            return result.Succeeded;
        }

        private void Fail(string step, AwsCliResult result)
        {
            var said = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                ?? $"exit code {result.ExitCode}";
            diagnostics.Error(BeanstalkDiagnosticIds.Deploy, $"{step} failed: {said}", null);
        }
    }
}

/// <summary><c>spec deploy --engine beanstalk</c>: package the bundles and deploy them with <see cref="BeanstalkDeployer"/>.</summary>
public sealed class BeanstalkEngine : DeployEngine
{
    public override string Name => "beanstalk";

    public override string Summary => "the AWS CLI and Elastic Beanstalk";

    public override string DeploysWith => "the AWS CLI (Elastic Beanstalk)";

    public override IReadOnlyList<TargetOption> Options { get; } = [CloudFormationEngine.EndpointUrl];

    public override int Deploy(DeployContext context, DiagnosticBag diagnostics)
    {
        var work = Directory.CreateTempSubdirectory("spec-eb-package-").FullName;
        try
        {
            if (BeanstalkPackager.Package(context.Spec, diagnostics, work) is not { } package)
            {
                return 1;
            }

            var options = new BeanstalkDeployOptions { EndpointUrl = context.Settings[CloudFormationEngine.EndpointUrl], SearchPath = context.SearchPath, Log = context.Log };
            return BeanstalkDeployer.Deploy(package, options, diagnostics) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
