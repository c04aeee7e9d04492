using Extractor.Output;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Extractor.Cli.Batch;

/// <summary>Check counts of one document (the JSON's reconciliation summary).</summary>
public sealed record CheckCounts(int Checks, int Pass, int Rounding, int Fail, int Skipped);

/// <summary>What happened to one document, as one line of the journal (camelCase, like the JSON).</summary>
/// <param name="Source">the input's identity: its path with every symlink resolved (or, for downloads, its URL)</param>
/// <param name="Sha256">of the source's bytes</param>
/// <param name="Size">size of the resolved source (not of a link to it)</param>
/// <param name="Outputs">the files written for the document, relative to the output folder</param>
/// <param name="Requested">the per-document outputs the run asked for (`json`, …): a run asking for others redoes it</param>
/// <param name="OutputBase">the output base name; owned by this source for good</param>
/// <param name="WorkerKilled">the worker died or was killed on this document (memory, timeout, crash): a re-run
/// skips it unless `--retry-failed`, so a poison pill cannot kill every resume</param>
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
    DateTime FinishedUtc,
    string? OutputBase = null,
    bool WorkerKilled = false)
{
    /// <summary>The JSON output's file name, null when the document failed.</summary>
    [JsonIgnore] public string? Output => Outputs.FirstOrDefault(o => o.EndsWith(".json", StringComparison.Ordinal));

    [JsonIgnore] public bool ChecksFailed => Checks is { Fail: > 0 };

    /// <summary>The output carries the reviewer's decisions (NAME.review.json beside it when the document ran).</summary>
    public bool Reviewed { get; init; }

    /// <summary>The run's `--ocr` (auto, always, never); null in lines written before the option was journalled.</summary>
    public string? Ocr { get; init; }

    /// <summary>The pages read by OCR (`[]`: every page from the text layer; null when the document failed).</summary>
    public IReadOnlyList<int>? OcrPages { get; init; }
}

/// <summary>
/// The batch's memory across runs: `_batch.jsonl` in the output folder, one line per finished document, each line
/// one write(2) on an O_APPEND descriptor and flushed to disk. <see cref="ResumePolicy"/> decides from a document's
/// last line whether to redo it; a torn last line (killed process) is ignored and that document runs again. Every
/// line also records which source owns which output name.
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
                if (JsonConvert.DeserializeObject<JournalEntry>(line, Settings) is { Source: not null } entry)
                    result[entry.Source] = entry with { Outputs = entry.Outputs ?? [], Requested = entry.Requested ?? [] };
            }
            catch (JsonException) { /* torn line from an interrupted run */ }
        }
        return result;
    }

    public void Record(JournalEntry entry) => _file.AppendLine(JsonConvert.SerializeObject(entry, Settings));

    public static JournalEntry Entry(string source, string? sha256, long size, long ticks, string status, IReadOnlyList<string> outputs,
        IReadOnlyList<string> requested, string? error, double seconds, int pages = 0, int tables = 0, int warnings = 0,
        CheckCounts? checks = null, string? outputBase = null, bool workerKilled = false) =>
        new(JsonDocumentWriter.SchemaVersion, ExtractorVersion.Current, source, sha256, size, ticks, status, outputs, requested, error, seconds,
            pages, tables, warnings, checks, DateTime.UtcNow, outputBase, workerKilled);

    public void Dispose() => _file.Dispose();
}
