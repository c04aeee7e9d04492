using Extractor.Output;
using Newtonsoft.Json;

namespace Extractor.Cli.Batch;

/// <summary>What happened to one document, as one line of the journal.</summary>
/// <param name="Source">the input's identity: its path with every symlink resolved (or, for downloads, its URL)</param>
/// <param name="Size">size of the resolved source (not of a link to it)</param>
/// <param name="Output">the output base's JSON file; the base name is owned by this source for good</param>
/// <param name="Sha256">of the source's bytes</param>
/// <param name="WorkerKilled">the worker died or was killed on this document (memory, timeout, crash): a re-run
/// skips it unless `--retry-failed`, so a poison pill cannot kill every resume</param>
public sealed record JournalEntry(
    string Source,
    long Size,
    long ModifiedTicks,
    string Status,
    string? Output,
    string? Error,
    double Seconds,
    int Pages,
    int Tables,
    int Warnings,
    DateTime FinishedUtc,
    string? OutputBase = null,
    string? Sha256 = null,
    bool WorkerKilled = false);

/// <summary>
/// The batch's memory across runs: `_batch.jsonl` in the output folder, one line per finished document, each line
/// one write(2) on an O_APPEND descriptor and flushed to disk. A re-run skips documents whose line says ok for the
/// same size and modification time (of the resolved file) and whose output still exists; a torn last line (killed
/// process) is ignored and that document runs again. Every line also records which source owns which output name.
/// </summary>
public sealed class BatchJournal : IDisposable
{
    public const string FileName = "_batch.jsonl";
    private readonly AppendOnlyFile _file;
    private readonly Dictionary<string, JournalEntry> _previous;

    public BatchJournal(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        _previous = Load(path);
        _file = new AppendOnlyFile(path);
    }

    /// <summary>Output base names already owned by a source, from earlier runs (base name → source identity).</summary>
    public IReadOnlyDictionary<string, string> Claims =>
        _previous.Values.Select(e => (Base: e.OutputBase ?? (e.Output is null ? null : Path.GetFileNameWithoutExtension(e.Output)), e.Source))
            .Where(c => c.Base is not null)
            .GroupBy(c => c.Base!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Source, StringComparer.OrdinalIgnoreCase);

    public JournalEntry? Previous(string identity) => _previous.GetValueOrDefault(identity);

    private static Dictionary<string, JournalEntry> Load(string path)
    {
        var result = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                if (JsonConvert.DeserializeObject<JournalEntry>(line) is { Source: not null } entry) result[entry.Source] = entry;
            }
            catch (JsonException) { /* torn line from an interrupted run */ }
        }
        return result;
    }

    /// <summary>Done before and unchanged: ok with its output present, or a document that killed its worker (unless retried).</summary>
    public bool IsDone(BatchItem item, string outputDirectory, bool retryFailed = false)
    {
        if (!_previous.TryGetValue(item.Identity, out var entry)) return false;
        var info = new FileInfo(item.SourcePath);
        if (!info.Exists || info.Length != entry.Size || info.LastWriteTimeUtc.Ticks != entry.ModifiedTicks) return false;
        if (entry.Status == "ok") return entry.Output is not null && File.Exists(Path.Combine(outputDirectory, entry.Output));
        return entry.WorkerKilled && !retryFailed;
    }

    public void Record(JournalEntry entry) => _file.AppendLine(JsonConvert.SerializeObject(entry, Formatting.None));

    public void Dispose() => _file.Dispose();
}
