using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.General;

namespace Spec.Rules.StepFunctions;

/// <summary>One <c>StartAt</c>/<c>States</c> block: the definition itself, a Parallel branch, or a Map iterator.</summary>
internal sealed record StatesBlock(MappingNode Container, Node? StartAt, MappingNode? States);

/// <summary>A <c>Task</c> state.</summary>
internal sealed record TaskState(string Name, ScalarNode Key, MappingNode Node)
{
    public Node? Resource => Node["Resource"];

    public Node? TimeoutSeconds => Node["TimeoutSeconds"];
}

/// <summary>Reads Amazon States Language definitions (serverless-step-functions <c>definition</c>) as raw nodes.</summary>
internal static class StateMachineDefinition
{
    public static IEnumerable<StatesBlock> Blocks(Node? definition)
    {
        if (definition is not MappingNode container)
        {
            yield break;
        }

        var states = container["States"] as MappingNode;
        yield return new StatesBlock(container, container["StartAt"], states);
        foreach (var state in states?.Entries ?? [])
        {
            var nested = state.Value.At("Branches").Items()
                .Append(state.Value.At("Iterator"))
                .Append(state.Value.At("ItemProcessor"));
            foreach (var block in nested.SelectMany(Blocks))
            {
                yield return block;
            }
        }
    }

    public static IEnumerable<TaskState> Tasks(Node? definition) =>
        from block in Blocks(definition)
        from entry in block.States?.Entries ?? []
        where entry.Value is MappingNode state && state["Type"].Text() == "Task"
        select new TaskState(entry.Key.Text, entry.Key, (MappingNode)entry.Value);

    /// <summary>
    /// The function of the service a Task invokes: <c>Resource</c> (or <c>Parameters.FunctionName</c> of
    /// <c>arn:aws:states:::lambda:invoke</c>) as <c>Fn::GetAtt</c> of the function key or its
    /// <c>&lt;Name&gt;LambdaFunction</c> logical id, or a literal ARN / name matching the deployed name.
    /// </summary>
    public static Function? InvokedFunction(Service service, TaskState task)
    {
        var target = task.Resource;
        if (References.Flatten(target) is { } resource && resource.StartsWith("arn:aws:states:::lambda:invoke", StringComparison.Ordinal))
        {
            target = task.Node.At("Parameters", "FunctionName");
        }

        foreach (var id in References.LogicalIds(target))
        {
            var byId = service.Functions.FirstOrDefault(f => f.Key == id || LogicalId(f.Key) == id);
            if (byId is not null)
            {
                return byId;
            }
        }

        if (References.Flatten(target) is not { } text || text.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var marker = text.IndexOf(":function:", StringComparison.Ordinal);
        var name = marker >= 0 ? text[(marker + ":function:".Length)..].Split(':')[0] : text;
        return service.Functions.FirstOrDefault(f => f.Name.Value == name || (marker < 0 && f.Key == name));
    }

    /// <summary>The Framework's logical id of a function: <c>send-email</c> → <c>SendDashemailLambdaFunction</c>.</summary>
    public static string LogicalId(string key)
    {
        var normalized = key.Replace("-", "Dash", StringComparison.Ordinal).Replace("_", "Underscore", StringComparison.Ordinal);
        return normalized.Length == 0 ? "LambdaFunction" : char.ToUpperInvariant(normalized[0]) + normalized[1..] + "LambdaFunction";
    }
}
