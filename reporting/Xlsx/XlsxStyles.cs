using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PetitionGraph.Reporting.Xlsx;

/// <summary>The workbook's few cell formats; the indexes are StyleIndex values.</summary>
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Integer = 2;
    public const uint Percent = 3;
    public const uint Date = 4;
    public const uint DateTime = 5;
    public const uint Number = 6;
    public const uint Wrapped = 7;
    /// <summary>A form's title row: large, bold, centred, no box.</summary>
    public const uint Title = 8;
    /// <summary>A form's unit and date row: no box.</summary>
    public const uint FormLine = 9;
    /// <summary>环比 / 同比 of a count: a signed fraction shown as "+12.5%".</summary>
    public const uint ChangePercent = 10;
    /// <summary>环比 / 同比 of a rate: signed percentage points shown as "+2.1个百分点".</summary>
    public const uint ChangePoints = 11;

    private const uint PercentFormat = 164;
    private const uint DateFormat = 165;
    private const uint DateTimeFormat = 166;
    private const uint ChangePercentFormat = 167;
    private const uint ChangePointsFormat = 168;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = ChangePercentFormat, FormatCode = "+0.0%;-0.0%;0.0%" },
            new NumberingFormat { NumberFormatId = ChangePointsFormat, FormatCode = "+0.0\"个百分点\";-0.0\"个百分点\";0.0\"个百分点\"" })
        { Count = 5 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 }),
            new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString("FFE9EEF5") }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = HexBinaryValue.FromString("FF9AA4B1") }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()),
            // Every written cell is boxed, as a printed form is.
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()))
        { Count = 3 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 2, FormatId = 0, ApplyBorder = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 2, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 2, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = PercentFormat, FontId = 0, FillId = 0, BorderId = 2, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateFormat, FontId = 0, FillId = 0, BorderId = 2, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateTimeFormat, FontId = 0, FillId = 0, BorderId = 2, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 2, FontId = 0, FillId = 0, BorderId = 2, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 2, FormatId = 0, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center })
            { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = ChangePercentFormat, FontId = 0, FillId = 0, BorderId = 2, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = ChangePointsFormat, FontId = 0, FillId = 0, BorderId = 2, FormatId = 0, ApplyBorder = true, ApplyNumberFormat = true })
        { Count = 12 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static T Thin<T>() where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = HexBinaryValue.FromString("FF9AA4B1") } };
}
