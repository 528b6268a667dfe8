using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Sqlite.Query.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

// The providers' compilation contexts are EF Core internals (EF1001). They are pinned by Directory.Packages.props, and
// the tests run every query through this path on both databases, so a change in them shows there first.
#pragma warning disable EF1001, EF9100 // EF9100: the precompiling constructor, only to keep CreatePrecompiled as the provider has it.

namespace PetitionGraph.Api.Data.Query;

/// <summary>The PostgreSQL provider's query compilation, with closed nested lambdas compiled once (<see cref="ClosedLambdaHoister"/>).</summary>
public sealed class PostgresQueryCompilationContextFactory(
    QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies)
    : IQueryCompilationContextFactory
{
    public QueryCompilationContext Create(bool async) => new Context(dependencies, relationalDependencies, async);

    public QueryCompilationContext CreatePrecompiled(bool async) =>
        new NpgsqlQueryCompilationContext(dependencies, relationalDependencies, async, precompiling: true);

    private sealed class Context(QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies, bool async)
        : NpgsqlQueryCompilationContext(dependencies, relationalDependencies, async)
    {
        public override Func<QueryContext, TResult> CreateQueryExecutor<TResult>(Expression query) =>
            ClosedLambdaHoister.CompileExecutor<TResult>(this, Dependencies, query);
    }
}

/// <summary>The SQLite provider's query compilation, with closed nested lambdas compiled once (<see cref="ClosedLambdaHoister"/>).</summary>
public sealed class SqliteQueryCompilationContextFactory(
    QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies)
    : IQueryCompilationContextFactory
{
    public QueryCompilationContext Create(bool async) => new Context(dependencies, relationalDependencies, async);

    public QueryCompilationContext CreatePrecompiled(bool async) =>
        new SqliteQueryCompilationContext(dependencies, relationalDependencies, async, precompiling: true);

    private sealed class Context(QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies, bool async)
        : SqliteQueryCompilationContext(dependencies, relationalDependencies, async)
    {
        public override Func<QueryContext, TResult> CreateQueryExecutor<TResult>(Expression query) =>
            ClosedLambdaHoister.CompileExecutor<TResult>(this, Dependencies, query);
    }
}
