using System.Globalization;
using System.Text;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Tests.Support;

namespace Extractor.Tests.Pdf;

/// <summary>
/// Cell borders drawn as filled outlines with a mitred corner (Xi'an 会议费明细表: `79.8 358.13 m 79.8 374.48 l
/// 80.55 373.73 l 80.55 358.13 l f`, a 0.75 pt rule whose top end is cut at 45°) are rules like any rectangle.
/// </summary>
public class RulingOutlineTests
{
    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A vertical rule at x from y0 to y1, 0.75 thick, its top right corner bevelled.</summary>
    private static string Vertical(double x, double y0, double y1, double w = 0.75) =>
        $"{F(x)} {F(y0)} m {F(x)} {F(y1)} l {F(x + w)} {F(y1 - w)} l {F(x + w)} {F(y0)} l f\n";

    /// <summary>A horizontal rule at y from x0 to x1, its bottom left corner bevelled.</summary>
    private static string Horizontal(double y, double x0, double x1, double w = 0.75) =>
        $"{F(x0)} {F(y)} m {F(x1)} {F(y)} l {F(x1)} {F(y - w)} l {F(x0 + w)} {F(y - w)} l f\n";

    private static PageModel Page(string content)
    {
        var pdf = HostilePdf.OnePage("<< >>", Encoding.ASCII.GetBytes(content));
        using var reader = PdfPageReader.Open(pdf, "outline.pdf");
        return reader.ReadPage(1);
    }

    [Fact]
    public void Bevelled_outlines_are_rules_and_frame_a_lattice_table()
    {
        // 2 rows x 3 columns at x 100 | 200 | 300 | 400, y 700 | 680 | 660.
        var content = new StringBuilder();
        foreach (var y in new[] { 700.0, 680, 660 }) content.Append(Horizontal(y, 100, 400));
        foreach (var x in new[] { 100.0, 200, 300, 400 }) content.Append(Vertical(x, 660, 700));
        content.Append("BT /F1 9 Tf 110 686 Td (Name) Tj 100 0 Td (Count) Tj 100 0 Td (Amount) Tj ET\n");
        content.Append("BT /F1 9 Tf 110 666 Td (Meeting) Tj 100 0 Td (80) Tj 100 0 Td (1.19) Tj ET\n");

        var page = Page(content.ToString());

        var verticals = page.Rulings.Where(r => r.Orientation == Orientation.Vertical).Select(r => r.Position).Order().ToList();
        Assert.Equal(4, verticals.Count);
        Assert.All(verticals.Zip([100.0, 200, 300, 400]), p => Assert.InRange(p.First, p.Second, p.Second + 0.75));
        var grid = Assert.Single(PageLayoutAnalyzer.Default.Analyze(page).Grids);
        Assert.Equal(GridMethod.Lattice, grid.Method);
        Assert.Equal(["Name", "Count", "Amount"], grid.RowTexts(0));
        Assert.Equal(["Meeting", "80", "1.19"], grid.RowTexts(1));
    }

    [Fact]
    public void A_slanted_outline_is_no_rule()
    {
        // A thin wedge whose long edge slants 3 pt over its length: a shape, not a rule.
        var page = Page("100 600 m 100 640 l 103 640 l 101 600 l f\n");
        Assert.DoesNotContain(page.Rulings, r => r.Orientation == Orientation.Vertical);
    }
}
