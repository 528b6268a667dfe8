using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL;

/// <summary>
/// Personal data (a petitioner's name, ID number, phone, address) is marked on the field, in one place,
/// so that masking by role and auditing of unmasked reads can be enforced once for every path to it.
/// </summary>
public static class PersonalData
{
    public const string MetadataKey = "petitiongraph:personalData";

    public static FieldBuilder<TSource, TReturn> IsPersonalData<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithMetadata(MetadataKey, true);

    public static bool IsPersonalData(this IMetadataReader field) => field.GetMetadata(MetadataKey, false);
}
