using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data.Query;

namespace PetitionGraph.Tests.Data;

/// <summary>Captured values become named parameters; a capture that cannot be one keeps the query off the compiled path.</summary>
public sealed class CapturedValuesTests
{
    private sealed class Clock
    {
        public DateTime Now { get; init; }
        public string Zone { get; init; } = "";
    }

    [Fact]
    public void Every_captured_value_becomes_a_parameter_in_order_and_the_structure_stays()
    {
        var number = "X-1";
        List<CaseStatus> statuses = [CaseStatus.Accepted, CaseStatus.Concluded];
        Expression<Func<Case, bool>> tree = c => c.Number == number && statuses.Contains(c.Status) && c.PetitionCount > 2;

        var (lifted, values) = CapturedValues.Lift(tree)!.Value;

        Assert.Equal(["X-1", statuses], values);
        var parameters = Parameters(lifted);
        Assert.Equal(["v0", "v1"], parameters.Select(p => p.Name));
        Assert.Equal([typeof(string), typeof(List<CaseStatus>)], parameters.Select(p => p.Type));
        Assert.Contains("2", lifted.ToString(), StringComparison.Ordinal); // a literal of the code is not a capture
    }

    [Fact]
    public void Two_requests_of_one_shape_lift_to_equal_trees_with_their_own_values()
    {
        static Expression<Func<Case, bool>> Build(string number) => c => c.Number == number;

        var (first, firstValues) = CapturedValues.Lift(Build("A"))!.Value;
        var (second, secondValues) = CapturedValues.Lift(Build("B"))!.Value;

        Assert.True(ExpressionEqualityComparer.Instance.Equals(first, second));
        Assert.Equal(ExpressionEqualityComparer.Instance.GetHashCode(first), ExpressionEqualityComparer.Instance.GetHashCode(second));
        Assert.Equal(["A"], firstValues);
        Assert.Equal(["B"], secondValues);
    }

    [Fact]
    public void A_known_capture_gets_its_name_and_any_other_capture_fails()
    {
        var clock = new Clock { Now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Zone = "Asia/Shanghai" };
        var now = typeof(Clock).GetProperty(nameof(Clock.Now))!;
        Expression<Func<Case, bool>> onlyNow = c => c.NextDueAt < clock.Now;
        Expression<Func<Case, bool>> alsoZone = c => c.NextDueAt < clock.Now && c.Title == clock.Zone;

        var named = CapturedValues.Name(onlyNow, [(clock, now, "now")]);

        Assert.Equal(["now"], Parameters(named!).Select(p => p.Name));
        Assert.Null(CapturedValues.Name(alsoZone, [(clock, now, "now")]));
    }

    [Fact]
    public void A_capture_that_is_not_plain_data_fails()
    {
        var clock = new Clock();
        var cases = new List<Case>().AsQueryable();
        Expression<Func<Case, bool>> entity = c => clock != null;
        Expression<Func<Case, bool>> query = c => cases.Any(x => x.Id == c.Id);

        Assert.Null(CapturedValues.Lift(entity));
        Assert.Null(CapturedValues.Lift(query));
    }

    private static List<QueryParameterExpression> Parameters(Expression tree)
    {
        var found = new List<QueryParameterExpression>();
        new Collector(found).Visit(tree);
        return found;
    }

    private sealed class Collector(List<QueryParameterExpression> found) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
        {
            if (node is QueryParameterExpression parameter)
            {
                found.Add(parameter);
            }
            return node;
        }
    }
}
