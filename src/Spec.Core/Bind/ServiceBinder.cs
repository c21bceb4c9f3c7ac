using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>Binds one spec: the top level here (service, provider check, plugins, params), each section with its own
/// binder.</summary>
internal sealed class ServiceBinder(BindContext ctx, string stage, string region)
{
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
        var settingsBinder = new CommonSettingsBinder(ctx);
        var iamBinder = new IamBinder(ctx, settingsBinder);
        var provider = new ProviderBinder(ctx, settingsBinder, iamBinder, new ApiSettingsBinder(ctx), name.Value, stage)
            .BindProvider(providerNode, root);
        var plugins = BindPlugins(BindContext.Get(root, "plugins"));
        var frameworkVersion = ctx.String(root, "frameworkVersion", "");
        CheckFrameworkVersion(frameworkVersion);
        var (functions, unboundFunctions) = new FunctionBinder(ctx, settingsBinder, iamBinder, name.Value, stage)
            .BindFunctions(BindContext.Get(root, "functions"), provider);
        var (layers, unboundLayers) = new LayerBinder(ctx, settingsBinder).BindLayers(BindContext.Get(root, "layers"));

        return new Service
        {
            Root = root,
            Name = name,
            FrameworkVersion = frameworkVersion,
            Stage = stage,
            Region = region,
            Provider = provider,
            Functions = functions,
            UnboundFunctions = unboundFunctions,
            Layers = layers,
            UnboundLayers = unboundLayers,
            Resources = new ResourcesBinder(ctx, new ResourceTypesBinder(ctx)).BindResources(BindContext.Get(root, "resources")),
            Package = settingsBinder.BindPackage(BindContext.Get(root, "package"), "package", "package"),
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
            StepFunctions = new StepFunctionsBinder(ctx).BindStepFunctions(BindContext.Get(root, "stepFunctions")),
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

    /// <summary>
    /// <c>service.js:loadServiceFileParam</c>: a <c>frameworkVersion</c> that is not a semver range is an error in
    /// <c>configValidationMode: error</c> and otherwise ignored with a warning; a range that the Framework version
    /// Spec reproduces does not satisfy is an error (<c>FRAMEWORK_VERSION_MISMATCH</c>).
    /// </summary>
    private void CheckFrameworkVersion(Spanned<string?>? frameworkVersion)
    {
        if (frameworkVersion is not { Value: { Length: > 0 } range, Node: { } node })
        {
            return;
        }

        if (SemverRange.Parse(range) is not { } parsed)
        {
            ctx.Add(DiagnosticIds.Schema, ctx.ValidationMode == "error" ? Severity.Error : Severity.Warning,
                $"frameworkVersion '{range}' is not a semver version range" +
                (ctx.ValidationMode == "error" ? string.Empty : "; the Framework skips the version check"), node,
                "write a range such as '3' or '^3.40.0'");
            return;
        }

        if (range != FrameworkVersion.Text && !parsed.IsSatisfiedBy(FrameworkVersion.Version))
        {
            ctx.Error(node, $"Serverless Framework {FrameworkVersion.Text}, whose behaviour Spec reproduces, does not satisfy " +
                            $"frameworkVersion '{range}'; the Framework refuses the service", "allow version 3 (for example '3')");
        }
    }
}
