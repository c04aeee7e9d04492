using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Extractor.Layout;
using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Reconciliation;
using Extractor.Records;
using Extractor.Sheets;
using Extractor.Structure;

namespace Extractor.Pipeline;

/// <summary>Raised when a document yields nothing usable (every page without a readable text layer).</summary>
public sealed class UnreadableDocumentException(string message) : Exception(message);

/// <summary>Runs the stages over one PDF: read → layout → structure → recognition → records.</summary>
public static partial class DocumentExtractor
{
    [GeneratedRegex(@"(20\d{2})\s*年")]
    private static partial Regex YearPattern();

    public static BudgetDocument Extract(string path)
    {
        var document = Extract(File.ReadAllBytes(path), Path.GetFileName(path));
        return document with { Info = document.Info with { Source = Path.GetFullPath(path) } };
    }

    public static BudgetDocument Extract(byte[] bytes, string name) => Extract(bytes, name, null);

    /// <param name="timer">receives the time of each stage (bench `--stages`); null = not timed</param>
    /// <param name="onPage">sees each page model as it is read (the review report draws them), so no caller reads a page twice</param>
    public static BudgetDocument Extract(byte[] bytes, string name, IStageTimer? timer, Action<PageModel>? onPage = null)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var opening = StageScope.Start(timer, Stages.PdfPig);
        using var reader = PdfPageReader.Open(bytes, name);
        opening.Dispose();
        var layouts = new List<PageLayout>(reader.PageCount);
        var warnings = new List<Diagnostic>();
        for (var p = 1; p <= reader.PageCount; p++)
        {
            PageModel page;
            try { page = reader.ReadPage(p, timer); }
            catch (PdfReadException e)
            {
                warnings.Add(new Diagnostic("page-unreadable", e.Message, p));
                continue;
            }
            onPage?.Invoke(page);
            if (page.Problem != TextLayerProblem.None)
                warnings.Add(new Diagnostic(page.Problem == TextLayerProblem.NoTextLayer ? "no-text-layer" : "undecodable-text", $"{name}: page {p}: {page.ProblemDetail}", p));
            using (StageScope.Start(timer, Stages.Layout)) layouts.Add(PageLayoutAnalyzer.Analyze(page));
        }
        if (layouts.Count > 0 && layouts.All(l => l.Page.Problem != TextLayerProblem.None))
        {
            var reason = layouts.All(l => l.Page.Problem == TextLayerProblem.NoTextLayer)
                ? "no text layer on any page (scanned document?)"
                : "no page has a text layer that decodes to text";
            throw new UnreadableDocumentException($"{name}: {reason}");
        }
        if (layouts.Count == 0) throw new UnreadableDocumentException($"{name}: no page could be read");

        var segmenting = StageScope.Start(timer, Stages.Structure);
        var structure = DocumentSegmenter.Segment(layouts, TableKindCatalog.Default);
        segmenting.Dispose();
        var recognising = StageScope.Start(timer, Stages.Records);
        warnings.AddRange(structure.Warnings);
        var tables = new List<ExtractedTable>();
        foreach (var table in structure.Tables)
        {
            var kind = TableKindCatalog.Default.Recognise(table.Title.Title);
            if (kind is null)
                warnings.Add(new Diagnostic("unrecognised-table", $"{table.Title.Label} {table.Title.Title}: title matches no known table kind", table.Title.Page));
            var factor = UnitParser.FactorToYuan(table.Unit);
            var columnIds = table.Columns.Select(ColumnCatalog.Default.ColumnId).ToList();
            tables.Add(new ExtractedTable(table, kind?.Id ?? TableKindCatalog.Unrecognised, kind?.Name, factor,
                RecordBuilder.Build(table, kind, factor ?? 1m, columnIds)) { ColumnIds = columnIds });
        }

        var department = tables.Select(t => t.Structure.Department).Where(d => !string.IsNullOrEmpty(d))
            .GroupBy(d => d).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var unit = tables.Select(t => t.Structure.Unit).Where(u => u is not null).GroupBy(u => u).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        int? year = null;
        foreach (var line in structure.TextLines.Take(40))
        {
            var m = YearPattern().Match(line.Text);
            if (m.Success) { year = int.Parse(m.Groups[1].Value); break; }
        }
        var info = new DocumentInfo(name, sha, reader.PageCount, department, year, unit, null);
        recognising.Dispose();
        var sheeting = StageScope.Start(timer, Stages.Sheets);
        var sheetGrids = new HashSet<TableGrid>(ReferenceEqualityComparer.Instance);
        var sheets = SheetExtractor.Extract(structure.UntitledGrids, structure.TextLines, structure.Tables, sheetGrids);
        // Grids that are neither a titled table nor a sheet are still tables: emitted as `unrecognised`, with a warning.
        var leftover = structure.UntitledGrids.Where(g => !sheetGrids.Contains(g)).ToList();
        var untitledTables = DocumentSegmenter.UntitledTables(leftover, structure.TextLines, warnings, TableKindCatalog.Default);
        var tableGrids = untitledTables.SelectMany(t => t.Grids).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var table in untitledTables)
        {
            warnings.Add(new Diagnostic("unrecognised-table", $"page {table.Title.Page}: a table without a title matching a known kind ('{table.Title.Title}')", table.Title.Page));
            var columnIds = table.Columns.Select(ColumnCatalog.Default.ColumnId).ToList();
            tables.Add(new ExtractedTable(table, TableKindCatalog.Unrecognised, null, null, RecordBuilder.Build(table, null, 1m, columnIds)) { ColumnIds = columnIds });
        }
        var untitledGrids = structure.UntitledGrids.Where(g => !tableGrids.Contains(g)).ToList();
        sheeting.Dispose();
        var document = new BudgetDocument(info, tables, untitledGrids, structure.TextLines, warnings) { PerformanceSheets = sheets };
        using var reconciling = StageScope.Start(timer, Stages.Reconciliation);
        return document with { Reconciliation = Reconciler.Reconcile(document, SheetBudgetFacts.From(document)) };
    }
}
