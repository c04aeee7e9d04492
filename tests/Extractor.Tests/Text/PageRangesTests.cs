using Extractor.Text;

namespace Extractor.Tests.Text;

public class PageRangesTests
{
    [Theory]
    [InlineData(new[] { 1, 2, 3, 5 }, "1–3, 5")]
    [InlineData(new[] { 7 }, "7")]
    [InlineData(new[] { 2, 4, 5, 9, 10, 11 }, "2, 4–5, 9–11")]
    [InlineData(new int[0], "")]
    public void Consecutive_pages_become_runs(int[] pages, string expected) =>
        Assert.Equal(expected, PageRanges.Format(pages));

    [Fact]
    public void The_report_writes_them_compactly() =>
        Assert.Equal("1-3,5", PageRanges.Format([1, 2, 3, 5], "-", ","));
}
