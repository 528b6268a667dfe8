using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Ledgers;

public static class LedgerEndpoints
{
    /// <summary>GET /ledgers/{ownership|cases}.{csv|xlsx}?where={…}: the ledger for the cases the filter selects.</summary>
    public static WebApplication MapLedgers(this WebApplication app)
    {
        app.MapGet("/ledgers/{name}", async (string name, string? where, HttpContext http, LedgerService ledgers, CancellationToken ct) =>
        {
            if (Caller.From(http.User) is null)
            {
                return Results.Json(Error("Send a valid bearer token.", "UNAUTHENTICATED"), statusCode: StatusCodes.Status401Unauthorized);
            }
            var parts = name.Split('.');
            if (parts.Length != 2 || !EnumNames.TryParse<LedgerKind>(parts[0].ToUpperInvariant(), out var kind) || parts[1] is not ("csv" or "xlsx"))
            {
                return Results.Json(Error("Ask for /ledgers/ownership.xlsx, /ledgers/ownership.csv, /ledgers/cases.xlsx or /ledgers/cases.csv.", "NOT_FOUND"), statusCode: StatusCodes.Status404NotFound);
            }
            var (file, error, code) = await ledgers.ExportAsync(http.RequestServices, http.User, kind, parts[1], where, ct);
            if (file is null)
            {
                return Results.Json(Error(error!, code ?? "BAD_REQUEST"), statusCode: code == "FORBIDDEN" ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
            }
            var contentType = parts[1] == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return Results.File(file, contentType, $"{parts[0]}.{parts[1]}");
        }).RequireRateLimiting(AccessServiceExtensions.RateLimitPolicy);
        return app;
    }

    private static object Error(string message, string code) => new { errors = new[] { new { message, extensions = new { code } } } };
}
