using Newtonsoft.Json;

namespace Extractor.Cli.Batch;

/// <summary>One document for a worker (one JSON line on its stdin).</summary>
/// <param name="Outputs">the per-document outputs to write besides the JSON (writer registry names)</param>
public sealed record WorkerRequest(string Source, string OutputDirectory, string OutputBase, IReadOnlyList<string> Outputs)
{
    /// <summary>The input's identity (URL or resolved path): the JSON's `document.source`.</summary>
    public string? Identity { get; init; }

    /// <summary>The name the document is known by (the file name, or the URL's last segment).</summary>
    public string? DisplayName { get; init; }

    /// <summary>The manifest's SHA-256 for a local file (lower-case hex), null when none was given.</summary>
    public string? ExpectedSha256 { get; init; }

    /// <summary>`--csv-bom` of the batch: per-document CSV files (facts-csv) start with a UTF-8 byte order mark.</summary>
    public bool CsvBom { get; init; }

    /// <summary>`--ocr` of the batch (auto, always, never); null reads as never, what a worker did before the option.</summary>
    public string? OcrMode { get; init; }
}

/// <summary>
/// The worker's answer (one JSON line on its stdout). Status: ok, failed (the document's fault: message for its error
/// file), write-failed (the output folder's fault: the batch stops).
/// </summary>
/// <param name="Outputs">the files written, relative to the output folder (the JSON first)</param>
public sealed record WorkerReply(string Status, IReadOnlyList<string>? Outputs, string? Error, int Pages, int Tables, int Warnings, string? Sha256,
    CheckCounts? Checks = null, bool Reviewed = false)
{
    /// <summary>The worker ran out of managed memory: it answers, then exits so the next document gets a fresh process.</summary>
    public bool Exhausted { get; init; }

    /// <summary>The pages read by OCR (ascending; empty when all came from the text layer).</summary>
    public IReadOnlyList<int>? OcrPages { get; init; }
}

internal static class WorkerLines
{
    public static string Write<T>(T value) => JsonConvert.SerializeObject(value, Formatting.None);
    public static T? Read<T>(string line) => JsonConvert.DeserializeObject<T>(line);
}
