using System.ComponentModel;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cases;

/// <summary>The task team's records (五个有) plus visits and assistance.</summary>
[Description("工作记录类型: the task team's records (五个有) plus visits and assistance.")]
public enum ActivityKind
{
    [Description("协调会办纪要: minutes of a coordination meeting.")]
    CoordinationMeeting,
    [Description("再次答复: a further reply to the petitioner.")]
    Reply,
    [Description("协商调处台账: a record of negotiation or mediation.")]
    Negotiation,
    [Description("评查听证结论: the conclusion of a review hearing.")]
    Hearing,
    [Description("网上登记: registered in the online petition system.")]
    OnlineRegistration,
    [Description("走访: a visit to the petitioner.")]
    Visit,
    [Description("帮扶: help with subsidy, medical care or employment.")]
    Assistance,
    [Description("批示: a leader's written instruction on the case (a leader records it on a case they own).")]
    Instruction,
    [Description("督办: a leader's supervision — pressing the handlers, checking the progress.")]
    Supervision,
    [Description("接访: a leader received the petitioner in person.")]
    Reception,
}

public sealed class CaseActivity : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public DateTime At { get; set; }
    public ActivityKind Kind { get; set; }
    public required string Summary { get; set; }
    public required string Actor { get; set; }
}
