namespace PetitionGraph.Api.Workbench.Export;

/// <summary>What the export says about itself at the end (the XLSX 说明 sheet).</summary>
internal sealed record ExportSummary(string Operation, DateTime ExportedAt, int Rows, bool Truncated, int MaxRows, string? PersonalDataNote);

/// <summary>Writes an export's rows to the response as they come: a header, page after page, then the end.</summary>
internal interface IExportWriter : IAsyncDisposable
{
    string ContentType { get; }

    string Extension { get; }

    /// <summary>The header; the first page's rows let the widths be chosen before anything is written.</summary>
    Task BeginAsync(IReadOnlyList<string> columns, IReadOnlyList<ExportCell[]> firstPage, CancellationToken ct);

    Task WriteAsync(IReadOnlyList<ExportCell[]> rows, CancellationToken ct);

    Task FinishAsync(ExportSummary summary, CancellationToken ct);
}
