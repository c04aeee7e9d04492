
namespace Extractor.Model;

/// <summary>A recognised table: structure, kind, and typed records.</summary>
public sealed record ExtractedTable(
    StructuredTable Structure,
    string Kind,
    string? KindName,
    decimal? UnitFactor,
    IReadOnlyList<TableRecord> Records)
{
    /// <summary>Canonical column id per leaf column (from the column catalogue), null where a header is not known.</summary>
    public IReadOnlyList<string?> ColumnIds { get; init; } = [];

    /// <summary>Why an `unrecognised` table has no kind (`contents`, `unit_list`, … see Recognition/UnrecognisedReason); null otherwise.</summary>
    public string? UnrecognisedReason { get; init; }

    public int? Number => Structure.Title.Number;
    public string Title => Structure.Title.Title;
}

/// <summary>Facts about the source document.</summary>
public sealed record DocumentInfo(
    string SourceFile,
    string Sha256,
    int PageCount,
    string? Department,
    int? Year,
    string? Unit,
    string? Producer)
{
    /// <summary>The input's identity: the URL it was downloaded from or its full path (null when extracted from bytes alone).</summary>
    public string? Source { get; init; }

    /// <summary>The pages read by OCR from their images (ascending); empty when every page came from the text layer.</summary>
    public IReadOnlyList<int> OcrPages { get; init; } = [];

    /// <summary>Confidence (0–100) below which an OCR value is marked low-confidence (the extraction's OCR option); null without OCR.</summary>
    public double? OcrLowConfidence { get; init; }
}

/// <summary>The one document model every later stage (sheets, reconciliation, output) reads.</summary>
public sealed record BudgetDocument(
    DocumentInfo Info,
    IReadOnlyList<ExtractedTable> Tables,
    IReadOnlyList<TableGrid> UntitledGrids,
    IReadOnlyList<TextLine> TextLines,
    IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>`budget`, `final_accounts`, `performance_sheets` or `other`, decided by Pipeline/DocumentKind.</summary>
    public string Kind { get; init; } = "other";

    /// <summary>The 绩效目标表 of the document, in document order (sheets stage).</summary>
    public IReadOnlyList<PerformanceSheet> PerformanceSheets { get; init; } = [];

    /// <summary>The reconciliation of the extracted figures (Reconciliation/), set once the document is complete.</summary>
    public ReconciliationReport? Reconciliation { get; init; }
}
