using Extractor.Geometry;
using Extractor.Model;
using Newtonsoft.Json;

namespace Extractor.Output;

// The JSON contract (schemaVersion 2, see JsonDocumentWriter.SchemaVersion). Field names are camelCase; amounts are JSON numbers produced from decimal
// with their printed text beside them. Every body cell has its page, box [left, bottom, right, top] in PDF points
// (origin bottom-left of the displayed page) and raw text-layer text.

public sealed record OutputDocument(
    string SchemaVersion,
    string ExtractorVersion,
    string Generator,
    DocumentOut Document,
    IReadOnlyList<TableOut> Tables,
    IReadOnlyList<WarningOut> Warnings,
    IReadOnlyList<ProseLineOut> Prose)
{
    /// <summary>The 绩效目标表 (see PerformanceSheetOutput.cs).</summary>
    public IReadOnlyList<PerformanceSheetOut> PerformanceSheets { get; init; } = [];

    /// <summary>Checks of the identities among the extracted figures, with a summary per outcome (Reconciliation/).</summary>
    public ReconciliationReport? Reconciliation { get; init; }

    /// <summary>The reviewer's decisions (NAME.review.json beside the output, applied by `batch`); absent when none.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public Review.ReviewOut? Review { get; init; }
}

public sealed record DocumentOut(string SourceFile, string Sha256, int PageCount, string? Department, int? Year, string? Unit)
{
    /// <summary>`budget`, `final_accounts`, `performance_sheets` or `other`.</summary>
    public string Kind { get; init; } = "other";

    /// <summary>Where the document came from: the URL it was downloaded from or the file's full path (null when unknown).</summary>
    public string? Source { get; init; }
}

public sealed record TableOut(
    int? Number,
    string Kind,
    string? KindName,
    string Label,
    string Title,
    string? Department,
    string? Unit,
    decimal? UnitToYuan,
    IReadOnlyList<int> Pages,
    string Method,
    IReadOnlyList<ColumnOut> Columns,
    IReadOnlyList<IReadOnlyList<HeaderCellOut>> HeaderRows,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<IReadOnlyList<CellOut>> Cells,
    IReadOnlyList<SpanOut> Spans,
    string? Note,
    IReadOnlyList<TableRecord> Records)
{
    /// <summary>Why an `unrecognised` table has no kind (`contents`, `unit_list`, `no_amounts`, `not_budget`, `headerless`,
    /// `unknown_title`, `untitled`); absent on recognised tables.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? UnrecognisedReason { get; init; }

    /// <summary>
    /// OCR only: true when the table was read from page images and a check over its cells fails or a cell is
    /// low-confidence: its values must be checked against the page before use. Absent for text-layer tables.
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public bool? NeedsReview { get; init; }
}

public sealed record ColumnOut(int Index, string Name, IReadOnlyList<string> Path, string? Number)
{
    /// <summary>Canonical column id from the column catalogue (`current_year.basic.personnel`), null when unknown.</summary>
    public string? Id { get; init; }
}

public sealed record HeaderCellOut(string Text, int Column, int ColSpan, int RowSpan);

public sealed record CellOut(int Page, Box Box, [property: JsonProperty(NullValueHandling = NullValueHandling.Ignore)] string? Raw)
{
    /// <summary>`ocr` when the cell was read from the page image (absent for the text layer).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public string? Source { get; init; }

    /// <summary>OCR only: tesseract's lowest confidence (0–100) among the cell's glyphs.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public double? Confidence { get; init; }

    /// <summary>OCR only: true when <see cref="Confidence"/> is below the threshold (README, Scanned documents).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public bool? LowConfidence { get; init; }
}

public sealed record SpanOut(int Row, int Col, int ColSpan);

public sealed record WarningOut(string Code, string Message, int? Page);

public sealed record ProseLineOut(int Page, string Text, Box Box)
{
    /// <summary>`ocr` when the line was read from the page image (absent for the text layer).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] public string? Source { get; init; }
}
