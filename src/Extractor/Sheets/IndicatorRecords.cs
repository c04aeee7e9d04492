using Extractor.Records;

namespace Extractor.Sheets;

/// <summary>Builds the typed record of one indicator row from its printed cells and the roles of its columns.</summary>
internal static class IndicatorRecords
{
    public static IndicatorRecord FromRow(int index, IReadOnlyList<SheetValue> row, IReadOnlyList<string?> roles, string? project)
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
        return new IndicatorRecord(index, page, Text("project") ?? project, Text("level1") ?? "", Text("level2") ?? "", Text("level3") ?? "",
            target is null ? null : TargetValueParser.Parse(target, comparatorColumn, unitColumn),
            period is null ? null : TargetValueParser.Parse(period),
            Text("basis"), Text("previousValue"), weight, Text("scoringRule"), Text("evidence"));
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
            byRole.TryGetValue(role, out var f) && AmountParser.TryParse(f.Value.Text, out var v) ? new SheetAmount(v, f.Value.Text, f.Value.Page, f.Value.Box) : null;
        return new SheetSummary(Text("budgetUnit"), Text("projectName"), Text("projectLead"), Text("contact"), Text("phone"), Text("goal"),
            Amount("totalAmount"), Amount("fiscalAmount"), Amount("otherAmount"));
    }
}
