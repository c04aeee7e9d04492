using Extractor.Output;

namespace Extractor.Cli.Warehouse;

/// <summary>
/// A per-document writer of one warehouse table's rows (`NAME.facts.csv`, `NAME.facts.parquet`): the rows come from
/// the document's JSON through the same <see cref="IWarehouseRowSource"/> the warehouse loads, so a document's file
/// and its rows in `extractor.duckdb` agree by construction.
/// </summary>
/// <param name="format">csv or parquet (the formats of `--export`)</param>
public sealed class TableFileWriter(string name, IWarehouseRowSource source, string format) : IDocumentWriter
{
    public string Name => name;
    public string Suffix => $".{source.Table.Name}.{format}";
    public bool NeedsPages => false;

    public async Task WriteAsync(string path, DocumentToWrite document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var json = JsonDocumentWriter.Serialize(document.Document);
        var output = DocumentOutput.Parse(new StringReader(json), document.Document.Info.Source ?? document.Document.Info.SourceFile);
        await DuckDbWarehouse.WriteDocumentTableAsync(source, output, path, format, document.Options.CsvBom);
    }
}
