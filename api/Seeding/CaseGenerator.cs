using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitioners;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Seeding;

/// <summary>
/// Generates cases whose event histories follow the lifecycle (DESIGN §5): most accepted on time and
/// concluded, some accepted late, some overdue, some designated backlog, many resolved, a few reviewed twice
/// and terminated; with repeat, collective and high-level petitions and evaluations. Deterministic per seed.
/// </summary>
public sealed class CaseGenerator
{
    private const string System = "seed";
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Whole seconds: generated instants look like recorded ones.</summary>
    private static TimeSpan Days(double days) => TimeSpan.FromSeconds(Math.Round(days * 86_400));

    private readonly Random _r;
    private readonly SyntheticNames _names;
    private readonly IReadOnlyList<Village> _villages;
    private readonly IReadOnlyList<Category> _categories;
    private readonly IReadOnlyList<Leader> _townLeaders;
    private readonly Dictionary<int, Leader> _villageLeaders;
    private readonly DateTime _from;
    private readonly DateTime _asOf;
    private readonly string _town;
    private readonly Dictionary<int, int> _sequenceByYear;
    private readonly List<Petitioner> _recentPetitioners = [];

    public CaseGenerator(Random random, SyntheticNames names, IReadOnlyList<Village> villages, IReadOnlyList<Category> categories,
        IReadOnlyList<Leader> leaders, DateTime from, DateTime asOf, Dictionary<int, int> sequenceByYear, string town)
    {
        _r = random;
        _names = names;
        _villages = villages;
        _categories = categories;
        _townLeaders = leaders.Where(l => l.Level == LeaderLevel.Town).ToList();
        _villageLeaders = leaders.Where(l => l.VillageId is not null).GroupBy(l => l.VillageId!.Value).ToDictionary(g => g.Key, g => g.First());
        _from = from;
        _asOf = asOf;
        _sequenceByYear = sequenceByYear;
        _town = town;
    }

    /// <summary>Opening instants are drawn in order so case numbers rise with time, as they would in an office.</summary>
    public void Generate(SeedBatch batch, IdCounters ids, DateTime openedAt)
    {
        var village = _names.Pick(_villages);
        var category = _names.Pick(_categories);
        var (title, demand) = CaseTexts.For(category.Code, village.Name, _r);
        var year = openedAt.AddHours(8).Year;
        var sequence = _sequenceByYear[year] = _sequenceByYear.GetValueOrDefault(year) + 1;
        var c = new Case
        {
            Id = ++ids.Case,
            Number = CaseNumberCounter.Format(year, sequence),
            Title = title,
            Demand = demand,
            CategoryId = category.Id,
            VillageId = village.Id,
            OpenedAt = openedAt,
            AcceptDueAt = openedAt + 15 * Day,
            Status = CaseStatus.Registered,
        };
        var history = new List<CaseEvent>();
        void Event(CaseEventKind kind, DateTime at, string? note = null) =>
            history.Add(new CaseEvent { Id = ++ids.Event, CaseId = c.Id, At = at, Kind = kind, Actor = System, Note = note });

        Event(CaseEventKind.Registered, openedAt);
        var lifecycle = new Lifecycle(this, c, Event, batch, ids);
        lifecycle.Run();
        CaseProjector.Project(c, history, TimeLimits.Default);
        foreach (var interval in c.BacklogIntervals)
        {
            interval.Id = ++ids.Interval;
            batch.BacklogIntervals.Add(interval);
        }
        foreach (var deadline in c.Deadlines)
        {
            deadline.Id = ++ids.Deadline;
            batch.Deadlines.Add(deadline);
        }

        var petitions = GeneratePetitions(batch, ids, c, lifecycle.SettledAt ?? _asOf);
        c.PetitionCount = petitions.Count;
        c.HighLevelPetitionCount = petitions.Count(p => p.Level >= PetitionLevel.Province);
        c.LastPetitionAt = petitions.Max(p => p.ReceivedAt);
        c.PetitionKeyClass = KeyClassRules.Default.FromPetitions(petitions);
        c.Version = history.Count;
        batch.Cases.Add(c);
        batch.Events.AddRange(history.OrderBy(e => e.At));
        AddPetitioners(batch, ids, c, village, petitions[0].PeopleCount);
        AddAssignments(batch, ids, c, lifecycle);
        AddActivities(batch, ids, c, lifecycle);
    }

