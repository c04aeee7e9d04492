using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Recognition;

/// <summary>The unit a table prints in a column header when it prints no `单位：` line: `预算数（单位：万元）`, `预算数（万元）`.</summary>
public static partial class HeaderUnit
{
    // The bracket's content is a unit only when the one unit table (UnitParser) knows it: `（人）`, `（%）` are not.
    [GeneratedRegex(@"[（(](?:单位[：:])?([^（()）]{1,4})[)）]")]
    private static partial Regex InHeader();

    public static string? Of(IReadOnlyList<Column> columns) =>
        columns.SelectMany(c => c.Path).SelectMany(h => InHeader().Matches(TextNormalizer.Compact(h)))
            .Select(m => m.Groups[1].Value).FirstOrDefault(unit => UnitParser.FactorToYuan(unit) is not null);
}
