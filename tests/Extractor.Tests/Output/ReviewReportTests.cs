using System.Net;
using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Tests.Support;

namespace Extractor.Tests.Output;

public class ReviewReportTests
{
    [Fact]
    public void Shows_each_table_page_beside_the_extracted_cells_linked_by_id()
    {
        const string pdf = "urumqi-port-office-2025.office.pdf";
        // As the review command does: the page models come from the one extraction pass.
        var pages = new Dictionary<int, PageModel>();
        var document = DocumentExtractor.Extract(File.ReadAllBytes(Repo.Fixture(pdf)), pdf, null, page => pages[page.Number] = page);
        Assert.Equal(document.Info.PageCount, pages.Count);
        var finding = new ReviewFinding("fail", "test.rule", "合计 ≠ Σ", [(0, 4)]);
        var html = ReviewReportWriter.Render(document, pages, t => t.Number == 2 ? [finding] : []);

        // The same id on the page overlay (rect) and in the extracted table (td): hovering one highlights the other.
        var rects = Regex.Matches(html, "<rect class=\"cell([^\"]*)\" data-cell=\"(t\\d+r\\d+c\\d+)\"").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value.Trim());
        var cells = Regex.Matches(html, "<td class=\"[^\"]*\" data-cell=\"(t\\d+r\\d+c\\d+)\" title=\"[^\"]*\">([^<]*)</td>").ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        for (var t = 0; t < document.Tables.Count; t++)
        {
            var table = document.Tables[t];
            Assert.Contains(WebUtility.HtmlEncode(table.Title), html);
            for (var r = 0; r < table.Structure.Rows.Count; r++)
                for (var c = 0; c < table.Structure.Rows[r].Count; c++)
                {
                    var id = $"t{t}r{r}c{c}";
                    Assert.True(rects.ContainsKey(id), $"no page overlay for {id}");
                    Assert.Equal(table.Structure.Rows[r][c].Text, cells[id]);
                }
        }
        Assert.Equal("fail", rects["t1r0c4"]);
        Assert.Contains(WebUtility.HtmlEncode("fail · test.rule · 合计 ≠ Σ"), html);
    }
}

public class ReviewFindingsTests
{
    [Fact]
    public void Reconciliation_findings_are_pinned_to_the_table_cells()
    {
        var document = DocumentCache.Get("urumqi-port-office-2025.chromium.pdf");
        var t6 = document.Tables.Single(t => t.Number == 6);
        var findings = ReviewReportWriter.FindingsFor(document, t6);
        // The published rounding artefacts of 表6 come first (no fails on the seed), each naming its cells.
        Assert.Equal("rounding", findings[0].Outcome);
        Assert.Contains(findings, f => f.Outcome == "rounding" && f.Cells.Contains((0, 3)));
        Assert.DoesNotContain(findings, f => f.Outcome == "fail");
        Assert.All(findings, f => Assert.All(f.Cells, c => Assert.InRange(c.Row, 0, t6.Structure.Rows.Count - 1)));
    }
}