    private List<Petition> GeneratePetitions(SeedBatch batch, IdCounters ids, Case c, DateTime until)
    {
        var backlog = c.BacklogSince is not null;
        var first = NewPetition(ids, c, c.OpenedAt, isFirst: true, escalated: false);
        var petitions = new List<Petition> { first };
        var repeats = backlog ? _r.Next(1, 9) : (_r.NextDouble() < 0.3 ? _r.Next(1, 3) : 0);
        var heavyNational = backlog && _r.NextDouble() < 0.03;
        if (heavyNational)
        {
            repeats += 10;
        }
        var span = Math.Max(1, (until - c.OpenedAt).TotalDays);
        for (var i = 0; i < repeats; i++)
        {
            var at = c.OpenedAt + Days(_r.NextDouble() * span);
            var petition = NewPetition(ids, c, at < _asOf ? at : _asOf - Day, isFirst: false, escalated: backlog);
            if (heavyNational && i < 10)
            {
                petition.Level = PetitionLevel.National;
            }
            petitions.Add(petition);
        }
        batch.Petitions.AddRange(petitions.OrderBy(p => p.ReceivedAt));
        return petitions;
    }

    private Petition NewPetition(IdCounters ids, Case c, DateTime at, bool isFirst, bool escalated)
    {
        var roll = _r.NextDouble();
        var level = escalated
            ? roll switch { < 0.45 => PetitionLevel.Town, < 0.70 => PetitionLevel.District, < 0.83 => PetitionLevel.City, < 0.94 => PetitionLevel.Province, _ => PetitionLevel.National }
            : roll switch { < 0.85 => PetitionLevel.Town, < 0.93 => PetitionLevel.District, < 0.97 => PetitionLevel.City, < 0.99 => PetitionLevel.Province, _ => PetitionLevel.National };
        var channel = _r.NextDouble() switch { < 0.20 => Channel.Letter, < 0.55 => Channel.Visit, < 0.70 => Channel.Phone, < 0.90 => Channel.Online, _ => Channel.MobileApp };
        var collective = _r.NextDouble() < 0.06;
        return new Petition
        {
            Id = ++ids.Petition,
            CaseId = c.Id,
            ReceivedAt = at,
            Channel = channel,
            Level = level,
            PeopleCount = collective ? _r.Next(5, 31) : 1,
            ReferredFrom = level == PetitionLevel.Town && _r.NextDouble() < 0.08 ? (_r.NextDouble() < 0.8 ? PetitionLevel.District : PetitionLevel.City) : null,
            IsFirst = isFirst,
        };
    }

    private void AddPetitioners(SeedBatch batch, IdCounters ids, Case c, Village village, int peopleCount)
    {
        var count = peopleCount >= 5 ? _r.Next(3, 7) : (_r.NextDouble() < 0.12 ? 2 : 1);
        for (var i = 0; i < count; i++)
        {
            Petitioner person;
            if (_recentPetitioners.Count > 50 && _r.NextDouble() < 0.12)
            {
                person = _recentPetitioners[_r.Next(_recentPetitioners.Count)];
                if (batch.CasePetitioners.Any(cp => cp.CaseId == c.Id && cp.PetitionerId == person.Id))
                {
                    continue;
                }
            }
            else
            {
                var birth = new DateTime(1950, 1, 1).AddDays(_r.Next(0, 365 * 55));
                person = new Petitioner
                {
                    Id = ++ids.Petitioner,
                    Name = _names.PersonName(),
                    IdNumber = _names.IdNumber(birth),
                    Phone = _names.Phone(),
                    Address = _names.Address(_town, village.Name),
                    VillageId = village.Id,
                };
                batch.Petitioners.Add(person);
                Remember(person);
            }
            batch.CasePetitioners.Add(new CasePetitioner { CaseId = c.Id, PetitionerId = person.Id });
        }
    }

    private void Remember(Petitioner person)
    {
        if (_recentPetitioners.Count < 2000)
        {
            _recentPetitioners.Add(person);
        }
        else
        {
            _recentPetitioners[_r.Next(_recentPetitioners.Count)] = person;
        }
    }

