using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>layers</c>: each layer version the service publishes.</summary>
internal sealed class LayerBinder(BindContext ctx, CommonSettingsBinder settingsBinder)
{
    public (IReadOnlyList<Layer> Layers, IReadOnlyList<UnboundEntry> Unbound) BindLayers(Node? node)
    {
        if (ctx.Mapping(node, "layers") is not { } map)
        {
            return ([], []);
        }

        var list = new List<Layer>();
        var unbound = new List<UnboundEntry>();
        foreach (var entry in map.Entries)
        {
            var path = $"layers.{entry.Key.Text}";
            if (ctx.Mapping(entry.Value, path) is not { } l)
            {
                if (entry.Value is not ScalarNode { IsNull: true })
                {
                    unbound.Add(new UnboundEntry(entry.Key.Text, entry.Key, entry.Value));
                }

                continue;
            }

            ctx.CheckKeys(l, path, "layers.*");
            var package = settingsBinder.BindPackage(BindContext.Get(l, "package"), path + ".package", "layers.*.package");
            if (BindContext.Get(l, "path") is null && package?.Artifact is null)
            {
                ctx.MissingKey(l, path, "path", "a layer needs 'path' (its folder) or 'package.artifact'");
            }

            var name = ctx.String(l, "name", path);
            list.Add(new Layer
            {
                Key = entry.Key.Text,
                KeyNode = entry.Key,
                Node = l,
                Path = ctx.String(l, "path", path),
                Name = name is null
                    ? Setting<string?>.Default(entry.Key.Text)
                    : new Setting<string?>(name.Value, name.Node, SettingSource.Explicit),
                Description = ctx.String(l, "description", path),
                LicenseInfo = ctx.String(l, "licenseInfo", path),
                CompatibleRuntimes = ctx.StringList(l, "compatibleRuntimes", path),
                CompatibleArchitectures = ctx.StringList(l, "compatibleArchitectures", path),
                AllowedAccounts = ctx.StringList(l, "allowedAccounts", path),
                Retain = ctx.Bool(l, "retain", path),
                Package = package,
            });
        }

        return (list, unbound);
    }
}
