using System.Linq.Expressions;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Data.Query;

namespace PetitionGraph.Tests.Data;

/// <summary>The query compilation tweaks of BENCHMARKS.md: closed lambdas compiled once, statements prepared by default.</summary>
public sealed class QueryCompilationTests
{
    private static readonly ParameterExpression Outer = Expression.Parameter(typeof(int), "outer");

    [Fact]
    public void A_nested_lambda_that_captures_nothing_becomes_one_compiled_delegate()
    {
        // outer => Apply(x => x * 2, outer)
        var inner = Expression.Parameter(typeof(int), "x");
        var query = Expression.Lambda<Func<int, int>>(
            Expression.Invoke(Expression.Lambda<Func<int, int>>(Expression.Multiply(inner, Expression.Constant(2)), inner), Outer), Outer);

        var hoisted = ClosedLambdaHoister.Hoist(query, out var count);

        Assert.Equal(1, count);
        var constant = Assert.IsAssignableFrom<ConstantExpression>(((InvocationExpression)hoisted.Body).Expression);
        Assert.IsType<Func<int, int>>(constant.Value);
        Assert.Equal(query.Compile()(21), hoisted.Compile()(21));
    }

    [Fact]
    public void A_nested_lambda_that_uses_an_outer_parameter_stays_a_lambda()
    {
        // outer => Apply(x => x + outer, 1)
        var inner = Expression.Parameter(typeof(int), "x");
        var query = Expression.Lambda<Func<int, int>>(
            Expression.Invoke(Expression.Lambda<Func<int, int>>(Expression.Add(inner, Outer), inner), Expression.Constant(1)), Outer);

        var hoisted = ClosedLambdaHoister.Hoist(query, out var count);

        Assert.Equal(0, count);
        Assert.Same(query, hoisted);
        Assert.Equal(42, hoisted.Compile()(41));
    }

    [Fact]
    public void A_closed_lambda_inside_one_that_captures_is_still_hoisted()
    {
        // outer => Apply(y => Apply(x => x * 3, y) + outer, 2)
        var x = Expression.Parameter(typeof(int), "x");
        var y = Expression.Parameter(typeof(int), "y");
        var closed = Expression.Lambda<Func<int, int>>(Expression.Multiply(x, Expression.Constant(3)), x);
        var capturing = Expression.Lambda<Func<int, int>>(Expression.Add(Expression.Invoke(closed, y), Outer), y);
        var query = Expression.Lambda<Func<int, int>>(Expression.Invoke(capturing, Expression.Constant(2)), Outer);

        var hoisted = ClosedLambdaHoister.Hoist(query, out var count);

        Assert.Equal(1, count);
        Assert.Equal(7, hoisted.Compile()(1));
    }

    [Fact]
    public void A_quoted_lambda_is_an_expression_tree_and_is_left_alone()
    {
        // outer => Count(Quote(x => x > outer)) — the quoted tree is data, not a delegate
        var x = Expression.Parameter(typeof(int), "x");
        var quoted = Expression.Quote(Expression.Lambda<Func<int, bool>>(Expression.GreaterThan(x, Expression.Constant(0)), x));
        var query = Expression.Lambda<Func<int, int>>(
            Expression.Call(typeof(QueryCompilationTests).GetMethod(nameof(CountPositive), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!, quoted, Outer),
            Outer);

        var hoisted = ClosedLambdaHoister.Hoist(query, out var count);

        Assert.Equal(0, count);
        Assert.Equal(1, hoisted.Compile()(5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    public void Hoisting_never_changes_what_a_generated_query_computes(int seed)
    {
        // Nested lambdas, some closed and some capturing, built at random: the compiled results must not change.
        var random = new Random(seed);
        var total = 0;
        for (var i = 0; i < 50; i++)
        {
            var query = Expression.Lambda<Func<int, int>>(RandomTree(random, depth: 4, [Outer]), Outer);
            var hoisted = ClosedLambdaHoister.Hoist(query, out var count);
            total += count;
            foreach (var input in new[] { -3, 0, 1, 7 })
            {
                Assert.Equal(query.Compile()(input), hoisted.Compile()(input));
            }
        }
        Assert.True(total > 0, "the generated trees should include closed lambdas");
    }

    [Fact]
    public void Postgres_statements_are_prepared_and_connections_not_reset_unless_the_connection_string_says_otherwise()
    {
        var defaults = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseOptions.WithPoolDefaults("Host=localhost;Username=u;Password=p"));
        Assert.Equal((64, true, "u", "p"), (defaults.MaxAutoPrepare, defaults.NoResetOnClose, defaults.Username, defaults.Password));
        var own = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseOptions.WithPoolDefaults("Host=localhost;Max Auto Prepare=0;noresetonclose=false"));
        Assert.Equal((0, false), (own.MaxAutoPrepare, own.NoResetOnClose));
        var spelled = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseOptions.WithPoolDefaults("Host=localhost;maxautoprepare=5"));
        Assert.Equal((5, true), (spelled.MaxAutoPrepare, spelled.NoResetOnClose));
    }

    private static int CountPositive(Expression<Func<int, bool>> predicate, int value) => predicate.Compile()(value) ? 1 : 0;

    private static Expression RandomTree(Random random, int depth, IReadOnlyList<ParameterExpression> scope)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return random.Next(2) == 0 ? scope[random.Next(scope.Count)] : Expression.Constant(random.Next(-5, 6));
        }
        if (random.Next(2) == 0)
        {
            return Expression.Add(RandomTree(random, depth - 1, scope), RandomTree(random, depth - 1, scope));
        }
        // Apply(p => body, argument): the body sees p, and the enclosing scope only if the coin says so.
        var parameter = Expression.Parameter(typeof(int), "p" + depth);
        var bodyScope = random.Next(2) == 0 ? [parameter] : scope.Append(parameter).ToList();
        var lambda = Expression.Lambda<Func<int, int>>(RandomTree(random, depth - 1, bodyScope), parameter);
        return Expression.Invoke(lambda, RandomTree(random, depth - 1, scope));
    }
}
