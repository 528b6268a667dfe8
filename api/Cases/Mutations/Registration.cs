using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Petitioners;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>The work of registerPetition inside its transaction: open a case or add a repeat petition to one.</summary>
internal sealed class Registration(
    PetitionDbContext db, AccessScope scope, RegisterPetitionInput input, IReadOnlyList<PetitionerInput> people, KeyClassRules keyClasses, TimeLimits limits, string actor, CancellationToken ct)
{
    private DateTime ReceivedAt => input.ReceivedAt;

    public async Task<(Case?, Petition?, UserError?)> OpenAsync(int year)
    {
        var error = Validate.Text("title", input.Title, 400) ?? Validate.Text("demand", input.Demand)
            ?? (people.Count == 0 ? UserError.Validation("petitioners", new Msg("新立案件至少需要一名信访人。", "A new case needs at least one petitioner.")) : null);
        if (error is not null)
        {
            return (null, null, error);
        }
        var categoryCode = input.CategoryCode?.Trim();
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Code == categoryCode && c.Active, ct);
        var villageCode = input.VillageCode?.Trim();
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Code == villageCode && v.Active, ct);
        if (category is null)
        {
            return (null, null, UserError.NotFound("categoryCode", new Msg($"没有代码为“{categoryCode}”的在用问题类别。", $"No active category with code '{categoryCode}'.")));
        }
        if (village is null)
        {
            return (null, null, UserError.NotFound("villageCode", new Msg($"没有代码为“{villageCode}”的在用村。", $"No active village with code '{villageCode}'.")));
        }
        if (!scope.MayOpenCaseIn(village.Code))
        {
            return (null, null, UserError.Forbidden("villageCode", new Msg(
                $"你的账号只能登记 {string.Join("、", scope.Caller!.Villages)} 村的信访，不能登记 {village.Code}。",
                $"Your account registers petitions for villages {string.Join(", ", scope.Caller!.Villages)} only, not {village.Code}.")));
        }
        var subject = new Case
        {
            Number = await CaseNumbers.NextAsync(db, year, ct),
            Title = input.Title!.Trim(),
            Demand = input.Demand!.Trim(),
            CategoryId = category.Id,
            VillageId = village.Id,
            OpenedAt = ReceivedAt,
        };
        subject.Events.Add(new CaseEvent { At = ReceivedAt, Kind = CaseEventKind.Registered, Actor = actor, Note = "初信初访" });
        db.Cases.Add(subject);
        return await AddPetitionAsync(subject, isFirst: true, village.Id);
    }

    public async Task<(Case?, Petition?, UserError?)> RepeatAsync(string number)
    {
        // The caller's scope decides, as for every read: a case outside it does not exist for this caller.
        var subject = await db.Cases.AsTracking().Where(scope.Cases).WithHistory().Include(c => c.Petitions).Include(c => c.Petitioners)
            .FirstOrDefaultAsync(c => c.Number == number, ct);
        if (subject is null)
        {
            return (null, null, UserError.NotFound("caseNumber", new Msg($"案件 {number} 不存在，或你无权为其登记信访。", $"There is no case {number} that you may add a petition to.")));
        }
        if (subject.Status == CaseStatus.Terminated)
        {
            return (null, null, UserError.InvalidState(new Msg(
                $"案件 {number} 已终结：同一事项、同一事实不再受理。",
                $"Case {number} is terminated (终结): the same matter on the same facts is not taken up again.")));
        }
        if (ReceivedAt < subject.OpenedAt)
        {
            return (null, null, UserError.Validation("receivedAt", new Msg(
                $"重复信访的收到时间不能早于该案首次信访（{subject.OpenedAt:yyyy-MM-dd}）。",
                $"A repeat petition cannot precede the case's first petition ({subject.OpenedAt:yyyy-MM-dd}).")));
        }
        return await AddPetitionAsync(subject, isFirst: false, subject.VillageId);
    }

    private async Task<(Case?, Petition?, UserError?)> AddPetitionAsync(Case subject, bool isFirst, int defaultVillage)
    {
        var petition = new Petition
        {
            ReceivedAt = ReceivedAt,
            Channel = input.Channel,
            Level = input.Level ?? PetitionLevel.Town,
            PeopleCount = input.PeopleCount ?? 1,
            ReferredFrom = input.ReferredFrom,
            IsFirst = isFirst,
        };
        subject.Petitions.Add(petition);
        foreach (var person in people)
        {
            var petitioner = await FindOrCreateAsync(person, defaultVillage);
            if (petitioner is null)
            {
                return (null, null, UserError.NotFound("petitioners.villageCode", new Msg($"没有代码为“{person.VillageCode}”的村。", $"No village with code '{person.VillageCode}'.")));
            }
            if (!subject.Petitioners.Any(cp => cp.Petitioner == petitioner || (petitioner.Id != 0 && cp.PetitionerId == petitioner.Id)))
            {
                subject.Petitioners.Add(new CasePetitioner { Case = subject, Petitioner = petitioner });
            }
        }
        if (await AccuseAsync(subject) is { } invalid)
        {
            return (null, null, invalid);
        }
        subject.PetitionCount = subject.Petitions.Count;
        subject.HighLevelPetitionCount = subject.Petitions.Count(p => p.Level >= PetitionLevel.Province);
        subject.LastPetitionAt = subject.Petitions.Max(p => p.ReceivedAt);
        CaseProjector.Project(subject, subject.Events, limits);
        subject.PetitionKeyClass = keyClasses.FromPetitions(subject.Petitions);
        subject.Version++;
        return (subject, petition, null);
    }

    /// <summary>Records the leaders a petition accuses; a repeat petition may add to them, never remove.</summary>
    private async Task<UserError?> AccuseAsync(Case subject)
    {
        foreach (var text in input.AccusesLeaderIds ?? [])
        {
            if (!GraphQL.Relay.GlobalId.TryDecode(text, out var type, out var leaderId) || type != "Leader" || !await db.Leaders.AnyAsync(l => l.Id == leaderId, ct))
            {
                return UserError.NotFound("accusesLeaderIds", new Msg($"领导 {text} 不存在。", $"There is no leader {text}."));
            }
            var known = subject.Id != 0 && await db.CaseAccusedLeaders.AnyAsync(a => a.CaseId == subject.Id && a.LeaderId == leaderId, ct);
            if (!known && !subject.AccusedLeaders.Any(a => a.LeaderId == leaderId))
            {
                subject.AccusedLeaders.Add(new CaseAccusedLeader { Case = subject, LeaderId = leaderId });
            }
        }
        return null;
    }

    /// <summary>
    /// The petitioner with this ID number among those the caller may already see, or a new one. Matching outside the
    /// caller's scope would link a stranger's record to a case the caller sees and so hand out their phone and address
    /// for an ID number: there the caller's own entry becomes a record of its own, and the office (which sees both) keeps
    /// the ID number that ties them.
    /// </summary>
    private async Task<Petitioner?> FindOrCreateAsync(PetitionerInput person, int defaultVillage)
    {
        var idNumber = person.IdNumber?.Trim();
        if (idNumber is not null)
        {
            var local = db.ChangeTracker.Entries<Petitioner>().Select(e => e.Entity).FirstOrDefault(p => p.IdNumber == idNumber);
            var existing = local ?? await db.Petitioners.AsTracking().Where(scope.For<Petitioner>()).OrderBy(p => p.Id)
                .FirstOrDefaultAsync(p => p.IdNumber == idNumber, ct);
            if (existing is not null)
            {
                return existing;
            }
        }
        var villageId = defaultVillage;
        if (person.VillageCode is { } code)
        {
            var village = await db.Villages.FirstOrDefaultAsync(v => v.Code == code.Trim(), ct);
            if (village is null)
            {
                return null;
            }
            villageId = village.Id;
        }
        return new Petitioner
        {
            Name = person.Name.Trim(),
            IdNumber = idNumber,
            Phone = person.Phone?.Trim(),
            Address = person.Address?.Trim(),
            VillageId = villageId,
        };
    }
}
