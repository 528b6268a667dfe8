namespace PetitionGraph.Api.Access;

/// <summary>The <c>extensions.personalData</c> of a response in which personal data was masked: which fields, and why.</summary>
public static class PersonalDataNotice
{
    public static Dictionary<string, object?> Masked(Caller caller, PersonalDataReads reads) => new()
    {
        ["masked"] = reads.Masked,
        ["reason"] = $"Your role ({Data.EnumNames.Name(caller.Role)}) may not read petitioners' personal data: names are shown as 张*, other fields as null.",
    };
}
