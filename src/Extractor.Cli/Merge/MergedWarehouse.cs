using Extractor.Cli.Warehouse;

namespace Extractor.Cli.Merge;

/// <summary>
/// Builds the merged folder's `extractor.duckdb` from its JSON outputs and merged journal, loading each journal line
/// as `batch` loads a finished document (ok: its JSON; failed: a failure row; not done: nothing), so the merged
/// warehouse equals the warehouse of one unsharded run. Built afresh: the shards' warehouses are never copied.
/// </summary>
public static class MergedWarehouse
{
    /// <returns>how many journal lines were loaded</returns>
    public static int Build(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, DuckDbWarehouse.FileName);
        foreach (var stale in new[] { path, path + ".wal" }) File.Delete(stale);
        using var warehouse = new DuckDbWarehouse(path);
        var loaded = 0;
        foreach (var (entry, _) in ShardMerger.ReadJournal(Path.Combine(outputDirectory, Batch.BatchJournal.FileName)))
        {
            if (entry.Value<string>("source") is not { } source) continue;
            var status = entry.Value<string>("status");
            if (status == "ok")
            {
                // Older journals name the JSON in `output` rather than `outputs` and `outputBase`.
                var json = entry["outputs"]?.Values<string>().FirstOrDefault(o => o?.EndsWith(".json", StringComparison.Ordinal) == true)
                           ?? entry.Value<string>("output");
                var outputBase = entry.Value<string>("outputBase") ?? Path.GetFileNameWithoutExtension(json);
                if (string.IsNullOrEmpty(outputBase)) continue;
                warehouse.Load(DocumentOutput.Read(source, outputDirectory, outputBase));
            }
            else if (status == "not-done") continue;
            else warehouse.LoadFailure(entry.Value<string>("sha256"), source, entry.Value<string>("error") ?? "failed");
            loaded++;
        }
        return loaded;
    }
}
