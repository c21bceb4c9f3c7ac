using Spec.Backends.Beanstalk;
using Spec.Backends.Deploy;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;
using Spec.Tests.Cli;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>
/// <c>spec deploy --engine beanstalk</c> against moto_server: moto 5.2.1 implements CloudFormation, S3,
/// <c>create-application</c>, <c>describe-applications</c>, <c>create-environment</c> and <c>describe-environments</c>;
/// it lacks <c>create-application-version</c> and <c>update-environment</c>, which a recording stand-in <c>aws</c>
/// (a script the test puts first) answers itself. It records every call, with the option settings file it was given.
/// </summary>
public sealed class BeanstalkDeployMotoTests
{
    [SkippableFact]
    public void The_example_deploys_its_companion_stack_versions_and_environments_and_a_second_deploy_updates_them()
    {
        TestSkip.If(!CfnToolTests.ToolExists("moto_server"), "needs moto_server (moto 5.2.1, on the build image)");
        var realAws = AwsCli.Find();
        TestSkip.If(realAws is null, "needs the AWS CLI ('aws', on the build image)");
        TestSkip.If(OperatingSystem.IsWindows(), "the stand-in aws is a POSIX shell script");
        var port = CfnDeployMotoTests.FreePort();
        var endpoint = $"http://127.0.0.1:{port}";
        using var moto = CfnDeployMotoTests.StartMoto(port);
        using var dir = new TempDir();
        var example = Path.Combine(Golden.RepositoryRoot, "examples", "orders-beanstalk");
        foreach (var file in Directory.EnumerateFiles(example, "*", SearchOption.AllDirectories).Where(f => !f.Contains("expected", StringComparison.Ordinal)))
        {
            dir.Write(Path.GetRelativePath(example, file), File.ReadAllText(file));
        }

        var log = Path.Combine(dir.Path, "aws-calls.log");
        var standIn = dir.Write("bin/aws", $$"""
            #!/bin/sh
            # Recording stand-in for the AWS CLI: logs each call (and the option settings file it names), answers the
            # Elastic Beanstalk calls moto 5.2.1 lacks, and passes every other call to the real AWS CLI.
            printf 'CALL %s\n' "$*" >> '{{log}}'
            for a in "$@"; do case "$a" in file://*) cat "${a#file://}" >> '{{log}}';; esac; done
            case "$1 $2" in
              "elasticbeanstalk create-application-version") echo '{"ApplicationVersion": {"VersionLabel": "recorded"} }'; exit 0;;
              "elasticbeanstalk update-environment") echo '{"Status": "Updating"}'; exit 0;;
            esac
            exec '{{realAws}}' "$@"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = new BeanstalkDeployOptions
        {
            AwsExecutable = standIn, EndpointUrl = endpoint, Environment = CfnDeployMotoTests.FakeCredentials,
        };

        Assert.True(Deploy(dir, options, out var first), string.Join("\n", first.Items) + "\n" + ReadLog(log));

        var calls = ReadLog(log);
        var cli = new AwsCli("eu-west-1", endpoint, CfnDeployMotoTests.FakeCredentials);
        // moto leaves the outputs out of describe-stacks after a change set; each output here is a Ref, the physical id
        var physical = CfnDeployMotoTests.Query(cli, "cloudformation", "describe-stack-resources", "--stack-name", "orders-dev-beanstalk")["StackResources"]!
            .AsArray().Where(r => r?["PhysicalResourceId"] is not null)
            .ToDictionary(r => r!["LogicalResourceId"]!.GetValue<string>(), r => r!["PhysicalResourceId"]!.GetValue<string>());
        var outputs = new Dictionary<string, string>
        {
            [CompanionTemplate.BucketOutput] = physical["ServerlessDeploymentBucket"],
            [CompanionTemplate.InstanceProfileOutput] = physical[CompanionTemplate.InstanceProfile],
            ["JobsQueueWorkerQueueUrl"] = physical["JobsQueue"],
        };
        var bucket = outputs[CompanionTemplate.BucketOutput];
        var objects = CfnDeployMotoTests.Query(cli, "s3api", "list-objects-v2", "--bucket", bucket)["Contents"]!.AsArray()
            .Select(o => o!["Key"]!.GetValue<string>()).ToList();
        Assert.Equal(2, objects.Count(k => k.StartsWith("beanstalk/orders/dev/", StringComparison.Ordinal) && k.EndsWith(".zip", StringComparison.Ordinal)));
        Assert.Single(CfnDeployMotoTests.Query(cli, "elasticbeanstalk", "describe-applications")["Applications"]!.AsArray());
        var environments = CfnDeployMotoTests.Query(cli, "elasticbeanstalk", "describe-environments", "--application-name", "orders")["Environments"]!
            .AsArray().Select(e => e!["EnvironmentName"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["orders-dev-jobs-queue", "orders-dev-web"], environments);
        Assert.Equal(2, CountCalls(calls, "elasticbeanstalk create-environment"));
        Assert.Equal(2, CountCalls(calls, "elasticbeanstalk create-application-version"));
        Assert.Contains($"S3Bucket={bucket},S3Key=beanstalk/orders/dev/web-", calls, StringComparison.Ordinal);
        Assert.Contains("--tier Name=Worker,Type=SQS/HTTP", calls, StringComparison.Ordinal);
        // the option settings: the instance profile and the worker queue URL come from the companion stack's outputs
        Assert.Contains($"\"Value\": \"{outputs[CompanionTemplate.InstanceProfileOutput]}\"", calls, StringComparison.Ordinal);
        Assert.Contains($"\"Value\": \"{outputs["JobsQueueWorkerQueueUrl"]}\"", calls, StringComparison.Ordinal);
        Assert.Contains("\"OptionName\": \"HttpConnections\"", calls, StringComparison.Ordinal);

        File.WriteAllText(log, string.Empty);
        Assert.True(Deploy(dir, options, out var second), string.Join("\n", second.Items) + "\n" + ReadLog(log));
        var again = ReadLog(log);
        // an environment that exists is updated to the new version, not created again
        Assert.Equal(2, CountCalls(again, "elasticbeanstalk update-environment"));
        Assert.Equal(0, CountCalls(again, "elasticbeanstalk create-environment"));
        Assert.Equal(0, CountCalls(again, "elasticbeanstalk create-application "));
    }

    [Fact]
    public void Without_the_aws_cli_the_engine_says_so()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", "service: s\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  f:\n    handler: h.h\n    events:\n      - httpApi: GET /\n");
        dir.Write("h.js", "exports.h = async () => ({});\n");

        var run = CliRunner.InProcess(dir.Path, new Dictionary<string, string> { ["PATH"] = "/nonexistent" }, "deploy", "--engine", "beanstalk");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SPEC-DEPLOY-001", run.Error, StringComparison.Ordinal);
    }

    private static bool Deploy(TempDir dir, BeanstalkDeployOptions options, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var resolved = new SpecPipeline().Run(Path.Combine(dir.Path, "serverless.yml"), ResolveOptions.Empty, PipelineStage.Resolve).Resolved!;
        var package = BeanstalkPackager.Package(resolved, diagnostics, Path.Combine(dir.Path, ".spec", "beanstalk"));
        return package is not null && BeanstalkDeployer.Deploy(package, options, diagnostics);
    }

    private static string ReadLog(string log) => File.Exists(log) ? File.ReadAllText(log) : string.Empty;

    private static int CountCalls(string calls, string call) =>
        calls.Split('\n').Count(l => l.StartsWith("CALL " + call, StringComparison.Ordinal));
}
