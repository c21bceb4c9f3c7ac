using Spec.Core.Resolve;

namespace Spec.Core.Print;

/// <summary>
/// What Serverless Framework 3.40 does to <c>configurationInput</c> between variable resolution and
/// <c>print</c>, in its order: <c>Service.load</c> (string provider, <c>provider.stage</c>), the AWS provider
/// (<c>provider.region</c>), the functions compiler (<c>versionFunctions</c>), <c>setFunctionNames</c>
/// (<c>events</c>, <c>name</c>), schema validation (nulls moved last, Ajv type coercion), the AWS provider's
/// <c>initialize</c> hook (<c>deploymentBucketObject</c>) and the package
/// plugin's <c>initialize</c> hook (<c>package.artifactsS3KeyDirname</c>).
/// </summary>
internal static class PrintNormalizer
{
    public static void Normalize(PrintObject config, string stage, string region)
    {
        MergeLegacyArrays(config);

        // Service.load: `provider: aws` becomes an object; provider.stage defaults to dev (not the CLI stage).
        var provider = config["provider"] switch
        {
            PrintObject o => o,
            null => null,
            var other => ReplaceProvider(config, other),
        };

        if (provider is not null)
        {
            if (provider["stage"] is null or PrintNull)
            {
                provider.Set("stage", new PrintString(Model.Defaults.Stage));
            }

            if (provider["name"] is PrintString { Value: "aws" })
            {
                // AwsProvider constructor: provider.region = --region || provider.region || us-east-1.
                provider.Set("region", new PrintString(region));
                if (provider["versionFunctions"] is null or PrintNull)
                {
                    provider.Set("versionFunctions", new PrintBool(true));
                }
            }
        }

        SetFunctionNames(config, stage);
        SchemaValidation.Apply(config);
        if (config["provider"] is PrintObject validatedProvider)
        {
            SplitDeploymentBucketObject(validatedProvider);
        }

        // The package plugin's initialize hook writes into `package` only when the config has one.
        if (config["package"] is PrintObject package)
        {
            var prefix = provider?["deploymentPrefix"] is { } p and not PrintNull ? Text(p) : "serverless";
            package.Set("artifactsS3KeyDirname",
                new PrintString($"{prefix}/{Text(config["service"])}/{stage}/code-artifacts"));
        }
    }

    /// <summary>
    /// The AWS provider's <c>initialize</c> hook: a <c>deploymentBucket</c> object moves to
    /// <c>deploymentBucketObject</c> and <c>deploymentBucket</c> becomes its name (null without a truthy one).
    /// </summary>
    private static void SplitDeploymentBucketObject(PrintObject provider)
    {
        if (provider["deploymentBucket"] is not PrintObject bucket)
        {
            return;
        }

        provider.Set("deploymentBucketObject", bucket);
        provider.Set("deploymentBucket", bucket["name"] is { IsTruthy: true } name ? name : PrintNull.Instance);
    }

    private static PrintObject ReplaceProvider(PrintObject config, PrintValue name)
    {
        var provider = new PrintObject();
        provider.Set("name", name);
        config.Set("provider", provider);
        return provider;
    }

    private static void SetFunctionNames(PrintObject config, string stage)
    {
        if (config["functions"] is not PrintObject functions)
        {
            return;
        }

        var service = Text(config["service"]);
        foreach (var (name, value) in functions.Entries.ToList())
        {
            if (value is PrintNull)
            {
                functions.Remove(name);
                continue;
            }

            if (value is not PrintObject function)
            {
                continue;
            }

            if (function["events"] is not { IsTruthy: true })
            {
                function.Set("events", new PrintArray([]));
            }

            if (function["name"] is not { IsTruthy: true })
            {
                function.Set("name", new PrintString($"{service}-{stage}-{name}"));
            }
        }
    }

    /// <summary>Legacy v1 form: <c>functions</c> and <c>resources</c> as lists of mappings, merged (lodash <c>merge</c>).</summary>
    private static void MergeLegacyArrays(PrintObject config)
    {
        foreach (var key in new[] { "resources", "functions" })
        {
            if (config[key] is not PrintArray list)
            {
                continue;
            }

            var merged = new PrintObject();
            foreach (var item in list.Items)
            {
                if (item is PrintObject o)
                {
                    LodashMerge(merged, o);
                }
            }

            config.Set(key, merged);
        }
    }

    private static void LodashMerge(PrintObject target, PrintObject source)
    {
        foreach (var (key, value) in source.Entries)
        {
            if (value is PrintObject so && target[key] is PrintObject to)
            {
                LodashMerge(to, so);
            }
            else if (value is not PrintNull || target[key] is null)
            {
                target.Set(key, value);
            }
        }
    }

    /// <summary>JavaScript template-literal text of a value (<c>`${x}`</c>).</summary>
    internal static string Text(PrintValue? value) => value switch
    {
        PrintString s => s.Value,
        PrintNumber n => JsNumber.Format(n.Value),
        PrintBool b => b.Value ? "true" : "false",
        PrintNull => "null",
        PrintObject => "[object Object]",
        PrintArray a => string.Join(',', a.Items.Select(i => i is PrintNull ? string.Empty : Text(i))),
        _ => "undefined",
    };
}
