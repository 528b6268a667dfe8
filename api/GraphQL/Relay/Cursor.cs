using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.GraphQL.Relay;

/// <summary>
/// A cursor is the row's position in its ordering: the signature of the ordering and the row's sort-key
/// values (the id last), as base64url JSON. Keyset paging continues from it without OFFSET.
/// </summary>
public static class Cursor
{
    public static string Encode<T>(SortPlan<T> plan, object?[] keys) where T : class, IEntity
    {
        var values = new object?[keys.Length + 1];
        values[0] = plan.Signature;
        for (var i = 0; i < keys.Length; i++)
        {
            values[i + 1] = keys[i] is DateTime dt ? dt.ToString("O", CultureInfo.InvariantCulture) : keys[i];
        }
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values));
    }

    public static object?[] Decode<T>(SortPlan<T> plan, string cursor) where T : class, IEntity
    {
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor));
            var items = json.RootElement.EnumerateArray().ToArray();
            if (items.Length != plan.Keys.Count + 1 || items[0].GetString() != plan.Signature)
            {
                throw Invalid(cursor, new Language.Msg("它是按另一种排序生成的", "it was made for another order"));
            }
            return plan.Keys.Select((key, i) => Read(items[i + 1], key.ValueType)).ToArray();
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw Invalid(cursor, new Language.Msg("它不是这个列表的游标", "it is not a cursor of this list"));
        }
    }

    private static object? Read(JsonElement element, Type type)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return element.GetString();
        if (target == typeof(int)) return element.GetInt32();
        if (target == typeof(long)) return element.GetInt64();
        if (target == typeof(bool)) return element.GetBoolean();
        if (target == typeof(DateTime))
        {
            return DateTime.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();
        }
        throw new InvalidOperationException($"Cursor cannot hold {target.Name}.");
    }

    private static QueryError Invalid(string cursor, Language.Msg why) =>
        new(ErrorCodes.InvalidCursor, new Language.Msg($"游标“{Shorten(cursor)}”不能用在这里：{why.Zh}。请使用同一列表、同一排序下取得的游标。",
            $"The cursor '{Shorten(cursor)}' cannot be used here: {why.En}. Take cursors from the same list with the same order."));

    private static string Shorten(string cursor) => cursor.Length > 40 ? cursor[..40] + "…" : cursor;
}
