using System.Text;
using System.Xml;
using PetitionGraph.Reporting.Xlsx;

namespace PetitionGraph.Tests.Reporting;

/// <summary>
/// A sheet's rows are composed as text (XlsxRows), not element by element through XmlWriter: the text a reader parses
/// back must be the cell's text — markup characters escaped, line breaks as XML keeps them, and a character XML cannot
/// hold replaced (U+FFFD) rather than failing the workbook.
/// </summary>
public sealed class XlsxRowsTests
{
    [Fact]
    public void Escaped_text_parses_back_to_the_cell_text()
    {
        var random = new Random(20261207);
        string[] pieces = ["信访", "东湖村", "a", "Z", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", "\u0001", "\u001f",
            "\uFFFE", "\uFFFF", "𠀀", "\uD840", "\uDC00", "&amp;", "]]>", "\u00a0"];
        for (var run = 0; run < 3_000; run++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var escaped = new StringBuilder();

            XlsxRows.Escape(escaped, text);

            using var reader = XmlReader.Create(new StringReader($"<t xml:space=\"preserve\">{escaped}</t>"));
            reader.MoveToContent();
            Assert.Equal(Expected(text), reader.ReadElementContentAsString());
        }
    }

    /// <summary>The oracle: what the cell should read, written plainly.</summary>
    private static string Expected(string text)
    {
        var expected = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                expected.Append('\n');
                i += i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
            }
            else if (char.IsSurrogatePair(text, i))
            {
                expected.Append(text, i++, 2);
            }
            else if ((c < ' ' && c is not '\t' and not '\n') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                expected.Append('\uFFFD');
            }
            else
            {
                expected.Append(c);
            }
        }
        return expected.ToString();
    }
}
