using System.Linq.Expressions;

namespace PetitionGraph.Api.GraphQL.Filtering;

public static class ExpressionTools
{
    /// <summary>The body of <paramref name="lambda"/> with its single parameter replaced by <paramref name="target"/>.</summary>
    public static Expression Inline(LambdaExpression lambda, Expression target) =>
        new ParameterReplacer(lambda.Parameters[0], target).Visit(lambda.Body);

    /// <summary>The body of a two-parameter <paramref name="lambda"/> with its parameters replaced by <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static Expression Inline(LambdaExpression lambda, Expression first, Expression second) =>
        new ParameterReplacer(lambda.Parameters[1], second).Visit(new ParameterReplacer(lambda.Parameters[0], first).Visit(lambda.Body));

    /// <summary>A two-parameter lambda as a one-parameter lambda, its first parameter replaced by <paramref name="first"/>.</summary>
    public static LambdaExpression BindFirst(LambdaExpression lambda, Expression first) =>
        Expression.Lambda(new ParameterReplacer(lambda.Parameters[0], first).Visit(lambda.Body), lambda.Parameters[1]);

    /// <summary>
    /// A value EF Core turns into a SQL parameter (a member of a captured object), not a literal,
    /// so that one plan serves every value.
    /// </summary>
    public static Expression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    public static Expression<Func<T, bool>> True<T>() => _ => true;

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var body = Expression.AndAlso(left.Body, Inline(right, left.Parameters[0]));
        return Expression.Lambda<Func<T, bool>>(body, left.Parameters);
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
