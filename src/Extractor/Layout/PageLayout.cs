using Extractor.Pdf;

namespace Extractor.Layout;

/// <summary>A page split into table grids and the text lines outside them (titles, unit lines, notes, prose).</summary>
public sealed record PageLayout(PageModel Page, IReadOnlyList<TableGrid> Grids, IReadOnlyList<TextLine> Lines);

public static class PageLayoutAnalyzer
{
    /// <summary>Gap, in em, that splits one baseline into separate lines (`编制部门：…` left, `单位：万元` right).</summary>
    private const double LineSplitGapEms = 3.0;

    public static PageLayout Analyze(PageModel page)
    {
        if (page.Problem != TextLayerProblem.None) return new PageLayout(page, [], []);
        var cleaned = RulingCleaner.Clean(page.Rulings);
        var frames = LatticeDetector.FindFrames(cleaned);
        var grids = new List<TableGrid>(frames.Count);
        var free = new List<Glyph>(page.Glyphs.Count);
        foreach (var g in page.Glyphs)
        {
            var inside = false;
            foreach (var f in frames)
                if (f.Box.Contains(g.CentreX, g.CentreY)) { inside = true; break; }
            if (!inside) free.Add(g);
        }
        foreach (var frame in frames)
        {
            var glyphs = page.Glyphs.Where(g => frame.Box.Contains(g.CentreX, g.CentreY)).ToList();
            grids.Add(LatticeDetector.BuildGrid(frame, page.Number, glyphs));
        }
        var lines = TextLineBuilder.Build(free, page.Number, LineSplitGapEms);
        return new PageLayout(page, grids, lines);
    }
}
