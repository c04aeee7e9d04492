using System.Text;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Tests.Support;

namespace Extractor.Tests.Pdf;

/// <summary>
/// The lean page reader (<see cref="PageReaderKind.Lean"/>, the default) reads every page exactly as PdfPig's own page
/// does: every glyph (text, box, advance, baseline, size), every ruling, the text-layer verdict and every failure.
/// </summary>
public class LeanReaderEquivalenceTests
{
    private static readonly PdfTextLayerOptions Lean = PdfTextLayerOptions.Default;
    private static readonly PdfTextLayerOptions Reference = PdfTextLayerOptions.Default with { Reader = PageReaderKind.PdfPig };

    public static TheoryData<string> FixturePdfs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repo.Fixture(""), "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Repo.Fixture(""), path));
        return data;
    }

    [Fact]
    public void Every_fixture_pdf_is_compared() => Assert.Equal(66, FixturePdfs().Count);

    [Theory]
    [MemberData(nameof(FixturePdfs))]
    public void Both_readers_read_every_page_of_a_fixture_alike(string fixture) =>
        AssertSameReading(File.ReadAllBytes(Repo.Fixture(fixture)), fixture);

    /// <summary>
    /// Path rules the fixtures may not all exercise: a line after `re` or `h` is dropped, a clipping path and white
    /// paint are not rules, a curve spoils a rectangle, close-and-stroke, fill-and-stroke, a form XObject, a
    /// combining mark joining its letter, and an image on a page without text.
    /// </summary>
    [Theory]
    [InlineData("100 700 200 1 re 300 700 l f\n")]
    [InlineData("100 700 m 300 700 l h 300 650 l S\n")]
    [InlineData("100 600 300 200 re W n 100 650 m 400 650 l S\n")]
    [InlineData("1 1 1 RG 100 650 m 400 650 l S 0 0 0 RG 100 640 m 400 640 l S\n")]
    [InlineData("1 g 100 600 300 1 re f 0 g 100 590 300 1 re f\n")]
    [InlineData("100 600 m 400 600 l 400 601 l 200 601 250 601 100 601 c h f\n")]
    [InlineData("100 600 m 400 600 l 400 500 l 100 500 l s 100 400 300 80 re B 100 300 300 80 re b*\n")]
    [InlineData("q 2 0 0 2 10 10 cm 50 300 100 0.5 re f Q 100 200 m 100 100 l 0.5 w S\n")]
    [InlineData("BT /F1 12 Tf 72 700 Td (e\\302\\251 A) Tj ET 72 690 m 300 690 l S\n")]
    [InlineData("BT /F1 12 Tf 3 Tr 72 700 Td 2 Tz 1 Tc 4 Tw (a b c) Tj T* [(x) -200 (y)] TJ ET\n")]
    public void Both_readers_draw_the_same_paths_and_letters(string content)
    {
        AssertSameReading(HostilePdf.OnePage("<< >>", Encoding.Latin1.GetBytes(content)), content);
    }

    [Fact]
    public void Both_readers_agree_on_a_form_and_on_a_page_of_only_an_image()
    {
        var form = HostilePdf.Build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 7 0 R >> >> /Contents 4 0 R >>",
            ("<< >>", "q 1 0 0 1 50 50 cm /X1 Do Q BT /F1 10 Tf 72 72 Td (after) Tj ET"u8.ToArray()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 /Resources << /XObject << /Im1 8 0 R >> >> /Contents 9 0 R >>",
            ("<< /Type /XObject /Subtype /Form /Resources << /Font << /F1 5 0 R >> >> /BBox [0 0 300 300] >>",
                "100 100 200 1 re f BT /F1 9 Tf 10 10 Td (form) Tj ET"u8.ToArray()),
            ("<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 >>", new byte[] { 0x80 }),
            ("<< >>", "q 100 0 0 100 0 0 cm /Im1 Do Q"u8.ToArray()),
        ]);
        AssertSameReading(form, "form and image");
        using var reader = PdfPageReader.Open(form, "form.pdf");
        Assert.Contains("1 image(s)", reader.ReadPage(2).ProblemDetail);
        var first = reader.ReadPage(1);
        Assert.Contains(first.Rulings, r => r.Orientation == Orientation.Horizontal && r.Start == 150); // the form's rule, moved by the cm
        Assert.Contains(first.Glyphs, g => g.Text == "f" && g.Baseline == 60); // and its text (form space 10 10, moved by 50 50)
    }

    private static void AssertSameReading(byte[] pdf, string name)
    {
        var (lean, leanError) = Open(pdf, name, Lean);
        var (reference, referenceError) = Open(pdf, name, Reference);
        using (lean)
        using (reference)
        {
            Assert.Equal(referenceError, leanError);
            if (reference is null || lean is null) return;
            Assert.Equal(reference.PageCount, lean.PageCount);
            for (var n = 1; n <= reference.PageCount; n++)
            {
                var (expected, expectedError) = Read(reference, n);
                var (actual, actualError) = Read(lean, n);
                Assert.True(expectedError == actualError, $"{name} page {n}: PdfPig {expectedError ?? "reads"}, lean {actualError ?? "reads"}");
                if (expected is null || actual is null) continue;
                Assert.True(expected with { Glyphs = [], Rulings = [] } == actual with { Glyphs = [], Rulings = [] }, $"{name} page {n}: {expected with { Glyphs = [], Rulings = [] }} vs {actual with { Glyphs = [], Rulings = [] }}");
                AssertSameList(expected.Glyphs, actual.Glyphs, $"{name} page {n} glyph");
                AssertSameList(expected.Rulings, actual.Rulings, $"{name} page {n} ruling");
            }
        }
    }

    private static void AssertSameList<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string what)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            Assert.True(Equals(expected[i], actual[i]), $"{what} {i}: PdfPig {expected[i]}, lean {actual[i]}");
        Assert.True(expected.Count == actual.Count, $"{what}s: PdfPig {expected.Count}, lean {actual.Count}");
    }

    private static (PdfPageReader?, string?) Open(byte[] pdf, string name, PdfTextLayerOptions options)
    {
        try { return (PdfPageReader.Open(pdf, name, options, null), null); }
        catch (PdfReadException e) { return (null, e.Message); }
    }

    private static (PageModel?, string?) Read(PdfPageReader reader, int page)
    {
        try { return (reader.ReadPage(page), null); }
        catch (PdfReadException e) { return (null, e.Message); }
    }
}
