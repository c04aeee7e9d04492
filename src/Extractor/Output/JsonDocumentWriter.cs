using System.Text;
using Extractor.Model;
using Newtonsoft.Json;

namespace Extractor.Output;

/// <summary>Maps the document model onto the versioned JSON contract and writes it.</summary>
public static class JsonDocumentWriter
{
    /// <summary>
    /// The contract's version: 2.0 made every field required, described each record type, stopped reading numbering
    /// columns (序号, 行次 …) as amounts and reads a 三公 table's leading total column as an amount.
    /// </summary>
    public const string SchemaVersion = "2.0";

    public static JsonSerializerSettings Settings { get; } = new()
    {
        ContractResolver = OutputContractResolver.Instance,
        Converters = OutputConverters.All,
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Include,
        FloatParseHandling = FloatParseHandling.Decimal,
    };

    public static OutputDocument ToOutput(BudgetDocument document)
    {
        var info = document.Info;
        var verdicts = OcrFlags.Judge(document.Reconciliation, info.OcrLowConfidence);
        var ocrPages = document.Info.OcrPages.ToHashSet();
        var tables = document.Tables.Select(t => OcrFlags.Mark(ToTable(t, ocrPages, verdicts.LowConfidence), t, verdicts, ocrPages)).ToList();
        var prose = document.TextLines.Select(l => new ProseLineOut(l.Page, l.Text, l.Box) { Source = ocrPages.Contains(l.Page) ? OcrFlags.Source : null }).ToList();
        return new OutputDocument(SchemaVersion, ExtractorVersion.Current, "Extractor",
            new DocumentOut(info.SourceFile, info.Sha256, info.PageCount, info.Department, info.Year, info.Unit) { Kind = document.Kind, Source = info.Source },
            tables,
            document.Warnings.Select(w => new WarningOut(w.Code, w.Message, w.Page)).ToList(),
            prose)
        {
            PerformanceSheets = document.PerformanceSheets.Select(PerformanceSheetOutput.ToOutput).ToList(),
            Reconciliation = document.Reconciliation,
        };
    }

    private static TableOut ToTable(ExtractedTable table, IReadOnlyCollection<int> ocrPages, double lowConfidence)
    {
        var s = table.Structure;
        return new TableOut(
            s.Title.Number, table.Kind, table.KindName, s.Title.Label, s.Title.Title, s.Department, s.Unit, table.UnitFactor,
            s.Pages,
            s.Grids.Count > 0 ? s.Grids[0].Method.ToString().ToLowerInvariant() : "none",
            s.Columns.Select(c => new ColumnOut(c.Index, c.Name, c.Path, c.Number) { Id = c.Index < table.ColumnIds.Count ? table.ColumnIds[c.Index] : null }).ToList(),
            s.HeaderRows.Select(r => (IReadOnlyList<HeaderCellOut>)r.Select(h => new HeaderCellOut(h.Text, h.Column, h.ColSpan, h.RowSpan)).ToList()).ToList(),
            s.Rows.Select(r => (IReadOnlyList<string>)r.Select(c => c.Text).ToList()).ToList(),
            s.Rows.Select(r => (IReadOnlyList<CellOut>)r.Select(c => OcrFlags.Mark(new CellOut(c.Page, c.Box, c.Raw == c.Text ? null : c.Raw), c, ocrPages, lowConfidence)).ToList()).ToList(),
            s.Spans.Select(sp => new SpanOut(sp.Row, sp.Col, sp.ColSpan)).ToList(),
            s.Note,
            table.Records) { UnrecognisedReason = table.UnrecognisedReason };
    }

    public static string Serialize(BudgetDocument document) => Serialize(ToOutput(document));

    public static string Serialize(OutputDocument output) => JsonConvert.SerializeObject(output, Settings);

    public static void WriteFile(string path, BudgetDocument document) => WriteFile(path, ToOutput(document));

    /// <summary>
    /// Writes the JSON straight into <paramref name="path"/> (atomically), byte for byte what <see cref="Serialize(OutputDocument)"/>
    /// returns, without holding the whole text (a 328-page list is tens of MB as a string, twice that as UTF-16).
    /// </summary>
    public static void WriteFile(string path, OutputDocument output) =>
        AtomicFile.WriteAsync(path, stream => { Write(output, stream); return Task.CompletedTask; }).GetAwaiter().GetResult();

    /// <summary>The JSON as UTF-8 (no BOM) onto <paramref name="stream"/>, left open.</summary>
    public static void Write(OutputDocument output, Stream stream)
    {
        // as JsonConvert.SerializeObject does it, onto a stream instead of a StringWriter
        var serializer = JsonSerializer.CreateDefault(Settings);
        using var text = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        using var json = new JsonTextWriter(text) { Formatting = serializer.Formatting };
        serializer.Serialize(json, output);
    }

}
