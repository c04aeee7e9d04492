using System.Net;
using System.Text.RegularExpressions;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Tests.Support;

namespace Extractor.Tests.Output;

public class ReviewReportTests
{
    [Fact]
    public void Shows_each_table_page_beside_the_extracted_cells_linked_by_id()
    {
        const string pdf = "urumqi-port-office-2025.office.pdf";
        var document = DocumentCache.Get(pdf);
        using var reader = PdfPageReader.Open(File.ReadAllBytes(Repo.Fixture(pdf)), pdf);
        var pages = document.Tables.SelectMany(t => t.Structure.Pages).Distinct().ToDictionary(p => p, reader.ReadPage);
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
