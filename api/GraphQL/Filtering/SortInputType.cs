using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL.Filtering;

public sealed class SortEnumType : EnumerationGraphType<SortDirection>
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "Direction of one sort key. Rows without a value sort last either way.";
    }
}

/// <summary>The <c>order:</c> input of an entity: scalar fields and to-one relations.</summary>
public sealed class SortInputType<T> : InputObjectGraphType where T : class
{
    public SortInputType()
    {
        var shape = Shapes.For<T>();
        Name = shape.TypeName + "SortInput";
        foreach (var field in shape.Fields)
        {
            var type = field switch
            {
                ScalarShapeField { Sortable: true } => typeof(SortEnumType),
                RelationShapeField r => typeof(SortInputType<>).MakeGenericType(r.Target),
                _ => null,
            };
            if (type is not null)
            {
                AddField(new FieldType { Name = field.Name, Type = type, Description = field.Description });
            }
        }
    }
}
