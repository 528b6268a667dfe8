using Microsoft.Net.Http.Headers;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>Content negotiation of the GraphQL-over-HTTP specification.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The response media type for an Accept header, or null when nothing acceptable is offered (406).</summary>
    public static string? Negotiate(IList<string> acceptHeaders)
    {
        if (acceptHeaders.Count == 0 || acceptHeaders.All(string.IsNullOrWhiteSpace))
        {
            return Json;
        }
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted))
        {
            return null;
        }
        var usable = accepted
            .Where(a => a.Quality is not 0 && (!a.Charset.HasValue || a.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(a => a.Quality ?? 1)
            .ToList();
        foreach (var candidate in usable)
        {
            var type = candidate.MediaType.Value?.ToLowerInvariant();
            switch (type)
            {
                case GraphQLResponse:
                    return GraphQLResponse;
                case Json or "application/*" or "*/*":
                    return Json;
            }
        }
        return null;
    }

    /// <summary>A POST body is read only as application/json in UTF-8.</summary>
    public static bool IsJsonBody(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && (!parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
