using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>The safe fix of SLS-SQS-001/002: set the queue's <c>VisibilityTimeout</c>, adding it when absent.</summary>
internal static class VisibilityFix
{
    public static Fix? Set(RuleContext context, TemplateResource queue, long seconds)
    {
        var value = seconds.ToString(CultureInfo.InvariantCulture);
        var title = $"set VisibilityTimeout of {queue.LogicalId} to {value}";
        if (queue.Property("VisibilityTimeout") is { } written)
        {
            return written is ScalarNode ? context.ReplaceValue(title, written, value) : null;
        }

        if (queue.Properties is MappingNode properties)
        {
            return context.AddEntry(title, properties, "VisibilityTimeout", value);
        }

        if (queue.Properties is not null)
        {
            return null;
        }

        // No Properties yet: add "Properties:" with the one entry, one indentation step deeper.
        var type = queue.Node.Entries[^1];
        var source = context.Input.Document(type.Key.Span.File)?.Source;
        if (source is null || SourceEdits.IsFlow(source, queue.Node) || queue.Node.Origin is not null)
        {
            return null;
        }

        var column = queue.Node.Entries[0].Key.Span.Column;
        var step = Math.Max(2, column - queue.Key.Span.Column);
        var indent = new string(' ', column - 1);
        var line = SourceEdits.LastLine(type);
        var end = source.Offset(line, 1) + source.Line(line).Length;
        var at = new SourcePosition(line, source.Line(line).Length + 1, end);
        var newline = source.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var text = newline + indent + "Properties:" + newline + indent + new string(' ', step) + "VisibilityTimeout: " + value;
        return new Fix(title, [new TextEdit(new SourceSpan(type.Key.Span.File, at, at), text)]);
    }
}
