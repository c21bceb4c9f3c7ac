using System.Diagnostics;
using System.Text;

namespace Spec.Backends.Deploy;

/// <summary>The result of one AWS CLI call.</summary>
public sealed record AwsCliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs the AWS CLI (<c>aws</c>) with the region and endpoint of a deployment; arguments are never shell-parsed.</summary>
public sealed class AwsCli(string region, string? endpointUrl, IReadOnlyDictionary<string, string>? environment = null)
{
    /// <summary>The absolute path of the CLI (<see cref="Find"/>); a bare name would let the system look in the
    /// working directory first.</summary>
    public string Executable { get; init; } = Find() ?? "aws";

    /// <summary>The <paramref name="name"/> executable on <c>PATH</c> (<see cref="ToolLocator"/>), or null.</summary>
    public static string? Find(string name = "aws", string? searchPath = null) =>
        ToolLocator.OnPath(name, searchPath ?? Environment.GetEnvironmentVariable("PATH"));

    public AwsCliResult Run(params string[] args) => RunAsync(args, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<AwsCliResult> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add("--region");
        psi.ArgumentList.Add(region);
        if (!string.IsNullOrEmpty(endpointUrl))
        {
            psi.ArgumentList.Add("--endpoint-url");
            psi.ArgumentList.Add(endpointUrl);
        }

        psi.ArgumentList.Add("--output");
        psi.ArgumentList.Add("json");
        psi.Environment["AWS_PAGER"] = string.Empty;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        if (!Path.IsPathFullyQualified(Executable))
        {
            return new AwsCliResult(127, string.Empty, $"'{Executable}' is not on PATH");
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + Executable);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new AwsCliResult(126, string.Empty, $"cannot run '{Executable}': {e.Message}");
        }

        using var started = process;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new AwsCliResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
