using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>
/// <c>provider.iam</c> with the deprecated v2 keys folded in, and IAM policy statements wherever they are
/// written.
/// </summary>
internal sealed class IamBinder(BindContext ctx, CommonSettingsBinder settingsBinder)
{
    public IamConfig BindIam(MappingNode p)
    {
        var deprecated = new List<ScalarNode>();
        foreach (var key in new[] { "iamRoleStatements", "iamManagedPolicies", "role", "rolePermissionsBoundary", "cfnRole" })
        {
            if (p.Entry(key) is { } e && e.Value is not ScalarNode { IsNull: true })
            {
                deprecated.Add(e.Key);
            }
        }

        var iamNode = BindContext.Get(p, "iam");
        var iam = ctx.Mapping(iamNode, "provider.iam");
        if (iam is not null)
        {
            ctx.CheckKeys(iam, "provider.iam", "provider.iam");
        }

        var roleNode = iam is null ? null : BindContext.Get(iam, "role");
        var role = iam is null ? null : BindIamRole(roleNode, "provider.iam.role");
        var roleObject = roleNode is MappingNode ro && !BindContext.IsIntrinsic(ro) ? ro : null;

        // Deprecated v2 keys fold into the same shape.
        var legacyStatements = BindStatements(BindContext.Get(p, "iamRoleStatements"), "provider.iamRoleStatements", "provider.iamRoleStatements");
        var legacyPolicies = ctx.StringList(p, "iamManagedPolicies", "provider");
        var roleStatements = roleObject?.Entry("statements") is not null ? role!.Statements : legacyStatements;
        var rolePolicies = roleObject?.Entry("managedPolicies") is not null ? role!.ManagedPolicies : legacyPolicies;
        var legacyBoundary = ctx.String(p, "rolePermissionsBoundary", "provider");
        var legacyRole = BindContext.Get(p, "role");
        if (legacyRole is not null && role?.ExistingRole is null)
        {
            if (legacyRole is ScalarNode || BindContext.IsIntrinsic(legacyRole))
            {
                role = (role ?? new IamRole { Node = legacyRole }) with { ExistingRole = legacyRole };
            }
            else
            {
                ctx.WrongType(legacyRole, "provider.role", "a role ARN, a logical id or a CloudFormation function");
            }
        }

        if (legacyStatements.Count > 0 || legacyPolicies.Count > 0 || legacyBoundary is not null)
        {
            role ??= new IamRole { Node = BindContext.Get(p, "iamRoleStatements") ?? BindContext.Get(p, "iamManagedPolicies") ?? p };
            role = role with
            {
                Statements = [.. role.Statements, .. legacyStatements],
                ManagedPolicies = [.. role.ManagedPolicies, .. legacyPolicies],
                PermissionsBoundary = role.PermissionsBoundary ?? legacyBoundary,
            };
        }

        var deploymentRole = (iam is null ? null : ctx.String(iam, "deploymentRole", "provider.iam"))
            ?? ctx.String(p, "cfnRole", "provider");
        if (iamNode is null && role is null && deploymentRole is null && deprecated.Count == 0)
        {
            return IamConfig.Empty;
        }

        return new IamConfig
        {
            Node = iamNode,
            Role = role,
            DeploymentRole = deploymentRole,
            DeprecatedKeys = deprecated,
            RoleStatements = roleStatements,
            RoleManagedPolicies = rolePolicies,
        };
    }

    private IamRole? BindIamRole(Node? node, SpecPath path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                return new IamRole { Node = s, ExistingRole = s };
            case var n when BindContext.IsIntrinsic(n):
                return new IamRole { Node = n, ExistingRole = n };
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.iam.role");
        return new IamRole
        {
            Node = map,
            Name = ctx.String(map, "name", path),
            Path = ctx.String(map, "path", path),
            Statements = BindStatements(BindContext.Get(map, "statements"), path.Key("statements"), "provider.iam.role.statements"),
            ManagedPolicies = ctx.StringList(map, "managedPolicies", path),
            PermissionsBoundary = ctx.String(map, "permissionsBoundary", path) ?? ctx.String(map, "permissionBoundary", path),
            Tags = settingsBinder.BindTags(BindContext.Get(map, "tags"), path.Key("tags")),
        };
    }

    public IReadOnlyList<IamStatement> BindStatements(Node? node, SpecPath path, string catalogPath)
    {
        switch (node)
        {
            case null:
                return [];
            case SequenceNode seq:
                {
                    var list = new List<IamStatement>(seq.Items.Count);
                    for (var i = 0; i < seq.Items.Count; i++)
                    {
                        if (BindStatement(seq.Items[i], path.Item(i), catalogPath) is { } st)
                        {
                            list.Add(st);
                        }
                    }

                    return list;
                }

            default:
                ctx.WrongType(node, path, "a list of IAM statements");
                return [];
        }
    }

    private IamStatement? BindStatement(Node node, SpecPath path, string catalogPath)
    {
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, catalogPath);
        ctx.RequireKeys(map, path, catalogPath);

        if (BindContext.Get(map, "Action") is null && BindContext.Get(map, "NotAction") is null)
        {
            ctx.MissingKey(map, path, "Action", "a statement needs 'Action' (or 'NotAction')");
        }

        if (BindContext.Get(map, "Resource") is null && BindContext.Get(map, "NotResource") is null
            && BindContext.Get(map, "Principal") is null && BindContext.Get(map, "NotPrincipal") is null)
        {
            ctx.MissingKey(map, path, "Resource", "a statement needs 'Resource' (or 'NotResource')");
        }

        return new IamStatement
        {
            Node = map,
            Sid = ctx.String(map, "Sid", path),
            Effect = ctx.String(map, "Effect", path),
            Action = ActionList(map, "Action", path),
            NotAction = ActionList(map, "NotAction", path),
            Resource = ActionList(map, "Resource", path),
            NotResource = ActionList(map, "NotResource", path),
            Principal = BindContext.Get(map, "Principal"),
            NotPrincipal = BindContext.Get(map, "NotPrincipal"),
            Condition = BindContext.Get(map, "Condition"),
        };
    }

    /// <summary>Action/Resource: a string, a list of strings and intrinsics, or one intrinsic (kept as an unknown
    /// item so rules see that something is there).</summary>
    private IReadOnlyList<Spanned<string?>> ActionList(MappingNode map, string key, SpecPath path)
    {
        var node = BindContext.Get(map, key);
        return node is not null && BindContext.IsIntrinsic(node)
            ? [new Spanned<string?>(null, node)]
            : ctx.StringList(node, path.Key(key));
    }
}
