using System.ComponentModel;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Petitions;

[Description("信访渠道: how a petition reached the office.")]
public enum Channel
{
    [Description("来信")]
    Letter,
    [Description("来访")]
    Visit,
    [Description("电话")]
    Phone,
    [Description("网上信访")]
    Online,
    [Description("手机APP")]
    MobileApp,
}

/// <summary>The level of office where a petition was registered (越级访 above the town).</summary>
[Description("登记层级: the level of office where a petition was registered (越级访 above the town).")]
public enum PetitionLevel
{
    [Description("镇")]
    Town,
    [Description("区")]
    District,
    [Description("市")]
    City,
    [Description("省")]
    Province,
    [Description("国家")]
    National,
}

/// <summary>信访: one letter, visit, call or online submission about a case.</summary>
public sealed class Petition : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public DateTime ReceivedAt { get; set; }
    public Channel Channel { get; set; }
    public PetitionLevel Level { get; set; }
    public int PeopleCount { get; set; } = 1;
    /// <summary>交办: the higher office that referred the petition down, if any.</summary>
    public PetitionLevel? ReferredFrom { get; set; }
    /// <summary>初信初访: the petition that opened the case.</summary>
    public bool IsFirst { get; set; }
}
