using System.Globalization;
using Extractor.Geometry;

namespace Extractor.Model;

/// <summary>
/// A figure stated in the prose: `一般公共预算 1,029.48 万元，占 10.67%，比上年预算增加 1,029.48 万元，增长 100.00%` gives
/// label 一般公共预算, amount 1,029.48 万元, share 10.67, change 1,029.48 (增加), growth 100.00. <see cref="Kind"/> is
/// `amount`, or `change` for a year-on-year change that has no amount of its own to attach to. `X未安排` is the
/// figure X with text 未安排 and value 0. Section is the
/// `一、…` heading, Subsection the `（一）…` heading, Project the name after `项目名称：`.
/// </summary>
public sealed record ProseFigure(
    string Section,
    string? Subsection,
    string? Project,
    string Label,
    string Kind,
    string Text,
    decimal Value,
    string Unit,
    string? Share,
    string? Change,
    string? ChangeDirection,
    string? Growth,
    string Sentence,
    Provenance At)
{
    public int Page => At.Page;
    public Box Box => At.Box;
    public decimal? ShareValue => Share is null ? null : decimal.Parse(Share, CultureInfo.InvariantCulture);
}
