using PdfSharp.Drawing;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Pdf;

/// <summary>
/// A table on PDF pages as the HTML page prints it: boxed cells, the header (two rows under a group such as 包案领导 ›
/// 镇 / 村) repeated at the top of every page the table runs onto, a row never split across pages, numbers right-aligned
/// on one line, long text wrapped, the row marks (overdue, no leader, 合计) in colour.
/// </summary>
internal sealed class PdfTableWriter
{
    private const double PadX = 1.4 * PdfCanvas.Millimetre;
    private const double PadY = 0.8 * PdfCanvas.Millimetre;
    private static readonly XColor HeaderFill = XColor.FromArgb(0xe9, 0xee, 0xf5);
    private static readonly XPen Grid = new(XColor.FromArgb(0x9a, 0xa4, 0xb1), 0.5);
    private static readonly XPen TotalRule = new(PdfCanvas.Ink, 1.2);

    private readonly PdfCanvas _canvas;
    private readonly ReportTable _table;
    private readonly double _size;
    private readonly double _line;
    private readonly int _columns;
    private readonly (string Text, CellStyle Style)[] _cells;
    private readonly bool[] _oneLine;
    private readonly double[] _widths;
    private readonly double[] _x;

    private PdfTableWriter(PdfCanvas canvas, ReportTable table, bool wide)
    {
        _canvas = canvas;
        _table = table;
        _size = wide ? 7.5 : 8.5;
        _line = _size * 1.35;
        _columns = table.Columns.Count;
        var rows = table.Rows.Count;
        _cells = CellText.Grid(table);
        _oneLine = new bool[_columns];
        var widest = new double[_columns];
        var scratch = new double[rows];
        for (var i = 0; i < _columns; i++)
        {
            (_oneLine[i], widest[i]) = Measure(i, forceOneLine: wide && i == 0, scratch);
        }
        _widths = ColumnWidths(widest);
        _x = new double[_widths.Length + 1];
        _x[0] = canvas.Left;
        for (var i = 0; i < _widths.Length; i++)
        {
            _x[i + 1] = _x[i] + _widths[i];
        }
    }

    public static void Write(PdfCanvas canvas, ReportTable table, bool wide) => new PdfTableWriter(canvas, table, wide).Write();

    private (string Text, CellStyle Style) Cell(int row, int column) => _cells[row * _columns + column];

    /// <summary>
    /// Whether a column stays on one line — numbers, dates and checks never wrap; a text column does not when every cell
    /// of it is short — and the width its text asks for: its widest cell when it stays on one line; for a column that
    /// wraps, the widest of nine cells in ten, so one long cell (a case with five petitioners) wraps instead of widening
    /// the column for every row.
    /// </summary>
    private (bool OneLine, double Widest) Measure(int column, bool forceOneLine, double[] widths)
    {
        var rows = widths.Length;
        var numbers = true;
        var shortTexts = _table.Columns[column].Kind == ColumnKind.Text;
        var max = 0.0;
        for (var r = 0; r < rows; r++)
        {
            var (text, style) = Cell(r, column);
            numbers &= style is CellStyle.Number or CellStyle.Date or CellStyle.Check;
            shortTexts = shortTexts && CellText.IsShort(text);
            widths[r] = PdfFonts.Width(text, _size);
            max = Math.Max(max, widths[r]);
        }
        if (forceOneLine || numbers || shortTexts || rows == 0)
        {
            return (true, max);
        }
        Array.Sort(widths);
        return (false, widths[(int)Math.Floor((rows - 1) * 0.9)]);
    }

