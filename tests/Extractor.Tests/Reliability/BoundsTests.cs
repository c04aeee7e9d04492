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
    public void Too_many_path_segments_fail_the_document_before_PdfPig_builds_them()
    {
        var (error, allocated) = Reject(HostilePdf.Segments(300_000), "segments.pdf");
        Assert.Equal("segments.pdf: too large: content stream 4 0 R has more than 250,000 path segments (limit MaxPathSegmentsPerStream)", error.Message);
        Assert.True(allocated < 200L << 20, $"allocated {allocated >> 20} MiB");
    }

    [Fact]
    public void Operators_are_counted_by_kind_not_by_bytes()
    {
        // 1,000 segments, strings with operator-like words inside, a comment and a name: far below every bound,
        // and counted exactly: strings, comments and names are not operators.
        var limits = ResourceLimits.Default with { MaxPathSegmentsPerStream = 1000, MaxOperatorsPerStream = 3006 };
        var content = string.Concat(Enumerable.Repeat("1 2 m 3 4 l S\n", 1000)) + "BT /F1 12 Tf (l l l re) Tj % l l l\n<4E2D> Tj ET\n";
        var pdf = HostilePdf.OnePage("<< >>", System.Text.Encoding.ASCII.GetBytes(content));
        PdfPreScanner.Check(pdf, "ok.pdf", limits); // 1000 m + 1000 l + 1000 S + BT Tf Tj Tj ET = 3005 operators
        var tighter = limits with { MaxOperatorsPerStream = 3004 };
        Assert.Contains("operators", Assert.Throws<PdfReadException>(() => PdfPreScanner.Check(pdf, "ok.pdf", tighter)).Message);
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
            PdfPreScanner.Check(File.ReadAllBytes(file), Path.GetFileName(file), ResourceLimits.Default);
    }
}
