using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Scalars;

/// <summary>
/// An instant. Output: ISO-8601 in the office's time zone (2021-05-03T09:30:00+08:00).
/// Input: ISO-8601 with an offset, or without one (and a bare date) meaning office time.
/// </summary>
public sealed class DateTimeScalar : ScalarGraphType
{
    private const string Expected = "Expected an ISO-8601 date-time such as \"2021-05-01T00:00:00+08:00\" or a date such as \"2021-05-01\", between 1900 and 2999.";

    private readonly OfficeTime _time;

    public DateTimeScalar(OfficeTime time)
    {
        _time = time;
        Name = "DateTime";
        Description = "An instant, ISO-8601 (RFC 3339), from 1900 to 2999. Shown in the office's time zone; input without an offset means office time.";
        this.Specify("https://datatracker.ietf.org/doc/html/rfc3339");
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => ParseValue((string)s.Value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value, Expected),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => _time.TryParse(text, out var utc) ? utc : throw new FormatException(Expected),
        DateTime dt when dt > OfficeTime.Earliest && dt < OfficeTime.Latest => dt.Kind == DateTimeKind.Utc ? dt : _time.FromOffice(dt),
        DateTimeOffset dto when dto.UtcDateTime > OfficeTime.Earliest && dto.UtcDateTime < OfficeTime.Latest => dto.UtcDateTime,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTime dt => _time.ToOffice(dt).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };
}
