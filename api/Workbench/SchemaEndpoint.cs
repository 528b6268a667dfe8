using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Workbench;

/// <summary><c>GET /graphql/schema.graphql</c>: the schema as SDL, the same text as schema/schema.graphql; signed in, like introspection.</summary>
internal static class SchemaEndpoint
{
    public const string Path = "/graphql/schema.graphql";

    private static string? _printed;

    public static WebApplication MapSchema(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext http, PetitionSchema schema) => Caller.From(http.User) is null
            ? Results.Json(new { errors = new[] { new { message = "Send a valid bearer token (or sign in at /signin).", extensions = new { code = "UNAUTHENTICATED" } } } }, statusCode: 401)
            : Results.Text(_printed ??= SchemaPrinter.Print(schema), "text/plain; charset=utf-8"));
        return app;
    }
}
