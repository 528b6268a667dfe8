using System.Text.Json;
using GraphQL.Types;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>
/// Only the columns a query needs are read. Every field of every object type must give the same value when
/// asked for alone as when asked for with all the others — a field that forgot to declare a column it reads
/// would come back empty here.
/// </summary>
public abstract class ProjectionTests(TestHost host)
{
    public static TheoryData<string, string> Lists() => new()
    {
        { "cases", "Case" },
        { "petitions", "Petition" },
        { "petitioners", "Petitioner" },
        { "leaders", "Leader" },
        { "villages", "Village" },
        { "categories", "Category" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_field_alone_equals_the_field_among_all(string list, string typeName)
    {
        var type = Type(typeName);
        var all = await NodesAsync(list, string.Join(' ', type.Fields.Select(Selection)));
        foreach (var field in type.Fields)
        {
            var alone = await NodesAsync(list, Selection(field));
            for (var i = 0; i < alone.Count; i++)
            {
                Assert.True(
                    JsonElement.DeepEquals(all[i].GetProperty(field.Name), alone[i].GetProperty(field.Name)),
                    $"{typeName}.{field.Name}: alone {alone[i].GetProperty(field.Name)}, with all {all[i].GetProperty(field.Name)}");
            }
        }
    }

    [Theory]
    [InlineData("assignments", "LeaderAssignment")]
    [InlineData("plan", "CasePlanStep")]
    [InlineData("activities", "CaseActivity")]
    [InlineData("evaluations", "Evaluation")]
    public async Task Every_field_of_a_nested_type_alone_equals_the_field_among_all(string relation, string typeName)
    {
        var type = Type(typeName);
        var all = await NestedAsync(relation, string.Join(' ', type.Fields.Select(Selection)));
        foreach (var field in type.Fields)
        {
            var alone = await NestedAsync(relation, Selection(field));
            Assert.Equal(all.Count, alone.Count);
            for (var i = 0; i < alone.Count; i++)
            {
                Assert.True(JsonElement.DeepEquals(all[i].GetProperty(field.Name), alone[i].GetProperty(field.Name)), $"{typeName}.{field.Name}");
            }
        }
    }

    private IComplexGraphType Type(string name)
    {
        var schema = host.Services.GetRequiredService<PetitionSchema>();
        schema.Initialize();
        return (IComplexGraphType)schema.AllTypes[name]!;
    }

    private static string Selection(FieldType field)
    {
        var type = field.ResolvedType!;
        while (type is IProvideResolvedType wrapper)
        {
            type = wrapper.ResolvedType!;
        }
        return type switch
        {
            IComplexGraphType complex when complex.Name.EndsWith("Connection", StringComparison.Ordinal) => $"{field.Name}(first: 3) {{ totalCount nodes {{ id }} }}",
            IComplexGraphType => $"{field.Name} {{ id }}",
            _ => field.Name,
        };
    }

    private async Task<List<JsonElement>> NodesAsync(string list, string selection)
    {
        var data = await host.Client.QueryAsync($"{{ {list}(first: 40) {{ nodes {{ {selection} }} }} }}");
        return data.GetProperty(list).GetProperty("nodes").EnumerateArray().ToList();
    }

    private async Task<List<JsonElement>> NestedAsync(string relation, string selection)
    {
        var data = await host.Client.QueryAsync($"{{ cases(first: 100, where: {{ {Filter(relation)} }}) {{ nodes {{ {relation} {{ {selection} }} }} }} }}");
        return data.GetProperty("cases").GetProperty("nodes").EnumerateArray().SelectMany(n => n.GetProperty(relation).EnumerateArray()).ToList();
    }

    private static string Filter(string relation) => relation switch
    {
        "assignments" => "assignments: { any: true }",
        "evaluations" => "evaluations: { any: true }",
        _ => "",
    };
}

[Collection(SqliteCollection.Name)]
public sealed class ProjectionTestsOnSqlite(SqliteHost host) : ProjectionTests(host);

[Collection(PostgresCollection.Name)]
public sealed class ProjectionTestsOnPostgres(PostgresHost host) : ProjectionTests(host);
