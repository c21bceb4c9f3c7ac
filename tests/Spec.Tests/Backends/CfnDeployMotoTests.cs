using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Spec.Backends.Deploy;
using Spec.Backends.Packaging;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends;

/// <summary>
/// End to end: <c>spec package</c> + <c>spec deploy --engine cloudformation</c> against moto_server (an AWS emulator) on
/// a free loopback port, with fake credentials, then checks through the AWS CLI what the stacks created.
/// moto 5.2.1 does not implement <c>AWS::ApiGatewayV2::*</c> in CloudFormation, so HTTP APIs are checked on a REST API
/// service (<c>http</c> events).
/// </summary>
public sealed class CfnDeployMotoTests
{
    internal static readonly Dictionary<string, string> FakeCredentials = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = "testing",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_CONFIG_FILE"] = "/dev/null",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
    };

    private const string OrdersSpec = """
        service: orders
        provider: {name: aws, runtime: nodejs18.x, timeout: 60}
        functions:
          worker: {handler: handler.worker, timeout: 120, events: [{sqs: {arn: !GetAtt OrdersQueue.Arn, batchSize: 5}}]}
        resources:
          Resources:
            OrdersQueue: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 720}}
        """;

    [SkippableFact]
    public void Corpus_DeploysThreeServicesToMoto_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        TestSkip.If(!CfnToolTests.ToolExists("moto_server"), "needs moto_server (moto 5.2.1, on the build image)");
        TestSkip.If(AwsCli.Find() is null, "needs the AWS CLI ('aws', on the build image)");
        var port = FreePort();
        var endpoint = $"http://127.0.0.1:{port}";
        var work = Path.Combine(Path.GetTempPath(), "spec-moto-" + Guid.NewGuid().ToString("N"));
        using var moto = StartMoto(port);
        try
        {
            var log = new List<string>();
            var options = new DeployOptions { EndpointUrl = endpoint, Environment = FakeCredentials, Log = log.Add };
            var rest = Copy("aws-node-rest-api", work);
            var cron = Copy("aws-node-scheduled-cron", work);
            var orders = Path.Combine(work, "orders");
            Directory.CreateDirectory(orders);
            File.WriteAllText(Path.Combine(orders, "serverless.yml"), OrdersSpec);
            File.WriteAllText(Path.Combine(orders, "handler.js"), "exports.worker = async () => {};");

            foreach (var dir in new[] { rest, cron, orders })
            {
                var bag = new DiagnosticBag();
                var loaded = new YamlLoader().LoadFile(Path.Combine(dir, "serverless.yml"), bag);
                var spec = VariableResolver.Resolve(loaded, ResolveOptions.Empty, bag);
                var package = Packager.Package(spec, bag);
                Assert.True(CloudFormationDeployer.Deploy(package, options, bag),
                    Path.GetFileName(dir) + ": " + string.Join("\n", bag.Items) + "\n" + string.Join("\n", log));
            }

            Assert.Contains(log, l => l.Contains("CREATE_COMPLETE", StringComparison.Ordinal));
            var cli = new AwsCli("us-east-1", endpoint, FakeCredentials);
            var functions = Query(cli, "lambda", "list-functions")["Functions"]!.AsArray().Select(f => f!["FunctionName"]!.GetValue<string>()).ToList();
            Assert.Contains("aws-node-rest-api-dev-hello", functions);
            Assert.Contains("orders-dev-worker", functions);
            Assert.Contains(functions, f => f.StartsWith("aws-node-scheduled-cron-dev-", StringComparison.Ordinal));

            var queueUrl = Query(cli, "sqs", "list-queues")["QueueUrls"]!.AsArray().Single()!.GetValue<string>();
            var attributes = Query(cli, "sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "VisibilityTimeout");
            Assert.Equal("720", attributes["Attributes"]!["VisibilityTimeout"]!.GetValue<string>());

            var mappings = Query(cli, "lambda", "list-event-source-mappings")["EventSourceMappings"]!.AsArray();
            var mapping = Assert.Single(mappings, m => m!["FunctionArn"]!.GetValue<string>().EndsWith(":orders-dev-worker", StringComparison.Ordinal));
            Assert.Equal(5, mapping!["BatchSize"]!.GetValue<int>());
            Assert.EndsWith(":" + queueUrl.Split('/')[^1], mapping["EventSourceArn"]!.GetValue<string>(), StringComparison.Ordinal);

            var apis = Query(cli, "apigateway", "get-rest-apis")["items"]!.AsArray();
            Assert.Contains(apis, a => a!["name"]!.GetValue<string>() == "dev-aws-node-rest-api");
            var rules = Query(cli, "events", "list-rules")["Rules"]!.AsArray();
            Assert.NotEmpty(rules);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    [Fact]
    public void Deploy_WithoutTheAwsCli_IsAClearDiagnostic()
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", OrdersSpec, bag);
        var package = new PackageResult(
            Spec.Backends.CloudFormation.CloudFormationCompiler.Compile(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag), []);
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", "/nonexistent");
            Assert.False(CloudFormationDeployer.Deploy(package, new DeployOptions(), bag));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }

        Assert.Contains(bag.Items, d => d.Id == CloudFormationDeployer.MissingCliId && d.Message.Contains("AWS CLI", StringComparison.Ordinal));
    }

    internal static JsonNode Query(AwsCli cli, params string[] args)
    {
        var result = cli.Run(args);
        Assert.True(result.Succeeded, string.Join(" ", args) + ": " + result.StandardError);
        return JsonNode.Parse(result.StandardOutput)!;
    }

    private static string Copy(string caseName, string work)
    {
        var source = Path.Combine(SharedData.Corpus!, "sls-examples", caseName);
        var target = Path.Combine(work, caseName);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed class MotoServer(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }
    }

    internal static MotoServer StartMoto(int port)
    {
        var psi = new ProcessStartInfo("moto_server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new MotoServer(process);
            }
            catch (SocketException)
            {
                Thread.Sleep(250);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("moto_server did not start on port " + port);
    }
}
