using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>
/// A real HTTP receiver on loopback for webhook tests: records every delivery and answers as told — 2xx, a status,
/// a delay (a timeout for the sender), or a dropped connection.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public enum Answer { Ok, ServerError, Slow, Drop }

    public sealed record Delivery(string Id, string Timestamp, string Signature, string Body, Answer Answered);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    /// <summary>What to answer next; by default 204.</summary>
    public Func<int, Answer> Behaviour { get; set; } = _ => Answer.Ok;

    public TimeSpan SlowFor { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    public string Url { get; }

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var answer = receiver!.Behaviour(receiver._deliveries.Count);
            receiver._deliveries.Enqueue(new Delivery(
                http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(),
                http.Request.Headers["webhook-signature"].ToString(), body, answer));
            switch (answer)
            {
                case Answer.ServerError:
                    return Results.StatusCode(500);
                case Answer.Slow:
                    await Task.Delay(receiver.SlowFor, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return Results.NoContent();
                case Answer.Drop:
                    http.Abort();
                    return Results.Empty;
                default:
                    return Results.NoContent();
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, address + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