    private void AddAssignments(SeedBatch batch, IdCounters ids, Case c, Lifecycle life)
    {
        if (life.AcceptedAt is not { } accepted || (c.BacklogSince is null && _r.NextDouble() > 0.15))
        {
            return;
        }
        var from = c.BacklogSince is { } since && since > accepted ? since : accepted;
        var to = life.SettledAt;
        var leads = _r.NextDouble() < 0.2 ? 2 : 1;
        foreach (var leader in _townLeaders.OrderBy(_ => _r.Next()).Take(leads))
        {
            batch.Assignments.Add(new LeaderAssignment { Id = ++ids.Assignment, CaseId = c.Id, LeaderId = leader.Id, Role = AssignmentRole.TownLead, From = from, To = to });
        }
        if (_villageLeaders.TryGetValue(c.VillageId, out var local))
        {
            batch.Assignments.Add(new LeaderAssignment { Id = ++ids.Assignment, CaseId = c.Id, LeaderId = local.Id, Role = AssignmentRole.VillageLead, From = from, To = to });
        }
    }

    private void AddActivities(SeedBatch batch, IdCounters ids, Case c, Lifecycle life)
    {
        if (c.BacklogSince is not { } since)
        {
            return;
        }
        var until = life.SettledAt ?? _asOf;
        var count = _r.Next(2, 7);
        for (var i = 0; i < count; i++)
        {
            var kind = (ActivityKind)_r.Next(0, 7);
            var at = since + Days(_r.NextDouble() * Math.Max(1, (until - since).TotalDays));
            batch.Activities.Add(new CaseActivity
            {
                Id = ++ids.Activity,
                CaseId = c.Id,
                At = at < _asOf ? at : _asOf - Day,
                Kind = kind,
                Summary = ActivitySummaries[(int)kind],
                Actor = "任务专班",
            });
        }
    }

    private static readonly string[] ActivitySummaries =
    [
        "召开协调会，形成会办纪要", "再次书面答复信访人", "组织双方协商调处", "召开评查听证会并形成结论",
        "完成网上信访登记", "上门走访信访人，了解诉求", "协助申请临时救助",
    ];

    /// <summary>Walks one case through its lifecycle up to the generator's "as of" instant.</summary>
    private sealed class Lifecycle(CaseGenerator g, Case c, Action<CaseEventKind, DateTime, string?> add, SeedBatch batch, IdCounters ids)
    {
        private DateTime? _overdueAt;
        private DateTime _lastAt = c.OpenedAt;

        private void Add(CaseEventKind kind, DateTime at, string? note)
        {
            add(kind, at, note);
            _lastAt = at > _lastAt ? at : _lastAt;
        }

        public DateTime? AcceptedAt { get; private set; }
        public DateTime? SettledAt { get; private set; }

        public void Run()
        {
            Decide();
            var designatedAt = AcceptedAt is not null && g._r.NextDouble() < 0.06 ? c.OpenedAt + Days(g._r.Next(20, 300)) : (DateTime?)null;
            if (designatedAt is { } d && d < g._asOf && (SettledAt is null || d < SettledAt))
            {
                Add(CaseEventKind.DesignatedBacklog, d, "上级交办积案清单");
                _overdueAt = _overdueAt is { } o && o < d ? o : d;
            }
            if (_overdueAt is { } entered && entered < g._asOf && (SettledAt is null || entered < SettledAt))
            {
                c.BacklogSince = entered;
                c.BacklogUntil = SettledAt;
                if (SettledAt is null && AcceptedAt is not null && g._r.NextDouble() < 0.55)
                {
                    var candidate = entered + Days(g._r.Next(30, 700));
                    Resolve(candidate > _lastAt ? candidate : _lastAt + Days(g._r.Next(1, 60)));
                    c.BacklogUntil = SettledAt;
                }
            }
        }

        private bool Before(DateTime at) => at < g._asOf;

        private void Decide()
        {
            var late = g._r.NextDouble() < 0.1;
            var decideAt = c.OpenedAt + Days(late ? 15.5 + g._r.NextDouble() * 15 : 0.5 + g._r.NextDouble() * 13.5);
            if (!Before(decideAt))
            {
                Overdue(c.AcceptDueAt);
                return;
            }
            if (!late && g._r.NextDouble() < 0.07)
            {
                Add(CaseEventKind.Declined, decideAt, "不属于本机关职权范围，已告知向有权机关提出");
                c.Status = CaseStatus.Declined;
                return;
            }
            if (late)
            {
                Overdue(c.AcceptDueAt);
            }
            Add(CaseEventKind.Accepted, decideAt, null);
            AcceptedAt = decideAt;
            c.AcceptedAt = decideAt;
            c.Status = CaseStatus.Accepted;
            c.ConcludeDueAt = decideAt + 60 * Day;
            Handle(decideAt);
        }