    private void Write()
    {
        // The caption's first line is the title, which the section heading already says; the rest (unit, date) is shown.
        foreach (var caption in _table.Caption.Skip(1))
        {
            _canvas.Reserve(9 * 1.5);
            _canvas.Text(caption, PdfFonts.Font(9), PdfCanvas.Ink, _canvas.Left, _canvas.Y);
            _canvas.Y += 9 * 1.5;
        }

        var header = HeaderHeight();
        _canvas.Reserve(header + _line + 2 * PadY);
        var segmentTop = DrawHeader(header);
        // One list of lines per column, refilled for each row (a long list has millions of cells).
        var lines = _widths.Select(_ => new List<string>()).ToArray();
        for (var r = 0; r < _table.Rows.Count; r++)
        {
            var mark = _table.Rows[r].CssClass;
            var bold = mark is "total" or "current";
            var most = 1;
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i].Clear();
                if (_oneLine[i])
                {
                    lines[i].Add(Cell(r, i).Text);
                }
                else
                {
                    PdfCanvas.Wrap(Cell(r, i).Text, _widths[i] - 2 * PadX, _size, bold, lines[i]);
                    most = Math.Max(most, lines[i].Count);
                }
            }
            var height = most * _line + 2 * PadY;
            if (!_canvas.Fits(height))
            {
                DrawVerticals(segmentTop);
                _canvas.NewPage();
                segmentTop = DrawHeader(header);
            }
            DrawRow(r, mark, bold, lines, height);
        }
        DrawVerticals(segmentTop);
        _canvas.Y += 4 * PdfCanvas.Millimetre;
    }

    private void DrawRow(int r, string? mark, bool bold, List<string>[] lines, double height)
    {
        var top = _canvas.Y;
        XColor? fill = mark switch
        {
            "no-leader" => XColor.FromArgb(0xfe, 0xf0, 0xc7),
            "current" => XColor.FromArgb(0xee, 0xf4, 0xff),
            "total" => XColor.FromArgb(0xf6, 0xf8, 0xfa),
            _ => null,
        };
        if (fill is { } background)
        {
            _canvas.Fill(background, _x[0], top, _x[^1] - _x[0], height);
        }
        var ink = mark switch
        {
            "overdue" => PdfCanvas.Warning,
            "due-today" => XColor.FromArgb(0xb5, 0x47, 0x08),
            _ => PdfCanvas.Ink,
        };
        for (var i = 0; i < lines.Length; i++)
        {
            var style = Cell(r, i).Style;
            var color = style == CellStyle.Check && mark is "met" ? XColor.FromArgb(0x06, 0x76, 0x47)
                : style == CellStyle.Check && mark is "unmet" ? PdfCanvas.Warning
                : ink;
            for (var k = 0; k < lines[i].Count; k++)
            {
                var text = lines[i][k];
                if (text.Length == 0)
                {
                    continue;
                }
                var x = style switch
                {
                    CellStyle.Number or CellStyle.Rate => _x[i + 1] - PadX - PdfFonts.Width(text, _size, bold),
                    CellStyle.Check => (_x[i] + _x[i + 1] - PdfFonts.Width(text, _size, bold)) / 2,
                    _ => _x[i] + PadX,
                };
                _canvas.CellText(text, _size, bold, color, x, top + PadY + k * _line);
            }
        }
        _canvas.Rule(mark is "total" ? TotalRule : Grid, _x[0], top, _x[^1], top);
        _canvas.Rule(Grid, _x[0], top + height, _x[^1], top + height);
        _canvas.Y = top + height;
    }

    private void DrawVerticals(double segmentTop)
    {
        foreach (var x in _x)
        {
            _canvas.Rule(Grid, x, segmentTop, x, _canvas.Y);
        }
    }

    private double HeaderHeight()
    {
        var lines = _table.Columns.Select((c, i) => PdfCanvas.Wrap(c.Header, _widths[i] - 2 * PadX, _size, bold: true).Count).Max();
        var row = lines * _line + 2 * PadY;
        return _table.HasGroups ? row + _line + 2 * PadY : row;
    }

    /// <summary>One header row, or two when columns are grouped: a group's cell spans its columns, the others span both rows.</summary>
    private double DrawHeader(double height)
    {
        var top = _canvas.Y;
        _canvas.Fill(HeaderFill, _x[0], top, _x[^1] - _x[0], height);
        _canvas.Box(Grid, _x[0], top, _x[^1] - _x[0], height);
        var groupRow = _line + 2 * PadY;
        for (var i = 0; i < _table.Columns.Count; i++)
        {
            var column = _table.Columns[i];
            if (column.Group is null)
            {
                HeaderCell(column.Header, i, i + 1, top, height);
                continue;
            }
            var span = _table.Columns.Skip(i).TakeWhile(c => c.Group == column.Group).Count();
            HeaderCell(column.Group, i, i + span, top, groupRow);
            _canvas.Rule(Grid, _x[i], top + groupRow, _x[i + span], top + groupRow);
            for (var k = i; k < i + span; k++)
            {
                HeaderCell(_table.Columns[k].Header, k, k + 1, top + groupRow, height - groupRow);
            }
            i += span - 1;
        }
        _canvas.Y = top + height;
        return top;
    }

    private void HeaderCell(string text, int from, int to, double top, double height)
    {
        _canvas.Box(Grid, _x[from], top, _x[to] - _x[from], height);
        var lines = PdfCanvas.Wrap(text, _x[to] - _x[from] - 2 * PadX, _size, bold: true);
        var y = top + (height - lines.Count * _line) / 2;
        foreach (var line in lines)
        {
            _canvas.CellText(line, _size, bold: true, PdfCanvas.Ink, (_x[from] + _x[to] - PdfFonts.Width(line, _size, bold: true)) / 2, y);
            y += _line;
        }
    }

    /// <summary>
    /// As a browser lays out a table at full width: each column as wide as its widest cell when they all fit, the room
    /// left shared in proportion; when they do not, one-line columns keep their width and the wrapping ones share the rest;
    /// when not even the one-line columns fit, all shrink alike and all wrap.
    /// </summary>
    private double[] ColumnWidths(double[] widest)
    {
        var columns = _table.Columns.Count;
        var natural = new double[columns];
        var least = new double[columns];
        for (var i = 0; i < columns; i++)
        {
            var header = _table.Columns[i].Header;
            natural[i] = Math.Max(PdfFonts.Width(header, _size, bold: true), widest[i]) + 2 * PadX;
            least[i] = _oneLine[i] ? natural[i] : Math.Min(natural[i], Math.Max(4 * _size, PdfFonts.Width(header, _size, bold: true)) + 2 * PadX);
        }
        var room = _canvas.Width;
        if (natural.Sum() <= room)
        {
            var scale = room / natural.Sum();
            return [.. natural.Select(w => w * scale)];
        }
        if (least.Sum() >= room)
        {
            // Even the one-line columns do not fit: every column is narrower than its text asks, so every column wraps
            // (a short name kept on one line would run over its cell's border into the next).
            Array.Fill(_oneLine, false);
            var shrink = room / least.Sum();
            return [.. least.Select(w => w * shrink)];
        }
        // Wrapping columns share what the one-line ones leave, in proportion to their natural width, never below their least.
        var widths = (double[])least.Clone();
        var wrapping = Enumerable.Range(0, columns).Where(i => !_oneLine[i]).ToList();
        var spare = room - least.Sum();
        var wanted = wrapping.Sum(i => natural[i] - least[i]);
        foreach (var i in wrapping)
        {
            widths[i] += wanted <= 0 ? spare / wrapping.Count : spare * (natural[i] - least[i]) / wanted;
        }
        return widths;
    }
}
