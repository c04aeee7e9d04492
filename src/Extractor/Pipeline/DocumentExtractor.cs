using System.Security.Cryptography;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Ocr;
using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Reconciliation;
using Extractor.Records;
using Extractor.Sheets;
using Extractor.Structure;

namespace Extractor.Pipeline;

/// <summary>Raised when a document yields nothing usable (every page without a readable text layer).</summary>
public sealed class UnreadableDocumentException(string message) : Exception(message);

/// <summary>
/// Composes the stages over one document, in one forward order: pages (page source) → layout (table detectors, text
/// lines) → structure (titles, continuations, headers) → sheets (which claim their grids) → leftover grids as
/// untitled tables → recognition + records (every table once) → document facts (department, year, unit, kind) →
/// reconciliation. It does no stage work itself; each stage returns its result and its warnings (immutable), gathered
/// here in stage order.
/// </summary>
public static class DocumentExtractor
{
    public static BudgetDocument Extract(string path) => Extract(path, ExtractorOptions.Default);

    public static BudgetDocument Extract(string path, ExtractorOptions options)
    {
        var document = Extract(File.ReadAllBytes(path), Path.GetFileName(path), options, null, null, CancellationToken.None);
        return document with { Info = document.Info with { Source = Path.GetFullPath(path) } };
    }

    public static BudgetDocument Extract(byte[] bytes, string name) => Extract(bytes, name, null);

    /// <param name="timer">receives the time of each stage (bench `--stages`); null = not timed</param>
    /// <param name="onPage">sees each page model as it is read (the review report draws them), so no caller reads a page twice</param>
    public static BudgetDocument Extract(byte[] bytes, string name, IStageTimer? timer, Action<PageModel>? onPage = null) =>
        Extract(bytes, name, ExtractorOptions.Default, timer, onPage, CancellationToken.None);

    /// <param name="cancellationToken">checked before every page, grid, sheet, table and rule: a caller can stop a document</param>
    /// <exception cref="OperationCanceledException">the token was cancelled</exception>
    public static BudgetDocument Extract(byte[] bytes, string name, ExtractorOptions options, IStageTimer? timer, Action<PageModel>? onPage,
        CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var opening = StageScope.Start(timer, Stages.PdfPig);
        using var source = (options.Ocr.Mode == OcrMode.Never ? options.PageSource : new OcrPageSourceFactory(options.PageSource, options.Ocr)).Open(bytes, name, timer);
        opening.Dispose();
        var pages = ReadPages(source, name, new PageLayoutAnalyzer(options.Layout), timer, onPage, cancellationToken);

        var segmenting = StageScope.Start(timer, Stages.Structure);
        var segmenter = new DocumentSegmenter(options.Structure, options.Layout.Tolerances);
        var structure = segmenter.Segment(pages.Layouts, options.TableKinds, cancellationToken);
        segmenting.Dispose();

        var sheeting = StageScope.Start(timer, Stages.Sheets);
        var sheets = SheetExtractor.Extract(structure.UntitledGrids, structure.TextLines, structure.Tables, options.Sheets, options.SheetReading,
            options.Layout.Tolerances, cancellationToken);
        // Leftover grids, a stage of its own after the sheets because only the sheets stage knows which untitled grids
        // are sheets: those that are neither a titled table nor a sheet are still tables, emitted as `unrecognised`.
        var untitled = segmenter.UntitledTables(structure.UntitledGrids.Where(g => !sheets.SheetGrids.Contains(g)).ToList(), structure.TextLines, options.TableKinds,
            cancellationToken);
        var untitledTableGrids = untitled.Tables.SelectMany(t => t.Grids).ToHashSet(ReferenceEqualityComparer.Instance);
        var untitledGrids = structure.UntitledGrids.Where(g => !untitledTableGrids.Contains(g)).ToList();
        sheeting.Dispose();
        cancellationToken.ThrowIfCancellationRequested();

        var recognising = StageScope.Start(timer, Stages.Records);
        var recognizer = new TableRecognizer(options.TableKinds, options.Columns);
        var titled = structure.Tables.Select(t => recognizer.Recognise(t, titled: true, cancellationToken)).ToList();
        var others = untitled.Tables.Select(t => recognizer.Recognise(t, titled: false, cancellationToken)).ToList();
        var tables = titled.Concat(others).Select(r => r.Table).ToList();
        var facts = DocumentFacts.Summarise(name, titled.Select(r => r.Table).ToList(), tables, sheets.Sheets.Count, structure.TextLines, options.TableKinds, options.Document);
        var info = new DocumentInfo(name, sha, source.PageCount, facts.Department, facts.Year, facts.Unit, null)
        {
            OcrPages = pages.Layouts.Where(l => l.Page.FromOcr).Select(l => l.Page.Number).ToList(),
            OcrLowConfidence = options.Ocr.Mode == OcrMode.Never ? null : options.Ocr.LowConfidence,
        };
        recognising.Dispose();

        // Each stage returned its warnings; they are gathered here in stage order.
        IReadOnlyList<Diagnostic> warnings = [
            .. pages.Warnings, .. structure.Warnings,
            .. titled.Select(r => r.Warning).OfType<Diagnostic>(),
            .. untitled.Warnings,
            .. others.Select(r => r.Warning).OfType<Diagnostic>(),
            .. sheets.Warnings,
            .. facts.Warning is { } noTables ? [noTables] : Array.Empty<Diagnostic>()];
        var document = new BudgetDocument(info, tables, untitledGrids, structure.TextLines, warnings) { PerformanceSheets = sheets.Sheets, Kind = facts.Kind };
        cancellationToken.ThrowIfCancellationRequested();
        using var reconciling = StageScope.Start(timer, Stages.Reconciliation);
        var (report, late) = Reconcile(document, options, name, cancellationToken);
        return document with { Reconciliation = report, Warnings = late.Count == 0 ? document.Warnings : [.. document.Warnings, .. late] };
    }

