using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Input;

namespace Spec.Rules.Beanstalk.Checking;

/// <summary>A place where <c>option_settings</c> (or <c>OptionSettings</c>) does not have a shape Elastic Beanstalk reads.</summary>
public sealed record EbShapeProblem(EbFile File, Node Node, string Message);

/// <summary>What every rule needs from a bundle, computed once per check: the option settings of all its files.</summary>
public sealed class EbFacts
{
    private static readonly string[] ItemKeys = ["namespace", "option_name", "value", "resource_name"];

    public EbFacts(EbBundle bundle)
    {
        foreach (var file in bundle.Files)
        {
            if (file.Root is not MappingNode root)
            {
                continue;
            }

            if (file.Kind == EbFileKind.Config && root.Entry("option_settings") is { } settings)
            {
                Read(file, EbSettingOrigin.Extension, settings, allowList: true);
            }
            else if (file.Kind == EbFileKind.Manifest && root.Entry("OptionSettings") is { } manifest)
            {
                Read(file, EbSettingOrigin.Manifest, manifest, allowList: false);
            }
        }
    }

    public List<EbSetting> Settings { get; } = [];

    public List<EbShapeProblem> ShapeProblems { get; } = [];

    public IEnumerable<EbSetting> In(string ns) => Settings.Where(s => s.Namespace == ns);

    /// <summary>The last setting of an option in the order Elastic Beanstalk applies the files (the one that wins).</summary>
    public EbSetting? Effective(string ns, string option) =>
        Settings.LastOrDefault(s => s.Namespace == ns && s.Option == option);

    private void Read(EbFile file, EbSettingOrigin origin, MappingEntry entry, bool allowList)
    {
        switch (entry.Value)
        {
            case SequenceNode list when allowList:
                foreach (var item in list.Items)
                {
                    ReadItem(file, origin, item);
                }

                break;
            case SequenceNode list:
                ShapeProblems.Add(new EbShapeProblem(file, list,
                    $"'{entry.Key.Text}' in env.yaml takes the map form 'namespace: {{option: value}}', not a list"));
                break;
            case MappingNode map:
                foreach (var ns in map.Entries)
                {
                    ReadNamespace(file, origin, ns);
                }

                break;
            case ScalarNode { IsNull: true }:
                break;
            default:
                ShapeProblems.Add(new EbShapeProblem(file, entry.Value,
                    $"'{entry.Key.Text}' must be a list of {{namespace, option_name, value}} items or a map of namespaces"));
                break;
        }
    }

    private void ReadItem(EbFile file, EbSettingOrigin origin, Node item)
    {
        if (item is not MappingNode m)
        {
            ShapeProblems.Add(new EbShapeProblem(file, item,
                "each option setting must be a map with option_name and value (and optionally namespace)"));
            return;
        }

        foreach (var unknown in m.Entries.Where(e => !ItemKeys.Contains(e.Key.Text, StringComparer.Ordinal)))
        {
            ShapeProblems.Add(new EbShapeProblem(file, unknown.Key,
                $"'{unknown.Key.Text}' is not a key of an option setting (namespace, option_name, value, resource_name)"));
        }

        if (m["option_name"] is not ScalarNode { IsNull: false } option)
        {
            ShapeProblems.Add(new EbShapeProblem(file, m, "the option setting has no option_name"));
            return;
        }

        var nsNode = m["namespace"];
        if (nsNode is not null and not ScalarNode)
        {
            ShapeProblems.Add(new EbShapeProblem(file, nsNode, "namespace must be a string such as aws:elasticbeanstalk:sqsd"));
            return;
        }

        var value = m["value"];
        if (value is null)
        {
            ShapeProblems.Add(new EbShapeProblem(file, option, $"option '{option.Text}' has no value"));
        }
        else
        {
            CheckValueShape(file, option.Text, value);
        }

        var ns = nsNode is ScalarNode { IsNull: false } n ? n.Text : EbSetting.EnvironmentNamespace;
        var resource = m["resource_name"] is ScalarNode r ? r.Text : null;
        Settings.Add(new EbSetting(file, origin, ns, nsNode, option.Text, option, value, resource));
    }

    private void ReadNamespace(EbFile file, EbSettingOrigin origin, MappingEntry ns)
    {
        var (resource, name) = SplitResource(ns.Key.Text);
        if (ns.Value is ScalarNode { IsNull: true })
        {
            return;
        }

        if (ns.Value is not MappingNode options)
        {
            ShapeProblems.Add(new EbShapeProblem(file, ns.Value,
                $"in the shorthand form, '{ns.Key.Text}' must map option names to values ('Option: value' lines under it)"));
            return;
        }

        foreach (var option in options.Entries)
        {
            CheckValueShape(file, option.Key.Text, option.Value);
            Settings.Add(new EbSetting(file, origin, name, ns.Key, option.Key.Text, option.Key, option.Value, resource));
        }
    }

    private void CheckValueShape(EbFile file, string option, Node value)
    {
        var dynamic = value is MappingNode { Entries.Count: 1 } m
            && (m.Entries[0].Key.Text == "Ref" || m.Entries[0].Key.Text.StartsWith("Fn::", StringComparison.Ordinal));
        if (value is not ScalarNode && !dynamic)
        {
            ShapeProblems.Add(new EbShapeProblem(file, value,
                $"the value of '{option}' must be a single value (write a list as one comma-separated string)"));
        }
    }

    /// <summary><c>ScheduledScaleUp.aws:autoscaling:scheduledaction</c> → (ScheduledScaleUp, aws:autoscaling:scheduledaction).</summary>
    private static (string? Resource, string Namespace) SplitResource(string key)
    {
        var at = key.IndexOf(".aws:", StringComparison.Ordinal);
        return key.StartsWith("aws:", StringComparison.Ordinal) || at <= 0 ? (null, key) : (key[..at], key[(at + 1)..]);
    }
}
