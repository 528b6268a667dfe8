using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PetitionGraph.Tests.Infrastructure;

public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasErrors => Body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0;

    public IReadOnlyList<string?> ErrorCodes => HasErrors
        ? Body.GetProperty("errors").EnumerateArray()
            .Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null).ToList()
        : [];

    public string FirstErrorMessage => Body.GetProperty("errors")[0].GetProperty("message").GetString()!;
}

/// <summary>Talks to the host under test over real HTTP, as a district system would.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>Runs a query that must succeed; returns its <c>data</c>.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.True(response.Status == HttpStatusCode.OK, $"HTTP {(int)response.Status}: {response.Body}");
        Assert.False(response.HasErrors, $"GraphQL errors: {response.Body}");
        return response.Data;
    }

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string accept = "application/json")
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(request);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), json);
    }

    public static MediaTypeWithQualityHeaderValue Accept(string mediaType) => new(mediaType);
}
