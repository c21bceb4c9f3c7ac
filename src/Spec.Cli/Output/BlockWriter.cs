namespace Spec.Cli.Output;

/// <summary>
/// Collects text in blocks of <see cref="BlockSize"/> characters and hands each full block to the writer below in one
/// call: a report rendered piece by piece goes out in large writes without first being held whole in memory.
/// <see cref="Flush"/> (and disposing) hands over what is left.
/// </summary>
internal sealed class BlockWriter(TextWriter inner) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public const int BlockSize = 32 * 1024;
    private readonly char[] _block = new char[BlockSize];
    private int _used;

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_used == _block.Length)
        {
            Flush();
        }

        _block[_used++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == _block.Length)
            {
                Flush();
            }

            var taken = Math.Min(buffer.Length, _block.Length - _used);
            buffer[..taken].CopyTo(_block.AsSpan(_used));
            _used += taken;
            buffer = buffer[taken..];
        }
    }

    public override void WriteLine() => Write(CoreNewLine);

    public override void Flush()
    {
        if (_used > 0)
        {
            inner.Write(_block.AsSpan(0, _used));
            _used = 0;
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
