using GraphQL.Types;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>schema/schema.graphql is the published contract: it must be exactly what the code serves.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SchemaTests(SqliteHost host)
{
    private static readonly string SchemaFile = Path.Combine(RepositoryRoot.Path, "schema", "schema.graphql");

    [Fact]
    public void The_published_schema_is_up_to_date()
    {
        var printed = SchemaPrinter.Print(host.Services.GetRequiredService<PetitionSchema>());
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaFile, printed);
        }
        var published = File.Exists(SchemaFile) ? File.ReadAllText(SchemaFile).ReplaceLineEndings("\n") : "";
        Assert.True(printed == published,
            "schema/schema.graphql is stale. Regenerate it with `dotnet run --project api -- schema > schema/schema.graphql` " +
            "(or UPDATE_SCHEMA=1 dotnet test) and explain any breaking change in the commit message.");
    }

    [Fact]
    public void Personal_data_fields_are_marked_in_the_schema_metadata()
    {
        var schema = host.Services.GetRequiredService<PetitionSchema>();
        schema.Initialize();
        var petitioner = (IComplexGraphType)schema.AllTypes["Petitioner"]!;
        var marked = petitioner.Fields.Where(f => f.IsPersonalData()).Select(f => f.Name).Order().ToList();
        Assert.Equal(["address", "idNumber", "name", "phone"], marked);
        var unmarked = schema.AllTypes.OfType<IComplexGraphType>().Where(t => t.Name != "Petitioner")
            .SelectMany(t => t.Fields).Where(f => f.IsPersonalData());
        Assert.Empty(unmarked);
    }
}
