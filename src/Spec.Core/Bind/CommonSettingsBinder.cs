using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>
/// Settings written at the provider and at a function alike (environment, tags, runtime management, VPC, package),
/// and the small checks every section binder uses.
/// </summary>
internal sealed class CommonSettingsBinder(BindContext ctx)
{
    public IReadOnlyList<EnvironmentVariable> BindEnvironment(Node? node, SpecPath path, SettingSource source)
    {
        if (node is null || BindContext.IsIntrinsic(node) || ctx.Mapping(node, path) is not { } map)
        {
            return [];
        }

        var list = new List<EnvironmentVariable>(map.Entries.Count);
        foreach (var entry in map.Entries)
        {
            var value = entry.Value;
            if (value is SequenceNode || (value is MappingNode m && !BindContext.IsIntrinsic(m)))
            {
                ctx.WrongType(value, $"{path}.{entry.Key.Text}", "a string, a number or a CloudFormation function");
                continue;
            }

            list.Add(new EnvironmentVariable(entry.Key.Text, entry.Key, value, source));
        }

        return list;
    }

    public IReadOnlyList<Tag> BindTags(Node? node, SpecPath path)
    {
        if (ctx.Mapping(node, path) is not { } map)
        {
            return [];
        }

        var list = new List<Tag>(map.Entries.Count);
        foreach (var entry in map.Entries)
        {
            if (entry.Value is SequenceNode || (entry.Value is MappingNode m && !BindContext.IsIntrinsic(m)))
            {
                ctx.WrongType(entry.Value, $"{path}.{entry.Key.Text}", "a string");
                continue;
            }

            list.Add(new Tag(entry.Key.Text, entry.Key, entry.Value));
        }

        return list;
    }

    public RuntimeManagement? BindRuntimeManagement(Node? node, SpecPath path, string catalogPath)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                return new RuntimeManagement(new Spanned<string?>(s.Text, s), null, s);
            default:
                if (ctx.Mapping(node, path) is not { } map)
                {
                    return null;
                }

                ctx.CheckKeys(map, path, catalogPath);
                return new RuntimeManagement(ctx.String(map, "mode", path), ctx.String(map, "arn", path), map);
        }
    }

    public VpcConfig? BindVpc(Node? node, SpecPath path, string catalogPath)
    {
        if (node is null || ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, catalogPath);
        ctx.RequireKeys(map, path, catalogPath);
        var sg = BindContext.Get(map, "securityGroupIds");
        var subnets = BindContext.Get(map, "subnetIds");

        return new VpcConfig
        {
            Node = map,
            SecurityGroupIds = sg is not null && BindContext.IsIntrinsic(sg) ? [] : ctx.StringList(sg, path.Key("securityGroupIds")),
            SubnetIds = subnets is not null && BindContext.IsIntrinsic(subnets) ? [] : ctx.StringList(subnets, path.Key("subnetIds")),
            SecurityGroupIdsNode = sg,
            SubnetIdsNode = subnets,
            Ipv6AllowedForDualStack = ctx.Bool(map, "ipv6AllowedForDualStack", path),
        };
    }

    public PackageConfig? BindPackage(Node? node, SpecPath path, string catalogPath)
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

    public Node? Reject(Node node, SpecPath path, string expected)
    {
        ctx.WrongType(node, path, expected);
        return null;
    }
}
