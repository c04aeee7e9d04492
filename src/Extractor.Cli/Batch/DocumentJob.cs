using System.Security.Cryptography;
using Extractor.Model;
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

    /// <summary>The document JSON always; the facts writer chosen with --facts beside it.</summary>
    private static IEnumerable<IDocumentWriter> Writers(string? facts)
    {
        yield return AllDocumentWriters.Registry.Get("json");
        if (facts is not null) yield return AllDocumentWriters.Registry.Get(facts);
    }

    public static async Task<WorkerReply> RunAsync(WorkerRequest request, CancellationToken ct)
    {
        string? sha = null;
        try
        {
            if (!File.Exists(request.Source)) throw new PdfReadException($"{request.Source}: no such file");
            var bytes = await ReadRetry.ExecuteAsync(async token => await File.ReadAllBytesAsync(request.Source, token), ct);
            sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var document = DocumentExtractor.Extract(bytes, Path.GetFileName(request.Source), ExtractorOptions.Default, null, null, ct);
            var written = new DocumentToWrite(document, new Dictionary<int, PageModel>());
            foreach (var writer in Writers(request.Facts))
                await writer.WriteAsync(Path.Combine(request.OutputDirectory, request.OutputBase + writer.Suffix), written, ct);
            var jsonName = request.OutputBase + AllDocumentWriters.Registry.Get("json").Suffix;
            return new WorkerReply("ok", jsonName, null, document.Info.PageCount, document.Tables.Count, document.Warnings.Count, sha);
        }
        catch (OutputWriteException e) { return new WorkerReply("write-failed", null, e.Message, 0, 0, 0, sha); }
        catch (Exception e) when (e is PdfReadException or UnreadableDocumentException)
        {
            return new WorkerReply("failed", null, e.Message, 0, 0, 0, sha);
        }
        catch (OutOfMemoryException)
        {
            return new WorkerReply("failed", null, $"{request.Source}: too large: ran out of memory (worker heap limit)", 0, 0, 0, sha);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // PdfPig's internal exceptions: say that the PDF is damaged without leaking its internal wording.
            return new WorkerReply("failed", null, $"{Path.GetFileName(request.Source)}: damaged PDF, cannot be read ({PdfPageReader.Describe(e)})", 0, 0, 0, sha);
        }
    }
}
