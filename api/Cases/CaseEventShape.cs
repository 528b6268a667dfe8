using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Cases;

public sealed class CaseEventShape : QueryShape<CaseEvent>
{
    public CaseEventShape() : base("CaseEvent")
    {
        DateTime("at", e => e.At);
        Enum("kind", e => e.Kind);
        String("actor", e => e.Actor);
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
