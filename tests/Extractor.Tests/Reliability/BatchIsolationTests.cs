using Extractor.Cli.Inputs;
using System.Diagnostics;
using Extractor.Cli.Batch;
using Extractor.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Reliability;

/// <summary>
/// Issue 10 defects 3, 4, 5 and 7: documents run in worker processes that can be killed alone, timeouts free their
/// CPU, names never collide, one batch per folder, the journal is whole, temp files are cleaned.
/// </summary>
[Collection(WorkerProcesses.Name)]
public class BatchIsolationTests
{
    private const string Big = "corpus/zhuhai-drug-procurement-list-kangxi.pdf"; // 328 pages, several seconds
    private const string Small = "corpus/sh-putuo-welfare-home-2024-unit-budget.pdf";

    private sealed class Recorder : IBatchProgress
    {
        public List<JournalEntry> Entries { get; } = [];
        public void Started(int total, int skipped) { }
        public void Finished(BatchItem item, JournalEntry entry) { lock (Entries) Entries.Add(entry); }
    }

    private static string Folder(string name) => Directory.CreateTempSubdirectory($"extractor-{name}-").FullName;

    private static string Input(params (string Name, string Fixture)[] files)
    {
        var dir = Folder("in");
        foreach (var (name, fixture) in files) File.Copy(Repo.Fixture(fixture), Path.Combine(dir, name));
        return dir;
    }

    private static Task<BatchSummary> Run(string input, string output, Recorder recorder, BatchOptions? options = null) =>
        BatchRunner.RunAsync(BatchInputs.Find([input]), options ?? new BatchOptions(output, 1, false, TimeSpan.FromSeconds(120)), recorder, CancellationToken.None);

    private static List<JObject> Journal(string output) =>
        File.ReadAllLines(Path.Combine(output, BatchJournal.FileName)).Select(JObject.Parse).ToList();

