using Extractor.Model;

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
        var regions = RuledRegionFinder.Find(cleaned, frames.Select(f => f.Box).ToList(), page.Height);
        var boxes = frames.Select(f => f.Box).Concat(regions.Select(r => r.Box)).ToList();
        var grids = new List<TableGrid>(boxes.Count);
        var free = new List<Glyph>(page.Glyphs.Count);
        var inTable = new List<Glyph>[boxes.Count];
        for (var i = 0; i < boxes.Count; i++) inTable[i] = [];
        foreach (var g in page.Glyphs)
        {
            var inside = false;
            for (var i = 0; i < boxes.Count; i++)
                if (boxes[i].Contains(g.CentreX, g.CentreY)) { inTable[i].Add(g); inside = true; }
            if (!inside) free.Add(g);
        }
        for (var i = 0; i < frames.Count; i++)
            grids.Add(LatticeDetector.BuildGrid(frames[i], page.Number, inTable[i]));
        for (var i = 0; i < regions.Count; i++)
            grids.Add(StreamTableBuilder.Build(regions[i], page.Number, inTable[frames.Count + i]));
        var lines = TextLineBuilder.Build(free, page.Number, LineSplitGapEms);
        return new PageLayout(page, grids, lines);
    }
}
