using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>Readers for values that reference something: an ARN or a CloudFormation function, a destination.</summary>
internal static class ReferenceReaders
{
    /// <summary>An ARN-like value: a scalar or a CloudFormation function, kept raw; anything else is reported.</summary>
    public static Node? ScalarOrIntrinsic(this BindContext ctx, Node? node, SpecPath path)
    {
        ctx.ReportUnwrappedList(node, path, "an ARN or a CloudFormation function");
        switch (node)
        {
            case null:
                return null;
            case ScalarNode:
                return node;
            case var n when BindContext.IsIntrinsic(n):
                return n;
            default:
                ctx.WrongType(node, path, "an ARN or a CloudFormation function");
                return null;
        }
    }
}

/// <summary>A destination (<c>destinations.onSuccess/onFailure</c>, a stream's <c>destinations.onFailure</c>): an ARN, a
/// function name, or <c>{arn, type}</c>.</summary>
internal static class DestinationTargets
{
    public static DestinationTarget? Bind(BindContext ctx, Node? node, SpecPath path, string catalogPath)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                return new DestinationTarget { Node = s, Arn = s };
            case var n when BindContext.IsIntrinsic(n):
                return new DestinationTarget { Node = n, Arn = n };
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, catalogPath);
        ctx.RequireKeys(map, path, catalogPath);
        if (BindContext.Get(map, "arn") is not { } arn)
        {
            return null;
        }

        return new DestinationTarget { Node = map, Arn = arn, Type = ctx.String(map, "type", path) };
    }
}
