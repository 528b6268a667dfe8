using System.Linq.Expressions;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Reports;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Ledgers;

/// <summary>
/// The two ledger layouts as rows of text for the cases a filter selects: the 领导包案台账 as the leader-ownership report
/// lays it out (built by the same code, see ReportDataBuilder.OwnershipAsync) and the case ledger — the columns the
/// importer reads, so a ledger exported here imports back onto the same cases.
/// </summary>
public sealed class LedgerExporter(PetitionDbContext db, OfficeTime office, KeyClassRules keyClasses, string officeName)
{
    /// <summary>The rows, header first, and the petitioners whose names or addresses they show (for the audit).</summary>
    public async Task<(IReadOnlyList<string[]> Rows, IReadOnlyList<int> PetitionerIds)> RowsAsync(
        LedgerKind kind, Expression<Func<Case, bool>> cases, DateTime now, bool showsNames, CancellationToken ct)
    {
        if (kind == LedgerKind.Ownership)
        {
            // Scope is already in `cases`. As of now, everything done so far included (a step recorded this very instant too; PostgreSQL keeps microseconds).
            var builder = new ReportDataBuilder(db, office, keyClasses, officeName, _ => true);
            var (ownership, petitioners) = await builder.OwnershipAsync(cases, now, now.AddMilliseconds(1), showsNames, ct);
            return ([[.. OwnershipLedger.FlatHeader], .. ownership.Select(OwnershipLedger.Cells)], showsNames ? petitioners : []);
        }
        var selected = await db.Cases.Where(cases).OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).Select(c => new
        {
            c.Number,
            c.OpenedAt,
            c.Status,
            c.Demand,
            Village = c.Village!.Name,
            Category = c.Category!.NameZh,
        }).ToListAsync(ct);
        var rows = new List<string[]> { LedgerLayout.Headers[kind] };
        rows.AddRange(selected.Select(c => new[]
        {
            c.Number, office.ToOffice(c.OpenedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Category, c.Village,
            ReportDataBuilder.StatusName(c.Status), c.Demand,
        }));
        return (rows, []);
    }

    /// <summary>The 领导包案台账 file (title, unit and date, 包案领导 over 镇 and 村, per-leader summary) from its rows.</summary>
    public static byte[] OwnershipFile(IReadOnlyList<string[]> rows, string format, ReportContext context)
    {
        var ownership = rows.Skip(1).Select(OwnershipLedger.FromCells).ToList();
        return format == "csv" ? Csv(OwnershipLedger.CsvRows(context, ownership)) : OwnershipLedger.Xlsx(context, ownership);
    }

    public static byte[] Csv(IReadOnlyList<string[]> rows)
    {
        var text = new StringBuilder("\uFEFF");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static byte[] Xlsx(IReadOnlyList<string[]> rows, string sheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    row.Append(new Cell
                    {
                        CellReference = Column(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][c])),
                    });
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }
        return stream.ToArray();
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));
}
