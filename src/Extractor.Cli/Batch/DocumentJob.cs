using System.Security.Cryptography;
using Extractor.Cli.Inputs;
using Extractor.Model;
using Extractor.Ocr;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Pipeline;
using Polly;
using Polly.Retry;

namespace Extractor.Cli.Batch;

/// <summary>One document of a batch, inside a worker: read (retrying transient I/O), extract, write its outputs.</summary>
public static class DocumentJob
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

    /// <summary>The writers of the requested per-document outputs (`--outputs`; the JSON always, first: the warehouse loads from it).</summary>
    private static List<IDocumentWriter> Writers(IReadOnlyList<string> outputs) =>
        outputs.Prepend("json").Distinct(StringComparer.OrdinalIgnoreCase).Select(CliWriters.Registry.Get).ToList();

    public static async Task<WorkerReply> RunAsync(WorkerRequest request, CancellationToken ct)
    {
        string? sha = null;
        try
        {
            if (!File.Exists(request.Source)) throw new PdfReadException($"{request.Source}: no such file");
            var bytes = await ReadRetry.ExecuteAsync(async token => await File.ReadAllBytesAsync(request.Source, token), ct);
            sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            ExpectedDigest.Check(request.ExpectedSha256, sha);
            var writers = Writers(request.Outputs);
            // The page models are kept only for a writer that draws them (review).
            var pages = new Dictionary<int, PageModel>();
            Action<PageModel>? keepPage = writers.Any(w => w.NeedsPages) ? page => pages[page.Number] = page : null;
            var extracted = DocumentExtractor.Extract(bytes, request.DisplayName ?? Path.GetFileName(request.Source),
                ExtractorOptions.Default with { Ocr = new OcrOptions(OcrOptions.ParseMode(request.OcrMode ?? "never")) }, null, keepPage, ct);
            var document = extracted with { Info = extracted.Info with { Source = request.Identity ?? request.Source } };
            var written = new DocumentToWrite(document, pages) { Options = new DocumentWriterOptions { CsvBom = request.CsvBom } };
            // The JSON carries the reviewer's decisions (NAME.review.json beside it), so it is written here, not by the registry's json writer.
            var output = ReviewedOutput.Apply(JsonDocumentWriter.ToOutput(document), request.OutputDirectory, request.OutputBase);
            JsonDocumentWriter.WriteFile(Path.Combine(request.OutputDirectory, request.OutputBase + writers[0].Suffix), output);
            foreach (var writer in writers.Skip(1))
                await writer.WriteAsync(Path.Combine(request.OutputDirectory, request.OutputBase + writer.Suffix), written, ct);
            var summary = document.Reconciliation?.Summary;
            return new WorkerReply("ok", writers.Select(w => request.OutputBase + w.Suffix).ToList(), null, document.Info.PageCount,
                document.Tables.Count, document.Warnings.Count, sha,
                summary is null ? null : new CheckCounts(summary.Checks, summary.Pass, summary.Rounding, summary.Fail, summary.Skipped),
                output.Review is not null) { OcrPages = document.Info.OcrPages };
        }
        catch (OutputWriteException e) { return new WorkerReply("write-failed", null, e.Message, 0, 0, 0, sha); }
        catch (Exception e) when (e is PdfReadException or UnreadableDocumentException)
        {
            return new WorkerReply("failed", null, e.Message, 0, 0, 0, sha);
        }
        catch (InputException e) { return new WorkerReply("failed", null, $"{request.Identity ?? request.Source}: {e.Message}", 0, 0, 0, sha); }
        catch (OutOfMemoryException)
        {
            return new WorkerReply("failed", null, $"{request.Source}: too large: ran out of memory (worker heap limit)", 0, 0, 0, sha) { Exhausted = true };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // PdfPig's internal exceptions: say that the PDF is damaged without leaking its internal wording.
            return new WorkerReply("failed", null, $"{Path.GetFileName(request.Source)}: damaged PDF, cannot be read ({PdfPageReader.Describe(e)})", 0, 0, 0, sha);
        }
    }
}
