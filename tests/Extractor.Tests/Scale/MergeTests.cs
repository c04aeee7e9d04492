using DuckDB.NET.Data;
using Extractor.Cli.Batch;
using Extractor.Cli.Inputs;
using Extractor.Cli.Merge;
using Extractor.Cli.Warehouse;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Scale;

public class MergeTests
{
    private static Task<BatchSummary> Run(IReadOnlyList<BatchInput> items, string output) =>
        BatchRunner.RunAsync(items, new BatchOptions(output, 2, false, TimeSpan.FromSeconds(120)), new QuietProgress(), CancellationToken.None);

    /// <summary>What a journal says about each input, without the timings.</summary>
    private static List<string> Journal(string dir) => File.ReadAllLines(Path.Combine(dir, BatchJournal.FileName))
        .Select(JObject.Parse)
        .Select(j => string.Join("|", j["source"], j["status"], j["outputs"]?.ToString(Newtonsoft.Json.Formatting.None), j["error"], j["size"], j["pages"], j["tables"], j["warnings"]))
        .Order(StringComparer.Ordinal).ToList();

    private static Dictionary<string, string> Outputs(string dir) => Directory.GetFiles(dir).Where(f => !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith("extractor.duckdb"))
        .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

    /// <summary>Per table its row count, and the facts' amount total per document: what a warehouse holds, in short.</summary>
    private static List<string> Warehouse(string dir)
    {
        using var connection = new DuckDBConnection($"Data Source={Path.Combine(dir, DuckDbWarehouse.FileName)}");
        connection.Open();
        var queries = new[] { "documents", "facts", "checks", "sheets", "indicators" }.Select(t => $"SELECT '{t}', COUNT(*) FROM {t}")
            .Append("SELECT document_id, SUM(value_yuan) FROM facts GROUP BY document_id ORDER BY document_id");
        var rows = new List<string>();
        foreach (var query in queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            while (reader.Read()) rows.Add($"{reader.GetValue(0)}={reader.GetValue(1)}");
        }
        return rows;
    }

    [Fact]
    public async Task Merging_two_shards_gives_what_one_unsharded_run_gives()
    {
        var work = Directory.CreateTempSubdirectory("extractor-merge-").FullName;
        var input = Path.Combine(work, "in");
        Directory.CreateDirectory(Path.Combine(input, "b"));
        File.Copy(Repo.Fixture("urumqi-port-office-2025.office.pdf"), Path.Combine(input, "seed.pdf"));
        File.Copy(Repo.Fixture("synth/synth-03-2026.office.pdf"), Path.Combine(input, "synth.pdf"));
        File.Copy(Repo.Fixture("synth/synth-04-2026.office.pdf"), Path.Combine(input, "b", "synth.pdf")); // same name, other folder
        File.WriteAllText(Path.Combine(input, "bad.pdf"), "not a pdf");
        var items = BatchInputs.NameBeforeSharding(BatchInputs.Find([input]));

        var single = Path.Combine(work, "single");
        await Run(items, single);
        var shards = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var dir = Path.Combine(work, $"out-{i}");
            await Run(new Shard(i, 2).Select(items, x => x.Identity), dir);
            shards.Add(dir);
        }
        var merged = Path.Combine(work, "merged");
        var summary = ShardMerger.Merge(shards, merged);
        Assert.Equal(4, MergedWarehouse.Build(merged));

        Assert.Empty(summary.Conflicts);
        Assert.Equal(4, summary.Documents);
        Assert.Equal(Journal(single), Journal(merged));
        var expected = Outputs(single);
        var actual = Outputs(merged);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, content) in expected) Assert.True(content == actual[name], $"{name} differs after the merge");
        Assert.Contains(actual.Keys, k => System.Text.RegularExpressions.Regex.IsMatch(k, @"^synth~[0-9a-f]{8}\.json$")); // the same name from another folder
        var warehouse = Warehouse(single);
        Assert.Contains("documents=4", warehouse);
        Assert.Contains(warehouse, r => r.StartsWith("facts=") && r != "facts=0");
        Assert.Equal(warehouse, Warehouse(merged));

        // The merged folder is a finished batch: running the whole input on it does nothing.
        var resumed = await Run(items, merged);
        Assert.Equal((3, 0), (resumed.Skipped, resumed.Succeeded));
        Directory.Delete(work, true);
    }

    [Fact]
    public void Different_files_under_one_name_are_reported_as_conflicts()
    {
        var work = Directory.CreateTempSubdirectory("extractor-conflict-").FullName;
        foreach (var (dir, text) in new[] { ("a", "one"), ("b", "two") })
        {
            Directory.CreateDirectory(Path.Combine(work, dir));
            File.WriteAllText(Path.Combine(work, dir, "x.json"), text);
        }
        var summary = ShardMerger.Merge([Path.Combine(work, "a"), Path.Combine(work, "b")], Path.Combine(work, "m"));
        Assert.Single(summary.Conflicts);
        Assert.Equal("one", File.ReadAllText(Path.Combine(work, "m", "x.json")));
        Directory.Delete(work, true);
    }
}
