using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sheets;

/// <summary>Builds the typed record of one indicator row from its printed cells and the roles of its columns.</summary>
internal static class IndicatorRecords
{
    public static IndicatorRecord FromRow(int index, IReadOnlyList<SheetValue> row, IReadOnlyList<string?> roles, string? project, SheetCatalog catalog)
    {
        string? Text(string role)
        {
            for (var k = 0; k < roles.Count && k < row.Count; k++)
                if (roles[k] == role) return row[k].Text;
            return null;
        }
        var target = Text("target");
        var comparatorColumn = Text("comparator");
        var unitColumn = Text("unit");
        var period = Text("periodTarget");
        var weightText = Text("weight");
        decimal? weight = weightText is not null && AmountParser.TryParse(weightText, out var w) ? w : null;
        var page = row.Count > 0 ? row.Max(v => v.Page) : 0;
        string level1 = Text("level1") ?? "", level2 = Text("level2") ?? "", level3 = Text("level3") ?? "";
        // One `绩效指标` cell with levels and name run together (`产出指标数量指标培训工作完成率`): split at known level names.
        if (level1.Length == 0 && level3.Length == 0 && Text("indicator") is { } combined)
            (level1, level2, level3) = SplitCombined(combined, catalog);
        return new IndicatorRecord(index, page, Text("project") ?? project, level1, level2, level3,
            target is null ? null : TargetValueParser.Parse(target, comparatorColumn, unitColumn),
            period is null ? null : TargetValueParser.Parse(period),
            Text("basis"), Text("previousValue"), weight, Text("scoringRule"), Text("evidence"))
        {
            Actual = Text("actual") is { Length: > 0 } actual ? TargetValueParser.Parse(actual, null, unitColumn) : null,
            Score = Text("score") is { } scoreText && AmountParser.TryParse(scoreText, out var score) ? score : null,
            Deviation = Text("deviation") is { Length: > 0 } deviation ? deviation : null,
        };
    }

    private static (string, string, string) SplitCombined(string combined, SheetCatalog catalog)
    {
        var rest = TextNormalizer.Compact(combined);
        var level1 = catalog.LevelNamePrefix(rest);
        rest = rest[level1.Length..];
        var level2 = catalog.LevelNamePrefix(rest);
        return (level1, level2, rest[level2.Length..]);
    }
}

/// <summary>Reads the header block's fields by role into a <see cref="SheetSummary"/>.</summary>
internal static class SheetSummaries
{
    public static SheetSummary From(IReadOnlyList<SheetField> fields, SheetCatalog catalog)
    {
        var byRole = new Dictionary<string, SheetField>();
        foreach (var field in fields)
            if (catalog.FieldRole(field.Label) is { } role) byRole.TryAdd(role, field);
        string? Text(string role) => byRole.TryGetValue(role, out var f) ? f.Value.Text : null;
        SheetAmount? Amount(string role) =>
            byRole.TryGetValue(role, out var f) && AmountParser.TryParse(f.Value.Text, out var v) ? new SheetAmount(v, f.Value.Text, f.Value.At) : null;
        return new SheetSummary(Text("budgetUnit"), Text("projectName"), Text("projectLead"), Text("contact"), Text("phone"), Text("goal"),
            Amount("totalAmount"), Amount("fiscalAmount"), Amount("otherAmount")) { GoalOutcome = Text("goalOutcome") };
    }
}
