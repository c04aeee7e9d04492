namespace Extractor.Layout;

/// <summary>
/// The geometric thresholds of the layout stage (points, or fractions of the font size where type size matters), each
/// with the reason for its value. The layout stage passes them to every grid builder; the sheet and structure stages,
/// which rebuild grids, get the same value from <see cref="LayoutOptions.Tolerances"/>.
/// </summary>
public sealed record LayoutTolerances
{
    /// <summary>The values below, which the fixtures and both corpora were calibrated on.</summary>
    public static LayoutTolerances Default { get; } = new();

    /// <summary>Rulings whose positions differ by less than this are the same line (anti-aliasing offsets, double borders).</summary>
    public double RulingSnap { get; init; } = 1.5;

    /// <summary>Collinear ruling pieces separated by less than this gap are joined (cell borders drawn cell by cell).</summary>
    public double RulingJoinGap { get; init; } = 2.0;

    /// <summary>How far a ruling may stop short of a crossing line and still be taken to meet it.</summary>
    public double IntersectionReach { get; init; } = 3.0;

    /// <summary>Glyphs whose baselines differ by less than this fraction of the font size share a text line.</summary>
    public double SameLineFraction { get; init; } = 0.45;

    /// <summary>A horizontal gap wider than this fraction of the font size between glyphs reads as a space.</summary>
    public double SpaceGapFraction { get; init; } = 0.22;

    /// <summary>Resolution (points) of the x-coverage profile the column finder of rule-less tables reads gutters from.</summary>
    public double ColumnBinWidth { get; init; } = 0.25;

    /// <summary>
    /// A gap taller than this fraction of the page between two rules of one stack parts two tables that share a width,
    /// unless a number in it shows a row (a project whose 绩效目标 text runs over 25 lines).
    /// </summary>
    public double TableBreakGapFraction { get; init; } = 0.4;

    /// <summary>A line at least this much larger than a stack's usual text is a title parting two tables (13 pt over 10 pt; bold headers are not larger).</summary>
    public double TitleSizeRatio { get; init; } = 1.15;

    /// <summary>
    /// Resolution (points) at which a right-aligned number that nearly touches the next column's left-aligned text is
    /// told apart from it (Chromium leaves 0.18 pt between `823.68` and `201 一般公共服务支出`); glyphs of one word abut.
    /// </summary>
    public double FineColumnBinWidth { get; init; } = 0.05;

    /// <summary>
    /// Gaps narrower than this fraction of the font size are rounding between advances, not column gutters. Calc
    /// leaves gutters of only ~0.2 em between a right-aligned number and the next cell's text; inside a cell the
    /// advances touch and a space glyph covers its own gap, so words with spaces stay together.
    /// </summary>
    public double MinColumnGapEms { get; init; } = 0.12;

    /// <summary>Horizontal rules whose ends differ by less than this belong to the same stack (same table width).</summary>
    public double RuleEndTolerance { get; init; } = 3.0;

    /// <summary>A stack of rules frames a rule-less table from this many rules: top, under the header, bottom.</summary>
    public int MinRules { get; init; } = 3;

    /// <summary>A rule must be at least this wide (points) to frame a table; shorter ones underline words.</summary>
    public double MinTableWidth { get; init; } = 100;

    /// <summary>
    /// Two positions of a ruled stream table closer than this (points) are the same (a partial rule on the header's
    /// bottom rule, a glyph centre on a rule): rules are snapped to 1.5 pt, so 1 pt separates distinct lines.
    /// </summary>
    public double StreamEps { get; init; } = 1.0;

    /// <summary>Points of centring error a header group may pay to take in one more column instead of leaving it empty.</summary>
    public double ColumnReward { get; init; } = 10.0;
}
