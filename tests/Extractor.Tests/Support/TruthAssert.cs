using Extractor.Model;
using Extractor.Pipeline;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Support;

/// <summary>Assertions against a truth file, shared by the seed and synth end-to-end tests.</summary>
public static class TruthAssert
{
    /// <summary>Exactly the truth's tables (by number, no extra ones), each with its title and every body cell (whitespace ignored).</summary>
    public static void TablesMatch(JObject truth, BudgetDocument document)
    {
        var truthTables = (JArray)truth["tables"]!;
        Assert.Equal(truthTables.Select(t => (int)t["number"]!).Order(), document.Tables.Select(t => t.Number ?? -1).Order());
        foreach (JObject expected in truthTables)
        {
            var number = (int)expected["number"]!;
            var actual = Assert.Single(document.Tables, t => t.Number == number);
            Assert.Equal((string)expected["title"]!, actual.Title);
            var expectedRows = ((JArray)expected["rows"]!).Select(r => ((JArray)r).Select(c => Repo.Squash((string?)c)).ToList()).ToList();
            var actualRows = actual.Structure.Rows.Select(r => r.Select(c => Repo.Squash(c.Text)).ToList()).ToList();
            Assert.True(expectedRows.Count == actualRows.Count, $"表{number}: {actualRows.Count} rows, truth has {expectedRows.Count}");
            for (var r = 0; r < expectedRows.Count; r++)
                Assert.True(expectedRows[r].SequenceEqual(actualRows[r]),
                    $"表{number} row {r}: got [{string.Join("|", actualRows[r])}], truth [{string.Join("|", expectedRows[r])}]");
        }
    }
}
