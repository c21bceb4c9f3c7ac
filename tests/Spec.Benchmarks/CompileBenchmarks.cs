using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Spec.Backends.CloudFormation;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Benchmarks;

/// <summary>
/// <c>spec compile --target cloudformation</c> in-process on generated specs of 1k, 5k and 10k functions
/// (each with an HTTP API route and a schedule): load, resolve, plan and emit the template text.
/// Goal: under 300 ms for 1k functions, growing linearly.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class CompileBenchmarks
{
    private string _yaml = string.Empty;

    [Params(1000, 5000, 10000)]
    public int Functions { get; set; }

    [GlobalSetup]
    public void Setup() => _yaml = GenerateSpec(Functions);

    [Benchmark(Description = "compile to CloudFormation")]
    public int Compile() => CompileText(_yaml).Length;

    public static string CompileText(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = new YamlLoader(LoadLimits.Default).LoadText("serverless.yml", yaml, diagnostics);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.Empty, diagnostics);
        return CloudFormationCompiler.Compile(resolved, diagnostics).Text
               ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
    }

    public static string GenerateSpec(int functions)
    {
        var sb = new StringBuilder();
        sb.AppendLine("service: bench");
        sb.AppendLine("provider:");
        sb.AppendLine("  name: aws");
        sb.AppendLine("  runtime: nodejs18.x");
        sb.AppendLine("  environment:");
        sb.AppendLine("    TABLE: ${self:service}-${sls:stage}");
        sb.AppendLine("functions:");
        for (var i = 0; i < functions; i++)
        {
            sb.Append("  fn").Append(i).AppendLine(":");
            sb.Append("    handler: src/fn").Append(i).AppendLine(".handler");
            sb.AppendLine("    events:");
            sb.Append("      - httpApi: GET /items/fn").Append(i).AppendLine("/{id}");
            sb.AppendLine("      - schedule: rate(1 hour)");
        }

        return sb.ToString();
    }
}
