using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Packaging;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Emit;

namespace Spec.Backends.Deploy;

public sealed record DeployOptions
{
    public string? EndpointUrl { get; init; }

    /// <summary>Extra environment for the AWS CLI (credentials for an emulator, a profile…).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Where stack events and progress lines go.</summary>
    public Action<string> Log { get; init; } = _ => { };

    public TimeSpan EventPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The PATH the AWS CLI is looked up in (never the working directory); null = the process's.</summary>
    public string? SearchPath { get; init; }
}

/// <summary>
/// <c>spec deploy --engine cloudformation</c>: creates the stack with its deployment bucket when it does not exist,
/// uploads the packaged artifacts (<c>aws s3 cp</c>), then creates or updates the stack (<c>aws cloudformation
/// deploy</c>), printing stack events as they come. A failure names the failing resources and their reasons.
/// </summary>
public static class CloudFormationDeployer
{
    public const string MissingCliId = "SPEC-DEPLOY-001";
    public const string FailedId = "SPEC-DEPLOY-002";

    public static bool Deploy(PackageResult package, DeployOptions options, DiagnosticBag diagnostics)
    {
        var plan = package.Compile.Plan;
        if (!package.Succeeded)
        {
            return false;
        }

        if (AwsCli.Find("aws", options.SearchPath) is not { } executable)
        {
            diagnostics.Error(MissingCliId, "the AWS CLI ('aws') is not on PATH; 'spec deploy' uses it to upload and deploy", null,
                "install AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)");
            return false;
        }

        var cli = new AwsCli(plan.Region, options.EndpointUrl, options.Environment) { Executable = executable };
        var stack = plan.StackName;
        // created exclusively with an unpredictable name, readable by the user only
        var work = Directory.CreateTempSubdirectory("spec-deploy-").FullName;
        try
        {
            var bucket = plan.DeploymentBucketName ?? EnsureDeploymentBucket(cli, plan, work, options, diagnostics);
            if (bucket is null)
            {
                return false;
            }

            foreach (var artifact in package.Artifacts)
            {
                var local = Path.Combine(work, artifact.Name);
                AtomicFile.Write(local, artifact.Bytes);
                options.Log($"uploading {artifact.Name} to s3://{bucket}/{artifact.S3Key}");
                var upload = cli.Run("s3", "cp", local, $"s3://{bucket}/{artifact.S3Key}");
                if (!upload.Succeeded)
                {
                    diagnostics.Error(FailedId, $"uploading {artifact.Name} failed: {FirstLine(upload.StandardError)}", null);
                    return false;
                }
            }

            var templatePath = Path.Combine(work, CloudFormationCompiler.FileName(TemplateFormat.Json));
            AtomicFile.Write(templatePath, package.Compile.Text!);
            return RunDeploy(cli, stack, templatePath, bucket, options, diagnostics);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string? EnsureDeploymentBucket(AwsCli cli, ServicePlan plan, string work, DeployOptions options, DiagnosticBag diagnostics)
    {
        var existing = BucketOutput(cli, plan.StackName);
        if (existing is not null)
        {
            return existing;
        }

        // The Framework's create-stack template: only the deployment bucket, so artifacts have somewhere to go.
        var create = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = plan.Description,
            ["Resources"] = new JsonObject
            {
                [Naming.DeploymentBucket] = plan[Naming.DeploymentBucket]?.Body.DeepClone(),
                [Naming.DeploymentBucketPolicy] = plan[Naming.DeploymentBucketPolicy]?.Body.DeepClone(),
            },
            ["Outputs"] = new JsonObject { [Naming.DeploymentBucketOutput] = plan.Outputs[Naming.DeploymentBucketOutput]?.DeepClone() },
        };
        if (create["Resources"]![Naming.DeploymentBucketPolicy] is null)
        {
            create["Resources"]!.AsObject().Remove(Naming.DeploymentBucketPolicy);
        }

        var path = Path.Combine(work, "cloudformation-template-create-stack.json");
        AtomicFile.Write(path, TemplateJsonWriter.Write(create));
        options.Log($"creating stack {plan.StackName} with its deployment bucket");
        if (!RunDeploy(cli, plan.StackName, path, null, options, diagnostics))
        {
            return null;
        }

        var bucket = BucketOutput(cli, plan.StackName);
        if (bucket is null)
        {
            diagnostics.Error(FailedId, $"stack {plan.StackName} has no {Naming.DeploymentBucketOutput} output after creation", null);
        }

        return bucket;
    }

    private static string? BucketOutput(AwsCli cli, string stack)
    {
        var describe = cli.Run("cloudformation", "describe-stacks", "--stack-name", stack);
        if (!describe.Succeeded)
        {
            return null;
        }

        var fromOutput = FromCliJson(describe.StandardOutput, json =>
        {
            var outputs = json?["Stacks"]?[0]?["Outputs"] as JsonArray ?? [];
            return outputs.FirstOrDefault(o => o?["OutputKey"]?.GetValue<string>() == Naming.DeploymentBucketOutput)?["OutputValue"]?.GetValue<string>();
        });
        if (fromOutput is not null)
        {
            return fromOutput;
        }

        // Some emulators omit outputs: the bucket resource's physical id is its name too.
        var resource = cli.Run("cloudformation", "describe-stack-resource", "--stack-name", stack, "--logical-resource-id", Naming.DeploymentBucket);
        return resource.Succeeded
            ? FromCliJson(resource.StandardOutput, json => json?["StackResourceDetail"]?["PhysicalResourceId"]?.GetValue<string>())
            : null;
    }

    /// <summary>
    /// Reads a value out of the CLI's JSON output; null when the output is not JSON of the expected shape (a wrapper
    /// script, a CLI version that prints warnings first): the caller reports what it then lacks, never an exception.
    /// </summary>
    private static T? FromCliJson<T>(string output, Func<JsonNode?, T?> read)
    {
        try
        {
            return read(JsonNode.Parse(output));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return default;
        }
    }

    private static bool RunDeploy(AwsCli cli, string stack, string templatePath, string? bucket, DeployOptions options, DiagnosticBag diagnostics)
    {
        var args = new List<string>
        {
            "cloudformation", "deploy", "--stack-name", stack, "--template-file", templatePath,
            "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "--no-fail-on-empty-changeset",
        };
        // CloudFormation takes templates up to 51,200 bytes inline; larger ones go through the deployment bucket.
        if (bucket is not null && new FileInfo(templatePath).Length > 51_200)
        {
            args.AddRange(["--s3-bucket", bucket]);
        }

        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var deploy = cli.RunAsync(args, CancellationToken.None);
        while (!deploy.Wait(options.EventPollInterval))
        {
            StreamEvents(cli, stack, started, seen, options);
        }

        StreamEvents(cli, stack, started, seen, options);
        var result = deploy.Result;
        if (result.Succeeded)
        {
            options.Log($"stack {stack}: deployed");
            return true;
        }

        var failures = FailedResources(cli, stack, started);
        var message = failures.Count == 0
            ? $"deploying stack {stack} failed: {FirstLine(result.StandardError + result.StandardOutput)}"
            : $"deploying stack {stack} failed: " + string.Join("; ", failures);
        diagnostics.Error(FailedId, message, null, "fix the failing resources, then run 'spec deploy' again");
        return false;
    }

    private static IEnumerable<JsonNode> Events(AwsCli cli, string stack, DateTimeOffset since)
    {
        var result = cli.Run("cloudformation", "describe-stack-events", "--stack-name", stack);
        if (!result.Succeeded)
        {
            return [];
        }

        return FromCliJson(result.StandardOutput, json =>
        {
            var events = json?["StackEvents"] as JsonArray ?? [];
            return events.OfType<JsonObject>()
                .Where(e => DateTimeOffset.TryParse(Str(e["Timestamp"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t >= since)
                .Reverse()
                .ToList();
        }) ?? [];
    }

    private static void StreamEvents(AwsCli cli, string stack, DateTimeOffset since, HashSet<string> seen, DeployOptions options)
    {
        foreach (var e in Events(cli, stack, since))
        {
            var id = Str(e["EventId"]) ?? string.Empty;
            if (!seen.Add(id))
            {
                continue;
            }

            var reason = Str(e["ResourceStatusReason"]);
            options.Log($"{e["Timestamp"]}  {e["ResourceStatus"],-28} {e["ResourceType"],-36} {e["LogicalResourceId"]}" +
                        (string.IsNullOrEmpty(reason) ? string.Empty : "  " + reason));
        }
    }

    private static List<string> FailedResources(AwsCli cli, string stack, DateTimeOffset since) =>
    [
        .. Events(cli, stack, since)
            .Where(e => Str(e["ResourceStatus"])?.EndsWith("_FAILED", StringComparison.Ordinal) == true &&
                        Str(e["LogicalResourceId"]) != stack)
            .Select(e => $"{e["LogicalResourceId"]} ({e["ResourceType"]}): {e["ResourceStatusReason"]}")
            .Distinct(),
    ];

    /// <summary>A string field of the CLI's JSON; null when absent or of another type.</summary>
    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
