using GraphQL.Types;

namespace PetitionGraph.Api.Statistics;

/// <summary>A rate with what it is made of, so that rates over groups or buckets can be added up correctly.</summary>
public sealed record Rate(int Numerator, int Denominator)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;
}

public sealed class RateType : ObjectGraphType<Rate>
{
    public RateType()
    {
        Name = "Rate";
        Description = "numerator ÷ denominator; value is null when nothing was counted (denominator 0).";
        Field(r => r.Numerator).Description("What met the condition (e.g. handled on time).");
        Field(r => r.Denominator).Description("What was counted (e.g. fell due in the bucket).");
        Field(r => r.Value, nullable: true).Description("A fraction between 0 and 1.");
    }
}
