namespace Extractor.Recognition;

/// <summary>
/// How far into a document's opening text lines its year, title and kind are looked for (<see cref="DocumentFacts"/>,
/// <see cref="DocumentKind"/>), with the reason for each count.
/// </summary>
public sealed record DocumentOptions
{
    /// <summary>The values below, which the fixtures and both corpora were calibrated on.</summary>
    public static DocumentOptions Default { get; } = new();

    /// <summary>How many text lines from the top of the document may name the year (`2026年部门预算`): cover and contents.</summary>
    public int YearSearchLines { get; init; } = 40;

    /// <summary>How many opening text lines may name the document (cover page, title, contents).</summary>
    public int OpeningLines { get; init; } = 60;

    /// <summary>How many opening lines hold the title (a cover may split it over several lines).</summary>
    public int TitleLines { get; init; } = 6;

    /// <summary>
    /// How many opening lines name what kind of text it is (`关于…的通知`, `…统计公报`, `…工作报告`); a 通知 quoted further
    /// down the body does not make the document one.
    /// </summary>
    public int NameLines { get; init; } = 3;
}
