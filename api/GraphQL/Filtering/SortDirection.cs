using System.ComponentModel;

namespace PetitionGraph.Api.GraphQL.Filtering;

public enum SortDirection
{
    [Description("Ascending: smallest, earliest or A first.")]
    Asc,
    [Description("Descending: largest, latest or Z first.")]
    Desc,
}
