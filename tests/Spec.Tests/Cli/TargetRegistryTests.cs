using System.Text;
using Spec.Backends.CloudFormation;
using Spec.Backends.Pulumi;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Tests.Cli;

/// <summary>The target registry: what it holds, what it refuses, and that the README says the same.</summary>
public sealed class TargetRegistryTests
{
    [Fact]
    public void The_registry_lists_the_targets_in_cli_order_with_their_engines()
    {
        Assert.Equal(["cloudformation", "pulumi-ts", "pulumi-yaml", "pulumi-csharp", "beanstalk"], TargetRegistry.All.Select(t => t.Name));
        Assert.Equal("cloudformation", TargetRegistry.Default.Name);
        Assert.Equal(["cloudformation", "pulumi", "beanstalk"], TargetRegistry.Engines.Select(e => e.Name));
        Assert.Same(TargetRegistry.Find("pulumi-yaml")!.Engine, TargetRegistry.FindEngine("pulumi"));
        Assert.Null(TargetRegistry.Find("sam"));
        Assert.Equal(".spec", TargetRegistry.Default.DefaultOutput);
        Assert.Equal(Path.Combine(".spec", "pulumi-ts"), TargetRegistry.Find("pulumi-ts")!.DefaultOutput);
    }

    [Fact]
    public void Names_must_be_unique_and_a_shared_option_declared_alike()
    {
        var twice = Assert.Throws<InvalidOperationException>(() => TargetRegistry.Validate([new CloudFormationTarget(), new CloudFormationTarget()]));
        Assert.Contains("'cloudformation' is registered twice", twice.Message, StringComparison.Ordinal);

        var differing = Assert.Throws<InvalidOperationException>(() => TargetRegistry.Validate(
            [new CloudFormationTarget(), new FakeTarget("other", CloudFormationTarget.Format with { Default = "yaml" })]));
        Assert.Contains("--format", differing.Message, StringComparison.Ordinal);

        Assert.Equal(2, TargetRegistry.Validate([new CloudFormationTarget(), new FakeTarget("other", CloudFormationTarget.Format)]).Count);
    }

    [Fact]
    public void A_target_is_one_class_its_files_are_planned_emitted_and_written_by_the_compiler()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", "service: svc\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h.h\n");
        var resolved = new SpecPipeline().Run(Path.Combine(dir.Path, "serverless.yml"), ResolveOptions.Empty).Resolved!;
        var output = Path.Combine(dir.Path, "out");
        var bag = new DiagnosticBag();

        var files = TargetCompiler.Compile(new FakeTarget("fake"), resolved, output, TargetSettings.None, bag);

        Assert.False(bag.HasErrors);
        Assert.Equal(["functions.txt", "model.txt"], files!.Select(f => f.Path));
        Assert.Equal("FLambdaFunction\n", File.ReadAllText(Path.Combine(output, "functions.txt")));
        // the same bind feeds the model a target emits from: the function with its effective (default) memory
        Assert.Equal("f 1024 Default\n", File.ReadAllText(Path.Combine(output, "model.txt")));
    }

    [Fact]
    public void The_pulumi_targets_emit_what_the_pulumi_compiler_generates()
    {
        var resolved = new SpecPipeline().Run(Path.Combine(Golden.RepositoryRoot, "examples", "queue-worker", "serverless.yml"), ResolveOptions.Empty).Resolved!;
        var planned = TargetCompiler.Plan(resolved, new DiagnosticBag())!;
        var plan = planned.Plan;
        foreach (var target in TargetRegistry.All.OfType<PulumiProjectTarget>())
        {
            var context = new TargetContext(planned.Model, plan, resolved.ServiceDirectory, resolved.Loaded.Source.Path, resolved.ServiceDirectory, TargetSettings.None);
            var emitted = target.Emit(context, new DiagnosticBag());
            var expected = PulumiCompiler.Generate(PulumiSource.FromPlan(plan, ".", resolved.Loaded.Source.Path), target.ProgramLanguage, new DiagnosticBag());
            Assert.Equal(expected.Select(f => (f.Key, f.Value)), emitted.Select(f => (f.Path, Encoding.UTF8.GetString(f.Content))));
        }
    }

    [Fact]
    public void The_readme_target_table_and_synopses_are_the_registry()
    {
        var readme = File.ReadAllText(Path.Combine(Golden.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var table = new StringBuilder("| `--target` | writes | default `--output` |\n|---|---|---|\n");
        foreach (var target in TargetRegistry.All)
        {
            var name = target == TargetRegistry.Default ? $"`{target.Name}` (default)" : $"`{target.Name}`";
            table.Append($"| {name} | {target.Writes} | `{target.DefaultOutput.Replace('\\', '/')}` |\n");
        }

        Assert.True(readme.Contains(table.ToString(), StringComparison.Ordinal),
            "the README's `spec compile` target table differs from the registry; it should read:\n" + table);
        Assert.Contains($"--target {string.Join('|', TargetRegistry.All.Select(t => t.Name))}]", readme, StringComparison.Ordinal);
        Assert.Contains($"--engine {string.Join('|', TargetRegistry.Engines.Select(e => e.Name))}]", readme, StringComparison.Ordinal);

        var engineRows = readme[readme.IndexOf("| `--engine` | what it runs | its options |", StringComparison.Ordinal)..]
            .Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('`')[1]);
        Assert.Equal(TargetRegistry.Engines.Select(e => e.Name), engineRows);
    }

    /// <summary>A target as a new one would be written: one class; it lists the plan's function resources.</summary>
    private sealed class FakeTarget(string name, params TargetOption[] options) : Target
    {
        public override string Name => name;

        public override string Produces => "a list of functions";

        public override string Family => "Fake";

        public override string Writes => "`functions.txt`";

        public override IReadOnlyList<TargetOption> Options => options;

        public override IReadOnlyList<OutputFile> Emit(TargetContext context, DiagnosticBag diagnostics) =>
        [
            new("functions.txt", Encoding.UTF8.GetBytes(string.Concat(context.Plan.Resources
                .Where(r => r.Body["Type"]?.GetValue<string>() == "AWS::Lambda::Function").Select(r => r.LogicalId + "\n")))),
            new("model.txt", Encoding.UTF8.GetBytes(string.Concat(context.Model.Functions
                .Select(f => $"{f.Key} {f.MemorySize.Value} {f.MemorySize.Source}\n")))),
        ];
    }
}
