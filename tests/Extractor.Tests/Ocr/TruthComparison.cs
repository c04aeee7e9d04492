using Extractor.Model;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Ocr;

/// <summary>One truth table against the extracted table of its number: cells exact, and the wrong ones.</summary>
public sealed record TableScore(int Number, bool Found, int Correct, int Total, List<(int Row, int Col, string Expected, Cell Actual)> Wrong);

/// <summary>Extracted tables cell for cell against a truth file, as score_truth.py does.</summary>
public static class TruthComparison
{
    /// <summary>
    /// Each truth table (of <paramref name="numbers"/>, or all) against the extracted table of its number: rows
    /// aligned in order (a missing or extra row costs that row, as in score_truth.py), then cell for cell with
    /// whitespace ignored.
    /// </summary>
    public static IEnumerable<TableScore> Compare(BudgetDocument document, string truthFile, IReadOnlySet<int>? numbers = null)
    {
        var truth = Repo.Truth(truthFile);
        foreach (JObject expected in (JArray)truth["tables"]!)
        {
            var number = (int)expected["number"]!;
            if (numbers is not null && !numbers.Contains(number)) continue;
            var want = ((JArray)expected["rows"]!).Select(r => ((JArray)r).Select(c => Repo.Squash((string?)c)).ToList()).ToList();
            var total = want.Sum(r => r.Count);
            var table = document.Tables.FirstOrDefault(t => t.Number == number);
            if (table is null) { yield return new TableScore(number, false, 0, total, []); continue; }
            var got = table.Structure.Rows;
            var pairs = RowAlignment.Align(want, got.Select(r => r.Select(c => Repo.Squash(c.Text)).ToList()).ToList());
            var wrong = new List<(int, int, string, Cell)>();
            var correct = 0;
            foreach (var (i, j) in pairs)
                for (var c = 0; c < want[i].Count; c++)
                {
                    var actual = c < got[j].Count ? got[j][c] : null;
                    if (actual is not null && Repo.Squash(actual.Text) == want[i][c]) correct++;
                    else if (actual is not null) wrong.Add((j, c, want[i][c], actual));
                }
            yield return new TableScore(number, true, correct, total, wrong);
        }
    }
}
