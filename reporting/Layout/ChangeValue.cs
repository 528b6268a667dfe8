namespace PetitionGraph.Reporting.Layout;

/// <summary>
/// 环比 / 同比: how a figure moved against an earlier period. A count moves by a share of the earlier count
/// (<paramref name="Amount"/> 0.125 reads "+12.5%"); a rate by percentage points (<paramref name="Points"/>, the
/// difference of the two fractions: 0.021 reads "+2.1个百分点"). In a workbook it is a number an analyst can sort and
/// chart, formatted to read the same.
/// </summary>
internal readonly record struct ChangeValue(double Amount, bool Points);
