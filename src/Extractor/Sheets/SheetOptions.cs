namespace Extractor.Sheets;

/// <summary>
/// The lengths and distances the sheets stage finds and reads 绩效目标表 with (characters, points, or em of the
/// median font size), each with the reason for its value.
/// </summary>
public sealed record SheetOptions
{
    /// <summary>The values below, which the fixtures and both corpora were calibrated on.</summary>
    public static SheetOptions Default { get; } = new();

    /// <summary>Longest title line, in characters, that is still a heading and not a sentence that mentions a sheet.</summary>
    public int MaxTitleLength { get; init; } = 50;

    /// <summary>Text lines (other than a repeated title, labels and page numbers) allowed above a continued grid: running heads.</summary>
    public int MaxLinesAboveContinuation { get; init; } = 3;

    /// <summary>How far, in points, a continued grid's outer edges may move and still be the same table.</summary>
    public double ContinuationEdgeTolerance { get; init; } = 6;

    /// <summary>
    /// Longest text, in characters, looked up in the sheet catalogue as a label (`项目名称`, `主管部门`, `年度总体目标`):
    /// cell texts are often long, labels never are; a title is looked up up to three times this.
    /// </summary>
    public int MaxLabelLength { get; init; } = 24;

    /// <summary>How many rows from the top are searched for labels: header blocks (`项目名称`, `主管部门`, …) are short.</summary>
    public int LabelRows { get; init; } = 12;

    /// <summary>
    /// Longest header text, in characters, read as an indicator column name (`三级指标`, `指标值`); longer cells are
    /// data that mention one.
    /// </summary>
    public int MaxHeaderLength { get; init; } = 12;

    /// <summary>Deepest indicator header read, in rows: two-row headers are common, deeper ones are not headers.</summary>
    public int MaxHeaderDepth { get; init; } = 3;

    /// <summary>
    /// In a sheet drawn without vertical rules, a gap wider than this, in em, between texts of one band is a cell
    /// gutter (two cell paddings); words of one cell are at most a space apart.
    /// </summary>
    public double MinGutterEms { get; init; } = 0.5;

    /// <summary>The least gap, in em, that splits two texts at a known column edge (touching advances are one word).</summary>
    public double MinEdgeGapEms { get; init; } = 0.05;

    /// <summary>Column boundaries of a rule-less sheet closer than this, in points, are one column edge.</summary>
    public double EdgeSnap { get; init; } = 2.0;
}
