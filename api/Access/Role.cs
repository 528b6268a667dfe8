using System.ComponentModel;

namespace PetitionGraph.Api.Access;

/// <summary>Who a reader is, for what they may see (DESIGN §2; enforced for every path in the access layer).</summary>
[Description("角色: who a reader is, for what they may see (DESIGN §2).")]
public enum Role
{
    [Description("Reference data, users, audit.")]
    Admin,
    [Description("All cases of the town; personal data visible.")]
    Office,
    [Description("Cases of their villages only.")]
    VillageHandler,
    [Description("Cases assigned to them.")]
    Leader,
    [Description("All cases and every statistic; no personal data.")]
    Analyst,
    [Description("A district system; per-client scopes.")]
    Integration,
    [Description("责任单位: a responsible unit's account; only the cases referred to the unit, names masked.")]
    Unit,
}

public static class PersonalDataPolicy
{
    /// <summary>
    /// Roles that see petitioners' names, ID numbers, phones and addresses unmasked — the staff who contact them; every
    /// such read is audited. ADMIN manages data and the audit trail without needing to see whose data it is.
    /// </summary>
    public static bool MayReadPersonalData(Role role) => role is Role.Office or Role.VillageHandler;

    /// <summary>张三 → 张*, 欧阳明 → 欧**: the first character, the rest masked.</summary>
    public static string MaskName(string name)
    {
        var text = name.Trim();
        var chars = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        return chars.Length <= 1 ? "*" : string.Concat(text.AsSpan(0, chars[1]), new string('*', chars.Length - 1));
    }

    public static string ChineseName(Role role) => role switch
    {
        Role.Admin => "系统管理员",
        Role.Office => "信访办工作人员",
        Role.VillageHandler => "村（社区）经办人",
        Role.Leader => "包案领导",
        Role.Analyst => "统计分析人员",
        Role.Unit => "责任单位",
        _ => "外部系统",
    };
}
