namespace PetitionGraph.Reporting;

/// <summary>
/// What the first page says: title, period, when and for whom it was made. GeneratedAt in UTC is shown in
/// TimeZone (an IANA id such as "Asia/Shanghai"). ShowsNames: the report carries petitioners' personal data.
/// </summary>
public sealed record ReportContext(
    string Title,
    string PeriodLabel,
    DateTime GeneratedAt,
    string TimeZone,
    string Office,
    bool ShowsNames,
    string ReaderRole);
