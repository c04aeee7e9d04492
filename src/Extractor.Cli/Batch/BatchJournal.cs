using Extractor.Output;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Extractor.Cli.Batch;

/// <summary>Check counts of one document (the JSON's reconciliation summary).</summary>
public sealed record CheckCounts(int Checks, int Pass, int Rounding, int Fail, int Skipped);

/// <summary>What happened to one document, as one line of the journal (camelCase, like the JSON).</summary>
/// <param name="Outputs">the files written for the document, relative to the output folder</param>
/// <param name="Requested">the per-document outputs the run asked for (`json`, …): a run asking for others redoes it</param>
public sealed record JournalEntry(
    string SchemaVersion,
    string ExtractorVersion,
    string Source,
    string? Sha256,
    long Size,
    long ModifiedTicks,
    string Status,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<string> Requested,
    string? Error,
    double Seconds,
    int Pages,
    int Tables,
    int Warnings,
    CheckCounts? Checks,
    DateTime FinishedUtc)
{
    /// <summary>The JSON output's file name, null when the document failed.</summary>
    [JsonIgnore] public string? Output => Outputs.FirstOrDefault(o => o.EndsWith(".json", StringComparison.Ordinal));

    [JsonIgnore] public bool ChecksFailed => Checks is { Fail: > 0 };
}

/// <summary>
/// The batch's memory across runs: `_batch.jsonl` in the output folder, one line per finished document, appended and
/// flushed as each document ends. <see cref="ResumePolicy"/> decides from a document's last line whether to redo it;
/// a torn last line (killed process) is ignored and that document runs again.
/// </summary>
public sealed class BatchJournal : IDisposable
{
    public const string FileName = "_batch.jsonl";

    public static JsonSerializerSettings Settings { get; } = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.None,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    };

    private readonly StreamWriter _writer;
    private readonly Dictionary<string, JournalEntry> _previous;
    private readonly Lock _gate = new();

    public BatchJournal(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        _previous = Load(path);
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    private static Dictionary<string, JournalEntry> Load(string path)
    {
        var result = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                if (JsonConvert.DeserializeObject<JournalEntry>(line, Settings) is { Source: not null } entry)
                    result[entry.Source] = entry with { Outputs = entry.Outputs ?? [], Requested = entry.Requested ?? [] };
            }
            catch (JsonException) { /* torn line from an interrupted run */ }
        }
        return result;
    }

    /// <summary>The document's last line from earlier runs, null when it never finished.</summary>
    public JournalEntry? Previous(BatchItem item) => _previous.GetValueOrDefault(item.SourcePath);

    public void Record(JournalEntry entry)
    {
        var line = JsonConvert.SerializeObject(entry, Settings);
        lock (_gate) _writer.WriteLine(line);
    }

    public static JournalEntry Entry(string source, string? sha256, long size, long ticks, string status, IReadOnlyList<string> outputs,
        IReadOnlyList<string> requested, string? error, double seconds, int pages = 0, int tables = 0, int warnings = 0, CheckCounts? checks = null) =>
        new(JsonDocumentWriter.SchemaVersion, ExtractorVersion.Current, source, sha256, size, ticks, status, outputs, requested, error, seconds,
            pages, tables, warnings, checks, DateTime.UtcNow);

    public void Dispose() => _writer.Dispose();
}
