namespace PetitionGraph.Api.Reminders;

/// <summary>Configuration section <c>Reminders</c>: when reminders are made and mailed.</summary>
public sealed record ReminderOptions
{
    /// <summary>Each instance looks for due steps and mails digests in the background; off: nothing is reminded.</summary>
    public bool Enabled { get; init; } = true;
    public double PollSeconds { get; init; } = 300;
    /// <summary>Remind this many days before a step is due (each threshold once); 3 and 1 when not configured.</summary>
    public IReadOnlyList<int> DaysBefore { get; init; } = [];
    /// <summary>A step this many days overdue is escalated to the office (超期督办).</summary>
    public int EscalateAfterDays { get; init; } = 3;
    /// <summary>Steps overdue longer than this are not reminded any more (they stay in myWork and the due list).</summary>
    public int LookbackDays { get; init; } = 30;
    /// <summary>Quiet hours in office time: from this hour …</summary>
    public int QuietFromHour { get; init; } = 20;
    /// <summary>… to this hour, nothing is made and nothing is mailed.</summary>
    public int QuietUntilHour { get; init; } = 8;
    /// <summary>The daily digest is mailed from this office hour on (once a day per recipient).</summary>
    public int DigestHour { get; init; } = 8;

    public bool IsQuiet(DateTimeOffset officeTime)
    {
        var hour = officeTime.Hour;
        return QuietFromHour == QuietUntilHour ? false
            : QuietFromHour < QuietUntilHour ? hour >= QuietFromHour && hour < QuietUntilHour
            : hour >= QuietFromHour || hour < QuietUntilHour;
    }

    public static ReminderOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions();
        // The default list is applied here, not as the property's initial value, which the binder would append to.
        IReadOnlyList<int> days = options.DaysBefore.Count == 0 ? [3, 1] : options.DaysBefore;
        return options with { DaysBefore = [.. days.Where(d => d > 0).Distinct().OrderDescending()] };
    }
}
