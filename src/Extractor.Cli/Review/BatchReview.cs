using System.Diagnostics;
using Extractor.Cli.Batch;
using Extractor.Output;
using Extractor.Output.Review;

namespace Extractor.Cli.Review;

public sealed record BatchReviewSummary(string IndexPath, int Documents, int Reports, long Bytes, double Seconds);

/// <summary>
/// `review OUTDIR`: a report per document of a batch output folder, built from the batch's JSON (what goes to the
/// warehouse) and the source PDF the journal names, and `OUTDIR/review/index.html` over all of them. A document whose
/// JSON or PDF is unreadable gets a line in the index, never stops the others.
/// </summary>
public static class BatchReview
{
    public const string FolderName = "review";

    public static BatchReviewSummary Run(string outputDirectory, IPageRenderer renderer, int jobs, Action<string> log, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var reviewFolder = Path.Combine(outputDirectory, FolderName);
        var documents = Documents(outputDirectory);
        var rows = new BatchReviewRow[documents.Count];
        long bytes = 0;
        var reports = 0;
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancel }, i =>
        {
            var d = documents[i];
            rows[i] = ReviewOne(outputDirectory, reviewFolder, d, renderer, cancel, out var written);
            if (written is null) return;
            Interlocked.Add(ref bytes, written.Bytes);
            Interlocked.Increment(ref reports);
            log($"{d.Base}: {written.Tables} tables, {written.PagesRendered} pages rendered, {written.Bytes / 1024.0 / 1024.0:0.0} MB");
        });
        var index = Path.Combine(reviewFolder, "index.html");
        AtomicFile.Write(index, BatchReviewIndex.Render(Path.GetFullPath(outputDirectory), rows));
        return new BatchReviewSummary(index, documents.Count, reports, bytes, clock.Elapsed.TotalSeconds);
    }

    /// <summary>A document of the batch: its output base name, the journal's line (null when the folder has no journal).</summary>
    private sealed record BatchDocument(string Base, JournalEntry? Entry);

    private static List<BatchDocument> Documents(string outputDirectory)
    {
        var journal = BatchJournal.ReadLatest(outputDirectory);
        var result = new List<BatchDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in journal.Values)
        {
            var name = entry.Output is { } output ? Path.GetFileNameWithoutExtension(output) : Path.GetFileNameWithoutExtension(entry.Source);
            if (seen.Add(name)) result.Add(new BatchDocument(name, entry));
        }
        // Outputs without a journal line (copied in, or a folder from `extract -o`) are reviewed too, without their PDF.
        foreach (var json in Directory.EnumerateFiles(outputDirectory, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(json);
            if (name.StartsWith('_') || json.EndsWith(ReviewDecisions.Suffix, StringComparison.Ordinal) || name.EndsWith(".schema", StringComparison.Ordinal)) continue;
            if (seen.Add(name)) result.Add(new BatchDocument(name, null));
        }
        return result.OrderBy(d => d.Base, StringComparer.Ordinal).ToList();
    }

    private static BatchReviewRow ReviewOne(string outputDirectory, string reviewFolder, BatchDocument d, IPageRenderer renderer, CancellationToken cancel, out WrittenReport? written)
    {
        written = null;
        var name = d.Entry is { } e ? Path.GetFileName(e.Source) : d.Base;
        if (d.Entry is { Status: not "ok" } failed)
            return new BatchReviewRow(name, failed.Status, failed.Error, failed.Pages, 0, 0, 0, 0, 0, 0, null, null);
        var jsonPath = Path.Combine(outputDirectory, d.Base + ".json");
        try
        {
            var input = ReviewInput.FromJson(File.ReadAllText(jsonPath));
            string? note = null;
            ReviewDecisions? decisions = null;
            try { decisions = ReviewDecisions.ReadIfExists(ReviewDecisions.PathBeside(outputDirectory, d.Base)); }
            catch (FormatException x) { note = x.Message; }
            written = ReviewReportFiles.Write(input, d.Entry?.Source, null, Path.Combine(reviewFolder, d.Base + ".html"),
                d.Base + ReviewDecisions.Suffix, decisions, renderer, cancel);
            return new BatchReviewRow(name, "ok", null, input.PageCount, input.Tables.Count, input.ChecksFailed, input.ChecksRounding,
                input.Warnings.Count, decisions?.Verified.Select(v => v.Index).Distinct().Count() ?? 0, decisions?.Corrections.Count ?? 0,
                d.Base + ".html", note ?? written.Note);
        }
        catch (Exception x) when (x is IOException or FormatException or UnauthorizedAccessException or Newtonsoft.Json.JsonException)
        {
            return new BatchReviewRow(name, "unreadable output", $"{jsonPath}: {x.Message}", d.Entry?.Pages ?? 0, 0, 0, 0, 0, 0, 0, null, null);
        }
    }
}
