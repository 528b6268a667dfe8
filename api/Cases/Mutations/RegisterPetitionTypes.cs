using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Cases.Mutations;

public sealed class PetitionerInputType : InputObjectGraphType
{
    public PetitionerInputType()
    {
        Name = "PetitionerInput";
        Description = "A petitioner: matched to an existing one by ID number when given, otherwise added. Personal data.";
        AddField(new FieldType { Name = "name", Type = typeof(NonNullGraphType<StringGraphType>) });
        AddField(new FieldType { Name = "idNumber", Type = typeof(StringGraphType), Description = "18-character resident ID number." });
        AddField(new FieldType { Name = "phone", Type = typeof(StringGraphType) });
        AddField(new FieldType { Name = "address", Type = typeof(StringGraphType) });
        AddField(new FieldType { Name = "villageCode", Type = typeof(StringGraphType), Description = "Where the petitioner lives, if in the town." });
    }
}

public sealed class RegisterPetitionInputType : InputObjectGraphType
{
    public RegisterPetitionInputType()
    {
        Name = "RegisterPetitionInput";
        Description = "A petition as received. Without caseNumber it opens a new case (初信初访); with one it is a repeat petition on that case.";
        Add("caseNumber", typeof(StringGraphType), "An existing case this petition repeats (重复信访).");
        Add("receivedAt", typeof(NonNullGraphType<DateTimeScalar>), "When it was received; deadlines run from here.");
        Add("channel", typeof(NonNullGraphType<EnumType<Channel>>), "Letter, visit, phone, online, mobile app.");
        Add("level", typeof(EnumType<PetitionLevel>), "Where it was registered (TOWN by default).");
        Add("peopleCount", typeof(IntGraphType), "People who came or signed (1 by default); 5 or more is collective.");
        Add("referredFrom", typeof(EnumType<PetitionLevel>), "交办: the higher office that referred it down.");
        Add("title", typeof(StringGraphType), "New case: a short title.");
        Add("demand", typeof(StringGraphType), "New case: what the petitioners ask for (诉求).");
        Add("categoryCode", typeof(StringGraphType), "New case: the domain category's code (e.g. LAND).");
        Add("villageCode", typeof(StringGraphType), "New case: the village or community concerned.");
        Add("petitioners", typeof(ListGraphType<NonNullGraphType<PetitionerInputType>>), "New case: at least one. Repeat: added to the case if new to it.");
        Add("accusesLeaderIds", typeof(ListGraphType<NonNullGraphType<IdGraphType>>),
            "Leaders the petition accuses (or whose unit it accuses): the case is never visible to their accounts (Art. 30).");
        Add("idempotencyKey", typeof(StringGraphType), "A retry by the same caller with the same key returns the first result and creates nothing. Keys are per caller.");
    }

    private void Add(string name, Type type, string description) =>
        AddField(new FieldType { Name = name, Type = type, Description = description });
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