    [Fact]
    public async Task A_worker_killed_mid_document_fails_only_that_document_and_is_not_retried()
    {
        var input = Input(("a-big.pdf", Big), ("b-small.pdf", Small));
        var output = Folder("kill");
        var recorder = new Recorder();
        var run = Run(input, output, recorder);
        // the first document (a-big) is being read by the only worker: kill that process from outside
        var clock = Stopwatch.StartNew();
        List<int> workers;
        while ((workers = CliProcess.Workers(Environment.ProcessId)).Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        await Task.Delay(1500);
        Process.GetProcessById(Assert.Single(workers)).Kill();
        var summary = await run;

        Assert.Equal((1, 1), (summary.Succeeded, summary.Failed));
        var killed = Assert.Single(recorder.Entries, e => e.Status == "failed");
        Assert.EndsWith("a-big.pdf", killed.Source);
        Assert.Contains("killed (signal 9", killed.Error);
        Assert.True(killed.WorkerKilled);
        Assert.Equal(64, killed.Sha256!.Length);
        Assert.Contains("killed (signal 9", File.ReadAllText(Path.Combine(output, "a-big.error.txt")));
        Assert.True(File.Exists(Path.Combine(output, "b-small.json")));

        // A resume does not feed the poison pill to a worker again; --retry-failed does.
        var resume = await Run(input, output, new Recorder());
        Assert.Equal((2, 0), (resume.Skipped, resume.Succeeded + resume.Failed));
        var retry = await Run(input, output, new Recorder(), new BatchOptions(output, 1, false, TimeSpan.FromSeconds(120), RetryFailed: true));
        Assert.Equal(1, retry.Succeeded);
        Assert.Empty(CliProcess.Workers(Environment.ProcessId));
    }

    [Fact]
    public async Task A_worker_above_its_memory_limit_is_killed_and_the_batch_goes_on()
    {
        var input = Input(("b-small.pdf", Small));
        // within every bound, but 20 pages of 200,000 path segments each take the reader well over 150 MiB, and long
        // enough for the watch to see it (one such page alone is read lean enough to finish between two looks)
        File.WriteAllBytes(Path.Combine(input, "a-big.pdf"), HostilePdf.SegmentPages(20, 200_000));
        var output = Folder("memory");
        var recorder = new Recorder();
        // 150 MiB: enough for the small document, not for the big one
        var summary = await Run(input, output, recorder, new BatchOptions(output, 1, false, TimeSpan.FromSeconds(120), MemoryLimitBytes: 150L << 20));
        var big = Assert.Single(recorder.Entries, e => e.Source.EndsWith("a-big.pdf"));
        Assert.Equal("failed", big.Status);
        Assert.Contains("memory", big.Error);
        Assert.Equal("ok", Assert.Single(recorder.Entries, e => e.Source.EndsWith("b-small.pdf")).Status);
        Assert.Equal(1, summary.Succeeded);
    }

    [Fact]
    public async Task A_timeout_kills_the_worker_so_the_work_really_stops()
    {
        var input = Input(("a-big.pdf", Big));
        var output = Folder("timeout");
        var recorder = new Recorder();
        var clock = Stopwatch.StartNew();
        await Run(input, output, recorder, new BatchOptions(output, 1, false, TimeSpan.FromSeconds(1)));
        var entry = Assert.Single(recorder.Entries);
        Assert.Contains("timeout: gave up after 1 s (worker killed)", entry.Error);
        Assert.True(entry.WorkerKilled);
        Assert.Empty(CliProcess.Workers(Environment.ProcessId)); // no abandoned work keeps running
    }

    [Fact]
    public async Task A_second_batch_on_the_same_folder_is_refused_and_the_journal_stays_whole()
    {
        var input = Input(("a-big.pdf", Big), ("b-small.pdf", Small), ("c-small.pdf", Small));
        var output = Folder("twice");
        var first = Run(input, output, new Recorder());
        var clock = Stopwatch.StartNew();
        while (CliProcess.Workers(Environment.ProcessId).Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);

        var (exit, _, stderr) = CliProcess.Run("batch", input, "-o", output, "--no-progress");
        Assert.Equal(75, exit);
        Assert.Contains($"{output}: another batch (process {Environment.ProcessId}) is writing to this folder", stderr);

        var summary = await first;
        Assert.Equal(3, summary.Succeeded);
        var journal = Journal(output);
        Assert.Equal(3, journal.Count);
        Assert.Equal(3, journal.Select(j => (string)j["source"]!).Distinct().Count());

        // Once the first batch is over, the folder is free again (a resume with nothing to do).
        var again = CliProcess.Run("batch", input, "-o", output, "--no-progress");
        Assert.Equal(0, again.Exit);
    }

    [Fact]
    public async Task A_run_from_another_folder_never_overwrites_an_output()
    {
        var first = Input(("doc.pdf", Small));
        var second = Input(("doc.pdf", "urumqi-port-office-2025.office.pdf"));
        var output = Folder("names");
        await Run(first, output, new Recorder());
        var firstJson = File.ReadAllText(Path.Combine(output, "doc.json"));

        var recorder = new Recorder();
        await Run(second, output, recorder);
        Assert.Equal(firstJson, File.ReadAllText(Path.Combine(output, "doc.json")));
        var entry = Assert.Single(recorder.Entries);
        Assert.Matches(@"^doc~[0-9a-f]{8}\.json$", entry.Output);
        Assert.Equal(11, ((JArray)JObject.Parse(File.ReadAllText(Path.Combine(output, entry.Output!)))["tables"]!).Count);

        // Both sources resume as done: neither output was lost.
        var resume = await BatchRunner.RunAsync(BatchInputs.Find([first, second]), new BatchOptions(output, 1, false, TimeSpan.FromSeconds(120)), new Recorder(), CancellationToken.None);
        Assert.Equal(2, resume.Skipped);
    }

    [Fact]
    public void Names_are_stable_when_a_folder_that_sorts_first_is_added()
    {
        var claims = new Dictionary<string, string> { ["x"] = "/data/z/x.pdf" };
        var items = OutputNames.Assign([new BatchInput(new InputItem("/data/a/x.pdf", "/data/a/x.pdf", null), "x"), new BatchInput(new InputItem("/data/z/x.pdf", "/data/z/x.pdf", null), "x")], claims);
        Assert.Equal("x", items.Single(i => i.Identity == "/data/z/x.pdf").OutputBase);
        Assert.StartsWith("x~", items.Single(i => i.Identity == "/data/a/x.pdf").OutputBase);
        // …and the same newcomer gets the same name every time (derived from its identity, not its position)
        var again = OutputNames.Assign([new BatchInput(new InputItem("/data/a/x.pdf", "/data/a/x.pdf", null), "x")], claims);
        Assert.Equal(items.Single(i => i.Identity == "/data/a/x.pdf").OutputBase, again.Single().OutputBase);
    }

    [Fact]
    public async Task A_pdf_replaced_behind_an_unchanged_symlink_is_redone()
    {
        var store = Input(("one.pdf", Small), ("two.pdf", "urumqi-port-office-2025.office.pdf"));
        var links = Folder("links");
        var link = Path.Combine(links, "doc.pdf");
        File.CreateSymbolicLink(link, Path.Combine(store, "one.pdf"));
        var output = Folder("symlink");
        var first = new Recorder();
        await Run(links, output, first);
        Assert.EndsWith("one.pdf", Assert.Single(first.Entries).Source); // the identity is the resolved file

        File.Delete(link);
        File.CreateSymbolicLink(link, Path.Combine(store, "two.pdf"));
        File.SetLastWriteTimeUtc(link, DateTime.UtcNow.AddDays(-1));
        var second = new Recorder();
        await Run(links, output, second);
        var entry = Assert.Single(second.Entries);
        Assert.EndsWith("two.pdf", entry.Source);
        Assert.Equal("ok", entry.Status);
        Assert.NotEqual(Assert.Single(first.Entries).Output, entry.Output);
    }

    [Fact]
    public async Task Temp_files_of_killed_writers_are_removed_on_start()
    {
        var input = Input(("b-small.pdf", Small));
        var output = Folder("temps");
        var stale = Path.Combine(output, $".b-small.json.999999.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, "half a file");
        await Run(input, output, new Recorder());
        Assert.False(File.Exists(stale));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp"));
    }

    [Fact]
    public async Task Journal_lines_written_at_once_from_many_threads_are_all_whole()
    {
        var output = Folder("append");
        using (var journal = new BatchJournal(output))
            await Parallel.ForAsync(0, 2000, async (i, _) =>
            {
                journal.Record(BatchJournal.Entry($"/x/{i}.pdf", null, i, i, "ok", [$"{i}.json"], ["json"], new string('e', i % 300), 0));
                await Task.Yield();
            });
        var lines = File.ReadAllLines(Path.Combine(output, BatchJournal.FileName));
        Assert.Equal(2000, lines.Length);
        Assert.All(lines, l => Assert.NotNull(JsonConvert.DeserializeObject<JournalEntry>(l, BatchJournal.Settings)));
    }
}

/// <summary>Tests that count the test process's worker children run alone, so they see only their own workers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerProcesses
{
    public const string Name = "worker processes";
}
