namespace PetitionGraph.Api.Hosting;

/// <summary>Demo mode's office clock: it stands at one instant, so the demo data and the README's outputs stay as shown.</summary>
public sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
