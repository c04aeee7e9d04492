using System.Collections.Concurrent;
using System.Diagnostics;
using Extractor.Cli.Download;
using Extractor.Cli.Inputs;
using Extractor.Cli.Warehouse;
using Extractor.Output;

namespace Extractor.Cli.Batch;

/// <param name="Warehouse">load every finished document into OUT/extractor.duckdb (`--no-warehouse` turns it off)</param>
/// <param name="Export">after the run, write each warehouse table as one dataset: parquet, csv or ndjson (null: none)</param>
/// <param name="CsvBom">start exported and per-document CSV files with a UTF-8 BOM (Excel on Chinese Windows)</param>
/// <param name="MemoryLimitBytes">a worker above this resident size is killed and its document failed (0 = no limit)</param>
/// <param name="RecycleAfter">a worker is replaced after this many documents (or when above half its memory limit)</param>
/// <param name="RetryFailed">also redo documents that killed their worker in an earlier run</param>
public sealed record BatchOptions(string OutputDirectory, int Jobs, bool Force, TimeSpan Timeout, bool Warehouse = true, string? Export = null,
    bool CsvBom = false, long MemoryLimitBytes = BatchOptions.DefaultMemoryLimit, int RecycleAfter = 100, bool RetryFailed = false)
{
    public const long DefaultMemoryLimit = 2L * 1024 * 1024 * 1024;

    /// <summary>How URL inputs are fetched (into `OUTPUT/_downloads/`).</summary>
    public DownloadOptions Download { get; init; } = DownloadOptions.Default;

    /// <summary>The per-document outputs a run writes; the journal keeps them so that resume notices a change.</summary>
    public IReadOnlyList<string> DocumentOutputs { get; init; } = ["json"];

    /// <summary>`--ocr`: which pages of each document tesseract reads (auto: those without a usable text layer).</summary>
    public string OcrMode { get; init; } = "never";
}

/// <param name="ChecksFailed">documents of the batch (run now or done before) with at least one failed reconciliation check</param>
/// <param name="StoppedBy">set when the batch had to stop (its outputs cannot be written): the reason, naming the path</param>
public sealed record BatchSummary(int Total, int Succeeded, int Skipped, int Failed, double Seconds, long Pages, int ChecksFailed,
    string? StoppedBy = null, bool DiskFull = false)
{
    public IReadOnlyList<string> Exported { get; init; } = [];
}

/// <summary>Receives progress: one call per document finished (or skipped).</summary>
public interface IBatchProgress
{
    void Started(int total, int skipped);
    void Finished(BatchItem item, JournalEntry entry);
}