        private void Handle(DateTime acceptedAt)
        {
            DateTime? extendedAt = null;
            if (g._r.NextDouble() < 0.1 && Before(acceptedAt + 40 * Day))
            {
                extendedAt = acceptedAt + Days(g._r.Next(30, 55));
                Add(CaseEventKind.Extended, extendedAt.Value, "情况复杂，经批准延期30日");
                c.ConcludeDueAt += 30 * Day;
            }
            var due = c.ConcludeDueAt!.Value;
            var concludeAt = g._r.NextDouble() < 0.12
                ? due + Days(1 + g._r.NextDouble() * 200)
                : acceptedAt + Days(10 + g._r.NextDouble() * ((due - acceptedAt).TotalDays - 11));
            if (extendedAt is { } extended && concludeAt <= extended)
            {
                // An extension is granted for a conclusion still pending.
                concludeAt = extended + ((due - extended) / 2);
            }
            if (!Before(concludeAt))
            {
                Overdue(due);
                return;
            }
            if (concludeAt > due)
            {
                Overdue(due);
            }
            Add(CaseEventKind.Concluded, concludeAt, "出具处理意见书并书面答复");
            c.ConcludedAt = concludeAt;
            c.Status = CaseStatus.Concluded;
            Evaluate(concludeAt);
            var last = Review(concludeAt);
            if (SettledAt is null && g._r.NextDouble() < 0.8)
            {
                Resolve(last + Days(1 + g._r.NextDouble() * 90));
            }
        }

        private void Evaluate(DateTime repliedAt)
        {
            var at = repliedAt + Days(1 + g._r.NextDouble() * 28);
            if (g._r.NextDouble() < 0.75 && Before(at))
            {
                var result = g._r.NextDouble() switch { < 0.6 => EvaluationResult.Satisfied, < 0.85 => EvaluationResult.BasicallySatisfied, _ => EvaluationResult.Dissatisfied };
                batch.Evaluations.Add(new Evaluation { Id = ++ids.Evaluation, CaseId = c.Id, At = at, Result = result });
                add(CaseEventKind.Evaluated, at, result.ToString());
            }
        }

        private DateTime Review(DateTime repliedAt)
        {
            if (g._r.NextDouble() >= 0.08)
            {
                return repliedAt;
            }
            var requested = repliedAt + Days(1 + g._r.NextDouble() * 28);
            var answered = requested + Days(5 + g._r.NextDouble() * 24);
            if (!Before(answered))
            {
                return repliedAt;
            }
            Add(CaseEventKind.ReviewRequested, requested, null);
            Add(CaseEventKind.Reviewed, answered, "复查维持原处理意见");
            c.Status = CaseStatus.Reviewed;
            if (g._r.NextDouble() >= 0.35)
            {
                return answered;
            }
            var again = answered + Days(1 + g._r.NextDouble() * 28);
            var final = again + Days(5 + g._r.NextDouble() * 24);
            if (!Before(final))
            {
                return answered;
            }
            Add(CaseEventKind.ReReviewRequested, again, null);
            Add(CaseEventKind.ReReviewed, final, "复核维持复查意见");
            c.Status = CaseStatus.SecondReviewed;
            var terminateAt = final + Days(1 + g._r.NextDouble() * 10);
            if (g._r.NextDouble() < 0.6 && Before(terminateAt))
            {
                Add(CaseEventKind.Terminated, terminateAt, "复核终结，同一事实不再受理");
                c.Status = CaseStatus.Terminated;
                c.TerminatedAt = terminateAt;
                SettledAt = terminateAt;
            }
            return final;
        }

        private void Resolve(DateTime at)
        {
            if (!Before(at))
            {
                return;
            }
            Add(CaseEventKind.Resolved, at, "诉求合理的解决到位，停访息诉");
            c.Status = CaseStatus.Resolved;
            c.ResolvedAt = at;
            SettledAt = at;
        }

        private void Overdue(DateTime dueAt)
        {
            if (dueAt < g._asOf && (_overdueAt is null || dueAt < _overdueAt))
            {
                _overdueAt = dueAt;
            }
        }
    }
}
