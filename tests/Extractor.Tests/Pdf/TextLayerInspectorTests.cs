using Extractor.Geometry;
using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Tests.Pdf;

public class TextLayerInspectorTests
{
    private static List<Glyph> Glyphs(string text) =>
        text.Select((c, i) => new Glyph(c.ToString(), c.ToString(), new Box(i * 10, 0, i * 10 + 9, 10), i * 10, i * 10 + 9, 0, 10)).ToList();

    [Fact]
    public void A_page_with_images_and_no_text_has_no_text_layer()
    {
        var (problem, detail) = TextLayerInspector.Inspect([], () => 1);
        Assert.Equal(TextLayerProblem.NoTextLayer, problem);
        Assert.Contains("scanned", detail);
    }

    [Fact]
    public void Private_use_and_replacement_characters_mean_the_text_does_not_decode()
    {
        var (problem, detail) = TextLayerInspector.Inspect(Glyphs("\uE001\uE002\uE003\uFFFD部门"), () => 0);
        Assert.Equal(TextLayerProblem.Undecodable, problem);
        Assert.Contains("do not decode", detail);
    }

    [Fact]
    public void Ordinary_text_with_a_stray_symbol_is_fine()
    {
        Assert.Equal(TextLayerProblem.None, TextLayerInspector.Inspect(Glyphs("部门收支总体情况表一般公共预算\uE001"), () => 0).Item1);
    }
}
