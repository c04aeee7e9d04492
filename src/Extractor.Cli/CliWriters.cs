using Extractor.Cli.Warehouse;
using Extractor.Output;

namespace Extractor.Cli;

/// <summary>
/// The per-document writers `extract --outputs` and `batch --outputs` choose from, by name: the library's (json,
/// review) and one document's warehouse rows as files (facts-csv, facts-parquet). A new writer is one entry here.
/// </summary>
public static class CliWriters
{
    public static DocumentWriterRegistry Registry { get; } = new(
    [
        .. AllDocumentWriters.Registry.Writers,
        new TableFileWriter("facts-csv", new FactRows(), "csv"),
        new TableFileWriter("facts-parquet", new FactRows(), "parquet"),
    ]);
}
