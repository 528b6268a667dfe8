using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace PetitionGraph.Api.Data.Query;

/// <summary>
/// An integer written into the SQL as a literal, like <c>EF.Constant</c>, but cached like any other query shape.
/// <c>EF.Constant</c> makes EF Core generate the SQL again on every execution (its command cache cannot key on the
/// value); an argument marked <see cref="NotParameterizedAttribute"/> stays a constant of the expression tree instead,
/// so each value gets its own compiled query and its SQL is generated once.
/// </summary>
public static class SqlLiteral
{
    /// <summary>Only meaningful inside a query; EF Core translates it to the literal itself.</summary>
    public static int Of([NotParameterized] int value) =>
        throw new InvalidOperationException($"{nameof(SqlLiteral)}.{nameof(Of)} is only for queries ({value}).");

    public static void Map(ModelBuilder modelBuilder) =>
        modelBuilder.HasDbFunction(typeof(SqlLiteral).GetMethod(nameof(Of))!).HasTranslation(arguments => arguments[0]);
}
