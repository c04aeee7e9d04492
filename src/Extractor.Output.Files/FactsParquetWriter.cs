using Extractor.Model;
using Parquet;
using Parquet.Serialization;
using Parquet.Serialization.Attributes;
using System.Text.Json.Serialization;

namespace Extractor.Output;

/// <summary>
/// The facts of <see cref="FactsCsvWriter"/> as one Parquet file per document (Zstd) with typed columns: amounts as
/// DECIMAL(28,6) — exact for 万元 with two decimals and for Beijing's six-decimal amounts alike.
/// </summary>
public static class FactsParquetWriter
{
    /// <summary>One row of the Parquet file; column names are the CSV header's.</summary>
    public sealed class FactRow
    {
        [JsonPropertyName("source_file")] public string SourceFile { get; set; } = "";
        [JsonPropertyName("sha256")] public string Sha256 { get; set; } = "";
        [JsonPropertyName("table_number")] public int? TableNumber { get; set; }
        [JsonPropertyName("table_kind")] public string TableKind { get; set; } = "";
        [JsonPropertyName("table_title")] public string TableTitle { get; set; } = "";
        [JsonPropertyName("unit")] public string? Unit { get; set; }
        [JsonPropertyName("page")] public int Page { get; set; }
        [JsonPropertyName("row")] public int Row { get; set; }
        [JsonPropertyName("column")] public int Column { get; set; }
        [JsonPropertyName("column_path")] public string ColumnPath { get; set; } = "";
        [JsonPropertyName("row_code")] public string? RowCode { get; set; }
        [JsonPropertyName("row_label")] public string RowLabel { get; set; } = "";
        [JsonPropertyName("project")] public string? Project { get; set; }
        [JsonPropertyName("printed")] public string Printed { get; set; } = "";
        [ParquetDecimal(28, 6), JsonPropertyName("value")] public decimal Value { get; set; }
        [ParquetDecimal(28, 6), JsonPropertyName("value_yuan")] public decimal? ValueYuan { get; set; }
        [JsonPropertyName("box_left")] public double BoxLeft { get; set; }
        [JsonPropertyName("box_bottom")] public double BoxBottom { get; set; }
        [JsonPropertyName("box_right")] public double BoxRight { get; set; }
        [JsonPropertyName("box_top")] public double BoxTop { get; set; }
    }

    public static IEnumerable<FactRow> Rows(BudgetDocument document) => FactsCsvWriter.Facts(document).Select(f => new FactRow
    {
        SourceFile = f.SourceFile, Sha256 = f.Sha256, TableNumber = f.TableNumber, TableKind = f.TableKind, TableTitle = f.TableTitle,
        Unit = f.Unit, Page = f.Page, Row = f.Row, Column = f.Column, ColumnPath = f.ColumnPath, RowCode = f.RowCode,
        RowLabel = f.RowLabel, Project = f.Project, Printed = f.Printed, Value = f.Value, ValueYuan = f.ValueYuan,
        BoxLeft = f.Box[0], BoxBottom = f.Box[1], BoxRight = f.Box[2], BoxTop = f.Box[3],
    });

    public static Task WriteAsync(Stream stream, BudgetDocument document) =>
        ParquetSerializer.SerializeAsync(Rows(document).ToList(), stream, new ParquetOptions { CompressionMethod = CompressionMethod.Zstd });

    /// <summary>Writes beside the target and renames, like the JSON and CSV outputs.</summary>
    public static Task WriteAtomicallyAsync(string path, BudgetDocument document) => AtomicFile.WriteAsync(path, stream => WriteAsync(stream, document));
}

/// <summary>The Parquet facts as a document writer (`parquet`).</summary>
public sealed class FactsParquetFileWriter : IDocumentWriter
{
    public string Name => "parquet";
    public string Suffix => ".facts.parquet";
    public bool NeedsPages => false;

    public Task WriteAsync(string path, DocumentToWrite document, CancellationToken cancellationToken) =>
        FactsParquetWriter.WriteAtomicallyAsync(path, document.Document);
}

/// <summary>Every writer there is: the core's and the ones with heavy dependencies here.</summary>
public static class AllDocumentWriters
{
    public static DocumentWriterRegistry Registry { get; } = new([.. DocumentWriterRegistry.CoreWriters, new FactsParquetFileWriter()]);
}
