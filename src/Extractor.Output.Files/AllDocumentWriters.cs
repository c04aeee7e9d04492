namespace Extractor.Output;

/// <summary>
/// The per-document writers of the libraries (today the core's json and review; a writer with a heavy dependency is
/// added here). The CLI adds its own on top (Extractor.Cli/CliWriters: facts-csv, facts-parquet from the warehouse rows).
/// </summary>
public static class AllDocumentWriters
{
    public static DocumentWriterRegistry Registry { get; } = new(DocumentWriterRegistry.CoreWriters);
}
