using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Extractor.Cli.Inputs;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Extractor.Cli.Download;

/// <summary>A URL's PDF on disk: the cached file and what the cache recorded.</summary>
public sealed record DownloadResult(string Path, CachedDownload Entry, bool FromCache);

/// <summary>One retry about to happen (for logs and tests): the attempt that failed, why, and the wait before the next.</summary>
public sealed record DownloadRetry(string Url, int FailedAttempt, string Reason, TimeSpan Delay);

/// <summary>
/// Fetches PDFs over http(s) into the <see cref="DownloadCache"/>. Per host: a Polly pipeline (total timeout → retry with
/// exponential backoff, jitter and `Retry-After` → circuit breaker → per-attempt timeout) and a concurrency limit.
/// Each attempt follows redirects itself (limited, http/https only), refuses bodies over the size limit and anything
/// that does not start like a PDF. Every failure ends as a <see cref="DownloadException"/> with one clear reason.
/// </summary>
public sealed class PdfDownloader : IDisposable
{
    private const int SniffBytes = 1024;
    private readonly DownloadOptions _options;
    private readonly DownloadCache _cache;
    private readonly HttpClient _http;
    private readonly Action<DownloadRetry>? _onRetry;
    private readonly ConcurrentDictionary<string, ResiliencePipeline<Attempt>> _pipelines = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostSlots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The outcome of one attempt: a stored download, or a status worth retrying.</summary>
    private sealed record Attempt(int Status, string Reason, TimeSpan? RetryAfter, CachedDownload? Stored);

