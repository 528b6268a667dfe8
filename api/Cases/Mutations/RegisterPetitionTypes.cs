using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>A petitioner: matched to an existing one by ID number when given, otherwise added. Personal data.</summary>
public sealed record PetitionerInput(string Name, string? IdNumber, string? Phone, string? Address, string? VillageCode);

public sealed class PetitionerInputType : InputObjectGraphType<PetitionerInput>
{
    public PetitionerInputType()
    {
        Name = "PetitionerInput";
        Description = "A petitioner: matched to an existing one by ID number when given, otherwise added. Personal data.";
        Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("姓名: the petitioner's name.");
        Field(x => x.IdNumber, type: typeof(StringGraphType)).Description("18-character resident ID number.");
        Field(x => x.Phone, type: typeof(StringGraphType)).Description("联系电话: a phone number to reach the petitioner.");
        Field(x => x.Address, type: typeof(StringGraphType)).Description("住址: where the petitioner lives.");
        Field(x => x.VillageCode, type: typeof(StringGraphType)).Description("Where the petitioner lives, if in the town.");
    }
}

/// <summary>A petition as received: a new case (初信初访) without <see cref="CaseNumber"/>, a repeat petition with one.</summary>
public sealed record RegisterPetitionInput(
    string? CaseNumber, DateTime ReceivedAt, Channel Channel, PetitionLevel? Level, int? PeopleCount, PetitionLevel? ReferredFrom,
    string? Title, string? Demand, string? CategoryCode, string? VillageCode, IReadOnlyList<PetitionerInput>? Petitioners,
    IReadOnlyList<string>? AccusesLeaderIds, string? IdempotencyKey, string? CorrectionReason = null);

public sealed class RegisterPetitionInputType : InputObjectGraphType<RegisterPetitionInput>
{
    public RegisterPetitionInputType()
    {
        Name = "RegisterPetitionInput";
        Description = "A petition as received. Without caseNumber it opens a new case (初信初访); with one it is a repeat petition on that case.";
        Field(x => x.CaseNumber, type: typeof(StringGraphType)).Description("An existing case this petition repeats (重复信访).");
        Field(x => x.ReceivedAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When it was received; deadlines run from here.");
        Field(x => x.Channel, type: typeof(NonNullGraphType<EnumType<Channel>>)).Description("Letter, visit, phone, online, mobile app.");
        Field(x => x.Level, type: typeof(EnumType<PetitionLevel>)).Description("Where it was registered (TOWN by default).");
        Field(x => x.PeopleCount, type: typeof(IntGraphType)).Description("People who came or signed (1 by default); 5 or more is collective.");
        Field(x => x.ReferredFrom, type: typeof(EnumType<PetitionLevel>)).Description("交办: the higher office that referred it down.");
        Field(x => x.Title, type: typeof(StringGraphType)).Description("New case: a short title.");
        Field(x => x.Demand, type: typeof(StringGraphType)).Description("New case: what the petitioners ask for (诉求).");
        Field(x => x.CategoryCode, type: typeof(StringGraphType)).Description("New case: the domain category's code (e.g. LAND).");
        Field(x => x.VillageCode, type: typeof(StringGraphType)).Description("New case: the village or community concerned.");
        Field(x => x.Petitioners, type: typeof(ListGraphType<NonNullGraphType<PetitionerInputType>>))
            .Description("New case: at least one. Repeat: added to the case if new to it.");
        Field(x => x.AccusesLeaderIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>))
            .Description("Leaders the petition accuses (or whose unit it accuses): the case is never visible to their accounts (Art. 30).");
        Field(x => x.IdempotencyKey, type: typeof(StringGraphType))
            .Description("A retry by the same caller with the same key returns the first result and creates nothing. Keys are per caller.");
        Field(x => x.CorrectionReason, type: typeof(StringGraphType))
            .Description("更正原因: required when receivedAt lies before the end of a closed period (its report was published); the petition is then recorded as a correction that later reports list.");
    }
}

/// <summary>The case the petition opened or repeats, and the petition itself — unless the case is hidden from the caller.</summary>
public sealed record RegisterPetitionPayload(Case? Case, Petition? Petition, IReadOnlyList<UserError> UserErrors, bool Recorded, bool HiddenFromCaller = false);

public sealed class RegisterPetitionPayloadType : ObjectGraphType<RegisterPetitionPayload>
{
    public RegisterPetitionPayloadType()
    {
        Name = "RegisterPetitionPayload";
        Field<CaseType>("case").Description("The case opened or repeated; null when refused or hidden from you.").Resolve(c => c.Source.Case);
        Field<PetitionType>("petition").Description("The petition recorded; null when refused or hidden from you.").Resolve(c => c.Source.Petition);
        Field<NonNullGraphType<BooleanGraphType>>("recorded").Description("登记成功: the petition is recorded (now, or by the first request with this idempotencyKey).")
            .Resolve(c => c.Source.Recorded);
        Field<NonNullGraphType<BooleanGraphType>>("hiddenFromYou")
            .Description("The petition was recorded, but its case accuses the leader your account belongs to, so it is not shown to you (信访工作条例 Art. 30).")
            .Resolve(c => c.Source.HiddenFromCaller);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
