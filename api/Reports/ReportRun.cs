using System.ComponentModel;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Reports;

[Description("Where a report run stands.")]
public enum ReportRunStatus
{
    [Description("Waiting to run (or to be retried at NextAttemptAt).")]
    Pending,
    [Description("Claimed by an instance and being generated.")]
    Running,
    [Description("Generated; its files are ready to download.")]
    Succeeded,
    [Description("Every attempt failed; the last error is kept.")]
    Failed,
}

[Description("Why a report run exists.")]
public enum ReportTrigger
{
    [Description("The office's report schedule (定期报表).")]
    Schedule,
    [Description("Someone asked for it with generateReport.")]
    OnDemand,
}

/// <summary>
/// One generation of one report for one period. Scheduled runs carry a unique <see cref="ScheduleKey"/>, so that
/// however many instances see the same due period, only one row — one run — exists for it.
/// </summary>
public sealed class ReportRun : IEntity
{
    public int Id { get; set; }
    public required string Report { get; set; }
    public required string Period { get; set; }
    public ReportTrigger Trigger { get; set; }
    /// <summary>"report/period" for scheduled runs, unique; null for on-demand runs.</summary>
    public string? ScheduleKey { get; set; }
    public ReportRunStatus Status { get; set; }
    /// <summary>The role whose view of personal data the report shows.</summary>
    public required string ReaderRole { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>The instance working on it and until when its claim holds; an expired claim may be taken over.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public string? Error { get; set; }
    public List<ReportArtifact> Artifacts { get; set; } = [];
}

/// <summary>A generated file, stored in the database so that any instance can serve it.</summary>
public sealed class ReportArtifact : IEntity
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
}
