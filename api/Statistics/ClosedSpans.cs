using PetitionGraph.Api.Periods;

namespace PetitionGraph.Api.Statistics;

/// <summary>
/// A town-wide bucket that spans closed periods — a quarter or a year of closed months, a year to date, a campaign
/// since its baseline — is counted as pieces: each closed period inside it (rolled up once, read thereafter) and the
/// stretches between them, computed. Every figure but the stock counts facts dated inside the bucket, so the pieces'
/// counts add up; the stock is taken at the bucket's end, so it is the last piece's.
/// </summary>
internal sealed class ClosedSpans
{
    /// <summary>Each bucket's pieces (their indices among <see cref="Pieces"/>), in time order.</summary>
    private readonly Dictionary<int, List<int>> _piecesOf;

    private ClosedSpans(List<Bucket> pieces, Dictionary<int, List<int>> piecesOf) => (Pieces, _piecesOf) = (pieces, piecesOf);

    /// <summary>Every bucket's pieces; a bucket not split is one piece.</summary>
    public IReadOnlyList<Bucket> Pieces { get; }

    /// <summary>Null when no ended bucket holds a closed period other than as the whole of it.</summary>
    public static ClosedSpans? Split(StatisticsRequest request, IReadOnlyList<ClosedPeriod> closedWithin)
    {
        if (closedWithin.Count == 0)
        {
            return null;
        }
        // The longest first among those starting together: a closed quarter is one piece, not its three months.
        var closed = closedWithin.OrderBy(p => p.Start).ThenByDescending(p => p.End).ToList();
        var pieces = new List<Bucket>();
        var piecesOf = new Dictionary<int, List<int>>();
        var split = false;
        int Add(DateTime start, DateTime end, string label)
        {
            pieces.Add(new Bucket(pieces.Count, start, end, label));
            return pieces.Count - 1;
        }
        foreach (var bucket in request.Buckets)
        {
            var inside = new List<(DateTime Start, DateTime End)>();
            var cursor = bucket.Start;
            foreach (var period in bucket.End <= request.Now ? closed : [])
            {
                if (period.Start >= cursor && period.End <= bucket.End)
                {
                    inside.Add((period.Start, period.End));
                    cursor = period.End;
                }
            }
            if (inside.Count == 0 || (inside.Count == 1 && inside[0] == (bucket.Start, bucket.End)))
            {
                piecesOf[bucket.Index] = [Add(bucket.Start, bucket.End, bucket.Label)];
                continue;
            }
            split = true;
            var own = new List<int>();
            cursor = bucket.Start;
            foreach (var (start, end) in inside)
            {
                if (cursor < start)
                {
                    own.Add(Add(cursor, start, bucket.Label));
                }
                own.Add(Add(start, end, bucket.Label));
                cursor = end;
            }
            if (cursor < bucket.End)
            {
                own.Add(Add(cursor, bucket.End, bucket.Label));
            }
            piecesOf[bucket.Index] = own;
        }
        return split ? new ClosedSpans(pieces, piecesOf) : null;
    }

    /// <summary>The pieces' rows added up into their buckets' rows.</summary>
    public Dictionary<(int, StatisticsGroup), FigureCounts> Fold(Dictionary<(int, StatisticsGroup), FigureCounts> pieceRows)
    {
        var byPiece = pieceRows.ToLookup(r => r.Key.Item1);
        var rows = new Dictionary<(int, StatisticsGroup), FigureCounts>();
        foreach (var (bucket, own) in _piecesOf)
        {
            foreach (var piece in own)
            {
                foreach (var (key, counts) in byPiece[piece])
                {
                    if (!rows.TryGetValue((bucket, key.Item2), out var sum))
                    {
                        rows[(bucket, key.Item2)] = sum = new FigureCounts();
                    }
                    sum.Add(counts, stockAtEnd: piece == own[^1]);
                }
            }
        }
        return rows;
    }
}
