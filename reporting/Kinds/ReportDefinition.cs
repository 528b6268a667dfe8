using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Kinds;

/// <summary>
/// One kind of report, whole: its name (CLI, URLs, schedules), its Chinese title and how it is laid out. Each kind is
/// one class, found by <see cref="ReportDefinitions"/>; the data each needs is gathered by the API's source of the same kind.
/// </summary>
public abstract class ReportDefinition
{
    public abstract ReportKind Kind { get; }

    /// <summary>monthly-overview, by-category, …</summary>
    public abstract string Name { get; }

    public abstract string Title { get; }

    /// <summary>Whether the report lists petitioners (and so says how their personal data is shown).</summary>
    public virtual bool ListsPetitioners => false;

    internal abstract void Lay(ReportLayoutBuilder builder, ReportData data);
}
