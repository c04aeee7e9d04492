namespace Extractor.Geometry;

/// <summary>Every geometric tolerance of the pipeline, in points, with the reason for its size.</summary>
public static class Tolerances
{
    /// <summary>A filled rectangle thinner than this is a ruling line (browsers draw borders as thin fills).</summary>
    public const double MaxRulingThickness = 2.5;

    /// <summary>Rulings whose positions differ by less than this are the same line (anti-aliasing offsets, double borders).</summary>
    public const double RulingSnap = 1.5;

    /// <summary>Collinear ruling pieces separated by less than this gap are joined (cell borders drawn cell by cell).</summary>
    public const double RulingJoinGap = 2.0;

    /// <summary>How far a ruling may stop short of a crossing line and still be taken to meet it.</summary>
    public const double IntersectionReach = 3.0;

    /// <summary>Rulings shorter than this are decoration (tick marks, underlines of single glyphs), not table borders.</summary>
    public const double MinRulingLength = 4.0;

    /// <summary>Glyphs whose baselines differ by less than this fraction of the font size share a text line.</summary>
    public const double SameLineFraction = 0.45;

    /// <summary>A horizontal gap wider than this fraction of the font size between glyphs reads as a space.</summary>
    public const double SpaceGapFraction = 0.22;

    /// <summary>A glyph drawn again within this distance of an identical one is a fake-bold overprint.</summary>
    public const double OverprintDistance = 0.6;
}
