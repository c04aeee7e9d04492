using Extractor.Model;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.EndToEnd;

/// <summary>
/// Every synthetic document in fixtures/synth (tables without vertical rules, a /Rotate 90 page, tables continued
/// over pages, Kangxi code points) through both producers: every table against its truth, cell for cell.
/// </summary>
public class SynthFixtureTests
{
    public static TheoryData<string> Renderings()
    {
        var data = new TheoryData<string>();
        foreach (var pdf in Directory.GetFiles(Repo.Fixture("synth"), "*.pdf").Select(Path.GetFileName).Order())
            data.Add("synth/" + pdf);
        return data;
    }

    private static JObject TruthFor(string pdf)
    {
        var name = Path.GetFileName(pdf);
        var id = name[..name.IndexOf('.')];
        return Repo.Truth($"synth/{id}.truth.json");
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Every_table_matches_the_truth_cell_for_cell(string pdf)
    {
        TruthAssert.TablesMatch(TruthFor(pdf), DocumentCache.Get(pdf));
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Tables_have_the_truth_pages_header_and_spans(string pdf)
    {
        var truth = TruthFor(pdf);
        var rendering = ((JArray)truth["renderings"]!).Single(r => (string)r["file"]! == Path.GetFileName(pdf));
        var document = DocumentCache.Get(pdf);
        foreach (JObject expected in (JArray)truth["tables"]!)
        {
            var number = (int)expected["number"]!;
            var actual = document.Tables.Single(t => t.Number == number);
            var label = (string)expected["label"]!;
            var pages = ((JArray)rendering["page_map"]!).Single(m => ((string)m["content"]!).StartsWith(label + " "))["pages"]!.Select(p => (int)p).ToList();
            Assert.Equal(pages, actual.Structure.Pages);
            var expectedPaths = ((JArray)expected["columns"]!).Select(c => string.Join("/", ((JArray)c["path"]!).Select(p => Repo.Squash((string?)p)))).ToList();
            var actualPaths = actual.Structure.Columns.Select(c => string.Join("/", c.Path.Select(Repo.Squash))).ToList();
            Assert.Equal(expectedPaths, actualPaths);
            if (expected["column_numbers"] is JArray numbers)
                Assert.Equal(numbers.Select(n => (string?)n).ToList(), actual.Structure.Columns.Select(c => c.Number).ToList());
            var expectedSpans = ((JArray)expected["spans"]!).Select(s => ((int)s["row"]!, (int)s["col"]!, (int)s["colspan"]!)).ToList();
            Assert.Equal(expectedSpans, actual.Structure.Spans.Select(s => (s.Row, s.Col, s.ColSpan)).ToList());
            Assert.Equal((string)expected["unit"]!, actual.Structure.Unit);
            Assert.Equal(Repo.Squash((string?)expected["note"]), Repo.Squash(actual.Structure.Note));
        }
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Tables_without_vertical_rules_are_read_by_the_stream_method(string pdf)
    {
        var truth = TruthFor(pdf);
        var document = DocumentCache.Get(pdf);
        var noVerticalRules = truth["variations"]?["no_vertical_rules"]?.Value<bool>() == true;
        foreach (var table in document.Tables.Where(t => t.Structure.Grids.Count > 0))
            Assert.All(table.Structure.Grids, g => Assert.Equal(noVerticalRules ? GridMethod.Stream : GridMethod.Lattice, g.Method));
    }

    [Theory, MemberData(nameof(Renderings))]
    public void Compatibility_code_points_are_normalised_and_the_raw_text_kept(string pdf)
    {
        var truth = TruthFor(pdf);
        if (truth["text_layer"]?["substitutions"] is not JArray { Count: > 0 } substitutions) return;
        var document = DocumentCache.Get(pdf);
        var cells = document.Tables.SelectMany(t => t.Structure.Rows).SelectMany(r => r).ToList();
        Assert.DoesNotContain(cells, c => c.Text.Any(IsCompatibilityForm));
        // Each substituted label the truth lists: the cell reads as the ordinary text, the raw text keeps the code points.
        var checkedCells = 0;
        foreach (JObject substitution in substitutions)
        {
            var text = Repo.Squash((string?)substitution["text"]);
            var raw = Repo.Squash((string?)substitution["text_layer"]);
            foreach (var cell in cells.Where(c => Repo.Squash(c.Text) == text))
            {
                // Some producers embed the ordinary glyph for a label that another place publishes with the code point.
                if (!Repo.Squash(cell.Raw).Any(IsCompatibilityForm)) continue;
                Assert.Equal(raw, Repo.Squash(cell.Raw));
                checkedCells++;
            }
        }
        Assert.True(checkedCells > 0, "no table cell carries a substituted label with its raw code points");
    }

    private static bool IsCompatibilityForm(char ch) => ch is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF';
}
