using Extractor.Output;

namespace Extractor.Cli.Batch;

/// <summary>
/// Whether a re-run may skip a document: only when its last journal line says ok and nothing it depended on changed.
/// A document is redone when it never finished or failed, when its source file changed (size or modification time),
/// when one of its outputs is missing, when the run asks for other per-document outputs, or when another version of
/// Extractor wrote it.
/// </summary>
public static class ResumePolicy
{
    /// <returns>null to skip the document, else why it must be redone</returns>
    public static string? RedoReason(JournalEntry? previous, BatchItem item, IReadOnlyList<string> requested, string outputDirectory,
        bool retryFailed = false, string? extractorVersion = null)
    {
        if (previous is null) return "not done before";
        // A document that killed its worker (memory, timeout, crash) would kill every resume the same way.
        if (previous.Status != "ok") return previous.WorkerKilled && !retryFailed && SourceUnchanged(previous, item) ? null : "failed before";
        var version = extractorVersion ?? ExtractorVersion.Current;
        if (previous.ExtractorVersion != version) return $"written by Extractor {previous.ExtractorVersion ?? "(unknown)"}, this is {version}";
        if (!SourceUnchanged(previous, item)) return "source changed";
        if (!requested.OrderBy(r => r, StringComparer.Ordinal).SequenceEqual(previous.Requested.OrderBy(r => r, StringComparer.Ordinal)))
            return $"outputs requested changed ({string.Join(",", previous.Requested)} → {string.Join(",", requested)})";
        if (previous.Outputs.Count == 0) return "no outputs recorded";
        foreach (var output in previous.Outputs)
            if (!File.Exists(Path.Combine(outputDirectory, output))) return $"output missing: {output}";
        return null;
    }

    private static bool SourceUnchanged(JournalEntry previous, BatchItem item)
    {
        var source = new FileInfo(item.SourcePath);
        return source.Exists && source.Length == previous.Size && source.LastWriteTimeUtc.Ticks == previous.ModifiedTicks;
    }
}
