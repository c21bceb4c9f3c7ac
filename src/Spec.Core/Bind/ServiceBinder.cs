using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>Binds one spec: the top level here, the sections in the other parts of this class.</summary>
internal sealed partial class ServiceBinder(BindContext ctx, ResolvedSpec resolved)
{
    private string _serviceName = "";
    private string _stage = "";

    public Service? Bind(MappingNode root)
    {
        var providerNode = BindContext.Get(root, "provider");
        if (!IsAwsProvider(root, providerNode))
        {
            return null;
        }

        foreach (var p in PluginNames(BindContext.Get(root, "plugins")))
        {
            ctx.Plugins.Add(p);
        }

        var validationMode = ctx.String(root, "configValidationMode", "");
        if (validationMode?.Value is "error" or "warn" or "off")
        {
            ctx.ValidationMode = validationMode.Value;
        }

        ctx.CheckKeys(root, "", "");
        var name = BindServiceName(root);
        _serviceName = name.Value;
        _stage = string.IsNullOrEmpty(resolved.Stage) ? ctx.Default<string>("provider.stage") : resolved.Stage;
        var region = string.IsNullOrEmpty(resolved.Region) ? ctx.Default<string>("provider.region") : resolved.Region;
        var provider = BindProvider(providerNode, root);
        var plugins = BindPlugins(BindContext.Get(root, "plugins"));

        return new Service
        {
            Root = root,
            Name = name,
            FrameworkVersion = ctx.String(root, "frameworkVersion", ""),
            Stage = _stage,
            Region = region,
            Provider = provider,
            Functions = BindFunctions(BindContext.Get(root, "functions"), provider),
            Layers = BindLayers(BindContext.Get(root, "layers")),
            Resources = BindResources(BindContext.Get(root, "resources")),
            Package = BindPackage(BindContext.Get(root, "package"), "package", "package"),
            Plugins = plugins,
            Custom = BindContext.Get(root, "custom"),
            Params = BindParams(BindContext.Get(root, "params")),
            Stages = BindContext.Get(root, "stages"),
            UseDotenv = ctx.Bool(root, "useDotenv", ""),
            ConfigValidationMode = ctx.OrDefault(validationMode, "configValidationMode"),
            DeprecationNotificationMode = ctx.String(root, "deprecationNotificationMode", ""),
            DisabledDeprecations = BindContext.Get(root, "disabledDeprecations"),
            VariablesResolutionMode = ctx.String(root, "variablesResolutionMode", ""),
            ProjectDir = ctx.String(root, "projectDir", ""),
            Org = ctx.String(root, "org", ""),
            App = ctx.String(root, "app", ""),
            DashboardOutputs = BindContext.Get(root, "outputs"),
            Dashboard = BindContext.Get(root, "dashboard"),
            Console = BindContext.Get(root, "console"),
            StepFunctions = BindStepFunctions(BindContext.Get(root, "stepFunctions")),
        };
    }

    /// <summary>Checks the provider is AWS; otherwise reports one diagnostic and stops.</summary>
    private bool IsAwsProvider(MappingNode root, Node? providerNode)
    {
        switch (providerNode)
        {
            case null:
                ctx.Error(root, "the spec has no 'provider'", "add 'provider: {name: aws, runtime: …}'");
                return false;
            case ScalarNode { Text: "aws" }:
                return true;
            case ScalarNode s:
                Unsupported(s, s.Text);
                return false;
            case MappingNode m when !BindContext.IsIntrinsic(m):
                var name = BindContext.Get(m, "name");
                switch (name)
                {
                    case null:
                        ctx.MissingKey(m, "provider", "name", "add 'name: aws'");
                        return false;
                    case ScalarNode { Text: "aws" }:
                        return true;
                    case ScalarNode n:
                        Unsupported(n, n.Text);
                        return false;
                    default:
                        ctx.WrongType(name, "provider.name", "the string 'aws'");
                        return false;
                }

            default:
                ctx.WrongType(providerNode, "provider", "a mapping (or the string 'aws')");
                return false;
        }
    }

    private void Unsupported(ScalarNode node, string provider) =>
        ctx.Add(DiagnosticIds.Unsupported, Severity.Error,
            $"provider '{(node.IsSensitive ? node.Display : provider)}' is not supported: Spec compiles AWS specs only",
            node, "this spec needs a provider plugin for another cloud; Spec checks and compiles 'provider: aws'");

    private Spanned<string> BindServiceName(MappingNode root)
    {
        var node = BindContext.Get(root, "service");
        switch (node)
        {
            case null:
                ctx.MissingKey(root, "the spec", "service", "add 'service: my-service' at the top");
                return new Spanned<string>("", root);
            case ScalarNode s:
                return new Spanned<string>(s.Text, s);
            case MappingNode m when !BindContext.IsIntrinsic(m):
                ctx.Add(DiagnosticIds.Unsupported, Severity.Error,
                    "object notation for 'service' is not supported in Serverless Framework v3", m,
                    "write the name directly: 'service: <name>'",
                    m.Entries.Count == 1 && BindContext.Get(m, "name") is ScalarNode n
                        ? new Fix("use 'service: " + n.Text + "'", [new TextEdit(m.EditSpan, n.Text)])
                        : null);
                return new Spanned<string>(BindContext.Get(m, "name") is ScalarNode nm ? nm.Text : "", m);
            default:
                ctx.WrongType(node, "service", "a string");
                return new Spanned<string>("", node);
        }
    }

    private static IEnumerable<string> PluginNames(Node? node) => node switch
    {
        SequenceNode seq => seq.Items.OfType<ScalarNode>().Select(s => s.Text),
        MappingNode m when m["modules"] is SequenceNode mods => mods.Items.OfType<ScalarNode>().Select(s => s.Text),
        _ => [],
    };

    private PluginsConfig? BindPlugins(Node? node)
    {
        switch (node)
        {
            case null:
                return null;
            case SequenceNode:
                return new PluginsConfig(ctx.StringList(node, "plugins"), null, node);
            case MappingNode m when !BindContext.IsIntrinsic(m):
                ctx.CheckKeys(m, "plugins", "plugins");
                return new PluginsConfig(ctx.StringList(m, "modules", "plugins"), ctx.String(m, "localPath", "plugins"), m);
            default:
                ctx.WrongType(node, "plugins", "a list of plugin names or {localPath, modules}");
                return null;
        }
    }

    private IReadOnlyList<StageParams> BindParams(Node? node)
    {
        if (ctx.Mapping(node, "params") is not { } map)
        {
            return [];
        }

        var list = new List<StageParams>();
        foreach (var entry in map.Entries)
        {
            var values = ctx.Mapping(entry.Value, $"params.{entry.Key.Text}");
            list.Add(new StageParams(entry.Key.Text, entry.Key, values, entry.Value));
        }

        return list;
    }

    internal PackageConfig? BindPackage(Node? node, string path, string catalogPath)
    {
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, catalogPath);
        return new PackageConfig
        {
            Node = map,
            Patterns = ctx.StringList(map, "patterns", path),
            Include = ctx.StringList(map, "include", path),
            Exclude = ctx.StringList(map, "exclude", path),
            Artifact = ctx.String(map, "artifact", path),
            Individually = ctx.Bool(map, "individually", path),
            ExcludeDevDependencies = ctx.OrDefault(ctx.Bool(map, "excludeDevDependencies", path), catalogPath + ".excludeDevDependencies"),
            Path = ctx.String(map, "path", path),
        };
    }
}
