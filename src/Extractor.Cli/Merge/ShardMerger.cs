using Extractor.Cli.Batch;
using Extractor.Output;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Extractor.Cli.Merge;

public sealed record MergeSummary(int Shards, int Documents, int Files, IReadOnlyList<string> Conflicts);

/// <summary>
/// Combines the output folders of shards (`batch … --shard i/n`) into one, as if one machine had run the whole batch:
/// every output file is copied (atomically), and the journals become one journal with one line per input. Output
/// names are given over the whole input list before sharding, so shards never write the same name; a name present in
/// two shards with different contents is a conflict (left as the first shard had it, and reported). For an input in
/// several journals (a shard re-run elsewhere) the latest ok line wins, else the latest line. Journal lines are kept
/// verbatim, whatever fields they carry.
/// </summary>
public static class ShardMerger
{
    public static MergeSummary Merge(IReadOnlyList<string> shardDirectories, string outputDirectory)
    {
        var output = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(output);
        var lines = new Dictionary<string, (JObject Entry, string Line)>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        var files = 0;
        foreach (var shard in shardDirectories.Select(Path.GetFullPath))
        {
            if (!Directory.Exists(shard)) throw new DirectoryNotFoundException($"{shard}: no such folder");
            if (shard == output) continue; // merging into one of the shards: its own files are already there
            foreach (var file in Directory.EnumerateFiles(shard).Where(IsOutputFile).Order(StringComparer.Ordinal))
            {
                var target = Path.Combine(output, Path.GetFileName(file));
                if (File.Exists(target))
                {
                    if (!SameBytes(file, target)) conflicts.Add($"{Path.GetFileName(file)}: differs between {shard} and an earlier shard");
                    continue;
                }
                AtomicFile.WriteAsync(target, async stream => { await using var source = File.OpenRead(file); await source.CopyToAsync(stream); })
                    .GetAwaiter().GetResult();
                files++;
            }
            foreach (var (entry, line) in ReadJournal(Path.Combine(shard, BatchJournal.FileName)))
                if (entry.Value<string>("source") is { } source && (!lines.TryGetValue(source, out var kept) || Better(entry, kept.Entry)))
                    lines[source] = (entry, line);
        }
        foreach (var (entry, line) in ReadJournal(Path.Combine(output, BatchJournal.FileName)))
            if (entry.Value<string>("source") is { } source && (!lines.TryGetValue(source, out var kept) || Better(entry, kept.Entry)))
                lines[source] = (entry, line);

        var journal = string.Concat(lines.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.Line + "\n"));
        AtomicFile.Write(Path.Combine(output, BatchJournal.FileName), journal);
        return new MergeSummary(shardDirectories.Count, lines.Count, files, conflicts);
    }

    /// <summary>Outputs are the documents' files; the journal is merged, and caches, locks and temporary files stay behind.</summary>
    private static bool IsOutputFile(string path)
    {
        var name = Path.GetFileName(path);
        // The shards' warehouses are not copied: MergedWarehouse builds one from the merged outputs.
        return !name.StartsWith('_') && !name.StartsWith('.') && !name.EndsWith(".tmp", StringComparison.Ordinal)
               && !name.StartsWith(Warehouse.DuckDbWarehouse.FileName, StringComparison.Ordinal);
    }

    private static bool Better(JObject candidate, JObject kept)
    {
        var candidateOk = candidate.Value<string>("status") == "ok";
        var keptOk = kept.Value<string>("status") == "ok";
        if (candidateOk != keptOk) return candidateOk;
        return candidate.Value<DateTime?>("finishedUtc") > kept.Value<DateTime?>("finishedUtc");
    }

    internal static IEnumerable<(JObject Entry, string Line)> ReadJournal(string path)
    {
        if (!File.Exists(path)) yield break;
        foreach (var line in File.ReadLines(path))
        {
            JObject? entry;
            try { entry = JsonConvert.DeserializeObject<JObject>(line, new JsonSerializerSettings { DateParseHandling = DateParseHandling.DateTime }); }
            catch (JsonException) { continue; } // a torn last line of an interrupted shard
            if (entry is not null) yield return (Normalise(entry), line);
        }
    }

    /// <summary>Property names compared case-insensitively (the journal writes PascalCase today).</summary>
    private static JObject Normalise(JObject entry)
    {
        var result = new JObject();
        foreach (var p in entry.Properties()) result[char.ToLowerInvariant(p.Name[0]) + p.Name[1..]] = p.Value;
        return result;
    }

    private static bool SameBytes(string a, string b)
    {
        var left = new FileInfo(a);
        var right = new FileInfo(b);
        return left.Length == right.Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
    }
}
