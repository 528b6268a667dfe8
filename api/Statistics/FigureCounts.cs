using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Statistics;

/// <summary>The group a row of figures belongs to; a dimension not grouped by is null.</summary>
public sealed record StatisticsGroup(int? CategoryId, int? VillageId, int? LeaderId, Channel? Channel, PetitionLevel? Level, int? TeamId = null, int? WayId = null,
    Settlement.AssistanceKind? Assistance = null)
{
    public static StatisticsGroup All { get; } = new(null, null, null, null, null);
}

/// <summary>The raw counts behind every figure of one bucket and group (DESIGN §6); rates are pairs of them.</summary>
public sealed class FigureCounts
{
    public int Stock { get; set; }
    public int Increment { get; set; }
    public int BacklogIncrement { get; set; }
    public int Resolved { get; set; }
    public int Petitions { get; set; }
    public int HighLevelPetitions { get; set; }
    public int RepeatPetitions { get; set; }
    public int AcceptanceDue { get; set; }
    public int AcceptedOnTime { get; set; }
    public int ConclusionDue { get; set; }
    public int ConcludedOnTime { get; set; }
    public int Evaluated { get; set; }
    public int EvaluationExpired { get; set; }
    public int Satisfied { get; set; }

    /// <summary>
    /// Adds the counts of a later stretch of the same bucket. Every figure but the stock counts facts dated in its
    /// stretch; the stock is the bucket's at its end, so only the last stretch's is taken.
    /// </summary>
    public void Add(FigureCounts stretch, bool stockAtEnd)
    {
        if (stockAtEnd)
        {
            Stock = stretch.Stock;
        }
        Increment += stretch.Increment;
        BacklogIncrement += stretch.BacklogIncrement;
        Resolved += stretch.Resolved;
        Petitions += stretch.Petitions;
        HighLevelPetitions += stretch.HighLevelPetitions;
        RepeatPetitions += stretch.RepeatPetitions;
        AcceptanceDue += stretch.AcceptanceDue;
        AcceptedOnTime += stretch.AcceptedOnTime;
        ConclusionDue += stretch.ConclusionDue;
        ConcludedOnTime += stretch.ConcludedOnTime;
        Evaluated += stretch.Evaluated;
        EvaluationExpired += stretch.EvaluationExpired;
        Satisfied += stretch.Satisfied;
    }
}

public sealed record StatisticsRow(Bucket Bucket, StatisticsGroup Group, FigureCounts Counts)
{
    /// <summary>The figures as published when the bucket's period closed, not as the records stand now.</summary>
    public bool Published { get; init; }
}

/// <summary>The SQL statements behind the figures; only those a request selects are run.</summary>
[Flags]
public enum FigureFamilies
{
    None = 0,
    Petitions = 1,
    Stock = 2,
    BacklogEntries = 4,
    Resolutions = 8,
    Notices = 16,
    Conclusions = 32,
    ExpiredEvaluations = 64,
    Evaluations = 128,
    All = 255,
}
