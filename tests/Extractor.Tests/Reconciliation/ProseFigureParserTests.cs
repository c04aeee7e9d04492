using Extractor.Reconciliation;
using Extractor.Text;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Reconciliation;

/// <summary>The figures of 第三部分: every figure the truth lists (narrative_figures) is found, with its share and change.</summary>
public class ProseFigureParserTests
{
    public static TheoryData<string, string> Documents()
    {
        var data = new TheoryData<string, string>
        {
            { "urumqi-port-office-2025.truth.json", "urumqi-port-office-2025.chromium.pdf" },
            { "urumqi-port-office-2025.truth.json", "urumqi-port-office-2025.office.pdf" },
        };
        foreach (var (truth, pdf) in Repo.SynthRenderings()) data.Add(truth, pdf);
        return data;
    }

    [Theory, MemberData(nameof(Documents))]
    public void Finds_every_narrative_figure_of_the_truth(string truthFile, string pdf)
    {
        var figures = DocumentCache.Get(pdf).Reconciliation!.ProseFigures;
        var missing = new List<string>();
        foreach (JObject expected in (JArray)Repo.Truth(truthFile)["narrative_figures"]!)
        {
            var section = ((string)expected["section"]!).Split('、')[0] + "、";
            var item = (string)expected["item"]!;
            var key = TextNormalizer.Key(item.Split(' ', '：').Last());
            var found = figures.Where(f => f.Kind == "amount" && TextNormalizer.Key(f.Section).StartsWith(section) && f.Text == (string)expected["amount"]!
                                           && f.Unit == (string)expected["unit"]!)
                .Where(f => TextNormalizer.Key(f.Label) is var l && l.Length >= 2 && (l.Contains(key) || key.Contains(l)))
                .ToList();
            if (found.Count == 0) { missing.Add($"{expected["section"]} {item} {expected["amount"]}"); continue; }
            if (expected["share"] is { } share && !found.Any(f => f.Share + "%" == (string)share!))
                missing.Add($"{item}: share {share} not read ({string.Join(",", found.Select(f => f.Share))})");
            if (expected["change"] is { } change && !found.Any(f => f.Change == (string)change!))
                missing.Add($"{item}: change {change} not read ({string.Join(",", found.Select(f => f.Change))})");
            if (expected["growth"] is { } growth && !found.Any(f => f.Growth + "%" == (string)growth!))
                missing.Add($"{item}: growth {growth} not read ({string.Join(",", found.Select(f => f.Growth))})");
            if (expected["change_direction"] is { } direction && !found.Any(f => f.ChangeDirection == (string)direction!))
                missing.Add($"{item}: direction {direction} not read ({string.Join(",", found.Select(f => f.ChangeDirection))})");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory, MemberData(nameof(Documents))]
    public void Figures_carry_their_sentence_page_and_box(string truthFile, string pdf)
    {
        _ = truthFile;
        var document = DocumentCache.Get(pdf);
        var figures = document.Reconciliation!.ProseFigures;
        Assert.NotEmpty(figures);
        Assert.All(figures, f =>
        {
            Assert.Contains(f.Text.Replace(",", ""), f.Sentence.Replace(",", "").Replace(" ", ""));
            Assert.InRange(f.Page, 1, document.Info.PageCount);
            Assert.True(f.Box.Width > 0 && f.Box.Height > 0);
            // The box holds the amount's glyphs: read back, they spell the amount as printed.
            var inside = document.TextLines.Where(l => l.Page == f.Page).SelectMany(l => l.Glyphs)
                .Where(g => f.Box.Contains(g.CentreX, g.CentreY)).OrderByDescending(g => g.Baseline).ThenBy(g => g.AdvanceLeft);
            Assert.Equal(f.Text, string.Concat(inside.Select(g => g.Text)));
        });
    }

    [Fact]
    public void Joins_a_share_and_change_split_over_lines()
    {
        var figures = ProseFigureParser.Parse(
        [
            new ProseParagraph("二、 关于收入预算情况说明", [Line("二、 关于收入预算情况说明")], [0]),
            new ProseParagraph("一般公共预算 1,029.48 万元，占 10.67%，比上年预算减少 12.00 万元，下降1.15%，主要原因是…。",
                [Line("一般公共预算 1,029.48 万元，占 10.67%，比上年预算减少"), Line("12.00 万元，下降1.15%，主要原因是…。")], [0, 37]),
        ]);
        var figure = Assert.Single(figures);
        Assert.Equal(("一般公共预算", "1,029.48", "10.67", "12.00", "减少", "1.15"), (figure.Label, figure.Text, figure.Share, figure.Change, figure.ChangeDirection, figure.Growth));
    }

    private static Extractor.Model.TextLine Line(string text) =>
        new(text, text, new Extractor.Model.Provenance(13, new Extractor.Geometry.Box(50, 700, 500, 714)), 14, []);
}
