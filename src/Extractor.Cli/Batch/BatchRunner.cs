using System.Diagnostics;
using Extractor.Model;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Pipeline;
using Polly;
using Polly.Retry;

namespace Extractor.Cli.Batch;

/// <param name="Facts">Flat facts beside each JSON: null (none), "csv" or "parquet".</param>
public sealed record BatchOptions(string OutputDirectory, int Jobs, bool Force, string? Facts, TimeSpan Timeout);

public sealed record BatchSummary(int Total, int Succeeded, int Skipped, int Failed, double Seconds, long Pages);

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
        var todo = options.Force ? items.ToList() : items.Where(i => !journal.IsDone(i, options.OutputDirectory)).ToList();
        var skipped = items.Count - todo.Count;
        progress.Started(items.Count, skipped);

        var clock = Stopwatch.StartNew();
        int succeeded = 0, failed = 0;
        long pages = 0;
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancel }, async (item, ct) =>
        {
            var entry = await ProcessAsync(item, options, ct);
            journal.Record(entry);
            if (entry.Status == "ok") Interlocked.Increment(ref succeeded); else Interlocked.Increment(ref failed);
            Interlocked.Add(ref pages, entry.Pages);
            progress.Finished(item, entry);
        });
        return new BatchSummary(items.Count, succeeded, skipped, failed, clock.Elapsed.TotalSeconds, pages);
    }

    /// <summary>The facts writer chosen with --facts (the JSON is written beside it with the review decisions).</summary>
    private static IEnumerable<IDocumentWriter> Writers(BatchOptions options)
    {
        if (options.Facts is { } facts) yield return AllDocumentWriters.Registry.Get(facts);
    }

    private static async Task<JournalEntry> ProcessAsync(BatchItem item, BatchOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var info = new FileInfo(item.SourcePath);
        var size = info.Exists ? info.Length : 0;
        var ticks = info.Exists ? info.LastWriteTimeUtc.Ticks : 0;
        var jsonName = item.OutputBase + ".json";
        var errorPath = Path.Combine(options.OutputDirectory, item.OutputBase + ".error.txt");
        try
        {
            if (!info.Exists) throw new PdfReadException($"{item.SourcePath}: no such file");
            var bytes = await ReadRetry.ExecuteAsync(async token => await File.ReadAllBytesAsync(item.SourcePath, token), ct);
            // The extraction is synchronous CPU work; a pathological file must not hold the batch hostage.
            // Cancelled at the timeout too, so a given-up document stops at its next page instead of running on.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stop.CancelAfter(options.Timeout);
            var work = Task.Run(() => DocumentExtractor.Extract(bytes, info.Name, ExtractorOptions.Default, null, null, stop.Token), stop.Token);
            var document = await work.WaitAsync(options.Timeout, ct);
            // The JSON carries the reviewer's decisions (NAME.review.json beside it), so it is written here, not by the registry's json writer.
            var output = ReviewedOutput.Apply(JsonDocumentWriter.ToOutput(document), options.OutputDirectory, item.OutputBase);
            AtomicFile.Write(Path.Combine(options.OutputDirectory, jsonName), JsonDocumentWriter.Serialize(output));
            var written = new DocumentToWrite(document, new Dictionary<int, PageModel>());
            foreach (var writer in Writers(options))
                await writer.WriteAsync(Path.Combine(options.OutputDirectory, item.OutputBase + writer.Suffix), written, ct);
            if (File.Exists(errorPath)) File.Delete(errorPath);
            return new JournalEntry(item.SourcePath, size, ticks, "ok", jsonName, null, clock.Elapsed.TotalSeconds,
                document.Info.PageCount, document.Tables.Count, document.Warnings.Count, DateTime.UtcNow) { Reviewed = output.Review is not null };
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var message = e switch
            {
                TimeoutException or OperationCanceledException => $"{item.SourcePath}: gave up after {options.Timeout.TotalSeconds:0} s",
                PdfReadException or UnreadableDocumentException => e.Message,
                _ => $"{item.SourcePath}: {e.GetType().Name}: {e.Message}",
            };
            AtomicFile.Write(errorPath, message + Environment.NewLine);
            return new JournalEntry(item.SourcePath, size, ticks, "failed", null, message, clock.Elapsed.TotalSeconds, 0, 0, 0, DateTime.UtcNow);
        }
    }
}
