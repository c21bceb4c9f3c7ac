using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Spec.Core.Diagnostics;
using Spec.Core.Files;

namespace Spec.Core.Syntax;

/// <summary>The result of loading one file: its root node (null when it could not be loaded), and its comments.</summary>
public sealed record LoadResult(SourceText Source, Node? Root, IReadOnlyList<Comment> Comments);

/// <summary>
/// Load stage: YAML or JSON text into <see cref="Node"/>s with spans, read as the Framework reads it (js-yaml 4 with
/// the CloudFormation schema: <see cref="YamlReader"/>). Short-form CloudFormation tags become their long forms,
/// merge keys (<c>&lt;&lt;</c>) are applied, and everything the Framework refuses — and every limit of
/// <see cref="LoadLimits"/> — is a located diagnostic; the root is then null.
/// </summary>
public sealed class YamlLoader
{
    private readonly LoadLimits _limits;

    public YamlLoader(LoadLimits? limits = null) => _limits = limits ?? LoadLimits.Default;

    public LoadResult LoadFile(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        byte[]? bytes = null;
        string? problem;
        try
        {
            bytes = UntrustedFile.ReadAllBytes(path, _limits.MaxFileBytes);
            problem = bytes.Length == 0 ? "the file is empty" : null;
        }
        catch (FileNotFoundException)
        {
            problem = $"file not found: {path}";
        }
        catch (FileTooLargeException)
        {
            problem = $"file is larger than {_limits.MaxFileBytes / (1024 * 1024)} MB; larger specs are not loaded";
        }
        catch (NotRegularFileException e)
        {
            problem = e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = UntrustedFile.KindOf(path) == FileKind.Directory
                ? $"{path} is a directory, not a file"
                : $"cannot read {path}: {e.Message}";
        }

        if (problem is not null || bytes is null)
        {
            var help = bytes is { Length: 0 } ? "a spec is a mapping with at least `service` and `provider`" : null;
            diagnostics.Error(DiagnosticIds.Parse, problem ?? $"cannot read {path}", SourceSpan.At(path, 1, 1), help);
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }

        return LoadBytes(path, bytes, diagnostics);
    }

    public LoadResult LoadBytes(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (bytes.Length > _limits.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticIds.Parse,
                $"input is larger than {_limits.MaxFileBytes / (1024 * 1024)} MB", SourceSpan.At(path, 1, 1));
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }

        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (l, c, offset) = PositionAfter(bytes[..nul]);
            diagnostics.Error(DiagnosticIds.Parse, "this is a binary file, not YAML or JSON (it contains a NUL byte)",
                SourceSpan.At(path, l, c, offset));
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }

        if (Utf8.IsValid(bytes))
        {
            return LoadText(path, Encoding.UTF8.GetString(bytes), diagnostics);
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (l, c, offset) = PositionAfter(bytes[..read]);
            diagnostics.Error(DiagnosticIds.Parse, $"invalid UTF-8 at byte {read}: specs must be UTF-8 text",
                SourceSpan.At(path, l, c, offset), help: "re-save the file as UTF-8");
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }

        return LoadText(path, new string(chars, 0, written), diagnostics);
    }

    public LoadResult LoadText(string path, string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var source = new SourceText(path, text);
        var comments = new List<Comment>();
        if (IsBlank(text))
        {
            diagnostics.Error(DiagnosticIds.Parse, "the file is empty", SourceSpan.At(path, 1, 1),
                help: "a spec is a mapping with at least `service` and `provider`");
            return new LoadResult(source, null, comments);
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            diagnostics.Error(DiagnosticIds.Parse, "this is a binary file, not YAML or JSON (it contains a NUL character)",
                SpanAt(path, source, nul));
            return new LoadResult(source, null, comments);
        }

        if (text.Length > _limits.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticIds.Parse,
                $"input is larger than {_limits.MaxFileBytes / (1024 * 1024)} MB", SourceSpan.At(path, 1, 1));
            return new LoadResult(source, null, comments);
        }

        // The Framework reads .json (and .tfstate) files with JSON.parse, where a repeated key replaces the value.
        var json = path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".tfstate", StringComparison.Ordinal);
        var reader = new YamlReader(path, text, _limits, comments, json);
        try
        {
            if (!reader.Read(out var root))
            {
                diagnostics.Error(DiagnosticIds.Parse, "the file holds no YAML document", SourceSpan.At(path, 1, 1),
                    help: "a spec is a mapping with at least `service` and `provider`");
                return new LoadResult(source, null, comments);
            }

            foreach (var error in reader.KeyErrors)
            {
                diagnostics.Add(error);
            }

            return new LoadResult(source, reader.KeyErrors.Count == 0 ? root : null, comments);
        }
        catch (YamlSyntaxException e)
        {
            foreach (var error in reader.KeyErrors)
            {
                diagnostics.Add(error);
            }

            var at = new SourceSpan(path, e.At, e.At);
            var diagnostic = new Diagnostic(DiagnosticIds.Parse, Severity.Error, $"invalid YAML: {e.Message}", at);
            if (e.Started is { } started && started != e.At)
            {
                diagnostic = diagnostic with
                {
                    Related = [new RelatedLocation(new SourceSpan(path, started, started), "the construct started here")],
                };
            }

            diagnostics.Add(diagnostic);
            return new LoadResult(source, null, comments);
        }
        catch (LoadLimitException e)
        {
            diagnostics.Error(DiagnosticIds.Parse, e.Message, new SourceSpan(path, e.At, e.At), e.Help);
            return new LoadResult(source, null, comments);
        }
    }

    /// <summary>
    /// Only YAML's white space (after a BOM), where js-yaml finds no document. NEL, no-break spaces and the Unicode
    /// separators are not white space to YAML: js-yaml reads them as a scalar.
    /// </summary>
    private static bool IsBlank(string text) =>
        text.AsSpan(text.StartsWith('\uFEFF') ? 1 : 0).IndexOfAnyExcept(" \t\r\n") < 0;

    private static SourceSpan SpanAt(string path, SourceText source, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (source.Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return SourceSpan.At(path, line, offset - lineStart + 1, offset);
    }

    /// <summary>The line, column and character offset just after <paramref name="prefix"/> (bytes of the file).</summary>
    private static (int Line, int Column, int Offset) PositionAfter(ReadOnlySpan<byte> prefix)
    {
        var line = 1;
        var lastBreak = -1;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] == (byte)'\n')
            {
                line++;
                lastBreak = i;
            }
        }

        var column = Encoding.UTF8.GetCharCount(prefix[(lastBreak + 1)..]) + 1;
        return (line, column, Encoding.UTF8.GetCharCount(prefix));
    }
}
