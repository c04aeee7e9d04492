using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Tests.Support;

namespace Extractor.Tests.Reliability;

/// <summary>Issue 10 defects 1 and 2: hostile files fail their document with `too large: …` before memory is spent.</summary>
public class BoundsTests
{
    private static (PdfReadException Error, long AllocatedBytes) Reject(byte[] pdf, string name)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<PdfReadException>(() => DocumentExtractor.Extract(pdf, name));
        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("[1 2147483647 500]")]
    [InlineData("[1 100000000 500]")]
    [InlineData("[0 [500 500] 10 10000000 600]")]
    public void A_width_range_bomb_is_rejected_without_expanding_it(string widths)
    {
        var pdf = HostilePdf.WidthBomb(widths);
        Assert.True(pdf.Length < 1200, $"the bomb is a small file ({pdf.Length} bytes)");
        var (error, allocated) = Reject(pdf, "w-bomb.pdf");
        Assert.StartsWith("w-bomb.pdf: too large: a font /W width array", error.Message);
        Assert.Contains("MaxFontWidthEntries", error.Message);
        Assert.True(allocated < 50L << 20, $"allocated {allocated >> 20} MiB");
    }

    [Fact]
    public void Without_the_bound_PdfPig_expands_the_range_entry_by_entry()
    {
        // The generated bomb is real: 2 M widths unbounded cost far more than the whole bounded rejection.
        var pdf = HostilePdf.WidthBomb("[1 2000000 500]");
        var before = GC.GetAllocatedBytesForCurrentThread();
        using (var reader = PdfPageReader.Open(pdf, "w-bomb.pdf", ResourceLimits.None)) _ = Record.Exception(() => reader.ReadPage(1));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 60L << 20);
    }

    [Fact]
    public void A_real_width_array_is_accepted()
    {
        // 65,536 widths: the whole CID space in one range is still a font, not a bomb.
        var pdf = HostilePdf.WidthBomb("[0 65535 500]");
        var error = Record.Exception(() => DocumentExtractor.Extract(pdf, "cid.pdf"));
        Assert.DoesNotContain("too large", error?.Message ?? "");
    }

    [Fact]
    public void A_zip_bomb_stream_stops_at_the_decoded_size_cap()
    {
        var limits = ResourceLimits.Default with { MaxDecodedStreamBytes = 64L << 20 };
        var pdf = HostilePdf.ZipBomb(100L << 20);
        Assert.True(pdf.Length < 1 << 20);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<PdfReadException>(() => PdfPageReader.Open(pdf, "zip-bomb.pdf", limits));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 32L << 20, "inflated in chunks, never held");
        Assert.Equal("zip-bomb.pdf: too large: stream 4 0 R inflates to more than 64 MiB (limit MaxDecodedStreamBytes)", error.Message);
    }

    [Fact]
    public void Too_many_path_segments_fail_their_page_before_PdfPig_builds_them()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<UnreadableDocumentException>(() => DocumentExtractor.Extract(HostilePdf.Segments(300_000), "segments.pdf"));
        Assert.Equal("segments.pdf: no page could be read (page 1 too large: content stream 4 0 R has more than 250,000 path segments (limit MaxPathSegmentsPerStream))", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 200L << 20);
    }

    [Fact]
    public void Only_the_page_drawing_an_oversized_stream_fails()
    {
        var segments = string.Concat(Enumerable.Repeat("1 2 m 3 4 l S\n", 2000));
        var pdf = HostilePdf.Build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents [5 0 R 6 0 R] >>",
            ("<< >>", "BT /F1 12 Tf 72 700 Td (text) Tj ET"u8.ToArray()),
            ("<< >>", System.Text.Encoding.ASCII.GetBytes(segments)),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]);
        using var reader = PdfPageReader.Open(pdf, "mixed.pdf", ResourceLimits.Default with { MaxPathSegmentsPerStream = 1000 });
        Assert.Equal("text", string.Concat(reader.ReadPage(1).Glyphs.Select(g => g.Text)));
        var error = Assert.Throws<PdfReadException>(() => reader.ReadPage(2));
        Assert.Equal("mixed.pdf: page 2 too large: content stream 6 0 R has more than 1,000 path segments (limit MaxPathSegmentsPerStream)", error.Message);
    }

    [Fact]
    public void An_oversized_stream_no_page_draws_directly_fails_the_document()
    {
        // a form XObject: PdfPig would parse it with the page that uses it, so the whole document is refused
        var pdf = HostilePdf.OnePage("<< >>", "/X1 Do"u8.ToArray(), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length 4000 >>");
        var text = System.Text.Encoding.Latin1.GetString(pdf).Replace("/Subtype /Form /BBox [0 0 10 10] /Length 4000 >>",
            "/Subtype /Form /BBox [0 0 10 10] /Length 2800 >>\nstream\n" + string.Concat(Enumerable.Repeat("1 2 m 3 4 l S\n", 200)) + "\nendstream");
        var error = Assert.Throws<PdfReadException>(() =>
            PdfPageReader.Open(System.Text.Encoding.Latin1.GetBytes(text), "form.pdf", ResourceLimits.Default with { MaxPathSegmentsPerStream = 100 }));
        Assert.StartsWith("form.pdf: too large: content stream 6 0 R has more than 100 path segments", error.Message);
    }

    [Fact]
    public void Operators_are_counted_by_kind_not_by_bytes()
    {
        // 1,000 segments, strings with operator-like words inside, a comment and a name: far below every bound,
        // and counted exactly: strings, comments and names are not operators.
        var limits = ResourceLimits.Default with { MaxPathSegmentsPerStream = 1000, MaxOperatorsPerStream = 3006 };
        var content = string.Concat(Enumerable.Repeat("1 2 m 3 4 l S\n", 1000)) + "BT /F1 12 Tf (l l l re) Tj % l l l\n<4E2D> Tj ET\n";
        var pdf = HostilePdf.OnePage("<< >>", System.Text.Encoding.ASCII.GetBytes(content));
        Assert.Empty(PdfPreScanner.Check(pdf, "ok.pdf", limits)); // 1000 m + 1000 l + 1000 S + BT Tf Tj Tj ET = 3005 operators
        var tighter = limits with { MaxOperatorsPerStream = 3004 };
        Assert.Contains("operators", Assert.Single(PdfPreScanner.Check(pdf, "ok.pdf", tighter)).Value);
    }

    [Fact]
    public void Pages_beyond_the_bound_fail_the_document()
    {
        var pdf = HostilePdf.Pages(30);
        var error = Assert.Throws<PdfReadException>(() => PdfPageReader.Open(pdf, "pages.pdf", ResourceLimits.Default with { MaxPages = 20 }));
        Assert.Equal("pages.pdf: too large: 30 pages (limit MaxPages 20)", error.Message);
        using var reader = PdfPageReader.Open(pdf, "pages.pdf");
        Assert.Equal(30, reader.PageCount);
    }

    [Fact]
    public void Every_fixture_is_within_the_default_bounds()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Fixture(""), "*.pdf", SearchOption.AllDirectories))
            Assert.Empty(PdfPreScanner.Check(File.ReadAllBytes(file), Path.GetFileName(file), ResourceLimits.Default));
    }
}
