using System.Collections.Concurrent;
using System.Diagnostics;
using Extractor.Output;

namespace Extractor.Cli.Batch;

/// <param name="Facts">Flat facts beside each JSON: null (none), "csv" or "parquet".</param>
/// <param name="MemoryLimitBytes">a worker above this resident size is killed and its document failed (0 = no limit)</param>
/// <param name="RecycleAfter">a worker is replaced after this many documents (or when above half its memory limit)</param>
/// <param name="RetryFailed">also redo documents that killed their worker in an earlier run</param>
public sealed record BatchOptions(string OutputDirectory, int Jobs, bool Force, string? Facts, TimeSpan Timeout,
    long MemoryLimitBytes = BatchOptions.DefaultMemoryLimit, int RecycleAfter = 100, bool RetryFailed = false)
{
    public const long DefaultMemoryLimit = 2L * 1024 * 1024 * 1024;
}

/// <param name="StoppedBy">set when the batch had to stop (its outputs cannot be written): the reason, naming the path</param>
public sealed record BatchSummary(int Total, int Succeeded, int Skipped, int Failed, double Seconds, long Pages, string? StoppedBy = null, bool DiskFull = false);

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
        var items = OutputNames.Assign(inputs, journal.Claims);
        var todo = options.Force ? items.ToList() : items.Where(i => !journal.IsDone(i, output, options.RetryFailed)).ToList();
        var skipped = items.Count - todo.Count;
        progress.Started(items.Count, skipped);

        var clock = Stopwatch.StartNew();
        int succeeded = 0, failed = 0;
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
                    var entry = await ProcessAsync(item, options, idle, ct);
                    journal.Record(entry);
                    if (entry.Status == "ok") Interlocked.Increment(ref succeeded); else Interlocked.Increment(ref failed);
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
                    journal.Record(new JournalEntry(item.Identity, 0, 0, "not-done", null, $"batch stopped: {stoppedBy}", 0, 0, 0, 0, DateTime.UtcNow, item.OutputBase));
            }
            catch (OutputWriteException) { stoppedBy += " (they have no journal line)"; }
        }
        return new BatchSummary(items.Count, succeeded, skipped, failed, clock.Elapsed.TotalSeconds, pages, stoppedBy, diskFull);
    }

    private static async Task<JournalEntry> ProcessAsync(BatchItem item, BatchOptions options, ConcurrentBag<Worker> idle, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var info = new FileInfo(item.SourcePath);
        var size = info.Exists ? info.Length : 0;
        var ticks = info.Exists ? info.LastWriteTimeUtc.Ticks : 0;
        var errorPath = Path.Combine(options.OutputDirectory, item.OutputBase + ".error.txt");
        var request = new WorkerRequest(item.SourcePath, options.OutputDirectory, item.OutputBase, options.Facts);

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
            return new JournalEntry(item.Identity, size, ticks, "ok", reply.Output, null, clock.Elapsed.TotalSeconds,
                reply.Pages, reply.Tables, reply.Warnings, DateTime.UtcNow, item.OutputBase, reply.Sha256);
        }
        var message = reply?.Error ?? $"{item.SourcePath}: {death}";
        AtomicFile.Write(errorPath, message + Environment.NewLine);
        return new JournalEntry(item.Identity, size, ticks, "failed", null, message, clock.Elapsed.TotalSeconds, 0, 0, 0,
            DateTime.UtcNow, item.OutputBase, reply?.Sha256 ?? Sha256Of(item.SourcePath), WorkerKilled: reply is null);
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
