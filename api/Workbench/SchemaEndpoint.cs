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
        app.MapGet(Path, async (HttpContext http, PetitionSchema schema) =>
        {
            if (Caller.From(http.User) is null)
            {
                await Hosting.ErrorResponses.WriteAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", new Language.Msg("请提供有效的令牌（或在 /signin 登录）。", "Send a valid bearer token (or sign in at /signin)."));
                return;
            }
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(_printed ??= SchemaPrinter.Print(schema), http.RequestAborted);
        });
        return app;
    }
}
