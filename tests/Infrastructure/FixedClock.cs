namespace PetitionGraph.Tests.Infrastructure;

/// <summary>"Now" for the host under test, so time-dependent fields (in backlog, overdue) are deterministic.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
