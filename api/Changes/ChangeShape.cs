using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Changes;

/// <summary>What the change feed can be filtered by: the kind, when, and the case (the cases query's own filter).</summary>
public sealed class ChangeShape : QueryShape<Change>
{
    public ChangeShape() : base("Change")
    {
        Enum("kind", c => c.Kind, "What happened.");
        DateTime("at", c => c.At, "When the change was committed.");
        String("entityType", c => c.EntityType, "Case, Petition, Village, Leader, Category or Campaign.");
        Relation<Case>("case", c => c.Case, "The case it concerns; changes to reference data have none.");
    }
}
