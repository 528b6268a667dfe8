using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace PetitionGraph.Reporting.Html;

/// <summary>
/// Builds a document straight in UTF-8, in chunks joined once at the end. A long list's page is tens of megabytes:
/// a StringBuilder would hold it as UTF-16 (twice the size for the markup), copy it into one string and encode that
/// again — three large allocations where this makes one.
/// </summary>
internal sealed class Utf8Builder
{
    private const int ChunkSize = 1 << 20;

    private readonly List<(byte[] Bytes, int Length)> done = [];
    private byte[] chunk = new byte[ChunkSize];
    private int used;

    public Utf8Builder Append(string? text) => Append(text.AsSpan());

    public Utf8Builder Append(char c) => Append(new ReadOnlySpan<char>(in c));

    public Utf8Builder Append(ReadOnlySpan<char> text)
    {
        while (true)
        {
            // Stops before a character that does not fit whole, so a chunk never ends inside one.
            var status = Utf8.FromUtf16(text, chunk.AsSpan(used), out var read, out var written);
            used += written;
            if (status != OperationStatus.DestinationTooSmall)
            {
                return this;
            }
            text = text[read..];
            NextChunk();
        }
    }

    public Utf8Builder Append(int number)
    {
        if (!number.TryFormat(chunk.AsSpan(used), out var written, default, CultureInfo.InvariantCulture))
        {
            NextChunk();
            number.TryFormat(chunk.AsSpan(used), out written, default, CultureInfo.InvariantCulture);
        }
        used += written;
        return this;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[done.Sum(c => c.Length) + used];
        var at = 0;
        foreach (var (full, length) in done)
        {
            full.AsSpan(0, length).CopyTo(bytes.AsSpan(at));
            at += length;
        }
        chunk.AsSpan(0, used).CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    private void NextChunk()
    {
        done.Add((chunk, used));
        chunk = new byte[ChunkSize];
        used = 0;
    }
}
