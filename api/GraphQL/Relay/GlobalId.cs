using System.Text;
using PetitionGraph.Api.GraphQL.Errors;

namespace PetitionGraph.Api.GraphQL.Relay;

/// <summary>Relay global ids: base64 of "Type:id", opaque to clients, stable across releases.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, int id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{id}"));

    public static (string TypeName, int Id) Decode(string globalId)
    {
        if (TryDecode(globalId, out var typeName, out var id))
        {
            return (typeName, id);
        }
        throw new QueryError(ErrorCodes.InvalidId, new Language.Msg($"“{globalId}”不是有效编号；请使用本接口返回的对象的 id 字段。", $"'{globalId}' is not a valid id. Use the id field of an object returned by this API."));
    }

    public static bool TryDecode(string globalId, out string typeName, out int id)
    {
        typeName = "";
        id = 0;
        var buffer = new byte[globalId.Length];
        if (!Convert.TryFromBase64String(globalId, buffer, out var written))
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(buffer, 0, written).Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id))
        {
            return false;
        }
        typeName = parts[0];
        return true;
    }
}
