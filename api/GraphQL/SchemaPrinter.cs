using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace PetitionGraph.Api.GraphQL;

/// <summary>The SDL published as <c>schema/schema.graphql</c>: printed from the code, compared by a test.</summary>
public static class SchemaPrinter
{
    public static string Print(ISchema schema)
    {
        schema.Initialize();
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
        return sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