/// <summary>
/// Runs many documents, each in a worker process (at most `Jobs` at once). A document's failure (bad PDF, too large,
/// timeout, worker killed for memory or crashed) is recorded as that document's error file and journal line; it
/// never stops the batch or touches another document's output. Only an output folder that cannot be written stops
/// the batch (with the journal saying which documents were not done).
/// </summary>
public static class BatchRunner
{
    public static async Task<BatchSummary> RunAsync(IReadOnlyList<BatchInput> inputs, BatchOptions options, IBatchProgress progress, CancellationToken cancel)
    {
        var output = options.OutputDirectory;
        try { Directory.CreateDirectory(output); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new OutputWriteException(output, AtomicFile.Reason(e), e); }
        using var folderLock = BatchLock.Acquire(output);
        AtomicFile.CleanStale(output); // we own the folder: any temp file is a killed writer's
        using var journal = new BatchJournal(output);
        using var downloader = new PdfDownloader(options.Download, new DownloadCache(Path.Combine(output, DownloadCache.FolderName)));
        var items = OutputNames.Assign(inputs, journal.Claims);
        var decided = items.Select(i => (Item: i, Previous: journal.Previous(i.Identity))).Select(d => (d.Item, d.Previous,
            Reason: options.Force ? "forced" : ResumePolicy.RedoReason(d.Previous, d.Item, options.DocumentOutputs, output, options.RetryFailed))).ToList();
        var todo = WorkOrder.For(decided.Where(d => d.Reason is not null).Select(d => d.Item).ToList(), options.Jobs);
        var done = decided.Where(d => d.Reason is null).ToList();
        progress.Started(items.Count, done.Count);

        using var warehouse = options.Warehouse ? new DuckDbWarehouse(Path.Combine(output, DuckDbWarehouse.FileName)) : null;
        // Documents done before that the warehouse lacks (made with --no-warehouse, or the file was deleted) load from their JSON.
        if (warehouse is not null)
            foreach (var (item, previous, _) in done)
                if (previous!.Status == "ok" && (previous.Sha256 is not { } id || !warehouse.Holds(id, item.SourcePath, previous.ExtractorVersion)))
                    warehouse.Load(DocumentOutput.Read(item.SourcePath, output, item.OutputBase));

        var clock = Stopwatch.StartNew();
        int succeeded = 0, failed = 0, checksFailed = done.Count(d => d.Previous!.ChecksFailed);
        long pages = 0;
        string? stoppedBy = null;
        var diskFull = false;
        var started = new ConcurrentDictionary<BatchItem, bool>();
        var idle = new ConcurrentBag<Worker>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = stop.Token }, async (item, ct) =>
            {
                started[item] = true;
                try
                {
                    var entry = await ProcessAsync(item, options, downloader, idle, ct);
                    // The coordinating process alone writes the warehouse, from the output the document left on disk.
                    if (warehouse is not null) lock (warehouse) entry = LoadIntoWarehouse(warehouse, item, entry, options);
                    journal.Record(entry);
                    if (entry.Status == "ok") Interlocked.Increment(ref succeeded); else Interlocked.Increment(ref failed);
                    if (entry.ChecksFailed) Interlocked.Increment(ref checksFailed);
                    Interlocked.Add(ref pages, entry.Pages);
                    progress.Finished(item, entry);
                }
                catch (OutputWriteException e)
                {
                    started.TryRemove(item, out _);
                    lock (started) { stoppedBy ??= e.Message; diskFull |= e.DiskFull; }
                    await stop.CancelAsync();
                }
            });
        }
        catch (OperationCanceledException) when (stoppedBy is not null && !cancel.IsCancellationRequested) { }
        finally
        {
            foreach (var worker in idle) worker.Dispose();
        }

        if (stoppedBy is not null)
        {
            var notDone = todo.Where(i => !started.ContainsKey(i)).ToList();
            stoppedBy += $"; {notDone.Count} documents not done";
            try
            {
                foreach (var item in notDone)
                    journal.Record(BatchJournal.Entry(item.Identity, null, 0, 0, "not-done", [], options.DocumentOutputs,
                        $"batch stopped: {stoppedBy}", 0, outputBase: item.OutputBase));
            }
            catch (OutputWriteException) { stoppedBy += " (they have no journal line)"; }
            return new BatchSummary(items.Count, succeeded, done.Count, failed, clock.Elapsed.TotalSeconds, pages, checksFailed, stoppedBy, diskFull);
        }

        IReadOnlyList<string> exported = [];
        if (options.Export is { } format) exported = Export(warehouse, items, options, format);
        return new BatchSummary(items.Count, succeeded, done.Count, failed, clock.Elapsed.TotalSeconds, pages, checksFailed) { Exported = exported };
    }

    private static JournalEntry LoadIntoWarehouse(DuckDbWarehouse warehouse, BatchItem item, JournalEntry entry, BatchOptions options)
    {
        try
        {
            if (entry.Status == "ok") warehouse.Load(DocumentOutput.Read(item.SourcePath, options.OutputDirectory, item.OutputBase));
            else warehouse.LoadFailure(entry.Sha256, item.SourcePath, entry.Error ?? "failed");
            return entry;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or Newtonsoft.Json.JsonException or DuckDB.NET.Data.DuckDBException or InvalidOperationException)
        {
            // The document's JSON stands, but the warehouse lacks it: recorded as failed, so the next run redoes it.
            return entry with { Status = "failed", Error = $"{item.SourcePath}: warehouse: {e.Message}" };
        }
    }

    /// <summary>One dataset per table; without the warehouse, a temporary one is built from the batch's JSON outputs.</summary>
    private static IReadOnlyList<string> Export(DuckDbWarehouse? warehouse, IReadOnlyList<BatchItem> items, BatchOptions options, string format)
    {
        var directory = Path.Combine(options.OutputDirectory, "export");
        if (warehouse is not null) return warehouse.Export(directory, format, options.CsvBom);
        var temp = Path.Combine(options.OutputDirectory, $".export.{Environment.ProcessId}.{Guid.NewGuid():N}.duckdb");
        try
        {
            using var scratch = new DuckDbWarehouse(temp);
            foreach (var item in items)
                if (File.Exists(Path.Combine(options.OutputDirectory, item.OutputBase + ".json")))
                    scratch.Load(DocumentOutput.Read(item.SourcePath, options.OutputDirectory, item.OutputBase));
            return scratch.Export(directory, format, options.CsvBom);
        }
        finally
        {
            File.Delete(temp);
            File.Delete(temp + ".wal");
        }
    }

    private static async Task<JournalEntry> ProcessAsync(BatchItem item, BatchOptions options, PdfDownloader downloader, ConcurrentBag<Worker> idle, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var errorPath = Path.Combine(options.OutputDirectory, item.OutputBase + ".error.txt");
        JournalEntry Failed(string message, string? sha256, long size, long ticks, bool workerKilled = false)
        {
            AtomicFile.Write(errorPath, message + Environment.NewLine);
            return BatchJournal.Entry(item.Identity, sha256, size, ticks, "failed", [], options.DocumentOutputs, message, clock.Elapsed.TotalSeconds,
                outputBase: item.OutputBase, workerKilled: workerKilled) with { Ocr = options.OcrMode };
        }

        // Downloads are settled here, so the worker only ever reads a local file (and checks a manifest's digest
        // against the hash it computes anyway; downloads are checked as they arrive).
        string local;
        try
        {
            local = item.Input.IsUrl ? (await downloader.FetchAsync(item.Input, ct)).Path : item.Input.LocalPath!;
        }
        catch (Exception e) when (e is DownloadException or InputException or IOException or UnauthorizedAccessException)
        {
            return Failed($"{item.Identity}: {e.Message}", null, 0, 0);
        }
        var info = new FileInfo(local);
        var size = info.Exists ? info.Length : 0;
        var ticks = info.Exists && !item.Input.IsUrl ? info.LastWriteTimeUtc.Ticks : 0; // a download's time is the cache's, not the document's

        var request = new WorkerRequest(local, options.OutputDirectory, item.OutputBase, options.DocumentOutputs)
        {
            Identity = item.Identity,
            DisplayName = item.Input.DisplayName,
            CsvBom = options.CsvBom,
            ExpectedSha256 = item.Input.IsUrl ? null : item.Input.ExpectedSha256,
            OcrMode = options.OcrMode,
        };
        if (!idle.TryTake(out var worker) || worker.Exited) worker = Worker.Start(options.MemoryLimitBytes);
        WorkerReply? reply;
        string? death;
        try { (reply, death) = await worker.RunAsync(request, options.Timeout, options.MemoryLimitBytes, ct); }
        catch
        {
            worker.Kill();
            worker.Dispose();
            throw;
        }
        if (reply is null || worker.Exited || worker.Documents >= options.RecycleAfter
            || (options.MemoryLimitBytes > 0 && worker.ResidentBytes() > options.MemoryLimitBytes / 2))
            worker.Dispose();
        else idle.Add(worker);

        if (reply?.Status == "write-failed") throw new OutputWriteException(options.OutputDirectory, reply.Error ?? "write failed");
        if (reply?.Status == "ok")
        {
            if (File.Exists(errorPath)) File.Delete(errorPath);
            return BatchJournal.Entry(item.Identity, reply.Sha256, size, ticks, "ok", reply.Outputs ?? [], options.DocumentOutputs, null,
                clock.Elapsed.TotalSeconds, reply.Pages, reply.Tables, reply.Warnings, reply.Checks, item.OutputBase)
                with { Reviewed = reply.Reviewed, Ocr = options.OcrMode, OcrPages = reply.OcrPages ?? [] };
        }
        var message = reply?.Error ?? $"{item.Identity}: {death}";
        if (item.Input.IsUrl) message = message.Replace(local, item.Identity, StringComparison.Ordinal); // name the URL, not the cache file
        return Failed(message, reply?.Sha256 ?? Sha256Of(local), size, ticks, workerKilled: reply is null);
    }

    private static string? Sha256Of(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
