namespace Extractor.Structure;

/// <summary>
/// The distances and lengths the structure stage reads titles, meta lines and continuations with (points, or
/// characters of the compact text), each with the reason for its value.
/// </summary>
public sealed record StructureOptions
{
    /// <summary>The values below, which the fixtures and both corpora were calibrated on.</summary>
    public static StructureOptions Default { get; } = new();

    /// <summary>
    /// How far below a label alone on its line (`表1`) its name may stand (points): the name is the next line, a
    /// line or two of title type (≈ 20–40 pt) lower.
    /// </summary>
    public double NameReach { get; init; } = 60;

    /// <summary>
    /// A heading longer than this (characters, spaces removed) is a sentence, not a title; the longest titles
    /// (`…一般公共预算“三公”经费支出预算表（按政府经济分类）`) stay well under it.
    /// </summary>
    public int MaxTitleLength { get; init; } = 60;

    /// <summary>How far above a grid's top (points) a heading without a label may stand and still name it.</summary>
    public double NameOnlyReach { get; init; } = 150;

    /// <summary>How far under a title without a grid (points) its `编制部门` / `单位` lines may stand.</summary>
    public double MetaReachWithoutGrid { get; init; } = 70;

    /// <summary>
    /// A continuation grid's column edge within this distance (points) of the first grid's starts the same column:
    /// the same template drawn on another page lands its rules within a point or two.
    /// </summary>
    public double ContinuationEdgeReach { get; init; } = 3.0;
}
