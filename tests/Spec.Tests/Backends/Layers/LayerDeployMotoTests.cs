using Spec.Backends.Deploy;
using Spec.Backends.Packaging;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.Layers;

/// <summary>
/// End to end against moto_server: <c>spec package</c> zips the layers, <c>spec deploy</c> uploads them beside the
/// service zip and the stack creates the layer versions the function uses.
/// </summary>
public sealed class LayerDeployMotoTests
{
    [SkippableFact]
    public void Deploy_UploadsLayerZipsAndCreatesTheLayers()
    {
        TestSkip.If(!CfnToolTests.ToolExists("moto_server"), "needs moto_server (moto 5.2.1, on the build image)");
        TestSkip.If(AwsCli.Find() is null, "needs the AWS CLI ('aws', on the build image)");
        var port = CfnDeployMotoTests.FreePort();
        var endpoint = $"http://127.0.0.1:{port}";
        var work = Path.Combine(Path.GetTempPath(), "spec-moto-layers-" + Guid.NewGuid().ToString("N"));
        using var moto = CfnDeployMotoTests.StartMoto(port);
        try
        {
            Directory.CreateDirectory(Path.Combine(work, "layers", "common", "nodejs", "node_modules", "lib"));
            Directory.CreateDirectory(Path.Combine(work, "layers", "kept", "python"));
            File.WriteAllText(Path.Combine(work, "handler.js"), "exports.hello = async () => ({statusCode: 200});");
            File.WriteAllText(Path.Combine(work, "layers", "common", "nodejs", "node_modules", "lib", "index.js"), "module.exports = 1;");
            File.WriteAllText(Path.Combine(work, "layers", "kept", "python", "x.py"), "X = 1");
            var specPath = Path.Combine(work, "serverless.yml");
            File.WriteAllText(specPath, LayersFixture.FoldersSpec);

            var bag = new DiagnosticBag();
            var loaded = new YamlLoader().LoadFile(specPath, bag);
            var package = Packager.Package(VariableResolver.Resolve(loaded, ResolveOptions.Empty, bag), bag);
            var log = new List<string>();
            var options = new DeployOptions { EndpointUrl = endpoint, Environment = CfnDeployMotoTests.FakeCredentials, Log = log.Add };
            Assert.True(CloudFormationDeployer.Deploy(package, options, bag), string.Join("\n", bag.Items) + "\n" + string.Join("\n", log));

            var cli = new AwsCli("us-east-1", endpoint, CfnDeployMotoTests.FakeCredentials);
            foreach (var name in new[] { "common.zip", "kept-layer.zip" })
            {
                var artifact = package.Artifacts.Single(a => a.Name == name);
                var upload = Assert.Single(log, l => l.StartsWith($"uploading {name} to s3://", StringComparison.Ordinal));
                Assert.EndsWith("/" + artifact.S3Key, upload, StringComparison.Ordinal);
                var bucket = upload[$"uploading {name} to s3://".Length..].Split('/')[0];
                var head = CfnDeployMotoTests.Query(cli, "s3api", "head-object", "--bucket", bucket, "--key", artifact.S3Key);
                Assert.Equal(artifact.Bytes.Length, head["ContentLength"]!.GetValue<int>());
            }

            var layers = CfnDeployMotoTests.Query(cli, "lambda", "list-layers")["Layers"]!.AsArray();
            Assert.Equal(2, layers.Count);
            Assert.Contains(layers, l => l!["LatestMatchingVersion"]!["Description"]?.GetValue<string>() == "Shared code");
            // moto 5.2.1 keeps no Layers on a function CloudFormation creates, so the function is only checked to exist.
            CfnDeployMotoTests.Query(cli, "lambda", "get-function", "--function-name", "layer-svc-dev-hello");
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
