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

/// <summary>
/// Column projection reads only what each field declares: a field that computes from columns other than its own name
/// must say which (Reads), or it would get default values without anyone noticing.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ColumnDeclarationTests(SqliteHost host)
{
    [Fact]
    public void Every_field_of_an_entity_type_reads_its_own_column_or_declares_what_it_reads()
    {
        var schema = host.Services.GetRequiredService<PetitionSchema>();
        schema.Initialize();
        var entities = typeof(PetitionGraph.Api.Data.PetitionDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0]).ToDictionary(t => t.Name);
        var undeclared = new List<string>();
        var checkedFields = 0;
        // Read whole, never through column projection: campaigns with their phases and targets, report runs with their files.
        string[] loadedWhole = ["Campaign", "ReportRun", "ReportArtifact"];
        foreach (var type in schema.AllTypes.OfType<IObjectGraphType>().Where(t => entities.ContainsKey(t.Name) && !loadedWhole.Contains(t.Name)
            && t.GetType().BaseType is { IsGenericType: true } source && source.GetGenericArguments()[0] == entities[t.Name]))
        {
            var entity = entities[type.Name];
            foreach (var field in type.Fields.Where(f => f.Name != "id"))
            {
                checkedFields++;
                var declared = field.GetMetadata<string[]?>(PetitionGraph.Api.GraphQL.Projection.Columns.ReadsKey) is not null
                    || field.GetMetadata<string?>(PetitionGraph.Api.GraphQL.Projection.Columns.JoinKey) is not null;
                var own = entity.GetProperty(char.ToUpperInvariant(field.Name[0]) + field.Name[1..]) is { CanWrite: true } property && IsColumn(property.PropertyType);
                var many = Unwrap(field.ResolvedType!) is ListGraphType || Unwrap(field.ResolvedType!).Name.EndsWith("Connection", StringComparison.Ordinal);
                // Lists and connections are loaded by the row's id, which is always read; anything else reads columns.
                if (!declared && !own && !many)
                {
                    undeclared.Add($"{type.Name}.{field.Name}");
                }
            }
        }
        Assert.True(checkedFields > 80, $"{checkedFields} fields checked");
        Assert.True(undeclared.Count == 0, "Fields that read columns they do not declare (add .Reads(...)): " + string.Join(", ", undeclared));
    }

    private static IGraphType Unwrap(IGraphType type) => type is NonNullGraphType nonNull ? Unwrap(nonNull.ResolvedType!) : type;

    private static bool IsColumn(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(DateTime) || plain == typeof(decimal);
    }
}

/// <summary>
/// A district developer reads the schema in an IDE's documentation explorer: every type, field, argument, input field
/// and enum value says what it is — with the office's Chinese term where there is one.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class SchemaDescriptionTests(SqliteHost host)
{
    [Fact]
    public void Every_type_field_argument_input_field_and_enum_value_has_a_description()
    {
        var schema = host.Services.GetRequiredService<PetitionSchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            if (IsBuiltIn(type))
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                    {
                        missing.Add($"{type.Name}.{field.Name}");
                    }
                    foreach (var argument in field.Arguments ?? [])
                    {
                        if (string.IsNullOrWhiteSpace(argument.Description))
                        {
                            missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                        }
                    }
                }
            }
            if (type is EnumerationGraphType enumeration)
            {
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
            }
        }
        foreach (var directive in schema.Directives.Where(d => !IsBuiltInDirective(d.Name)))
        {
            if (string.IsNullOrWhiteSpace(directive.Description))
            {
                missing.Add("@" + directive.Name);
            }
            missing.AddRange((directive.Arguments ?? []).Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"@{directive.Name}({a.Name})"));
        }
        Assert.True(missing.Count == 0, $"{missing.Count} schema elements without a description:\n" + string.Join("\n", missing));
    }

    private static bool IsBuiltIn(IGraphType type) =>
        type is StringGraphType or IntGraphType or FloatGraphType or BooleanGraphType or IdGraphType;

    private static bool IsBuiltInDirective(string name) => name is "include" or "skip" or "deprecated" or "specifiedBy" or "oneOf";
}
