using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>The <c>where:</c> input of an entity, generated from its <see cref="QueryShape{T}"/>.</summary>
public sealed class FilterInputType<T> : InputObjectGraphType where T : class
{
    public FilterInputType()
    {
        var shape = Shapes.For<T>();
        Name = shape.TypeName + "FilterInput";
        Description = $"Filter on {shape.TypeName}: every field given must match; combine with and, or, not.";
        Add("and", typeof(ListGraphType<NonNullGraphType<FilterInputType<T>>>), "All of these match.");
        Add("or", typeof(ListGraphType<NonNullGraphType<FilterInputType<T>>>), "At least one of these matches.");
        Add("not", typeof(FilterInputType<T>), "This does not match.");
        foreach (var field in shape.Fields)
        {
            Add(field.Name, TypeOf(field), field.Description);
        }
    }

    private void Add(string name, Type type, string? description) =>
        AddField(new FieldType { Name = name, Type = type, Description = description });

    private static Type TypeOf(ShapeField field) => field switch
    {
        ScalarShapeField { Kind: ScalarKind.String } => typeof(StringOperationFilterInputType),
        ScalarShapeField { Kind: ScalarKind.Int } => typeof(IntOperationFilterInputType),
        ScalarShapeField { Kind: ScalarKind.DateTime } => typeof(DateTimeOperationFilterInputType),
        ScalarShapeField { Kind: ScalarKind.Boolean } => typeof(BooleanOperationFilterInputType),
        ScalarShapeField { Kind: ScalarKind.Enum } s =>
            typeof(EnumOperationFilterInputType<>).MakeGenericType(Nullable.GetUnderlyingType(s.ValueType) ?? s.ValueType),
        BaselineShapeField => typeof(BaselineIntOperationFilterInputType),
        IdShapeField => typeof(IdOperationFilterInputType),
        RelationShapeField r => typeof(FilterInputType<>).MakeGenericType(r.Target),
        ManyShapeField m => typeof(ListFilterInputType<>).MakeGenericType(m.Target),
        EnumSetShapeField e => typeof(EnumSetFilterInputType<>).MakeGenericType(e.EnumType),
        _ => throw new InvalidOperationException($"No filter type for {field.Name}."),
    };
}

/// <summary>Conditions on a computed set of enum values (e.g. the records a case misses).</summary>
public sealed class EnumSetFilterInputType<TEnum> : InputObjectGraphType where TEnum : Enum
{
    public EnumSetFilterInputType()
    {
        Name = typeof(TEnum).Name + "SetFilterInput";
        Description = $"Conditions on a set of {typeof(TEnum).Name} values: it is (not) empty, or it includes one.";
        AddField(new FieldType { Name = "any", Type = typeof(BooleanGraphType), Description = "true: the set has values; false: it is empty." });
        AddField(new FieldType { Name = "includes", Type = typeof(Scalars.EnumType<TEnum>), Description = "The set includes this value." });
    }
}

/// <summary>Quantifiers over a to-many relation.</summary>
public sealed class ListFilterInputType<T> : InputObjectGraphType where T : class
{
    public ListFilterInputType()
    {
        var shape = Shapes.For<T>();
        Name = $"ListFilterInputTypeOf{shape.TypeName}FilterInput";
        Description = $"Conditions on a list of {shape.TypeName} items: some, none or all of them match, or the list is (not) empty.";
        AddField(new FieldType { Name = "some", Type = typeof(FilterInputType<T>), Description = "At least one item matches." });
        AddField(new FieldType { Name = "none", Type = typeof(FilterInputType<T>), Description = "No item matches." });
        AddField(new FieldType { Name = "all", Type = typeof(FilterInputType<T>), Description = "Every item matches (true when there are none)." });
        AddField(new FieldType { Name = "any", Type = typeof(BooleanGraphType), Description = "true: has items; false: has none." });
    }
}
