using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Cases;

public sealed class CaseEventShape : QueryShape<CaseEvent>
{
    public CaseEventShape() : base("CaseEvent")
    {
        DateTime("at", e => e.At);
        Enum("kind", e => e.Kind);
        String("actor", e => e.Actor);
        String("note", e => e.Note, "The note given with the step; a ledger import registers its cases with 台账导入: FILE.", sortable: false);
    }
}

public sealed class EvaluationShape : QueryShape<Evaluation>
{
    public EvaluationShape() : base("Evaluation")
    {
        DateTime("at", e => e.At);
        Enum("result", e => e.Result);
    }
}
