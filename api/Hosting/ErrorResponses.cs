using System.Text.Json;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Errors;

namespace PetitionGraph.Api.Hosting;

/// <summary>
/// The last line for every endpoint (GraphQL, ledgers, reports, authentication): an exception that escapes becomes a
/// JSON error with a code — 503 with Retry-After while the database is unreachable, otherwise 500 INTERNAL_ERROR,
/// logged on the server — never an empty body or a stack trace.
/// </summary>
public static class ErrorResponses
{
    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        var outage = app.Services.GetRequiredService<DatabaseOutage>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorResponses));
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                if (DatabaseOutage.IsUnavailable(e))
                {
                    outage.Failed(e);
                    await WriteAsync(http, StatusCodes.Status503ServiceUnavailable, DatabaseOutage.Code, DatabaseOutage.Message);
                    return;
                }
                logger.LogError(e, "Unhandled error in {Method} {Path}", http.Request.Method, http.Request.Path);
                await WriteAsync(http, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, PetitionErrorInfoProvider.Internal);
            }
        });
        return app;
    }

    /// <summary>A JSON error response, its message in the request's language.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string code, Language.Msg text)
    {
        var message = text.In(Language.Languages.Of(http));
        http.Response.Clear();
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code } } } }), http.RequestAborted);
    }
}