    /// <summary>
    /// The reconciliation stage: prose figures, then every rule. Prose paragraphs and the reconciliation as a whole fail
    /// alone: their failure is a warning, the tables stand.
    /// </summary>
    private static (ReconciliationReport? Report, IReadOnlyList<Diagnostic> Warnings) Reconcile(BudgetDocument document, ExtractorOptions options, string name,
        CancellationToken cancellationToken)
    {
        var warnings = new List<Diagnostic>();
        var reconciler = new Reconciler(options.Rules, options.TableKinds, options.Reconciliation);
        var report = StageGuard.Run(() => reconciler.Reconcile(document, ProseFigureParser.Parse(document.TextLines, warnings), SheetBudgetFacts.From(document), cancellationToken),
            null, warnings, $"{name}: reconciliation", 0);
        return (report, warnings);
    }

    /// <summary>The page loop: each page read from the source and laid out; an unreadable page is a warning, not the end.</summary>
    private static (IReadOnlyList<PageLayout> Layouts, IReadOnlyList<Diagnostic> Warnings) ReadPages(IPageSource source, string name, PageLayoutAnalyzer analyzer,
        IStageTimer? timer, Action<PageModel>? onPage, CancellationToken cancellationToken)
    {
        var layouts = new List<PageLayout>(source.PageCount);
        var warnings = new List<Diagnostic>();
        var ocrPages = new List<int>();
        for (var p = 1; p <= source.PageCount; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PageModel page;
            try { page = source.ReadPage(p, cancellationToken); }
            catch (PdfReadException e)
            {
                warnings.Add(new Diagnostic("page-unreadable", e.Message, p));
                continue;
            }
            onPage?.Invoke(page);
            if (page.FromOcr) ocrPages.Add(p);
            if (page.Problem != TextLayerProblem.None)
                warnings.Add(new Diagnostic(page.Problem == TextLayerProblem.NoTextLayer ? "no-text-layer" : "undecodable-text", $"{name}: page {p}: {page.ProblemDetail}", p));
            using (StageScope.Start(timer, Stages.Layout))
                if (StageGuard.Run(() => analyzer.Analyze(page), null, warnings, $"{name}: layout of the page", p) is { } layout) layouts.Add(layout);
        }
        if (ocrPages.Count > 0) warnings.Insert(0, OcrWarning.For(name, ocrPages));
        if (layouts.Count > 0 && layouts.All(l => l.Page.Problem != TextLayerProblem.None))
        {
            var reason = !layouts.All(l => l.Page.Problem == TextLayerProblem.NoTextLayer)
                ? "no page has a text layer that decodes to text"
                : layouts.Any(l => l.Page.ProblemDetail?.Contains("image", StringComparison.Ordinal) == true)
                    ? "no text layer on any page (scanned document?)"
                    : warnings.Any(w => w.Code == "page-unreadable")
                        ? "no text on any page that could be read (damaged PDF: some pages cannot be read)"
                        : "no text and no images on any page (damaged content streams, or a blank document)";
            throw new UnreadableDocumentException($"{name}: {reason}");
        }
        if (layouts.Count == 0)
        {
            // say why: the first page's reason (e.g. `page 1 too large: …`) without repeating the file name
            var first = warnings.FirstOrDefault(w => w.Code == "page-unreadable")?.Message;
            var why = first is null ? "" : $" ({(first.StartsWith(name + ": ", StringComparison.Ordinal) ? first[(name.Length + 2)..] : first)})";
            throw new UnreadableDocumentException($"{name}: no page could be read{why}");
        }
        return (layouts, warnings);
    }
}
