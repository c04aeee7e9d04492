using System.Diagnostics;
using Extractor.Cli.Download;
using Extractor.Cli.Inputs;
using Extractor.Cli.Warehouse;
using Extractor.Model;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Pipeline;
using Polly;
using Polly.Retry;

namespace Extractor.Cli.Batch;

/// <param name="Warehouse">load every finished document into OUT/extractor.duckdb (`--no-warehouse` turns it off)</param>
/// <param name="Export">after the run, write each warehouse table as one dataset: parquet, csv or ndjson (null: none)</param>
/// <param name="CsvBom">start exported CSV files with a UTF-8 BOM (Excel on Chinese Windows)</param>
public sealed record BatchOptions(string OutputDirectory, int Jobs, bool Force, TimeSpan Timeout, bool Warehouse = true, string? Export = null, bool CsvBom = false)
{
    /// <summary>How URL inputs are fetched (into `OUTPUT/_downloads/`).</summary>
    public DownloadOptions Download { get; init; } = DownloadOptions.Default;

    /// <summary>The per-document outputs a run writes; the journal keeps them so that resume notices a change.</summary>
    public IReadOnlyList<string> DocumentOutputs { get; init; } = ["json"];
}

/// <param name="ChecksFailed">documents of the batch (run now or done before) with at least one failed reconciliation check</param>
public sealed record BatchSummary(int Total, int Succeeded, int Skipped, int Failed, double Seconds, long Pages, int ChecksFailed)
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
/// Runs many documents in parallel. A document's failure (bad PDF, no text layer, exception, timeout) is recorded
/// as that document's error file and journal line; it never stops the batch or touches another document's output.
/// </summary>
public static class BatchRunner
{
    // Files on network shares and removable media fail transiently; the PDF itself is never retried.
    private static readonly ResiliencePipeline ReadRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IOException>(e => e is not FileNotFoundException and not DirectoryNotFoundException),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    public static async Task<BatchSummary> RunAsync(IReadOnlyList<BatchItem> items, BatchOptions options, IBatchProgress progress, CancellationToken cancel)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        using var journal = new BatchJournal(options.OutputDirectory);
        using var downloader = new PdfDownloader(options.Download, new DownloadCache(Path.Combine(options.OutputDirectory, DownloadCache.FolderName)));
        var decided = items.Select(i => (Item: i, Previous: journal.Previous(i),
            Reason: options.Force ? "forced" : ResumePolicy.RedoReason(journal.Previous(i), i, options.DocumentOutputs, options.OutputDirectory))).ToList();
        var todo = decided.Where(d => d.Reason is not null).Select(d => d.Item).ToList();
        var done = decided.Where(d => d.Reason is null).ToList();
        progress.Started(items.Count, done.Count);

        using var warehouse = options.Warehouse ? new DuckDbWarehouse(Path.Combine(options.OutputDirectory, DuckDbWarehouse.FileName)) : null;
        // Documents done before that the warehouse lacks (made with --no-warehouse, or the file was deleted) load from their JSON.
        if (warehouse is not null)
            foreach (var (item, previous, _) in done)
                if (previous!.Sha256 is not { } id || !warehouse.Holds(id, item.SourcePath, previous.ExtractorVersion))
                    warehouse.Load(DocumentOutput.Read(item.SourcePath, options.OutputDirectory, item.OutputBase));

        var clock = Stopwatch.StartNew();
        int succeeded = 0, failed = 0, checksFailed = done.Count(d => d.Previous!.ChecksFailed);
        long pages = 0;
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancel }, async (item, ct) =>
        {
            var entry = await ProcessAsync(item, options, downloader, ct);
            // The coordinating process alone writes the warehouse, from the output the document left on disk.
            if (warehouse is not null) entry = LoadIntoWarehouse(warehouse, item, entry, options);
            journal.Record(entry);
            if (entry.Status == "ok") Interlocked.Increment(ref succeeded); else Interlocked.Increment(ref failed);
            if (entry.ChecksFailed) Interlocked.Increment(ref checksFailed);
            Interlocked.Add(ref pages, entry.Pages);
            progress.Finished(item, entry);
        });

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

    /// <summary>The writers of the requested per-document outputs (the JSON always: the warehouse loads from it).</summary>
    private static IEnumerable<IDocumentWriter> Writers(BatchOptions options) =>
        options.DocumentOutputs.Prepend("json").Distinct().Select(AllDocumentWriters.Registry.Get);

    private static async Task<JournalEntry> ProcessAsync(BatchItem item, BatchOptions options, PdfDownloader downloader, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long size = 0, ticks = 0;
        var errorPath = Path.Combine(options.OutputDirectory, item.OutputBase + ".error.txt");
        string? sha256 = null;
        try
        {
            var local = item.Input.IsUrl ? (await downloader.FetchAsync(item.Input, ct)).Path : item.Input.LocalPath!;
            var info = new FileInfo(local);
            if (!info.Exists) throw new PdfReadException($"{item.Identity}: no such file");
            size = info.Length;
            ticks = item.Input.IsUrl ? 0 : info.LastWriteTimeUtc.Ticks; // a download's time is the cache's, not the document's
            var bytes = await ReadRetry.ExecuteAsync(async token => await File.ReadAllBytesAsync(local, token), ct);
            if (!item.Input.IsUrl) ExpectedDigest.Check(item.Input, bytes); // downloads are checked as they arrive
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            // The extraction is synchronous CPU work; a pathological file must not hold the batch hostage.
            // Cancelled at the timeout too, so a given-up document stops at its next page instead of running on.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stop.CancelAfter(options.Timeout);
            var work = Task.Run(() => DocumentExtractor.Extract(bytes, item.Input.DisplayName, ExtractorOptions.Default, null, null, stop.Token), stop.Token);
            var extracted = await work.WaitAsync(options.Timeout, ct);
            var document = extracted with { Info = extracted.Info with { Source = item.Identity } };
            var written = new DocumentToWrite(document, new Dictionary<int, PageModel>());
            foreach (var writer in Writers(options))
                await writer.WriteAsync(Path.Combine(options.OutputDirectory, item.OutputBase + writer.Suffix), written, ct);
            if (File.Exists(errorPath)) File.Delete(errorPath);
            var summary = document.Reconciliation?.Summary;
            return BatchJournal.Entry(item.SourcePath, document.Info.Sha256, size, ticks, "ok", Writers(options).Select(w => item.OutputBase + w.Suffix).ToList(), options.DocumentOutputs, null,
                clock.Elapsed.TotalSeconds, document.Info.PageCount, document.Tables.Count, document.Warnings.Count,
                summary is null ? null : new CheckCounts(summary.Checks, summary.Pass, summary.Rounding, summary.Fail, summary.Skipped));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var message = e switch
            {
                TimeoutException or OperationCanceledException => $"{item.SourcePath}: gave up after {options.Timeout.TotalSeconds:0} s",
                DownloadException or InputException => $"{item.SourcePath}: {e.Message}",
                PdfReadException or UnreadableDocumentException => item.Input.IsUrl ? $"{item.Identity}: {e.Message}" : e.Message,
                _ => $"{item.SourcePath}: {e.GetType().Name}: {e.Message}",
            };
            AtomicFile.Write(errorPath, message + Environment.NewLine);
            return BatchJournal.Entry(item.SourcePath, sha256, size, ticks, "failed", [], options.DocumentOutputs, message, clock.Elapsed.TotalSeconds);
        }
    }
}
