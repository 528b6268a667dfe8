using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Changes;

public sealed class ChangeType : ObjectGraphType<Change>
{
    public ChangeType()
    {
        Name = "Change";
        Description = "变更: one entry of the change feed — an event on a case, a repeat petition, or a change to reference data. " +
            "Sequences only grow and appear in commit order: resume after the last one you saw and you miss none, see none twice.";
        Field<NonNullGraphType<LongScalar>>("sequence").Description("The entry's place in the feed; strictly increasing.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<EnumType<ChangeKind>>>("kind").Description("What happened.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When the change was committed.").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("entityType").Description("What changed: Case, Petition, Village, Leader, Category or Campaign.")
            .Resolve(c => c.Source.EntityType);
        Field<NonNullGraphType<IdGraphType>>("entityId").Description("The global id of what changed (a case's for its events); look it up with node(id:).")
            .Resolve(c => GlobalId.Encode(c.Source.EntityType, c.Source.EntityId));
        Field<CaseType>("case").Reads(nameof(Change.CaseId)).Description("The case it concerns, as you may see it (names masked by your role); null for reference data.")
            .Resolve(c => c.Source.CaseId is { } id ? c.LoadById<Case>(id) : null);
        Field<CaseEventType>("event").Reads(nameof(Change.EventId)).Description("For a case event, the event itself (a row of the case's history).")
            .Resolve(c => c.Source.EventId is { } id ? c.LoadById<CaseEvent>(id) : null);
    }
}
