using Extractor.Model;

namespace Extractor.Layout;

/// <summary>A page split into table grids and the text lines outside them (titles, unit lines, notes, prose).</summary>
public sealed record PageLayout(LaidOutPage Page, IReadOnlyList<TableGrid> Grids, IReadOnlyList<TextLine> Lines);

/// <summary>
/// What the stages after layout need of a page: its number, displayed size and text-layer verdict. Not its glyphs and
/// rulings: the lines and cells hold the glyphs they use, and a document's layouts live to its end (a 328-page list
/// kept about half a million glyphs in its page models besides those in its cells).
/// </summary>
public sealed record LaidOutPage(int Number, double Width, double Height, TextLayerProblem Problem, string? ProblemDetail, bool FromOcr)
{
    public static LaidOutPage Of(PageModel page) => new(page.Number, page.Width, page.Height, page.Problem, page.ProblemDetail, page.FromOcr);
}

/// <summary>Options of the layout stage.</summary>
/// <param name="Detectors">table detectors, run in this order (default: lattice, then ruled stream)</param>
/// <param name="LineSplitGapEms">
/// Gap, in em, that splits one baseline into separate lines outside tables (`编制部门：…` left, `单位：万元` right on the
/// same baseline). Default 3.
/// </param>
public sealed record LayoutOptions(IReadOnlyList<ITableDetector> Detectors, double LineSplitGapEms = 3.0)
{
    /// <summary>The geometric thresholds every detector and grid builder of the stage is given.</summary>
    public LayoutTolerances Tolerances { get; init; } = LayoutTolerances.Default;

    public static LayoutOptions Default { get; } = new([new LatticeTableDetector(), new RuledStreamTableDetector()]);
}

/// <summary>The layout stage: table grids from the configured detectors, and the text lines outside them.</summary>
public sealed class PageLayoutAnalyzer(LayoutOptions options)
{
    public static PageLayoutAnalyzer Default { get; } = new(LayoutOptions.Default);

    public PageLayout Analyze(PageModel page)
    {
        if (page.Problem != TextLayerProblem.None) return new PageLayout(LaidOutPage.Of(page), [], []);
        var cleaned = RulingCleaner.Clean(page.Rulings, options.Tolerances);
        var candidates = new List<TableCandidate>();
        foreach (var detector in options.Detectors)
            candidates.AddRange(detector.Find(page, cleaned, candidates.Select(c => c.Box).ToList(), options.Tolerances));
        // A glyph belongs to every region whose box holds its centre; glyphs in none are free text.
        var free = new List<Glyph>(page.Glyphs.Count);
        var inTable = new List<Glyph>[candidates.Count];
        for (var i = 0; i < candidates.Count; i++) inTable[i] = [];
        foreach (var g in page.Glyphs)
        {
            var inside = false;
            for (var i = 0; i < candidates.Count; i++)
                if (candidates[i].Box.Contains(g.CentreX, g.CentreY)) { inTable[i].Add(g); inside = true; }
            if (!inside) free.Add(g);
        }
        var grids = new List<TableGrid>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var grid = candidates[i].BuildGrid(inTable[i]);
            // A cell's wrapped last line printed under the table's bottom rule belongs to that cell: read the grid again with it.
            if (OverflowingText.SpilledBelow(grid, free) is { Count: > 0 } spilled)
            {
                var moved = spilled.ToHashSet(ReferenceEqualityComparer.Instance);
                free.RemoveAll(moved.Contains);
                inTable[i].AddRange(spilled);
                grid = candidates[i].BuildGrid(inTable[i]);
            }
            grids.Add(grid);
        }
        var lines = TextLineBuilder.Build(free, page.Number, options.Tolerances, options.LineSplitGapEms);
        return new PageLayout(LaidOutPage.Of(page), grids, lines);
    }
}
