using System.ComponentModel;
using System.Reflection;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace PetitionGraph.Api.GraphQL;

/// <summary>
/// Descriptions that follow from another one, written once: a filter or sort field says what the field it filters on
/// says, a mutation's input and payload say which mutation they belong to, and a change-feed kind named after a case
/// event says what the event says. Runs when the schema is initialised; a description written in code always wins.
/// </summary>
public sealed class DerivedDescriptions : BaseSchemaNodeVisitor
{
    public override void VisitSchema(ISchema schema)
    {
        foreach (var mutation in schema.Mutation?.Fields ?? [])
        {
            DescribeMutation(mutation);
        }
        foreach (var input in schema.AllTypes.OfType<IInputObjectGraphType>())
        {
            DescribeFilterOrSort(input, schema);
        }
        foreach (var value in schema.AllTypes.OfType<EnumerationGraphType>().SelectMany(e => e.Values).Where(v => v.Description is null && v.Value is Changes.ChangeKind))
        {
            // A feed entry named after a case event says what the event says.
            value.Description = typeof(Cases.CaseEventKind).GetField(value.Value!.ToString()!)?.GetCustomAttribute<DescriptionAttribute>()?.Description;
        }
    }

    private static void DescribeMutation(FieldType mutation)
    {
        foreach (var argument in mutation.Arguments ?? [])
        {
            if (argument.ResolvedType?.GetNamedType() is IInputObjectGraphType input)
            {
                argument.Description ??= $"What {mutation.Name} is to do; see {input.Name}.";
                input.Description ??= $"Input of {mutation.Name}. {mutation.Description}";
            }
        }
        if (mutation.ResolvedType?.GetNamedType() is not IObjectGraphType payload)
        {
            return;
        }
        payload.Description ??= $"Result of {mutation.Name}: what it changed, or userErrors saying why nothing changed. {mutation.Description}";
        foreach (var field in payload.Fields)
        {
            field.Description ??= field.Name == "userErrors"
                ? "Why nothing changed; empty when the mutation succeeded (then nothing else needs checking)."
                : $"The {field.Name} as it is after {mutation.Name}; null when the mutation was refused.";
        }
    }

    private static void DescribeFilterOrSort(IInputObjectGraphType input, ISchema schema)
    {
        var (entity, sort) = input.Name switch
        {
            var n when n.EndsWith("FilterInput", StringComparison.Ordinal) && !n.StartsWith("ListFilterInputTypeOf", StringComparison.Ordinal) => (n[..^"FilterInput".Length], false),
            var n when n.EndsWith("SortInput", StringComparison.Ordinal) => (n[..^"SortInput".Length], true),
            _ => ("", false),
        };
        if (entity.Length == 0 || schema.AllTypes[entity] is not IComplexGraphType output)
        {
            return;
        }
        if (sort)
        {
            input.Description ??= $"One sort key of a {entity} list: set exactly one field; give several keys in order of significance.";
        }
        foreach (var field in input.Fields)
        {
            field.Description ??= output.GetField(field.Name)?.Description;
        }
    }
}
