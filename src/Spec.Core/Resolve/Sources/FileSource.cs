using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary>
/// <c>${file(path):a.b}</c>: a YAML or JSON file (a value at an address inside it), or any other file as text. The
/// value is a secret; JavaScript files are never run.
/// </summary>
internal sealed class FileSource : IVariableSource
{
    public string Name => "file";

    public string NotFoundHelp => "check the file path and the address inside the file, or add a fallback";

    public bool NeedsAws(string? address) => false;

    public Node? Resolve(VariableRequest request)
    {
        if (request.Parameters is not { Count: > 0 } parameters || parameters[0] is not ScalarNode { IsNull: false } pathNode)
        {
            throw new ResolutionFailure("Missing path argument in variable \"file\" source");
        }

        var relative = JsString.Of(pathNode);
        var files = request.Run.Files;
        var full = files.FullPath(relative, request.Expression);
        if (Path.GetExtension(full) is ".js" or ".cjs")
        {
            if (!File.Exists(full))
            {
                return null;
            }

            throw new ResolutionFailure(
                $"{request.Expression} is a JavaScript file: Spec does not execute JavaScript, so its value is unknown",
                DiagnosticIds.Unsupported,
                "replace it with a .yml or .json file holding the values, or pass them as options");
        }

        var content = files.Read(full, relative);
        if (content is null)
        {
            return null;
        }

        var result = At(content, request.Address, request);
        if (result is null)
        {
            return null;
        }

        var marked = request.MarkSensitive(result);
        return request.Reresolve(marked with { Span = request.Span, Origin = result.EditSpan });
    }

    /// <summary>The value at a dot address inside the file; a string on the way that holds variables is resolved first.</summary>
    private static Node? At(Node content, string? address, VariableRequest request)
    {
        if (string.IsNullOrEmpty(address))
        {
            return content;
        }

        Node? result = content;
        foreach (var key in address.Split('.'))
        {
            if (result is ScalarNode { Kind: ScalarKind.String } text && text.Text.Contains('$', StringComparison.Ordinal))
            {
                result = request.Reresolve(request.MarkSensitive(text));
            }

            result = ConfigTree.Child(result, key);
            if (result is null or ScalarNode { IsNull: true })
            {
                return null;
            }
        }

        return result;
    }
}
