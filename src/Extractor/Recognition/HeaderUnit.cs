using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Recognition;

/// <summary>The unit a table prints in a column header when it prints no `单位：` line: `预算数（单位：万元）`, `预算数（万元）`.</summary>
public static partial class HeaderUnit
{
    [GeneratedRegex(@"[（(](?:单位[：:])?(万元|千元|亿元|元)[)）]")]
    private static partial Regex InHeader();

    public static string? Of(IReadOnlyList<Column> columns) =>
        columns.SelectMany(c => c.Path).Select(h => InHeader().Match(TextNormalizer.Compact(h))).FirstOrDefault(m => m.Success)?.Groups[1].Value;
}
