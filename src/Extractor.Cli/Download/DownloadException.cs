namespace Extractor.Cli.Download;

/// <summary>A download that ended without a usable PDF; the message is the reason, written into the journal.</summary>
public sealed class DownloadException(string message) : Exception(message);

/// <summary>A failure worth another attempt (reset, truncated body); the retry strategy handles it.</summary>
internal sealed class TransientDownloadException(string message, Exception? inner = null) : Exception(message, inner);
