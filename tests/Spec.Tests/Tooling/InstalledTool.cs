namespace Spec.Tests.Tooling;

/// <summary>
/// The <c>spec</c> .NET tool installed the way a user installs it: <c>dotnet tool install --tool-path DIR spec
/// --add-source PACKAGES</c> from the packages <c>scripts/pack-tool.sh</c> made (folder in
/// <c>SPEC_TOOL_PACKAGES</c>; <c>.ci/run</c> packs and sets it). Installed once per test class into a temporary tool
/// path, with a private NuGet cache so that an older package of the same version cannot stand in for the new one.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    public const string SkipReason =
        "needs the packed tool: scripts/pack-tool.sh --rids 'linux-x64;any' --output DIR, then SPEC_TOOL_PACKAGES=DIR (.ci/run does both)";

    private readonly string _root;

    public InstalledTool()
    {
        Packages = System.Environment.GetEnvironmentVariable("SPEC_TOOL_PACKAGES") is { Length: > 0 } dir && Directory.Exists(dir)
            ? Path.GetFullPath(dir)
            : null;
        _root = Path.Combine(Path.GetTempPath(), "spec-tool-" + Guid.NewGuid().ToString("N"));
        ToolPath = Path.Combine(_root, "tools");
        NuGetCache = Path.Combine(_root, "nuget");
        if (Packages is null)
        {
            return;
        }

        Directory.CreateDirectory(_root);
        Install = ExternalProcess.Run("dotnet", ["tool", "install", "--tool-path", ToolPath, "spec", "--add-source", Packages],
            _root, ToolEnvironment, TimeSpan.FromMinutes(5));
    }

    /// <summary>The folder of packed packages, or null when none was given (the tests skip).</summary>
    public string? Packages { get; }

    public bool Missing => Packages is null;

    /// <summary>The <c>dotnet tool install</c> run.</summary>
    public ProcessRun? Install { get; }

    public string ToolPath { get; }

    public string NuGetCache { get; }

    /// <summary>The installed <c>spec</c> command (the shim/symlink <c>dotnet tool install</c> made).</summary>
    public string Executable => Path.Combine(ToolPath, "spec");

    /// <summary>What every process that installs or runs the tool gets: the private NuGet cache, no telemetry.</summary>
    public IReadOnlyDictionary<string, string?> ToolEnvironment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = NuGetCache,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["NO_COLOR"] = "1",
    };

    public ProcessRun Run(string workingDirectory, params string[] args) =>
        ExternalProcess.Run(Executable, args, workingDirectory, ToolEnvironment);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
