using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitioners;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Seeding;

/// <summary>Rows generated for a chunk of cases, in the order the tables must be written (parents first).</summary>
public sealed class SeedBatch
{
    public List<Petitioner> Petitioners { get; } = [];
    public List<Case> Cases { get; } = [];
    public List<CasePetitioner> CasePetitioners { get; } = [];
    public List<Petition> Petitions { get; } = [];
    public List<LeaderAssignment> Assignments { get; } = [];
    public List<CaseEvent> Events { get; } = [];
    public List<CaseActivity> Activities { get; } = [];
    public List<Evaluation> Evaluations { get; } = [];
    public List<CaseBacklogInterval> BacklogIntervals { get; } = [];
    public List<CaseDeadline> Deadlines { get; } = [];

    public int RowCount => Petitioners.Count + Cases.Count + CasePetitioners.Count + Petitions.Count
        + Assignments.Count + Events.Count + Activities.Count + Evaluations.Count + BacklogIntervals.Count + Deadlines.Count;
}

/// <summary>Next free id per table, so rows can reference each other before they are written.</summary>
public sealed class IdCounters
{
    public int Petitioner { get; set; }
    public int Case { get; set; }
    public int Petition { get; set; }
    public int Assignment { get; set; }
    public int Event { get; set; }
    public int Activity { get; set; }
    public int Evaluation { get; set; }
    public int Interval { get; set; }
    public int Deadline { get; set; }
}
