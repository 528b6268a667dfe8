namespace PetitionGraph.Api.Cases.Lifecycle;

/// <summary>
/// Statutory time limits (信访工作条例 2022), configurable under <c>TimeLimits</c> in appsettings.
/// Notice Art. 23; conclusion and extension Art. 34; review and second review Art. 35–36.
/// </summary>
public sealed record TimeLimits
{
    public int NoticeDays { get; init; } = 15;
    public int ConcludeDays { get; init; } = 60;
    public int MaxExtensionDays { get; init; } = 30;
    public int ReviewRequestDays { get; init; } = 30;
    public int ReviewAnswerDays { get; init; } = 30;
    public int EvaluationWindowDays { get; init; } = 30;

    public static TimeLimits Default { get; } = new();

    public static TimeLimits From(IConfiguration configuration) =>
        configuration.GetSection("TimeLimits").Get<TimeLimits>() ?? Default;
}
