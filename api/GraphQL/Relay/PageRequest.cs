using PetitionGraph.Api.GraphQL.Errors;

namespace PetitionGraph.Api.GraphQL.Relay;

/// <summary>The validated paging arguments of one connection field.</summary>
public sealed record PageRequest(int Size, string? After, string? Before, bool IsBackward)
{
    public const int MaxSize = 100;
    public const int DefaultSize = 20;

    public string? Cursor => IsBackward ? Before : After;

    public static PageRequest From(int? first, string? after, int? last, string? before)
    {
        if (first is not null && last is not null)
        {
            throw new QueryError(ErrorCodes.InvalidArgument, new Language.Msg("first（配 after）与 last（配 before）只能给一个。", "Give either first (with after) or last (with before), not both."));
        }
        Check("first", first);
        Check("last", last);
        return last is not null
            ? new PageRequest(last.Value, after, before, IsBackward: true)
            : new PageRequest(first ?? DefaultSize, after, before, IsBackward: false);
    }

    private static void Check(string name, int? value)
    {
        if (value is < 0 or > MaxSize)
        {
            throw new QueryError(ErrorCodes.PageSize, new Language.Msg($"{name} 须在 0 到 {MaxSize} 之间，本次为 {value}；更长的列表请用 after/before 分页。", $"{name} must be between 0 and {MaxSize}; it was {value}. Page through larger lists with after/before."));
        }
    }
}
