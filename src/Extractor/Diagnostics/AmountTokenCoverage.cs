using System.Text.RegularExpressions;
using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Diagnostics;

/// <summary>How many number-looking words inside table regions ended up in exactly one cell.</summary>
public sealed record CoverageCount(int Tokens, int InTableCells, int InOtherGrids, IReadOnlyList<MissedToken> Missed)
{
    public int Landed => InTableCells + InOtherGrids;
    public double Share => Tokens == 0 ? 1.0 : (double)InTableCells / Tokens;
    public static CoverageCount Zero { get; } = new(0, 0, 0, []);
}

/// <summary>A token that did not land: its text, where it is (page + box) and why.</summary>
public sealed record MissedToken(string Text, Provenance At, string Reason)
{
    public int Page => At.Page;
    public Box Box => At.Box;
}

/// <summary>
/// Measures whether the amounts printed inside table regions land in cells. Words are rebuilt from the glyphs of each
/// region independently of the cell assignment (baseline + gap, as a reader would see them); a word that looks like a
/// number is a token, and it has landed when the one cell under its centre holds it as its text or part of it. A token
/// cut by a cell border, swallowed by a neighbour, or under two cells (overlapping regions) has not.
/// </summary>
public static partial class AmountTokenCoverage
{
    [GeneratedRegex(@"^[-−(（]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?[)）]?$")]
    private static partial Regex NumberLooking();

    /// <param name="page">The page measured (1-based): where a missed token is.</param>
    /// <param name="pageGlyphs">Every glyph of the page, as read from the PDF (not as assigned to cells).</param>
    /// <param name="tableGrids">Grids of the emitted tables on the page.</param>
    /// <param name="otherGrids">Grids on the same page that belong to no table (forms, unrecognised regions).</param>
    /// <param name="tablesWithoutGrid">Regions of titled tables for which no grid was found (below the title): every token
    /// there is counted and none lands, so a table drawn without rules lowers the share instead of vanishing from it.</param>
    public static CoverageCount Measure(int page, IReadOnlyList<Glyph> pageGlyphs, IReadOnlyList<TableGrid> tableGrids, IReadOnlyList<TableGrid> otherGrids,
        IReadOnlyList<Box>? tablesWithoutGrid = null)
    {
        var all = tableGrids.Select(g => (Grid: g, InTable: true)).Concat(otherGrids.Select(g => (Grid: g, InTable: false))).ToList();
        int tokens = 0, inTables = 0, inOthers = 0;
        var missed = new List<MissedToken>();
        var byRegion = new Dictionary<TableGrid, List<Glyph>>();
        foreach (var g in pageGlyphs)
        {
            if (g.IsWhitespace || FirstContaining(all, g.Box) is not { } region) continue;
            if (!byRegion.TryGetValue(region, out var list)) byRegion[region] = list = [];
            list.Add(g);
        }
        if (tablesWithoutGrid is { Count: > 0 })
        {
            var loose = pageGlyphs.Where(g => !g.IsWhitespace && FirstContaining(all, g.Box) is null
                && tablesWithoutGrid.Any(r => r.Contains(g.CentreX, g.CentreY))).ToList();
            foreach (var word in Words(loose))
            {
                if (!NumberLooking().IsMatch(word.Text)) continue;
                tokens++;
                missed.Add(new MissedToken(word.Text, new Provenance(page, word.Box), "in a table without a grid (drawn without rules)"));
            }
        }
        foreach (var (grid, glyphs) in byRegion)
        {
            foreach (var word in Words(glyphs))
            {
                if (!NumberLooking().IsMatch(word.Text)) continue;
                // Each token is counted once, by the region that contains it first in reading order.
                if (!ReferenceEquals(FirstContaining(all, word.Box), grid)) continue;
                tokens++;
                var holders = new List<(GridCell Cell, bool InTable)>(2);
                foreach (var (g, inTable) in all)
                    if (CellUnder(g, word.Box.CentreX, word.Box.CentreY) is { } cell) holders.Add((cell, inTable));
                if (holders.Count != 1)
                {
                    missed.Add(new MissedToken(word.Text, new Provenance(page, word.Box), $"under {holders.Count} cells"));
                    continue;
                }
                var (holder, holderInTable) = holders[0];
                if (!TextNormalizer.Compact(holder.Text).Contains(word.Text, StringComparison.Ordinal))
                {
                    missed.Add(new MissedToken(word.Text, new Provenance(page, word.Box), $"cell holds '{holder.Text}'"));
                    continue;
                }
                if (holderInTable) inTables++;
                else inOthers++;
            }
        }
        return new CoverageCount(tokens, inTables, inOthers, missed);
    }

    private static TableGrid? FirstContaining(List<(TableGrid Grid, bool InTable)> grids, Box box)
    {
        foreach (var (g, _) in grids)
            if (g.Box.Contains(box.CentreX, box.CentreY)) return g;
        return null;
    }

    /// <summary>The cell under a point, found by binary search over the grid's edges.</summary>
    private static GridCell? CellUnder(TableGrid grid, double x, double y)
    {
        if (!grid.Box.Contains(x, y)) return null;
        var col = Band(grid.ColumnEdges, x, ascending: true);
        var row = Band(grid.RowEdges, y, ascending: false);
        if (col < 0 || row < 0) return null;
        return grid.CellAt(row, col);
    }

    private static int Band(IReadOnlyList<double> edges, double v, bool ascending)
    {
        int lo = 0, hi = edges.Count - 1;
        if (ascending ? v < edges[0] || v > edges[^1] : v > edges[0] || v < edges[^1]) return -1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (ascending ? edges[mid] <= v : edges[mid] >= v) lo = mid; else hi = mid;
        }
        return lo;
    }

    private sealed record Word(string Text, Box Box);

    /// <summary>Glyphs to words: same baseline, split at whitespace glyphs and visible gaps.</summary>
    /// <remarks>A measure, not a stage: words are read with the default layout thresholds whatever a run was configured with.</remarks>
    private static IEnumerable<Word> Words(List<Glyph> glyphs)
    {
        var tolerances = LayoutTolerances.Default;
        foreach (var line in TextLineBuilder.Build(glyphs, 0, tolerances))
        {
            var current = new List<Glyph>();
            Glyph? previous = null;
            foreach (var g in line.Glyphs.OrderBy(g => g.AdvanceLeft))
            {
                if (previous is not null && g.AdvanceLeft - previous.AdvanceRight > tolerances.SpaceGapFraction * Math.Max(g.FontSize, previous.FontSize))
                {
                    yield return ToWord(current);
                    current = [];
                }
                current.Add(g);
                previous = g;
            }
            if (current.Count > 0) yield return ToWord(current);
        }
    }

    private static Word ToWord(List<Glyph> glyphs) =>
        new(TextNormalizer.Compact(string.Concat(glyphs.Select(g => g.Text))).Replace('，', ',').Replace('．', '.'), Box.UnionAll(glyphs.Select(g => g.Box))!.Value);
}
