using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Output;
using Extractor.Output.Review;
using Extractor.Pipeline;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Output;

public class ReviewReportTests
{
    [Fact]
    public void Findings_are_pinned_to_the_table_cells_fails_first_then_rounding()
    {
        var input = ReviewInput.From(DocumentCache.Get("urumqi-port-office-2025.chromium.pdf"));
        var t6 = input.Tables.Single(t => t.Number == 6);
        // The published rounding artefacts of 表6 come first (no fails on the seed), each naming its cells.
        Assert.Equal("rounding", t6.Findings[0].Outcome);
        Assert.Contains(t6.Findings, f => f.Outcome == "rounding" && f.Cells.Contains((0, 3)));
        Assert.DoesNotContain(t6.Findings, f => f.Outcome == "fail");
        Assert.All(t6.Findings, f => Assert.All(f.Cells, c => Assert.InRange(c.Row, 0, t6.Rows.Count - 1)));
        var ranks = t6.Findings.Select(f => ReviewInput.OutcomeRank(f.Outcome)).ToList();
        Assert.Equal(ranks.Order().ToList(), ranks);
    }

    [Fact]
    public void The_batch_json_gives_the_same_review_input_as_the_fresh_extraction()
    {
        var document = DocumentCache.Get("urumqi-port-office-2025.chromium.pdf");
        var fresh = ReviewInput.From(document);
        var fromJson = ReviewInput.FromJson(JsonDocumentWriter.Serialize(document));
        Assert.Equal(fresh.Tables.Count, fromJson.Tables.Count);
        for (var t = 0; t < fresh.Tables.Count; t++)
        {
            Assert.Equal(fresh.Tables[t].Rows.SelectMany(r => r.Select(c => c.Text)), fromJson.Tables[t].Rows.SelectMany(r => r.Select(c => c.Text)));
            Assert.Equal(fresh.Tables[t].Findings.Count, fromJson.Tables[t].Findings.Count);
        }
        Assert.Throws<FormatException>(() => ReviewInput.FromJson("{\"not\":1}"));
    }

    [Fact]
    public void The_extracted_side_shows_the_whole_header_tree_and_every_cell_has_a_box_on_its_page()
    {
        const string pdf = "urumqi-port-office-2025.office.pdf";
        var pages = new Dictionary<int, PageModel>();
        var document = DocumentExtractor.Extract(File.ReadAllBytes(Repo.Fixture(pdf)), pdf, null, page => pages[page.Number] = page);
        var input = ReviewInput.From(document);
        var report = ReviewReportWriter.Render(input, new ReviewPageSources(pages, new Dictionary<int, PageImage>(), "r_files", "x.review.json", "no renderer", null));

        // Every header cell of every table is printed above the extracted rows (parents too, not only leaves).
        foreach (var table in input.Tables)
        {
            var section = Regex.Match(report.Html, $"<section class=\"tbl\" id=\"t{table.Index}\".*?</section>", RegexOptions.Singleline).Value;
            var thead = Regex.Match(section, "<thead>.*?</thead>", RegexOptions.Singleline).Value;
            foreach (var header in table.HeaderRows.SelectMany(r => r))
                Assert.Contains(">" + System.Net.WebUtility.HtmlEncode(header.Text) + "</th>", thead);
            Assert.Equal(table.Rows.Count, Regex.Matches(Regex.Match(section, "<tbody>.*?</tbody>", RegexOptions.Singleline).Value, "<tr>").Count);
        }
        // The overlay data: every cell with a box, on a page shown for its table.
        var data = JObject.Parse(Regex.Match(report.Html, "<script id=\"data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value);
        foreach (var table in input.Tables)
        {
            var flat = data["cells"]!["t" + table.Index]!.Select(v => (int)v).ToList();
            Assert.Equal(table.Rows.Sum(r => r.Count(c => c.Box[2] > c.Box[0])), flat.Count / 7);
            for (var i = 0; i < flat.Count; i += 7) Assert.Contains(flat[i + 2], table.Pages);
        }
        // Without images: the text layer of each table page, as a compressed script, and the note.
        Assert.Contains("no renderer", report.Html);
        Assert.Equal(input.Tables.SelectMany(t => t.Pages).Distinct().Count(), report.Files.Count(f => f.Name.EndsWith(".js")));
        Assert.Contains("class=\"text\"", report.Html);
    }

    [Fact]
    public void A_text_layer_redraw_holds_every_glyph_of_the_page()
    {
        var pages = new Dictionary<int, PageModel>();
        const string pdf = "urumqi-port-office-2025.chromium.pdf";
        DocumentExtractor.Extract(File.ReadAllBytes(Repo.Fixture(pdf)), pdf, null, page => pages[page.Number] = page);
        var page = pages[3];
        var svg = TextLayerSvg.Render(page);
        var drawn = string.Concat(Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Equal(string.Concat(page.Glyphs.Where(g => !g.IsWhitespace).Select(g => g.Text)), drawn);
    }

    [Theory]
    [InlineData(0, 100, 200, "matrix(1 0 0 1 0 0)", 100, 200)]
    [InlineData(90, 200, 100, "matrix(0 -1 1 0 0 200)", 100, 200)]
    [InlineData(270, 200, 100, "matrix(0 1 -1 0 100 0)", 100, 200)]
    public void A_turned_page_frame_maps_back_onto_the_printed_page(int turn, double modelWidth, double modelHeight, string transform, double width, double height)
    {
        var frame = PageFrame.Of(modelWidth, modelHeight, turn);
        Assert.Equal(transform, frame.Transform);
        Assert.Equal((width, height), (frame.DisplayWidth, frame.DisplayHeight));
    }
}

public class ReviewDecisionsTests
{
    [Fact]
    public void A_decisions_file_round_trips_and_a_foreign_or_newer_one_is_refused_with_the_reason()
    {
        var decisions = new ReviewDecisions(ReviewDecisions.FormatName, 1, "a.pdf", "abc", "li", new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
            [new VerifiedTable(0, 1, "income_expenditure_summary")], [new CellCorrection(1, 2, "income_summary", 0, 4, "9,651.89", "9,651.98", "typo")]);
        var back = ReviewDecisions.Parse(decisions.Serialize());
        Assert.Equal(decisions.Verified, back.Verified);
        Assert.Equal(decisions.Corrections, back.Corrections);
        Assert.Contains("version 2", Assert.Throws<FormatException>(() => ReviewDecisions.Parse("{\"format\":\"extractor-review\",\"version\":2}")).Message);
        Assert.Contains("format", Assert.Throws<FormatException>(() => ReviewDecisions.Parse("{\"version\":1}")).Message);
        Assert.Throws<FormatException>(() => ReviewDecisions.Parse("not json"));
    }
}
