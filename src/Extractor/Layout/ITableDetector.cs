using Extractor.Geometry;
using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// The table-detector seam: finds table regions on a page and builds each one's grid from the glyphs inside it.
/// The layout stage runs its detectors in order; each sees the regions earlier detectors took, so a later detector
/// (ruled stream) fills only what an earlier one (lattice) left.
/// </summary>
public interface ITableDetector
{
    GridMethod Method { get; }

    /// <param name="cleanedRulings">the page's rulings after <see cref="RulingCleaner"/></param>
    /// <param name="taken">boxes of the regions earlier detectors found on this page</param>
    /// <param name="tolerances">the layout stage's geometric thresholds (<see cref="LayoutOptions.Tolerances"/>)</param>
    IReadOnlyList<TableCandidate> Find(PageModel page, IReadOnlyList<Ruling> cleanedRulings, IReadOnlyList<Box> taken, LayoutTolerances tolerances);
}

/// <summary>A region a detector found: its box (which glyphs belong to it) and how to build its grid from them.</summary>
public sealed record TableCandidate(Box Box, Func<IReadOnlyList<Glyph>, TableGrid> BuildGrid);

/// <summary>Bordered tables: rulings on all sides (<see cref="LatticeDetector"/>).</summary>
public sealed class LatticeTableDetector : ITableDetector
{
    public GridMethod Method => GridMethod.Lattice;

    public IReadOnlyList<TableCandidate> Find(PageModel page, IReadOnlyList<Ruling> cleanedRulings, IReadOnlyList<Box> taken, LayoutTolerances tolerances) =>
        LatticeDetector.FindFrames(cleanedRulings, tolerances)
            .Select(frame => new TableCandidate(frame.Box, glyphs => LatticeDetector.BuildGrid(frame, page.Number, glyphs, tolerances)))
            .ToList();
}

/// <summary>Tables drawn with horizontal rules only, columns from text alignment (<see cref="StreamTableBuilder"/>).</summary>
public sealed class RuledStreamTableDetector : ITableDetector
{
    public GridMethod Method => GridMethod.Stream;

    public IReadOnlyList<TableCandidate> Find(PageModel page, IReadOnlyList<Ruling> cleanedRulings, IReadOnlyList<Box> taken, LayoutTolerances tolerances) =>
        RuledRegionFinder.Find(cleanedRulings, taken, page.Glyphs, page.Height, tolerances)
            .Select(region => new TableCandidate(region.Box, glyphs => new StreamTableBuilder(tolerances).Build(region, page.Number, glyphs)))
            .ToList();
}
