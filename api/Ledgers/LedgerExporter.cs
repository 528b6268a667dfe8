using System.Linq.Expressions;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Reports;

namespace PetitionGraph.Api.Ledgers;

/// <summary>
/// Writes the two ledger layouts, as CSV (UTF-8 with BOM, for Excel) or XLSX, for the cases a filter selects — the
/// same columns the importer reads, so an imported ledger exported again gives back its rows.
/// </summary>
public sealed class LedgerExporter(PetitionDbContext db, OfficeTime office)
{
    public async Task<(IReadOnlyList<string[]> Rows, IReadOnlyList<int> PetitionerIds)> RowsAsync(LedgerKind kind, Expression<Func<Case, bool>> cases, DateTime now, CancellationToken ct)
    {
        var selected = await db.Cases.Where(cases).OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).Select(c => new
        {
            c.Number,
            c.OpenedAt,
            c.Status,
            c.Demand,
            Village = c.Village!.Name,
            Category = c.Category!.NameZh,
            Petitioners = c.Petitioners.OrderBy(p => p.PetitionerId).Select(p => new { p.PetitionerId, p.Petitioner!.Name, p.Petitioner.Address }).ToList(),
            Leaders = c.Assignments.Where(a => a.To == null || a.To > now).OrderBy(a => a.From).ThenBy(a => a.Id).Select(a => new { a.Role, a.Leader!.Name }).ToList(),
        }).AsSplitQuery().ToListAsync(ct);
        var rows = new List<string[]> { LedgerLayout.Headers[kind] };
        rows.AddRange(selected.Select((c, i) => kind == LedgerKind.Ownership
            ? new[]
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join("、", c.Petitioners.Select(p => p.Name)),
                c.Petitioners.Select(p => p.Address).FirstOrDefault(a => !string.IsNullOrEmpty(a)) ?? c.Village,
                string.Join("、", c.Leaders.Where(l => l.Role == AssignmentRole.TownLead).Select(l => l.Name)),
                string.Join("、", c.Leaders.Where(l => l.Role == AssignmentRole.VillageLead).Select(l => l.Name)),
            }
            : [c.Number, office.ToOffice(c.OpenedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Category, c.Village, ReportDataBuilder.StatusName(c.Status), c.Demand]));
        return (rows, selected.SelectMany(c => c.Petitioners.Select(p => p.PetitionerId)).Distinct().ToList());
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
