using Extractor.Layout;
using Extractor.Ocr;
using Extractor.Pdf;
using Extractor.Recognition;
using Extractor.Reconciliation;
using Extractor.Sheets;
using Extractor.Structure;

namespace Extractor.Pipeline;

/// <summary>
/// Everything the pipeline is composed from: the page source (with its thresholds), each stage's options record (the
/// thresholds, with documented defaults) and the catalogues (loaded once, passed in). <see cref="Default"/> is today's pipeline; a caller or a test swaps one part
/// with <c>ExtractorOptions.Default with { … }</c>. Which writers run is the caller's choice (Output/DocumentWriters).
/// </summary>
public sealed record ExtractorOptions
{
    /// <summary>Where pages come from (default: the PDF text layer through PdfPig).</summary>
    public IPageSourceFactory PageSource { get; init; } = PdfTextLayerSourceFactory.Default;

    /// <summary>Whether pages without a usable text layer are OCR'd in front of <see cref="PageSource"/> (default: never; the CLI's `--ocr` default is auto).</summary>
    public OcrOptions Ocr { get; init; } = OcrOptions.Never;

    /// <summary>Table detectors in order and the layout thresholds (default: lattice, then ruled stream).</summary>
    public LayoutOptions Layout { get; init; } = LayoutOptions.Default;

    /// <summary>Distances and lengths the structure stage reads titles, meta lines and continuations with.</summary>
    public StructureOptions Structure { get; init; } = StructureOptions.Default;

    /// <summary>Lengths and distances the sheets stage finds and reads performance sheets with.</summary>
    public SheetOptions SheetReading { get; init; } = SheetOptions.Default;

    /// <summary>How far into the opening lines the year, title and kind of the document are looked for.</summary>
    public DocumentOptions Document { get; init; } = DocumentOptions.Default;

    /// <summary>Table kinds and their titles (Recognition/table-kinds.json).</summary>
    public TableKindCatalog TableKinds { get; init; } = TableKindCatalog.Default;

    /// <summary>Column aliases → canonical column ids (Recognition/column-aliases.json).</summary>
    public ColumnCatalog Columns { get; init; } = ColumnCatalog.Default;

    /// <summary>Performance-sheet titles, field and column roles (Sheets/sheet-catalogue.json).</summary>
    public SheetCatalog Sheets { get; init; } = SheetCatalog.Default;

    /// <summary>Reconciliation rules (Reconciliation/reconciliation-rules.json).</summary>
    public RuleCatalog Rules { get; init; } = RuleCatalog.Default;

    /// <summary>Rounding and share tolerances and the name similarities of the reconciliation.</summary>
    public ReconciliationOptions Reconciliation { get; init; } = ReconciliationOptions.Default;

    public static ExtractorOptions Default { get; } = new();
}
