using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>The safe fix of SLS-SQS-001/002: set the queue's <c>VisibilityTimeout</c>, adding it when absent.</summary>
internal static class VisibilityFix
{
    public static Fix? Set(RuleContext context, SqsQueue queue, long seconds)
    {
        var value = seconds.ToString(CultureInfo.InvariantCulture);
        var title = $"set VisibilityTimeout of {queue.LogicalId} to {value}";
        if (queue.VisibilityTimeout.Node is { } written)
        {
            return written is ScalarNode && written.IsEditable() ? context.ReplaceValue(title, written, value) : null;
        }

        if (queue.Resource.Properties is { } properties)
        {
            return context.AddEntry(title, properties, "VisibilityTimeout", value);
        }

        return queue.Resource.Node is MappingNode { Entries.Count: > 0 } resource && resource["Properties"] is null
            ? AddProperties(context, queue, resource, title, value)
            : null;
    }

    /// <summary>No <c>Properties</c> yet: add <c>Properties:</c> with the one entry, one indentation step deeper.</summary>
    private static Fix? AddProperties(RuleContext context, SqsQueue queue, MappingNode resource, string title, string value)
    {
        var last = resource.Entries[^1];
        var file = last.Key.Span.File;
        var source = context.Input.Document(file)?.Source;
        if (source is null || SourceEdits.IsFlow(source, resource) || resource.Origin is not null)
        {
            return null;
        }

        var column = resource.Entries[0].Key.Span.Column;
        var step = Math.Max(2, column - queue.Resource.KeyNode.Span.Column);
        var indent = new string(' ', column - 1);
        var line = SourceEdits.LastLine(last);
        var at = new SourcePosition(line, source.Line(line).Length + 1, source.Offset(line, 1) + source.Line(line).Length);
        var newline = source.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var text = newline + indent + "Properties:" + newline + indent + new string(' ', step) + "VisibilityTimeout: " + value;
        return new Fix(title, [new TextEdit(new SourceSpan(file, at, at), text)]);
    }
}
