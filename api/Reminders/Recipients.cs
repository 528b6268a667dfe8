using System.Globalization;
using PetitionGraph.Api.Access;

namespace PetitionGraph.Api.Reminders;

/// <summary>Who a reminder is for: the office, the handlers of a village, one leader, or a responsible unit.</summary>
public static class Recipients
{
    public const string Office = "OFFICE";

    public static string Village(string code) => "VILLAGE:" + code;

    public static string Leader(int id) => "LEADER:" + id.ToString(CultureInfo.InvariantCulture);

    public static string Unit(string code) => "UNIT:" + code;

    /// <summary>The inboxes a caller reads: the office's, their villages', or their own as a leader.</summary>
    public static IReadOnlyList<string> Of(Caller caller) => caller.Role switch
    {
        Role.Office => [Office],
        Role.VillageHandler => [.. caller.Villages.Select(Village)],
        Role.Leader when caller.LeaderId is { } id => [Leader(id)],
        Role.Unit when caller.Unit is { } code => [Unit(code)],
        _ => [],
    };

    /// <summary>The role whose rules (masking) apply to what a recipient is mailed.</summary>
    public static Role RoleOf(string recipient) =>
        recipient == Office ? Role.Office
        : recipient.StartsWith("VILLAGE:", StringComparison.Ordinal) ? Role.VillageHandler
        : recipient.StartsWith("UNIT:", StringComparison.Ordinal) ? Role.Unit
        : Role.Leader;
}
