namespace PetitionGraph.Api.GraphQL.Filtering;

public enum SortDirection
{
    Asc,
    Desc,
}
