using Extractor.Model;

namespace Extractor.Sheets;

/// <summary>The sheets stage: finds every 绩效目标表 of a document and reads it as typed data.</summary>
public static class SheetExtractor
{
    /// <param name="untitledGrids">grids the structure stage tied to no `表N` title, in page order</param>
    /// <param name="lines">text lines outside tables (titles, labels), each with page and box</param>
    /// <param name="titledTables">tables with a `表N` title; those whose title names a sheet are read as sheets too</param>
    /// <param name="catalog">the sheet catalogue (titles, field and column roles), passed in by the composition root</param>
    /// <param name="consumedGrids">when given, receives the grids read into a sheet (the rest are tables of their own)</param>
    /// <param name="cancellationToken">checked once per sheet candidate</param>
    public static IReadOnlyList<PerformanceSheet> Extract(IReadOnlyList<TableGrid> untitledGrids, IReadOnlyList<TextLine> lines, IReadOnlyList<StructuredTable> titledTables,
        SheetCatalog catalog, ICollection<TableGrid>? consumedGrids = null, CancellationToken cancellationToken = default, ICollection<Diagnostic>? warnings = null)
    {
        var sheets = new List<PerformanceSheet>();
        var grids = RulelessSheetGrid.Prepare(untitledGrids, catalog);
        // A table titled as a sheet (`预算11表 项目支出绩效目标表`) may be drawn without vertical rules too.
        var titled = titledTables.Select(t => catalog.KindOfTitle(t.Title.Title) is null ? t : t with { Grids = RulelessSheetGrid.Prepare(t.Grids, catalog) }).ToList();
        foreach (var candidate in SheetLocator.Locate(grids, lines, titled, catalog))
        {
            cancellationToken.ThrowIfCancellationRequested();
            PerformanceSheet sheet;
            try { sheet = candidate.IsList ? ListSheetReader.Read(candidate, catalog) : FormSheetReader.Read(candidate, catalog); }
            catch (Exception e) when (warnings is not null && StageGuard.IsRecoverable(e))
            {
                // One unreadable sheet leaves its grids to the tables stage and the other sheets standing.
                var page = candidate.Grids.Count > 0 ? candidate.Grids[0].Page : 0;
                warnings.Add(StageGuard.Warning("performance sheet", page, e));
                continue;
            }
            // The 总分 row under a self-evaluation's indicators is the sheet's total, not an indicator (it stays printed).
            sheet = sheet with
            {
                Execution = ExecutionBlock.From(sheet.Budget),
                Records = sheet.Records.Where(r => !IsTotalRow(r)).ToList(),
            };
            if (sheet.Fields.Count == 0 && sheet.Indicators.Count == 0) continue;
            sheets.Add(sheet);
            foreach (var grid in candidate.Grids) consumedGrids?.Add(grid);
        }
        return sheets;
    }

    private static bool IsTotalRow(IndicatorRecord r) =>
        r.Level3 is "总分" or "合计" && r.Level1 is "总分" or "合计" or "";
}
