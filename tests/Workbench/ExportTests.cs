using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Workbench.Export;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Workbench;

/// <summary>
/// POST /graphql/export: the first list of a query's result as CSV or XLSX — every page of a connection, checked row by
/// row against the same query paged through /graphql — with its limits, its mistakes told as errors, and its audit.
/// </summary>
public abstract class ExportTests(TestHost host)
{
    private const string CasesQuery = """
        query Backlog { cases(order: [{ number: ASC }]) { totalCount nodes { number openedAt status keyClass village { name } petitioners { name } } } }
        """;

    [Fact]
    public async Task A_connection_is_exported_page_after_page_exactly_as_the_query_lists_it()
    {
        var user = "exporter-" + Guid.NewGuid().ToString("N")[..8];
        var office = host.ClientAs(Role.Office, user);
        var expected = await AllPagesAsync(office);
        Assert.True(expected.Count > 300, "the seed has several pages of cases");

        var csv = Csv(Encoding.UTF8.GetString(await ExportAsync(office, "csv", CasesQuery)));
        Assert.Equal(["number", "openedAt", "status", "keyClass", "village.name", "petitioners.name"], csv[0]);
        Assert.Equal(expected.Count, csv.Count - 1);
        for (var i = 0; i < expected.Count; i++)
        {
            var (node, row) = (expected[i], csv[i + 1]);
            Assert.Equal(node.GetProperty("number").GetString(), row[0]);
            // Office time, as the API writes it (+08:00), without the offset.
            Assert.Equal(node.GetProperty("openedAt").GetDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(node.GetProperty("status").GetString(), row[2]);
            Assert.Equal(node.GetProperty("keyClass").ValueKind == JsonValueKind.Number ? node.GetProperty("keyClass").GetInt32().ToString(CultureInfo.InvariantCulture) : "", row[3]);
            Assert.Equal(node.GetProperty("village").GetProperty("name").GetString(), row[4]);
            Assert.Equal(string.Join("; ", node.GetProperty("petitioners").EnumerateArray().Select(p => p.GetProperty("name").GetString())), row[5]);
        }

        var xlsx = await ExportAsync(office, "xlsx", CasesQuery);
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var (data, about) = (Sheet(book, "数据"), Sheet(book, "说明"));
        Assert.Equal(expected.Count + 1, data.Count);
        Assert.Equal(csv[0], data[0].Select(c => c.Text));
        for (var i = 0; i < expected.Count; i++)
        {
            var (node, row) = (expected[i], data[i + 1]);
            Assert.Equal(node.GetProperty("number").GetString(), row[0].Text);
            // A date as a date (a serial number with a date format), not text.
            Assert.Equal(node.GetProperty("openedAt").GetDateTimeOffset().DateTime, DateTime.FromOADate(double.Parse(row[1].Text, CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(1));
            Assert.True(row[1].Style is 3, "a date-time style");
        }
        Assert.Equal(["查询", "Backlog (export)"], about[0].Select(c => c.Text));
        Assert.Equal(["行数", expected.Count.ToString(CultureInfo.InvariantCulture)], about[2].Select(c => c.Text));
        Assert.Equal(["是否完整", "是：全部结果"], about[3].Select(c => c.Text));

        // The names read were audited, as the query's own pages are: one entry per page.
        var admin = host.ClientAs(Role.Admin, "admin-" + user);
        var trail = await admin.QueryAsync("query($actor: String) { auditTrail(actor: $actor, first: 100) { nodes { operation fields petitionerIds } } }", new { actor = user });
        var entries = trail.GetProperty("auditTrail").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("operation").GetString() == "Backlog (export)" && e.GetProperty("fields").GetString() == "name");
    }

    [Fact]
    public async Task Edges_and_a_backward_page_are_exported_too_and_an_analyst_gets_masked_names()
    {
        var analyst = host.ClientAs(Role.Analyst, "analyst-export");
        var expected = await AllPagesAsync(analyst);
        var edges = Csv(Encoding.UTF8.GetString(await ExportAsync(analyst, "csv",
            "{ cases(first: 7, order: [{ number: ASC }]) { edges { cursor node { number petitioners { name } } } } }")));
        Assert.Equal(["number", "petitioners.name"], edges[0]);
        // Every page, with the names as the analyst's own query gives them: masked (张*).
        Assert.Equal(expected.Select(n => n.GetProperty("number").GetString() + "|" + string.Join("; ", n.GetProperty("petitioners").EnumerateArray().Select(p => p.GetProperty("name").GetString()))),
            edges.Skip(1).Select(r => r[0] + "|" + r[1]));
        Assert.Contains(edges.Skip(1), r => r[1].Contains('*', StringComparison.Ordinal));

        // last/before cannot be continued forwards: the one page the query gives.
        var last = Csv(Encoding.UTF8.GetString(await ExportAsync(analyst, "csv", "{ cases(last: 5, order: [{ number: ASC }]) { nodes { number } } }")));
        Assert.Equal(expected.TakeLast(5).Select(n => n.GetProperty("number").GetString()), last.Skip(1).Select(r => r[0]));

        // A list that is not a connection: one table, as given.
        var stock = Csv(Encoding.UTF8.GetString(await ExportAsync(analyst, "csv", "{ stockAt(groupBy: [VILLAGE]) { village { name } stock } }")));
        Assert.Equal(["village.name", "stock"], stock[0]);
        var figures = await analyst.QueryAsync("{ stockAt(groupBy: [VILLAGE]) { village { name } stock } }");
        Assert.Equal(figures.GetProperty("stockAt").EnumerateArray().Select(s => $"{s.GetProperty("village").GetProperty("name").GetString()}={s.GetProperty("stock").GetInt32()}"),
            stock.Skip(1).Select(r => $"{r[0]}={r[1]}"));
    }

    [Fact]
    public async Task A_mistake_is_told_before_anything_is_written_and_changes_nothing()
    {
        var office = host.ClientAs(Role.Office, "office-export-mistakes");
        await AssertRefusedAsync(host.Anonymous(), "xlsx", CasesQuery, HttpStatusCode.Unauthorized, "token");
        await AssertRefusedAsync(office, "pdf", CasesQuery, HttpStatusCode.BadRequest, "format=xlsx");
        await AssertRefusedAsync(office, "csv", "mutation { closePeriod(input: { period: \"2000-02\" }) { userErrors { message } } }", HttpStatusCode.BadRequest, "Only a query");
        await AssertRefusedAsync(office, "csv", "{ caseByNumber(number: \"none\") { number } }", HttpStatusCode.BadRequest, "no list");
        await AssertRefusedAsync(office, "csv", "{ cases { nodes { number nonsense } } }", HttpStatusCode.BadRequest, "nonsense");
        await AssertRefusedAsync(office, "csv", "{ cases { nodes { number ", HttpStatusCode.BadRequest, "");
        await AssertRefusedAsync(office, "csv", "query A { cases { nodes { number } } } query B { villages { nodes { name } } }", HttpStatusCode.BadRequest, "operationName");
        var periods = await office.QueryAsync("{ closedPeriods { period } }");
        Assert.DoesNotContain(periods.GetProperty("closedPeriods").EnumerateArray(), p => p.GetProperty("period").GetString() == "2000-02");
    }

    [Fact]
    public void A_text_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        Assert.Equal("'=HYPERLINK(\"x\")", CsvExportWriter.Defused("=HYPERLINK(\"x\")"));
        Assert.Equal("'+1", CsvExportWriter.Defused("+1"));
        Assert.Equal("'-2", CsvExportWriter.Defused("-2"));
        Assert.Equal("'@SUM(A1)", CsvExportWriter.Defused("@SUM(A1)"));
        Assert.Equal("示范村", CsvExportWriter.Defused("示范村"));
    }

    private static async Task<List<JsonElement>> AllPagesAsync(GraphQLClient client)
    {
        var nodes = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await client.QueryAsync("""
                query($after: String) { cases(first: 100, after: $after, order: [{ number: ASC }]) { pageInfo { hasNextPage endCursor } nodes { number openedAt status keyClass village { name } petitioners { name } } } }
                """, new { after });
            var cases = page.GetProperty("cases");
            nodes.AddRange(cases.GetProperty("nodes").EnumerateArray());
            after = cases.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? cases.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        return nodes;
    }

    internal static async Task<byte[]> ExportAsync(GraphQLClient client, string format, string query)
    {
        using var response = await client.Http.PostAsync($"/graphql/export?format={format}",
            new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return bytes;
    }

    private static async Task AssertRefusedAsync(GraphQLClient client, string format, string query, HttpStatusCode status, string says)
    {
        using var response = await client.Http.PostAsync($"/graphql/export?format={format}",
            new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"));
        Assert.Equal(status, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(says, body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>RFC 4180: the rows of a CSV text (byte-order mark dropped, quoted fields with commas, quotes and line ends).</summary>
    public static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var (row, field, quoted) = (new List<string>(), new StringBuilder(), false);
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        return rows;
    }

    internal sealed record XlsxCell(string Text, uint? Style);

    /// <summary>A sheet's rows as cell texts (inline strings, or the raw value of numbers) with their style index.</summary>
    internal static List<List<XlsxCell>> Sheet(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            new XlsxCell(c.InlineString?.InnerText ?? c.CellValue?.Text ?? "", c.StyleIndex?.Value)).ToList()).ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExportTestsOnSqlite(SqliteHost host) : ExportTests(host);

[Collection(PostgresCollection.Name)]
public sealed class ExportTestsOnPostgres(PostgresHost host) : ExportTests(host);
