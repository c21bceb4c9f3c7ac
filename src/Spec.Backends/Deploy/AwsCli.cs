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
    public string Executable { get; init; } = "aws";

    public static string? Find(string name = "aws")
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, name)))
            {
                return Path.Combine(dir, name);
            }
        }

        return null;
    }

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

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + Executable);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new AwsCliResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
