using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace PetitionGraph.Api.Data.Query;

/// <summary>
/// Compiles, once, every nested lambda of a compiled query that captures nothing from its surroundings, and puts the
/// delegate in its place. EF Core 10 leaves the item shaper of a projected collection (<c>PopulateCollection</c>'s
/// <c>innerShaper</c>) as a nested lambda; the expression compiler then builds a new delegate for it, through
/// <c>DynamicMethod.CreateDelegate</c>, for every row read. That was 10 % of the API's CPU on the cases page
/// (BENCHMARKS.md). dotnet/efcore#35212 made the same fix in EF Core for included collections only.
/// A closed lambda means the same thing wherever it is evaluated, so a shared delegate is equivalent; lambdas under
/// a <see cref="ExpressionType.Quote"/> are expression trees, not delegates, and are left alone.
/// </summary>
public sealed class ClosedLambdaHoister : ExpressionVisitor
{
    public int Hoisted { get; private set; }

    /// <summary>
    /// What <see cref="QueryCompilationContext.CreateQueryExecutor{TResult}"/> does (EF Core 10.0), with the closed
    /// lambdas hoisted after the liftable constants are inlined and before the executor is compiled.
    /// </summary>
#pragma warning disable EF9100 // The executor expression is marked for evaluation (precompiled queries); pinned version, tested on both databases.
    public static Func<QueryContext, TResult> CompileExecutor<TResult>(
        QueryCompilationContext context, QueryCompilationContextDependencies dependencies, Expression query)
    {
        var executor = context.CreateQueryExecutorExpression<TResult>(query);
        var inlined = (Expression<Func<QueryContext, TResult>>)dependencies.LiftableConstantProcessor.InlineConstants(
            executor, context.SupportsPrecompiledQuery);
#pragma warning restore EF9100
        try
        {
            return Hoist(inlined, out _).Compile();
        }
        finally
        {
            context.Logger.QueryExecutionPlanned(dependencies.Context, new ExpressionPrinter(), executor);
        }
    }

    public static Expression<TDelegate> Hoist<TDelegate>(Expression<TDelegate> query, out int hoisted)
    {
        var hoister = new ClosedLambdaHoister();
        var body = hoister.Visit(query.Body);
        hoisted = hoister.Hoisted;
        return hoisted == 0 ? query : query.Update(body, query.Parameters);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        // Inner lambdas first: a closed lambda inside one that captures something is still hoisted.
        var visited = (Expression<T>)base.VisitLambda(node);
        if (FreeVariables.IsClosed(visited))
        {
            Hoisted++;
            return Expression.Constant(visited.Compile(), typeof(T));
        }
        return visited;
    }

    protected override Expression VisitUnary(UnaryExpression node) =>
        node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);

    /// <summary>Provider-specific nodes are left as they are; a lambda containing one is not hoisted (see <see cref="FreeVariables"/>).</summary>
    protected override Expression VisitExtension(Expression node) => node;

    /// <summary>Finds whether a lambda uses a parameter or variable that it does not declare itself.</summary>
    private sealed class FreeVariables : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _declared = [];
        private bool _free;

        public static bool IsClosed(LambdaExpression lambda)
        {
            var finder = new FreeVariables();
            finder.Visit(lambda);
            return !finder._free;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _declared.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            _declared.UnionWith(node.Variables);
            return base.VisitBlock(node);
        }

        protected override CatchBlock VisitCatchBlock(CatchBlock node)
        {
            if (node.Variable is { } variable)
            {
                _declared.Add(variable);
            }
            return base.VisitCatchBlock(node);
        }

        protected override Expression VisitExtension(Expression node)
        {
            _free = true;
            return node;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _free |= !_declared.Contains(node);
            return node;
        }
    }
}
