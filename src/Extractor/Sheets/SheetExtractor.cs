using Extractor.Layout;
using Extractor.Model;

namespace Extractor.Sheets;

/// <summary>What the sheets stage returns: the sheets, the grids read into them (the rest stay tables), its warnings.</summary>
public sealed record SheetStageResult(IReadOnlyList<PerformanceSheet> Sheets, IReadOnlySet<TableGrid> SheetGrids, IReadOnlyList<Diagnostic> Warnings);

/// <summary>The sheets stage: finds every 绩效目标表 of a document and reads it as typed data.</summary>
public static class SheetExtractor
{
    /// <param name="untitledGrids">grids the structure stage tied to no `表N` title, in page order</param>
    /// <param name="lines">text lines outside tables (titles, labels), each with page and box</param>
    /// <param name="titledTables">tables with a `表N` title; those whose title names a sheet are read as sheets too</param>
    /// <param name="catalog">the sheet catalogue (titles, field and column roles), from the composition root's options</param>
    /// <param name="options">the stage's lengths and distances</param>
    /// <param name="layout">the layout thresholds, for grids rebuilt without vertical rules</param>
    /// <param name="cancellationToken">checked once per sheet candidate</param>
    public static SheetStageResult Extract(IReadOnlyList<TableGrid> untitledGrids, IReadOnlyList<TextLine> lines, IReadOnlyList<StructuredTable> titledTables,
        SheetCatalog catalog, SheetOptions options, LayoutTolerances layout, CancellationToken cancellationToken)
    {
        catalog = catalog.For(options);
        var sheets = new List<PerformanceSheet>();
        var consumedGrids = new HashSet<TableGrid>(ReferenceEqualityComparer.Instance);
        var warnings = new List<Diagnostic>();
        var ruleless = new RulelessSheetGrid(options, layout);
        var formReader = new FormSheetReader(options);
        var grids = ruleless.Prepare(untitledGrids, catalog);
        // A table titled as a sheet (`预算11表 项目支出绩效目标表`) may be drawn without vertical rules too.
        var titled = titledTables.Select(t => catalog.KindOfTitle(t.Title.Title) is null ? t : t with { Grids = ruleless.Prepare(t.Grids, catalog) }).ToList();
        foreach (var candidate in new SheetLocator(options).Locate(grids, lines, titled, catalog))
        {
            cancellationToken.ThrowIfCancellationRequested();
            PerformanceSheet sheet;
            try { sheet = candidate.IsList ? ListSheetReader.Read(candidate, catalog) : formReader.Read(candidate, catalog); }
            catch (Exception e) when (StageGuard.IsRecoverable(e))
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
            foreach (var grid in candidate.Grids) consumedGrids.Add(grid);
        }
        return new SheetStageResult(sheets, consumedGrids, warnings);
    }

    private static bool IsTotalRow(IndicatorRecord r) =>
        r.Level3 is "总分" or "合计" && r.Level1 is "总分" or "合计" or "";
}
