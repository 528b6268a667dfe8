namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>The instant a mutation happens, to the millisecond, so both databases store and return the same value.</summary>
public static class MutationClock
{
    public static DateTime Now(IServiceProvider services)
    {
        var ticks = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
