using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Ledgers;

public static class LedgerEndpoints
{
    /// <summary>GET /ledgers/{ownership|cases}.{csv|xlsx}?where={…}: the ledger for the cases the filter selects.</summary>
    public static WebApplication MapLedgers(this WebApplication app)
    {
        app.MapGet("/ledgers/{name}", async (string name, string? where, HttpContext http, LedgerService ledgers, CancellationToken ct) =>
        {
            var lang = Languages.Of(http);
            if (Caller.From(http.User) is null)
            {
                return Results.Json(Error(new Msg("请提供有效的令牌。", "Send a valid bearer token."), lang, "UNAUTHENTICATED"), statusCode: StatusCodes.Status401Unauthorized);
            }
            var parts = name.Split('.');
            if (parts.Length != 2 || !EnumNames.TryParse<LedgerKind>(parts[0].ToUpperInvariant(), out var kind) || parts[1] is not ("csv" or "xlsx"))
            {
                return Results.Json(Error(new Msg(
                    "请求地址应为 /ledgers/ownership.xlsx、/ledgers/ownership.csv、/ledgers/cases.xlsx 或 /ledgers/cases.csv。",
                    "Ask for /ledgers/ownership.xlsx, /ledgers/ownership.csv, /ledgers/cases.xlsx or /ledgers/cases.csv."), lang, "NOT_FOUND"), statusCode: StatusCodes.Status404NotFound);
            }
            var (file, error, code) = await ledgers.ExportAsync(http.RequestServices, http.User, kind, parts[1], where, ct);
            if (file is null)
            {
                return Results.Json(Error(error!.Value, lang, code ?? "BAD_REQUEST"), statusCode: code == "FORBIDDEN" ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
            }
            var contentType = parts[1] == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return Results.File(file, contentType, $"{parts[0]}.{parts[1]}");
        }).RequireRateLimiting(AccessServiceExtensions.RateLimitPolicy);
        return app;
    }

    private static object Error(Msg text, Lang lang, string code) => new { errors = new[] { new { message = text.In(lang), extensions = new { code } } } };
}
