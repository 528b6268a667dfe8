using System.Text;

namespace PetitionGraph.Api.Workbench.Export;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF line ends. Text that a spreadsheet
/// would take for a formula (=, +, -, @ first) is written with a leading apostrophe: a petition's text is never run.
/// </summary>
internal sealed class CsvExportWriter(Stream body) : IExportWriter
{
    private readonly StreamWriter _writer = new(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024) { NewLine = "\r\n" };

    public string ContentType => "text/csv; charset=utf-8";

    public string Extension => "csv";

    public async Task BeginAsync(IReadOnlyList<string> columns, IReadOnlyList<ExportCell[]> firstPage, CancellationToken ct)
    {
        await _writer.WriteLineAsync(string.Join(',', columns.Select(Quote)).AsMemory(), ct);
    }

    public async Task WriteAsync(IReadOnlyList<ExportCell[]> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            await _writer.WriteLineAsync(string.Join(',', row.Select(Field)).AsMemory(), ct);
        }
        await _writer.FlushAsync(ct);
    }

    public Task FinishAsync(ExportSummary summary, CancellationToken ct) => _writer.FlushAsync(ct);

    private static string Field(ExportCell cell) => cell.Value is string text ? Quote(Defused(text)) : Quote(ExportTable.Text(cell));

    internal static string Defused(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
