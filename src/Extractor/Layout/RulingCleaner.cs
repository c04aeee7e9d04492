using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// Snaps rulings that are the same line drawn twice or slightly offset onto one position, and joins collinear
/// pieces (borders drawn cell by cell) into long segments.
/// </summary>
public static class RulingCleaner
{
    public static List<Ruling> Clean(IEnumerable<Ruling> rulings, LayoutTolerances tolerances)
    {
        var result = new List<Ruling>();
        foreach (var orientation in new[] { Orientation.Horizontal, Orientation.Vertical })
        {
            var sorted = rulings.Where(r => r.Orientation == orientation).OrderBy(r => r.Position).ToList();
            var i = 0;
            while (i < sorted.Count)
            {
                // One cluster: positions within the snap distance of the cluster's first member.
                var j = i;
                var sum = 0.0;
                while (j < sorted.Count && sorted[j].Position - sorted[i].Position <= tolerances.RulingSnap) { sum += sorted[j].Position; j++; }
                var position = sum / (j - i);
                var pieces = sorted.GetRange(i, j - i).OrderBy(r => r.Start).ToList();
                var start = pieces[0].Start;
                var end = pieces[0].End;
                foreach (var piece in pieces.Skip(1))
                {
                    if (piece.Start <= end + tolerances.RulingJoinGap) end = Math.Max(end, piece.End);
                    else
                    {
                        result.Add(new Ruling(orientation, position, start, end));
                        start = piece.Start;
                        end = piece.End;
                    }
                }
                result.Add(new Ruling(orientation, position, start, end));
                i = j;
            }
        }
        return result;
    }
}
