using PetitionGraph.Reporting.Formatting;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Xlsx;

internal sealed record XlsxColumn(string Header, uint Style, string? Group = null);

/// <summary>A sheet as cells to write: a report table with its rate columns spread out, or the 说明 sheet.</summary>
internal sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Title, unit and date rows above the header (see <see cref="ReportTable.Caption"/>).</summary>
    public IReadOnlyList<string> Caption { get; init; } = [];

    public int CaptionRows => Caption.Count;

    public int HeaderRows => Columns.Any(c => c.Group is not null) ? 2 : 1;

    /// <summary>The 1-based row of the last header row; data starts below it.</summary>
    public int LastHeaderRow => CaptionRows + HeaderRows;

    public const string AboutSheet = "说明";

    public static XlsxSheet About(ReportContext context)
    {
        var clock = new OfficeClock(context.TimeZone);
        object?[][] rows =
        [
            ["报告", context.Title],
            ["统计期间", context.PeriodLabel],
            ["填报单位", context.Office],
            ["生成时间", clock.Local(context.GeneratedAt)],
            ["时区", clock.Label(context.GeneratedAt)],
            ["阅读角色", context.ReaderRole],
            .. context.PersonalDataNote is { } note ? [new object?[] { "个人信息", note }] : Array.Empty<object?[]>(),
        ];
        return new XlsxSheet(AboutSheet, [new("项目", XlsxStyles.Default), new("内容", XlsxStyles.Wrapped)], rows);
    }

    /// <summary>Turns a report table into sheet columns: a rate column becomes rate, numerator and denominator.</summary>
    public static XlsxSheet Expand(ReportTable table)
    {
        var columns = new List<XlsxColumn>();
        foreach (var column in table.Columns)
        {
            if (column.Kind == ColumnKind.Rate)
            {
                columns.Add(new(column.Header, XlsxStyles.Percent));
                columns.Add(new($"{column.Header}（分子）", XlsxStyles.Integer));
                columns.Add(new($"{column.Header}（分母）", XlsxStyles.Integer));
            }
            else
            {
                columns.Add(new(column.Header, StyleOf(column.Kind), column.Group));
            }
        }

        var rows = new List<object?[]>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var cells = new object?[columns.Count];
            var c = 0;
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var value = i < row.Cells.Count ? row.Cells[i] : null;
                if (table.Columns[i].Kind == ColumnKind.Rate)
                {
                    // Rate, numerator, denominator (all three empty when the cell has no rate).
                    if (value is Rate rate)
                    {
                        cells[c] = rate.Value is { } v ? new PercentValue(v) : null;
                        cells[c + 1] = rate.Numerator;
                        cells[c + 2] = rate.Denominator;
                    }
                    c += 3;
                }
                else
                {
                    cells[c++] = value is bool met ? (met ? "✓" : "✗") : value;
                }
            }
            rows.Add(cells);
        }
        if (rows.Count == 0)
        {
            rows.Add([ReportLayouts.NoData]);
        }

        return new XlsxSheet(table.Name, columns, rows) { Caption = table.Caption };
    }

    private static uint StyleOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => XlsxStyles.Integer,
        ColumnKind.Number => XlsxStyles.Number,
        ColumnKind.Date => XlsxStyles.Date,
        ColumnKind.DateTime => XlsxStyles.DateTime,
        _ => XlsxStyles.Default,
    };
}
