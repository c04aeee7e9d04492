using Newtonsoft.Json;

namespace Extractor.Cli.Batch;

/// <summary>What happened to one document, as one line of the journal.</summary>
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
    DateTime FinishedUtc)
{
    /// <summary>The output carries the reviewer's decisions (NAME.review.json beside it when the document ran).</summary>
    public bool Reviewed { get; init; }
}

/// <summary>
/// The batch's memory across runs: `_batch.jsonl` in the output folder, one line per finished document, appended and
/// flushed as each document ends. A re-run skips documents whose line says ok for the same size and modification time
/// and whose output still exists; a torn last line (killed process) is ignored and that document runs again.
/// </summary>
public sealed class BatchJournal : IDisposable
{
    public const string FileName = "_batch.jsonl";
    private readonly StreamWriter _writer;
    private readonly Dictionary<string, JournalEntry> _previous;
    private readonly Lock _gate = new();

    public BatchJournal(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        _previous = Load(path);
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    /// <summary>The last line per source document of the journal in `outputDirectory` (empty when there is none).</summary>
    public static IReadOnlyDictionary<string, JournalEntry> ReadLatest(string outputDirectory) => Load(Path.Combine(outputDirectory, FileName));

    private static Dictionary<string, JournalEntry> Load(string path)
    {
        var result = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                if (JsonConvert.DeserializeObject<JournalEntry>(line) is { } entry) result[entry.Source] = entry;
            }
            catch (JsonException) { /* torn line from an interrupted run */ }
        }
        return result;
    }

    public bool IsDone(BatchItem item, string outputDirectory)
    {
        if (!_previous.TryGetValue(item.SourcePath, out var entry) || entry.Status != "ok" || entry.Output is null) return false;
        var info = new FileInfo(item.SourcePath);
        return info.Exists && info.Length == entry.Size && info.LastWriteTimeUtc.Ticks == entry.ModifiedTicks
               && File.Exists(Path.Combine(outputDirectory, entry.Output))
               && ReviewedOutput.IsCurrent(entry, outputDirectory, item.OutputBase);
    }

    public void Record(JournalEntry entry)
    {
        var line = JsonConvert.SerializeObject(entry, Formatting.None);
        lock (_gate) _writer.WriteLine(line);
    }

    public void Dispose() => _writer.Dispose();
}
