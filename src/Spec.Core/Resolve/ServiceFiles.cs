using Spec.Core.Diagnostics;
using Spec.Core.Files;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// The files <c>${file(…)}</c> reads. Paths are relative to the service directory and stay inside it unless the
/// user allows otherwise (a spec's repository is untrusted input); YAML and JSON files are loaded as trees with the
/// loader's limits, other files as one string. Each file is read once per resolution.
/// </summary>
internal sealed class ServiceFiles(string serviceDirectory, bool allowOutside, LoadLimits limits)
{
    private readonly Dictionary<string, Node?> _read = new(StringComparer.Ordinal);

    /// <summary>The full path of <paramref name="relative"/>; throws when it is invalid or outside the sandbox.</summary>
    public string FullPath(string relative, string expression)
    {
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(serviceDirectory, relative));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ResolutionFailure($"{expression} names an invalid path");
        }

        if (allowOutside)
        {
            return full;
        }

        if (!UntrustedFile.IsInside(full, serviceDirectory))
        {
            throw new ResolutionFailure(
                $"{expression} reads a file outside the service directory",
                help: "move the file into the service directory, or pass --allow-outside-files if you trust it");
        }

        // A symbolic link inside the service (to the file or to a folder on its way) may lead out of it: the check is
        // on where the path really leads.
        string real;
        try
        {
            real = UntrustedFile.RealPath(full);
        }
        catch (IOException)
        {
            throw new ResolutionFailure($"{expression} names a path with a symbolic link loop");
        }

        if (!UntrustedFile.IsInside(real, UntrustedFile.RealPath(serviceDirectory)))
        {
            throw new ResolutionFailure(
                $"{expression} reads a file through a symbolic link that leads outside the service directory",
                help: "copy the file into the service directory, or pass --allow-outside-files if you trust the link");
        }

        return full;
    }

    /// <summary>The content of the file at <paramref name="full"/>, or null when there is no such file.</summary>
    public Node? Read(string full, string relative)
    {
        if (_read.TryGetValue(full, out var cached))
        {
            return cached;
        }

        Node? content;
        var kind = UntrustedFile.KindOf(full);
        if (kind == FileKind.Directory)
        {
            throw new ResolutionFailure($"Cannot parse \"{relative}\": it is a directory");
        }

        if (kind == FileKind.Special)
        {
            throw new ResolutionFailure($"Cannot read \"{relative}\": it is a FIFO, device or socket, not a regular file");
        }

        if (kind == FileKind.Missing)
        {
            content = null;
        }
        else if (Path.GetExtension(full) is ".yml" or ".yaml" or ".json" or ".tfstate")
        {
            content = Parse(full, relative);
        }
        else
        {
            content = ReadText(full, relative);
        }

        _read[full] = content;
        return content;
    }

    private static Node? Parse(string full, string relative)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadFile(full, bag);
        var error = bag.Items.FirstOrDefault(d => d.Severity == Severity.Error);
        if (error is not null)
        {
            // the loader's message may quote the file's text, which a variable may only pass on, never echo
            throw new ResolutionFailure(
                $"Cannot parse \"{relative}\": it is not valid YAML or JSON (at {Path.GetFileName(full)}:{error.Span?.Line}:{error.Span?.Column})",
                help: $"run 'spec check {relative}' to see what is wrong with it");
        }

        return loaded.Root;
    }

    private ScalarNode ReadText(string full, string relative)
    {
        string text;
        try
        {
            text = UntrustedFile.ReadAllText(full, limits.MaxFileBytes);
        }
        catch (FileTooLargeException)
        {
            throw new ResolutionFailure($"Cannot read \"{relative}\": larger than {limits.MaxFileBytes / (1024 * 1024)} MB");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResolutionFailure($"Cannot read \"{relative}\": {e.Message}");
        }

        return new ScalarNode(SourceSpan.At(full, 1, 1), text, ScalarKind.String) { IsQuoted = true };
    }
}
