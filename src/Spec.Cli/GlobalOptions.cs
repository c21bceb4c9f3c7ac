using System.CommandLine;

namespace Spec.Cli;

/// <summary>The options every command understands (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Stage { get; } = new("--stage", "-s")
    {
        Description = "Stage for ${sls:stage}, ${opt:stage} and params (default: provider.stage, then dev)",
        Recursive = true,
    };

    public Option<string?> Region { get; } = new("--region", "-r")
    {
        Description = "Region for ${aws:region} and ${opt:region} (default: provider.region, then us-east-1)",
        Recursive = true,
    };

    public Option<string[]> Param { get; } = new("--param")
    {
        Description = "A parameter for ${param:key}, as key=value (repeatable)",
        Recursive = true,
        HelpName = "key=value",
    };

    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "The spec file to use instead of serverless.yml/.yaml/.json in the current directory",
        Recursive = true,
        HelpName = "file",
    };

    public Option<bool> AllowOutsideFiles { get; } = new("--allow-outside-files")
    {
        Description = "Let ${file(...)} read files outside the service directory",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Stage, Region, Param, Config, AllowOutsideFiles];

    /// <summary>
    /// The options that drive variable resolution, as <c>--name=value</c> tokens (the form the Framework's
    /// <c>${opt:…}</c> sees): stage, region, params, then every pass-through option.
    /// </summary>
    public IReadOnlyList<string> ResolutionArguments(ParseResult parse, PassThroughOptions passThrough)
    {
        var args = new List<string>();
        if (parse.GetValue(Stage) is { } stage)
        {
            args.Add("--stage=" + stage);
        }

        if (parse.GetValue(Region) is { } region)
        {
            args.Add("--region=" + region);
        }

        foreach (var p in parse.GetValue(Param) ?? [])
        {
            args.Add("--param=" + p);
        }

        if (parse.GetValue(Config) is { } config)
        {
            args.Add("--config=" + config);
        }

        args.AddRange(passThrough.ToArguments());
        return args;
    }
}
