namespace PetitionGraph.Api.Data;

/// <summary>Every stored row has a surrogate integer key; global GraphQL ids wrap it.</summary>
public interface IEntity
{
    int Id { get; }
}
