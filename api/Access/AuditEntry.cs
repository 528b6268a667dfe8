using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>
/// An append-only record of a read of unmasked personal data (or of a purge): who, when, whose data, which fields,
/// through which operation. Written by the server for every such read; no request can turn it off. One request
/// makes one entry per set of fields read, listing every petitioner whose data it showed (a page of 100 cases is one
/// entry, not 130).
/// </summary>
public sealed class AuditEntry : IEntity
{
    public int Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Role { get; set; }
    /// <summary>READ (GraphQL), REPORT (a generated report with names), DOWNLOAD (such a report's file), PURGE.</summary>
    public required string Action { get; set; }
    /// <summary>The petitioners whose data was read (ascending); empty for an entry about a report run.</summary>
    public List<int> PetitionerIds { get; set; } = [];
    /// <summary>What was read when it is not one petitioner: a report run, a purge.</summary>
    public string? Subject { get; set; }
    /// <summary>Comma-separated field names: name,idNumber,phone,address.</summary>
    public required string Fields { get; set; }
    public required string Operation { get; set; }
}
