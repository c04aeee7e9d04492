namespace Extractor.Output;

/// <summary>
/// Every per-document writer there is. Flat facts are no longer one file per document: `batch` loads them into its
/// warehouse and `--export` writes one dataset per table (Extractor.Cli/Warehouse).
/// </summary>
public static class AllDocumentWriters
{
    public static DocumentWriterRegistry Registry { get; } = new(DocumentWriterRegistry.CoreWriters);
}
