using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sheets;

/// <summary>
/// Reads a list-form sheet: a header row (项目名称, amount columns, 绩效目标, 绩效指标) repeated on every page, then one row
/// per project whose 绩效指标 cell packs all its indicators; rows without goal and indicators are the funding unit the
/// projects below belong to (or the 合计 row). Each packed indicator becomes one indicator row.
/// </summary>
internal static class ListSheetReader
{
    public static PerformanceSheet Read(SheetCandidate candidate, SheetCatalog catalog)
    {
        var pages = new SortedSet<int>();
        if (candidate.TitlePage is { } titlePage) pages.Add(titlePage);
        var projects = new List<SheetProject>();
        var totals = new List<SheetTotal>();
        var parsed = new List<(string Project, SheetValue Cell, PackedIndicator Item)>();
        var valueLabels = new List<string>();
        string? fundingUnit = null;
        var projectRow = 0;

        foreach (var grid in candidate.Grids)
        {
            pages.Add(grid.Page);
            var header = grid.CellsStartingInRow(0).ToList();
            var name = header.FindIndex(c => catalog.IsListNameHeader(c.Text));
            var packed = header.FindIndex(c => catalog.IsPackedIndicatorHeader(c.Text));
            var goal = header.FindIndex(c => catalog.IsListGoalHeader(c.Text));
            for (var r = 1; r < grid.RowCount; r++)
            {
                var cells = header.Select(h => grid.CellAt(r, h.Col)).ToList();
                if (cells.Any(c => c is null)) continue;
                var nameCell = cells[name]!;
                if (nameCell.Row != r) continue;
                var goalCell = goal >= 0 ? cells[goal] : null;
                var packedCell = cells[packed]!;
                var amounts = new Dictionary<string, SheetAmount>();
                for (var k = 0; k < header.Count; k++)
                {
                    if (k == name || k == packed || k == goal) continue;
                    var cell = cells[k]!;
                    if (AmountParser.TryParse(cell.Text, out var value)) amounts[header[k].Text] = new SheetAmount(value, cell.Text, new Provenance(grid.Page, cell.Box));
                }
                if (packedCell.Text.Length == 0 && (goalCell is null || goalCell.Text.Length == 0))
                {
                    // 合计 / 总计 is the sheet's total, any other such row names the unit that uses the funds below.
                    if (!catalog.ListAmountHeaders.Contains(TextNormalizer.Key(nameCell.Text))) fundingUnit = nameCell.Text;
                    if (nameCell.Text.Length > 0 || amounts.Count > 0) totals.Add(new SheetTotal(totals.Count, nameCell.Text, amounts, projectRow));
                    continue;
                }
                var packedValue = new SheetValue(packedCell.Text, new Provenance(grid.Page, packedCell.Box));
                var items = PackedIndicatorParser.Parse(packedCell.Text);
                projects.Add(new SheetProject(projectRow++, nameCell.Text, fundingUnit, amounts,
                    goalCell is null ? null : new SheetValue(goalCell.Text, new Provenance(grid.Page, goalCell.Box)), parsed.Count, items.Count));
                foreach (var item in items)
                {
                    parsed.Add((nameCell.Text, packedValue, item));
                    foreach (var (label, _) in item.Values)
                        if (!valueLabels.Contains(label)) valueLabels.Add(label);
                }
            }
        }

        List<string> columns = ["项目名称", "一级指标", "二级指标", "三级指标", .. valueLabels];
        var roles = columns.Select(c => c == "项目名称" ? null : catalog.IndicatorRole(c)).ToList();
        var rows = new List<IReadOnlyList<SheetValue>>(parsed.Count);
        var records = new List<IndicatorRecord>(parsed.Count);
        foreach (var (project, cell, item) in parsed)
        {
            SheetValue At(string text) => new(text, cell.At);
            var row = new List<SheetValue> { At(project), At(item.Level1), At(item.Level2), At(item.Name) };
            foreach (var label in valueLabels)
                row.Add(At(item.Values.FirstOrDefault(v => v.Label == label).Value ?? ""));
            records.Add(IndicatorRecords.FromRow(rows.Count, row, roles, project, catalog));
            rows.Add(row);
        }
        return new PerformanceSheet(candidate.Kind, candidate.Title, candidate.Subtitle, "list", pages.ToList(), candidate.MetaFields, null,
            columns, rows, records, SheetSummaries.From(candidate.MetaFields, catalog), projects) { Totals = totals };
    }
}