    public PdfDownloader(DownloadOptions options, DownloadCache cache, Action<DownloadRetry>? onRetry = null)
    {
        _options = options;
        _cache = cache;
        _onRetry = onRetry;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // followed by hand: limited, and never to another scheme
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        { Timeout = Timeout.InfiniteTimeSpan }; // the pipeline's timeouts govern
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    public async Task<DownloadResult> FetchAsync(InputItem input, CancellationToken cancel)
    {
        var url = input.Identity;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new DownloadException($"only http and https URLs are downloaded, not {url}");

        var cached = _cache.Find(url);
        if (cached is not null && input.ExpectedSha256 is { } expected && cached.Sha256 != expected) cached = null;
        if (cached is not null && !_options.Revalidate) return new DownloadResult(_cache.PdfPath(url), cached, true);

        var attempts = 0;
        var slots = _hostSlots.GetOrAdd(uri.Authority, _ => new SemaphoreSlim(Math.Max(1, _options.PerHostConcurrency)));
        Attempt outcome;
        try
        {
            outcome = await PipelineFor(uri).ExecuteAsync(async ct =>
            {
                Interlocked.Increment(ref attempts);
                await slots.WaitAsync(ct);
                try { return await AttemptAsync(uri, cached, input.ExpectedSha256, ct); }
                finally { slots.Release(); }
            }, cancel);
        }
        catch (TimeoutRejectedException e)
        {
            throw new DownloadException(e.Timeout == _options.TotalTimeout && attempts < _options.MaxAttempts
                ? $"gave up after the {Seconds(_options.TotalTimeout)} total download timeout ({Attempts(attempts)})"
                : $"no complete answer within the {Seconds(_options.AttemptTimeout)} per-attempt timeout ({Attempts(attempts)})");
        }
        catch (BrokenCircuitException)
        {
            throw new DownloadException($"circuit open for {uri.Authority}: too many recent failures on that host, not tried (run the batch again later)");
        }
        catch (TransientDownloadException e)
        {
            throw new DownloadException($"{e.Message} ({Attempts(attempts)})");
        }
        if (outcome.Stored is null) throw new DownloadException($"{outcome.Reason} ({Attempts(attempts)})");
        return new DownloadResult(_cache.PdfPath(url), outcome.Stored, outcome.Status == (int)HttpStatusCode.NotModified);
    }

    private ResiliencePipeline<Attempt> PipelineFor(Uri uri) => _pipelines.GetOrAdd(uri.Authority, _ =>
    {
        var o = _options;
        var builder = new ResiliencePipelineBuilder<Attempt>().AddTimeout(o.TotalTimeout);
        if (o.MaxAttempts > 1)
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                MaxRetryAttempts = o.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.BaseDelay,
                MaxDelay = o.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter), // null: the backoff
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.Message ?? args.Outcome.Result?.Reason ?? "";
                    _onRetry?.Invoke(new DownloadRetry(uri.AbsoluteUri, args.AttemptNumber + 1, reason, args.RetryDelay));
                    return default;
                },
            });
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Attempt>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakDuration,
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
    });

    private bool IsTransient(Outcome<Attempt> outcome) => outcome.Exception is { } e
        ? e is TransientDownloadException or TimeoutRejectedException
        : outcome.Result is { Stored: null } r && (r.RetryAfter is null || r.RetryAfter <= _options.MaxRetryAfter);

    private async Task<Attempt> AttemptAsync(Uri start, CachedDownload? cached, string? expectedSha, CancellationToken ct)
    {
        var uri = start;
        var visited = new HashSet<string>(StringComparer.Ordinal) { uri.AbsoluteUri };
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (cached is not null)
            {
                if (cached.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
                if (cached.LastModified is { } modified && DateTimeOffset.TryParse(modified, out var since)) request.Headers.IfModifiedSince = since;
            }
            HttpResponseMessage response;
            try { response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct); }
            catch (HttpRequestException e) when (!ct.IsCancellationRequested) { throw new TransientDownloadException(Describe(e), e); }

            using (response)
            {
                var code = (int)response.StatusCode;
                var status = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
                if (code is >= 300 and < 400 && code != (int)HttpStatusCode.NotModified)
                {
                    var location = response.Headers.Location ?? throw new DownloadException($"{status} without a Location header");
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (next.Scheme is not ("http" or "https"))
                        throw new DownloadException($"redirect to {next.Scheme}: refused (only http and https are followed)");
                    if (!visited.Add(next.AbsoluteUri)) throw new DownloadException($"redirect loop: {next.AbsoluteUri} again");
                    if (redirects + 1 > _options.MaxRedirects) throw new DownloadException($"too many redirects (more than {_options.MaxRedirects})");
                    uri = next;
                    continue;
                }
                if (code == (int)HttpStatusCode.NotModified && cached is not null)
                {
                    _cache.Touch(cached);
                    return new Attempt(code, status, null, cached);
                }
                if (code is 408 or 429 or >= 500) return new Attempt(code, RetryAfterNote(status, response), RetryAfter(response), null);
                if (code != 200) throw new DownloadException(status);
                return new Attempt(code, status, null, await ReceiveAsync(start.AbsoluteUri, response, expectedSha, ct));
            }
        }
    }

    private string RetryAfterNote(string status, HttpResponseMessage response) =>
        RetryAfter(response) is { } wait && wait > _options.MaxRetryAfter
            ? $"{status}: the server asks to wait {Seconds(wait)}, more than the {Seconds(_options.MaxRetryAfter)} allowed"
            : status;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Streams the body into a temporary file, checking size, PDF signature, length and digest, then stores it.</summary>
    private async Task<CachedDownload> ReceiveAsync(string url, HttpResponseMessage response, string? expectedSha, CancellationToken ct)
    {
        var announced = response.Content.Headers.ContentLength;
        if (announced > _options.MaxBytes)
            throw new DownloadException($"too large: the server announced {Size(announced.Value)}, the limit is {Size(_options.MaxBytes)}");
        var contentType = response.Content.Headers.ContentType?.MediaType;
        var temp = _cache.NewTempPath();
        try
        {
            long total = 0;
            using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var body = await response.Content.ReadAsStreamAsync(ct))
            {
                var buffer = new byte[1 << 16];
                var head = new MemoryStream();
                var sniffed = false;
                while (true)
                {
                    int read;
                    try { read = await body.ReadAsync(buffer, ct); }
                    catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
                    {
                        throw new TransientDownloadException(announced is { } expected
                            ? $"truncated body: the connection ended after {total} of {expected} bytes"
                            : $"the connection broke after {total} bytes ({e.Message})", e);
                    }
                    if (read == 0) break;
                    total += read;
                    if (total > _options.MaxBytes)
                        throw new DownloadException($"too large: more than the {Size(_options.MaxBytes)} limit arrived");
                    if (!sniffed && head.Length < SniffBytes)
                    {
                        head.Write(buffer, 0, (int)Math.Min(read, SniffBytes - head.Length));
                        if (head.Length >= SniffBytes) { Sniff(head.ToArray(), contentType); sniffed = true; }
                    }
                    digest.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (!sniffed) Sniff(head.ToArray(), contentType);
                if (announced is { } length && total != length)
                    throw new TransientDownloadException($"truncated body: the connection ended after {total} of {length} bytes");
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            var sha = Convert.ToHexStringLower(digest.GetHashAndReset());
            if (expectedSha is not null && sha != expectedSha)
                throw new DownloadException($"SHA-256 mismatch: the manifest expects {expectedSha}, the server sent {sha}");
            var entry = new CachedDownload(url, sha, total, response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R"), DateTime.UtcNow);
            _cache.Store(temp, entry);
            return entry;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A PDF may have up to 1 KiB of junk before `%PDF-`; anything else is named for what it is.</summary>
    private static void Sniff(byte[] head, string? contentType)
    {
        if (head.AsSpan().IndexOf("%PDF-"u8) >= 0) return;
        if (head.Length == 0) throw new DownloadException("not a PDF: the server sent an empty body");
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        if (contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || text.StartsWith("<!doctype html")
            || (text.StartsWith('<') && text.Contains("<html")))
            throw new DownloadException("not a PDF: the server sent an HTML page");
        var preview = new string(text.Take(24).Select(c => char.IsControl(c) ? '.' : c).ToArray());
        throw new DownloadException($"not a PDF: the server sent {contentType ?? "a file"} starting with \"{preview}\"");
    }

    private static string Describe(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is SocketException socket)
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionReset => "the connection was reset by the server",
                    SocketError.ConnectionRefused => "the server refused the connection",
                    SocketError.HostNotFound or SocketError.NoData => "the host name does not resolve",
                    var other => $"network error: {other}",
                };
        return e.HttpRequestError switch
        {
            HttpRequestError.ResponseEnded => "the server closed the connection without an answer",
            HttpRequestError.NameResolutionError => "the host name does not resolve",
            _ => e.Message,
        };
    }

    private static string Attempts(int n) => n == 1 ? "1 attempt" : $"{n} attempts";

    private static string Seconds(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.#} s" : $"{t.TotalMilliseconds:0} ms";

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.#} MiB" : $"{bytes} bytes";

    public void Dispose()
    {
        _http.Dispose();
        foreach (var slots in _hostSlots.Values) slots.Dispose();
    }
}
