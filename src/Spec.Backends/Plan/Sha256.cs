using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spec.Backends.Plan;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for the content hashes in logical ids (Lambda versions, API deployments).
/// <c>System.Security.Cryptography.SHA256</c> loads and initialises OpenSSL on first use, which cost a third of a
/// whole <c>spec compile</c> run; these hashes name resources and protect nothing, so a plain implementation does.
/// Tests check it against <c>SHA256.HashData</c>.
/// </summary>
internal static class Sha256
{
    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>The base64 SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Base64OfUtf8(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, rented);
            Span<byte> hash = stackalloc byte[32];
            Hash(rented.AsSpan(0, written), hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// The base64 SHA-256 of the UTF-8 bytes of <c>prefix + node.ToJsonString()</c>, without building either string:
    /// the node is written with the same writer settings <c>ToJsonString()</c> uses.
    /// </summary>
    public static string Base64OfPrefixedJson(string prefix, JsonNode node)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var prefixLength = Encoding.UTF8.GetByteCount(prefix);
        buffer.Advance(Encoding.UTF8.GetBytes(prefix, buffer.GetSpan(prefixLength)));
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        node.WriteTo(writer);
        writer.Flush();

        // The functions sharing an artifact hash the same code one after the other (their versions' CodeSha256).
        var input = buffer.WrittenSpan;
        if (t_lastHash is not null && input.SequenceEqual(t_lastInput.AsSpan(0, t_lastLength)))
        {
            return t_lastHash;
        }

        Span<byte> hash = stackalloc byte[32];
        Hash(input, hash);
        var base64 = Convert.ToBase64String(hash);
        if (t_lastInput is null || t_lastInput.Length < input.Length)
        {
            t_lastInput = new byte[Math.Max(input.Length, 1024)];
        }

        input.CopyTo(t_lastInput);
        t_lastLength = input.Length;
        t_lastHash = base64;
        return base64;
    }

    /// <summary>
    /// The base64 SHA-256 of the UTF-8 bytes of the lines <c>key=node.ToJsonString()</c> (just <c>key=</c> for a null
    /// node) joined by <c>\n</c>, without building the text: a deployment's hash over every method of an API, which
    /// as one string is tens of megabytes on a large service.
    /// </summary>
    public static string Base64OfKeyedJsonLines(IEnumerable<(string Key, JsonNode? Node)> lines)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        var hash = new Incremental();
        var first = true;
        foreach (var (key, node) in lines)
        {
            buffer.ResetWrittenCount();
            var keyLength = Encoding.UTF8.GetByteCount(key);
            var head = buffer.GetSpan(keyLength + 2);
            var written = 0;
            if (!first)
            {
                head[written++] = (byte)'\n';
            }

            written += Encoding.UTF8.GetBytes(key, head[written..]);
            head[written++] = (byte)'=';
            buffer.Advance(written);
            if (node is not null)
            {
                writer.Reset(buffer);
                node.WriteTo(writer);
                writer.Flush();
            }

            hash.Append(buffer.WrittenSpan);
            first = false;
        }

        Span<byte> digest = stackalloc byte[32];
        hash.Finish(digest);
        return Convert.ToBase64String(digest);
    }

    [ThreadStatic]
    private static byte[]? t_lastInput;

    [ThreadStatic]
    private static int t_lastLength;

    [ThreadStatic]
    private static string? t_lastHash;

    /// <summary>Writes the 32-byte SHA-256 digest of <paramref name="data"/> into <paramref name="digest"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        Span<uint> state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        Span<uint> w = stackalloc uint[64];
        var full = data.Length / 64 * 64;
        for (var offset = 0; offset < full; offset += 64)
        {
            Compress(state, data.Slice(offset, 64), w);
        }

        Finish(state, data[full..], (ulong)data.Length, w, digest);
    }

    /// <summary>The last block(s) — the bytes after the last full block, 0x80, zeros and the message length in bits
    /// (big-endian) — then the digest.</summary>
    private static void Finish(Span<uint> state, ReadOnlySpan<byte> remaining, ulong length, Span<uint> w, Span<byte> digest)
    {
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        remaining.CopyTo(tail);
        tail[remaining.Length] = 0x80;
        var tailLength = remaining.Length + 9 <= 64 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(tail.Slice(tailLength - 8), length * 8);
        for (var offset = 0; offset < tailLength; offset += 64)
        {
            Compress(state, tail.Slice(offset, 64), w);
        }

        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.Slice(i * 4), state[i]);
        }
    }

    /// <summary>SHA-256 over a message given in pieces.</summary>
    internal sealed class Incremental
    {
        private readonly uint[] _state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        private readonly uint[] _w = new uint[64];
        private readonly byte[] _block = new byte[64];
        private int _pending;
        private ulong _length;

        public void Append(ReadOnlySpan<byte> data)
        {
            _length += (ulong)data.Length;
            if (_pending > 0)
            {
                var take = Math.Min(64 - _pending, data.Length);
                data[..take].CopyTo(_block.AsSpan(_pending));
                _pending += take;
                data = data[take..];
                if (_pending < 64)
                {
                    return;
                }

                Compress(_state, _block, _w);
                _pending = 0;
            }

            for (; data.Length >= 64; data = data[64..])
            {
                Compress(_state, data[..64], _w);
            }

            data.CopyTo(_block);
            _pending = data.Length;
        }

        public void Finish(Span<byte> digest) => Sha256.Finish(_state, _block.AsSpan(0, _pending), _length, _w, digest);
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> w)
    {
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(i * 4));
        }

        for (var i = 16; i < 64; i++)
        {
            var s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (var i = 0; i < 64; i++)
        {
            var s1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choose = (e & f) ^ (~e & g);
            var t1 = h + s1 + choose + K[i] + w[i];
            var s0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            var t2 = s0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
