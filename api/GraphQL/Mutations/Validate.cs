using PetitionGraph.Api.Language;
namespace PetitionGraph.Api.GraphQL.Mutations;

/// <summary>Checks of mutation input shared by case steps and reference data.</summary>
public static class Validate
{
    public static UserError? Text(string field, string? value, int max = 4000) =>
        string.IsNullOrWhiteSpace(value) ? UserError.Validation(field, new Msg($"请填写 {field}。", $"{field} is required."))
        : value.Length > max ? UserError.Validation(field, new Msg($"{field} 不能超过 {max} 个字符。", $"{field} is longer than {max} characters."))
        : null;
}
