namespace Extractor.Cli.Download;

/// <summary>
/// Every knob of the downloader, with defaults meant for slow, flaky government servers crawled politely. Tests
/// shorten the delays and timeouts; the CLI exposes the ones a user tunes (see `batch --help`).
/// </summary>
public sealed record DownloadOptions
{
    /// <summary>Tries per URL, the first included. Retried: 5xx, 408, 429, timeouts, resets, truncated bodies.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First retry delay; doubles per retry, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A 429/503 `Retry-After` is waited for up to this long; a server asking for more fails the download.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>One attempt: connect, headers and the whole body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>All attempts and delays of one URL together.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Requests in flight at once to one host (polite crawling), whatever `--jobs` says.</summary>
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>Largest body accepted (announced or received).</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Redirects followed per attempt; only to http or https.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Per host: the circuit opens when this share of the attempts in <see cref="BreakerSamplingDuration"/> failed…</summary>
    public double BreakerFailureRatio { get; init; } = 0.8;

    /// <summary>…with at least this many attempts sampled…</summary>
    public int BreakerMinimumThroughput { get; init; } = 10;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>…and stays open (its URLs fail at once, "circuit open") for this long before one trial request.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Ask the server whether a cached download changed (If-None-Match / If-Modified-Since) instead of using it as is.</summary>
    public bool Revalidate { get; init; }

    public string UserAgent { get; init; } = $"extractor/{typeof(DownloadOptions).Assembly.GetName().Version?.ToString(3)} (budget disclosure research)";

    public static DownloadOptions Default { get; } = new();
}
