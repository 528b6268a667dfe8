using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PetitionGraph.Bench;

/// <summary>POSTs one fixed GraphQL document to one local server and returns the response body as text.</summary>
public sealed class GraphQLClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly byte[] _body;

    public GraphQLClient(Uri url, string query, int connections = 1, string? bearerToken = null)
    {
        _url = url;
        _body = JsonSerializer.SerializeToUtf8Bytes(new { query });
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(bearerToken))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    public static GraphQLClient FromFile(Uri url, string queryFile, int connections = 1, string? bearerToken = null) =>
        new(url, File.ReadAllText(queryFile, Encoding.UTF8), connections, bearerToken);

    /// <summary>The response body; throws unless the status is 200 and the body has data and no errors.</summary>
    public async Task<string> PostAsync(CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.PostAsync(_url, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || !text.StartsWith("{\"data\":", StringComparison.Ordinal) || text.Contains("\"errors\":", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{_url} answered {(int)response.StatusCode}: {Shorten(text)}");
        }
        return text;
    }

    public void Dispose() => _http.Dispose();

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
