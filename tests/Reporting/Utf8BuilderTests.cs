using System.Text;
using PetitionGraph.Reporting.Html;

namespace PetitionGraph.Tests.Reporting;

/// <summary>The page's UTF-8 builder against .NET's encoder: the same bytes, whatever falls on its chunks' edges.</summary>
public sealed class Utf8BuilderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Appended_texts_and_numbers_read_as_their_UTF8_whatever_falls_on_a_chunk_edge(int seed)
    {
        var random = new Random(seed);
        // ASCII, Chinese (three bytes), a surrogate pair (four), a lone surrogate (replaced by U+FFFD as the encoder does).
        string[] alphabet = ["<td>", "a", "&", "信", "访", "😀", "\uD800", "\uDC00x", "\n"];
        var builder = new Utf8Builder();
        var expected = new List<byte>();
        while (expected.Count < 3_500_000)
        {
            if (random.Next(10) == 0)
            {
                var number = random.Next(int.MinValue, int.MaxValue);
                builder.Append(number);
                expected.AddRange(Encoding.UTF8.GetBytes(number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }
            // Mostly short pieces (cells), now and then a long one (a chart's base64) that spans chunks.
            var piece = string.Concat(Enumerable.Range(0, random.Next(20) == 0 ? random.Next(300_000) : random.Next(12)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            builder.Append(piece);
            expected.AddRange(Encoding.UTF8.GetBytes(piece));
        }

        Assert.Equal(expected.ToArray(), builder.ToArray());
    }
}
