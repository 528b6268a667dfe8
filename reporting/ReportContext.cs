namespace PetitionGraph.Reporting;

/// <summary>
/// What the first page says: title, period, when and for whom it was made. GeneratedAt in UTC is shown in
/// TimeZone (an IANA id such as "Asia/Shanghai"). ShowsNames: the reader's role sees petitioners' names unmasked.
/// </summary>
public sealed record ReportContext(
    string Title,
    string PeriodLabel,
    DateTime GeneratedAt,
    string TimeZone,
    string Office,
    bool ShowsNames,
    string ReaderRole)
{
    /// <summary>The last office-local day the report stands at (the period's last day, or today in a current period).</summary>
    public DateTime? AsOfDay { get; init; }

    /// <summary>The report's kind lists petitioners at all (set by the renderer from the kind's definition).</summary>
    public bool ListsPetitioners { get; init; } = true;

    /// <summary>Names unmasked on the page: the warning on every page and in the workbook.</summary>
    public bool HasPersonalData => ListsPetitioners && ShowsNames;

    /// <summary>What the report says about personal data: nothing when it lists no petitioners.</summary>
    public string? PersonalDataNote => !ListsPetitioners ? null : ShowsNames ? Html.HtmlReportWriter.PersonalDataNotice : Html.HtmlReportWriter.MaskedNotice;
}
