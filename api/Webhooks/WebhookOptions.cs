namespace PetitionGraph.Api.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
public sealed record WebhookOptions
{
    public bool DispatcherEnabled { get; init; } = true;
    /// <summary>How often each instance looks for changes to deliver.</summary>
    public double PollSeconds { get; init; } = 1;
    /// <summary>A receiver that has not answered by then has failed this attempt.</summary>
    public double TimeoutSeconds { get; init; } = 10;
    /// <summary>First retry after this; doubled for each failure since (5 s, 10 s, 20 s, … up to MaxRetrySeconds).</summary>
    public double RetrySeconds { get; init; } = 5;
    public double MaxRetrySeconds { get; init; } = 600;
    /// <summary>A subscription failing this long is paused, with the reason, until an ADMIN resumes it.</summary>
    public double PauseAfterHours { get; init; } = 24;
    /// <summary>How long an instance's claim on a subscription outlasts the delivery under way (renewed before each); another instance takes over after it.</summary>
    public double LeaseSeconds { get; init; } = 30;
    /// <summary>Changes read per claim.</summary>
    public int Batch { get; init; } = 100;

    public static WebhookOptions From(IConfiguration configuration) => configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions();
}
