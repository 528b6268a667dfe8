using System.Collections.Frozen;
using System.Text;

namespace PetitionGraph.Api.Data;

/// <summary>
/// Enum members are stored and published under one name: SCREAMING_SNAKE_CASE (TownLead → TOWN_LEAD),
/// the GraphQL convention, so that SQL written by analysts reads like the API.
/// </summary>
public static class EnumNames
{
    public static string ToConstantCase(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var ch = pascal[i];
            if (i > 0 && char.IsUpper(ch) && !char.IsUpper(pascal[i - 1]))
            {
                sb.Append('_');
            }
            sb.Append(char.ToUpperInvariant(ch));
        }
        return sb.ToString();
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Cache<TEnum>.Names[value];

    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum =>
        Cache<TEnum>.Values.TryGetValue(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string name, out TEnum value) where TEnum : struct, Enum =>
        Cache<TEnum>.Values.TryGetValue(name, out value);

    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => ToConstantCase(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> Values =
            Names.ToFrozenDictionary(p => p.Value, p => p.Key);
    }
}
