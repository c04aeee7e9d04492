using System.Text.RegularExpressions;
using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// Where one stack of equally long horizontal rules holds two tables: at a band that is the space between them (the
/// next table's title and unit line, or prose), not a row. A band is a break when it is very tall and holds no row
/// (two tables that share a width, far apart), or when it holds a title: a line set larger than the stack's text
/// with no number standing apart as a cell (`会议费明细表` rows, then `培训费明细表` 13 pt over 10 pt rows, then its
/// own header and rows, all under rules of one width).
/// </summary>
internal sealed partial class StackBreaks
{
    [GeneratedRegex(@"^[-−]?\d[\d,]*(\.\d+)?$")]
    private static partial Regex Number();

    private readonly List<Glyph> glyphs;
    private readonly IReadOnlyList<double> ys;
    private readonly double maxGap, usualSize;
    private readonly LayoutTolerances tolerances;

    /// <param name="ys">the stack's rule positions, top first</param>
    public StackBreaks(IReadOnlyList<Glyph> pageGlyphs, double left, double right, IReadOnlyList<double> ys, double pageHeight, LayoutTolerances tolerances)
    {
        this.ys = ys;
        this.tolerances = tolerances;
        maxGap = pageHeight * tolerances.TableBreakGapFraction;
        glyphs = pageGlyphs.Where(g => !g.IsWhitespace && g.CentreX > left && g.CentreX < right && g.CentreY < ys[0] && g.CentreY > ys[^1]).ToList();
        var sizes = glyphs.Select(g => g.FontSize).Order().ToList();
        usualSize = sizes.Count == 0 ? 0 : sizes[sizes.Count / 2];
    }

    /// <summary>Whether the band between rules <paramref name="below"/> − 1 and <paramref name="below"/> separates two tables.</summary>
    /// <param name="firstOfTable">the band is the first of the table above it (its header: never a title)</param>
    public bool IsBreak(int below, bool firstOfTable)
    {
        double top = ys[below - 1], bottom = ys[below];
        var tall = top - bottom > maxGap;
        if (!tall && firstOfTable) return false;
        var lines = TextLineBuilder.Build(glyphs.Where(g => g.CentreY < top && g.CentreY > bottom), 0, tolerances, 1.0);
        if (lines.Any(l => Number().IsMatch(l.Text))) return false;
        return tall || lines.Any(l => l.FontSize >= tolerances.TitleSizeRatio * usualSize);
    }
}
