using System.Diagnostics;
using System.Text;
using Spec.Backends.Deploy;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;

namespace Spec.Backends.Pulumi;

/// <summary>Options of <c>spec deploy --engine pulumi [--stack NAME] [--yes]</c>.</summary>
public sealed record PulumiDeployOptions
{
    /// <summary>The Pulumi stack; defaults to the spec's stage.</summary>
    public string? Stack { get; init; }

    /// <summary>Pass <c>--yes</c> to <c>pulumi up</c> (no interactive confirmation).</summary>
    public bool Yes { get; init; }

    /// <summary>The program language of the generated project. YAML needs no package install before <c>pulumi up</c>.</summary>
    public PulumiTarget Target { get; init; } = PulumiTarget.Yaml;

    /// <summary>Where <c>pulumi</c> is looked up; defaults to the <c>PATH</c> environment variable.</summary>
    public string? SearchPath { get; init; }
}

/// <summary>
/// Deploys a service with the Pulumi CLI: generates the project into a working directory, then runs
/// <c>pulumi stack select --create &lt;stack&gt;</c> and <c>pulumi up [--yes]</c> there, passing their output through.
/// </summary>
public static class PulumiDeployer
{
    public const string MissingCliDiagnosticId = "SPEC-PULUMI-002";

    /// <summary>Returns the exit code of the first failing <c>pulumi</c> command, 0 on success, 1 when it cannot start.</summary>
    public static int Deploy(PulumiSource source, string workingDirectory, PulumiDeployOptions options, DiagnosticBag diagnostics)
    {
        var pulumi = ToolLocator.OnPath("pulumi", options.SearchPath ?? Environment.GetEnvironmentVariable("PATH"));
        if (pulumi is null)
        {
            diagnostics.Error(MissingCliDiagnosticId, "the 'pulumi' CLI is not on PATH, so the stack cannot be deployed",
                SourceSpan.At(source.SpecPath, 1, 1),
                "install it (https://www.pulumi.com/docs/install/), or run 'spec compile --target pulumi-yaml --output DIR' and deploy DIR yourself");
            return 1;
        }

        var stack = options.Stack ?? source.Stage;
        var program = PulumiProgramBuilder.Build(source, diagnostics);
        var files = PulumiCompiler.Files(program, options.Target).ToList();
        if (stack != program.Stage)
        {
            // pulumi reads Pulumi.<stack>.yaml: give the named stack the stage's region too
            files.Add(new(PulumiProjectTarget.StackFileName(stack), PulumiCompiler.StackConfig(program)));
        }

        if (!TargetCompiler.WriteFiles(workingDirectory, files.Select(f => KeyValuePair.Create(f.Key, Encoding.UTF8.GetBytes(f.Value))), diagnostics))
        {
            return 1;
        }

        var select = Run(pulumi, ["stack", "select", "--create", stack], workingDirectory);
        if (select != 0)
        {
            return select;
        }

        return Run(pulumi, options.Yes ? ["up", "--yes"] : ["up"], workingDirectory);
    }

    private static int Run(string executable, IEnumerable<string> args, string workingDirectory)
    {
        var psi = new ProcessStartInfo(executable) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(psi)!; // stdout/stderr are inherited: pulumi's output passes straight through
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 126; // found on PATH and executable a moment ago; the shell's code for "cannot execute"
        }
    }
}
