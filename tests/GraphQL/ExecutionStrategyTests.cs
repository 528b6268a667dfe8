using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using PetitionGraph.Api.GraphQL.Execution;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>
/// QueryExecutionStrategy reads plain property fields as it builds their nodes. Whatever it reads, including nulls,
/// throwing getters and values a scalar cannot serialise, the response must be exactly GraphQL.NET's own serial
/// strategy's. No database: the strategy is tested on a small schema of its own.
/// </summary>
public sealed class ExecutionStrategyTests
{
    private const string Query = """
        { items {
            name count kind at note required throwing
            inner { name count }
            deepExpression label
            alias: name
            computed
        } }
        """;

    // Fragments, __typename and a field asked twice.
    private const string FragmentQuery = """
        query { items { __typename ...parts name inner { ...parts } label } }
        fragment parts on Item { name throwing deepExpression }
        """;

    // Directives send the strategy down GraphQL.NET's own path.
    private const string DirectiveQuery = """
        query { items { name @include(if: true) count @skip(if: true) inner { name } } }
        """;

    [Fact]
    public async Task Random_objects_give_the_same_response_as_the_serial_strategy()
    {
        var random = new Random(20261128);
        for (var round = 0; round < 200; round++)
        {
            var items = Enumerable.Range(0, random.Next(0, 6)).Select(_ => Item.Random(random)).ToList();
            foreach (var query in (string[])[Query, FragmentQuery, DirectiveQuery])
            {
                var ours = await ExecuteAsync(new QueryExecutionStrategy(), items, query);
                var theirs = await ExecuteAsync(new SerialExecutionStrategy(), items, query);
                Assert.Equal(theirs, ours);
            }
        }
    }

    [Fact]
    public async Task A_throwing_getter_and_a_null_for_a_non_null_field_are_reported_as_before()
    {
        Item[] items = [new() { Name = "甲", Count = 1, Kind = Kind.Open, Required = null, Throw = true }];
        var ours = await ExecuteAsync(new QueryExecutionStrategy(), items);
        Assert.Equal(await ExecuteAsync(new SerialExecutionStrategy(), items), ours);
        Assert.Contains("\"path\":[\"items\",0,\"throwing\"]", ours, StringComparison.Ordinal);
        Assert.Contains("\"path\":[\"items\",0,\"required\"]", ours, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_scalar_read_straight_from_a_property_of_the_source_is_read_directly()
    {
        var schema = new TestSchema([]);
        schema.Initialize();
        var item = (IComplexGraphType)schema.AllTypes["Item"]!;
        var direct = item.Fields.Where(f => PropertyRead.For(f) is not null).Select(f => f.Name).Order().ToList();
        // not: inner (an object), computed and deep (resolvers of their own), withArgument (takes an argument)
        Assert.Equal(["at", "count", "deepExpression", "kind", "label", "name", "note", "required", "throwing"], direct);
    }

    private static async Task<string> ExecuteAsync(IExecutionStrategy strategy, IReadOnlyList<Item> items, string query = Query)
    {
        var executer = new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(strategy, OperationType.Query)]), []);
        var result = await executer.ExecuteAsync(o =>
        {
            o.Schema = new TestSchema(items);
            o.Query = query;
        });
        return new GraphQLSerializer().Serialize(result);
    }

    public enum Kind
    {
        Open,
        Closed,
    }

    public sealed class Item
    {
        public string Name { get; init; } = "";
        public int Count { get; init; }
        public Kind Kind { get; init; }
        public DateTime? At { get; init; }
        public string? Note { get; init; }
        public string? Required { get; init; }
        public bool Throw { get; init; }
        public string Throwing => Throw ? throw new InvalidOperationException("the getter failed") : "fine";
        public Item? Inner { get; init; }

        public static Item Random(Random random) => new()
        {
            Name = random.Next(4) == 0 ? "" : $"名{random.Next(1000)}",
            Count = random.Next(-5, 5),
            // Not a declared member: the enum type cannot serialise it.
            Kind = (Kind)random.Next(0, 3),
            At = random.Next(3) == 0 ? null : new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(100000)),
            Note = random.Next(2) == 0 ? null : "备注",
            Required = random.Next(5) == 0 ? null : "有",
            Throw = random.Next(6) == 0,
            Inner = random.Next(2) == 0 ? null : new Item { Name = "内", Count = random.Next(10) },
        };
    }

    private sealed class KindType : EnumerationGraphType<Kind>;

    private sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            Field(x => x.Name);
            Field(x => x.Count);
            Field(x => x.Kind, type: typeof(NonNullGraphType<KindType>));
            Field(x => x.At, nullable: true);
            Field(x => x.Note, nullable: true);
            Field(x => x.Required, type: typeof(NonNullGraphType<StringGraphType>));
            Field(x => x.Throwing);
            Field(x => x.Inner, type: typeof(ItemType));
            Field<StringGraphType>("deep").Resolve(c => c.Source.Inner?.Name);
            Field("deepExpression", x => x.Inner!.Name, nullable: true);
            Field<IntGraphType>("computed").Resolve(c => c.Source.Count * 2);
            Field<NonNullGraphType<StringGraphType>>("label").Resolve(new SourceResolver<Item, string>(x => x.Throw ? throw new InvalidOperationException("no label") : $"{x.Name}#{x.Count}"));
            Field("withArgument", x => x.Name).Argument<IntGraphType>("n");
        }
    }

    private sealed class TestSchema : Schema
    {
        public TestSchema(IReadOnlyList<Item> items)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<ListGraphType<ItemType>>("items").Resolve(_ => items);
            Query = query;
        }
    }
}
