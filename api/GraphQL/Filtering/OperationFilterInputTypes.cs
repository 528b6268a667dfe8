using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>Operators on one scalar field, in the familiar Hot Chocolate shape.</summary>
public abstract class OperationFilterInputType : InputObjectGraphType
{
    protected OperationFilterInputType(string name, Type scalar, bool ordered)
    {
        Name = name;
        Description = $"Conditions on one {name[..^"OperationFilterInput".Length]} value; every condition given must hold.";
        Add("eq", scalar, "Equal to (null: has no value).");
        Add("neq", scalar, "Not equal to (null: has a value).");
        Add("in", typeof(ListGraphType<>).MakeGenericType(scalar), "One of.");
        Add("nin", typeof(ListGraphType<>).MakeGenericType(scalar), "None of.");
        if (ordered)
        {
            Add("gt", scalar, "Greater than.");
            Add("gte", scalar, "Greater than or equal to.");
            Add("lt", scalar, "Less than.");
            Add("lte", scalar, "Less than or equal to.");
        }
    }

    protected void Add(string name, Type type, string description) =>
        AddField(new FieldType { Name = name, Type = type, Description = description });
}

public sealed class StringOperationFilterInputType : OperationFilterInputType
{
    public StringOperationFilterInputType() : base("StringOperationFilterInput", typeof(StringGraphType), ordered: false)
    {
        Add("contains", typeof(StringGraphType), "Contains the text.");
        Add("ncontains", typeof(StringGraphType), "Does not contain the text.");
        Add("startsWith", typeof(StringGraphType), "Starts with the text.");
        Add("endsWith", typeof(StringGraphType), "Ends with the text.");
    }
}

public sealed class IdOperationFilterInputType()
    : OperationFilterInputType("IDOperationFilterInput", typeof(IdGraphType), ordered: false);

public sealed class IntOperationFilterInputType()
    : OperationFilterInputType("IntOperationFilterInput", typeof(IntGraphType), ordered: true);

public sealed class DateTimeOperationFilterInputType()
    : OperationFilterInputType("DateTimeOperationFilterInput", typeof(DateTimeScalar), ordered: true);

/// <summary>The Int operators on a number counted from a baseline date, which the filter must give.</summary>
public sealed class BaselineIntOperationFilterInputType : OperationFilterInputType
{
    public BaselineIntOperationFilterInputType() : base("BaselineIntOperationFilterInput", typeof(IntGraphType), ordered: true)
    {
        Description = "Conditions on a number counted from a baseline date: give since, and any of the Int operators.";
        Add("since", typeof(NonNullGraphType<DateTimeScalar>), "基准日: count from this instant (e.g. the campaign's baselineAt).");
    }
}

public sealed class BooleanOperationFilterInputType : InputObjectGraphType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        Description = "Conditions on one Boolean value.";
        AddField(new FieldType { Name = "eq", Type = typeof(BooleanGraphType), Description = "Equal to." });
        AddField(new FieldType { Name = "neq", Type = typeof(BooleanGraphType), Description = "Not equal to." });
    }
}

public sealed class EnumOperationFilterInputType<TEnum>()
    : OperationFilterInputType(typeof(TEnum).Name + "OperationFilterInput", typeof(EnumType<TEnum>), ordered: false)
    where TEnum : Enum;
