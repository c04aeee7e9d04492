using System.Net.Sockets;
using System.Text;
using Extractor.Cli.Download;
using Extractor.Cli.Inputs;
using Extractor.Tests.Support;

namespace Extractor.Tests.Scale;

/// <summary>The downloader against a real HTTP server on 127.0.0.1 that injects one fault per route.</summary>
public sealed class DownloaderFaultTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% a tiny stand-in body\n" + new string('x', 3000) + "\n%%EOF\n");
    private readonly FaultServer _server = new();
    private readonly string _cache = Directory.CreateTempSubdirectory("extractor-dl-").FullName;
    private readonly List<DownloadRetry> _retries = [];

    // Short delays so the matrix runs in seconds; the breaker is out of the way unless a test sets it.
    private static readonly DownloadOptions Fast = new()
    {
        MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(30), MaxBytes = 100_000,
        BreakerMinimumThroughput = 1000,
    };

    private PdfDownloader Downloader(DownloadOptions? options = null) =>
        new(options ?? Fast, new DownloadCache(_cache), r => { lock (_retries) _retries.Add(r); });

    private async Task<DownloadResult> Fetch(string path, DownloadOptions? options = null, string? sha = null)
    {
        using var downloader = Downloader(options);
        return await downloader.FetchAsync(InputItem.Url(_server.Url(path), sha), CancellationToken.None);
    }

    private async Task<string> Failure(string path, DownloadOptions? options = null, string? sha = null) =>
        (await Assert.ThrowsAsync<DownloadException>(() => Fetch(path, options, sha))).Message;

    private static Task Ok(Socket socket) => FaultServer.Respond(socket, 200, "OK", "application/pdf", Pdf);

    [Fact]
    public async Task Http_500_every_time_fails_after_all_attempts()
    {
        _server.Map("/500.pdf", (_, s, _) => FaultServer.Respond(s, 500, "Internal Server Error", "text/plain", "boom"u8.ToArray()));
        Assert.Equal("HTTP 500 Internal Server Error (3 attempts)", await Failure("/500.pdf"));
        Assert.Equal(3, _server.Hits("/500.pdf"));
    }

    [Fact]
    public async Task Http_503_then_success_recovers()
    {
        _server.Map("/503.pdf", (_, s, hit) => hit == 1 ? FaultServer.Respond(s, 503, "Service Unavailable", "text/plain", []) : Ok(s));
        var result = await Fetch("/503.pdf");
        Assert.Equal(Pdf, File.ReadAllBytes(result.Path));
        Assert.Equal(2, _server.Hits("/503.pdf"));
        Assert.False(result.FromCache);
    }

    [Fact]
    public async Task Http_408_is_retried()
    {
        _server.Map("/408.pdf", (_, s, hit) => hit == 1 ? FaultServer.Respond(s, 408, "Request Timeout", "text/plain", []) : Ok(s));
        await Fetch("/408.pdf");
        Assert.Equal(2, _server.Hits("/408.pdf"));
    }

    [Fact]
    public async Task Http_429_waits_as_long_as_Retry_After_says()
    {
        _server.Map("/429.pdf", (_, s, hit) => hit == 1 ? FaultServer.Respond(s, 429, "Too Many Requests", "text/plain", [], "Retry-After: 1") : Ok(s));
        await Fetch("/429.pdf");
        Assert.Equal(2, _server.Hits("/429.pdf"));
        var retry = Assert.Single(_retries);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay); // the server's wait, not the 10 ms backoff
    }

    [Fact]
    public async Task Http_429_asking_for_too_long_a_wait_fails_at_once()
    {
        _server.Map("/busy.pdf", (_, s, _) => FaultServer.Respond(s, 429, "Too Many Requests", "text/plain", [], "Retry-After: 3600"));
        var reason = await Failure("/busy.pdf");
        Assert.Contains("asks to wait 3600 s, more than the 120 s allowed", reason);
        Assert.Equal(1, _server.Hits("/busy.pdf"));
    }

    [Fact]
    public async Task A_body_slower_than_the_attempt_timeout_fails_with_the_timeout()
    {
        _server.Map("/slow.pdf", async (_, s, _) =>
        {
            await FaultServer.Send(s, FaultServer.Head(200, "OK", "application/pdf", Pdf.Length), Pdf[..10]);
            for (var i = 0; i < 50; i++) { await Task.Delay(100); await s.SendAsync(Pdf.AsMemory(10 + i, 1), SocketFlags.None); }
        });
        var reason = await Failure("/slow.pdf", Fast with { MaxAttempts = 2, AttemptTimeout = TimeSpan.FromMilliseconds(400) });
        Assert.Equal("no complete answer within the 400 ms per-attempt timeout (2 attempts)", reason);
        Assert.Equal(2, _server.Hits("/slow.pdf"));
    }

    [Fact]
    public async Task A_total_timeout_ends_the_retries()
    {
        _server.Map("/down.pdf", (_, s, _) => FaultServer.Respond(s, 503, "Service Unavailable", "text/plain", [], "Retry-After: 1"));
        var reason = await Failure("/down.pdf", Fast with { MaxAttempts = 10, TotalTimeout = TimeSpan.FromMilliseconds(1500) });
        Assert.StartsWith("gave up after the 1.5 s total download timeout", reason);
        Assert.InRange(_server.Hits("/down.pdf"), 1, 3);
    }

    [Fact]
    public async Task A_connection_reset_is_retried_and_named_when_it_persists()
    {
        _server.Map("/reset-once.pdf", (_, s, hit) => { if (hit > 1) return Ok(s); FaultServer.Reset(s); return Task.CompletedTask; });
        _server.Map("/reset.pdf", (_, s, _) => { FaultServer.Reset(s); return Task.CompletedTask; });
        await Fetch("/reset-once.pdf");
        Assert.Equal(2, _server.Hits("/reset-once.pdf"));
        Assert.Equal("the connection was reset by the server (3 attempts)", await Failure("/reset.pdf"));
    }

    [Fact]
    public async Task A_truncated_body_is_retried_then_fails_with_the_byte_counts()
    {
        _server.Map("/cut.pdf", async (_, s, _) => await FaultServer.Send(s, FaultServer.Head(200, "OK", "application/pdf", Pdf.Length), Pdf[..1000]));
        var reason = await Failure("/cut.pdf");
        Assert.Equal($"truncated body: the connection ended after 1000 of {Pdf.Length} bytes (3 attempts)", reason);
        Assert.Equal(3, _server.Hits("/cut.pdf"));
        Assert.Empty(Directory.GetFiles(_cache)); // no partial file left behind
    }

    [Fact]
    public async Task An_oversized_body_fails_without_retry_whether_announced_or_not()
    {
        var big = new byte[5000];
        "%PDF-1.4\n"u8.CopyTo(big);
        _server.Map("/big.pdf", (_, s, _) => FaultServer.Respond(s, 200, "OK", "application/pdf", big));
        _server.Map("/big-unannounced.pdf", async (_, s, _) => await FaultServer.Send(s, FaultServer.Head(200, "OK", "application/pdf", null), big));
        var small = Fast with { MaxBytes = 1000 };
        Assert.Equal("too large: the server announced 5000 bytes, the limit is 1000 bytes", await Failure("/big.pdf", small));
        Assert.Equal("too large: more than the 1000 bytes limit arrived", await Failure("/big-unannounced.pdf", small));
        Assert.Equal((1, 1), (_server.Hits("/big.pdf"), _server.Hits("/big-unannounced.pdf")));
    }

    [Fact]
    public async Task An_html_page_named_pdf_is_not_a_pdf()
    {
        var html = "<!DOCTYPE html><html><head><title>公开</title></head><body>请下载</body></html>"u8.ToArray();
        _server.Map("/report.pdf", (_, s, _) => FaultServer.Respond(s, 200, "OK", "application/pdf", html)); // lies about its type
        Assert.Equal("not a PDF: the server sent an HTML page", await Failure("/report.pdf"));
        Assert.Equal(1, _server.Hits("/report.pdf"));
    }

    [Fact]
    public async Task Redirects_are_followed_but_loops_long_chains_and_other_schemes_fail()
    {
        _server.Map("/moved.pdf", (_, s, _) => FaultServer.Respond(s, 301, "Moved Permanently", null, [], "Location: /final.pdf"));
        _server.Map("/final.pdf", (_, s, _) => Ok(s));
        _server.Map("/a.pdf", (_, s, _) => FaultServer.Respond(s, 302, "Found", null, [], "Location: /b.pdf"));
        _server.Map("/b.pdf", (_, s, _) => FaultServer.Respond(s, 302, "Found", null, [], $"Location: {_server.Url("/a.pdf")}"));
        for (var i = 0; i < 10; i++)
        {
            var next = i + 1;
            _server.Map($"/chain{i}.pdf", (_, s, _) => FaultServer.Respond(s, 302, "Found", null, [], $"Location: /chain{next}.pdf"));
        }
        _server.Map("/ftp.pdf", (_, s, _) => FaultServer.Respond(s, 302, "Found", null, [], "Location: ftp://127.0.0.1/x.pdf"));

        Assert.Equal(Pdf, File.ReadAllBytes((await Fetch("/moved.pdf")).Path));
        Assert.Equal($"redirect loop: {_server.Url("/a.pdf")} again", await Failure("/a.pdf"));
        Assert.Equal("too many redirects (more than 5)", await Failure("/chain0.pdf"));
        Assert.Equal(0, _server.Hits("/chain6.pdf"));
        Assert.Equal("redirect to ftp: refused (only http and https are followed)", await Failure("/ftp.pdf"));
        Assert.Equal(1, _server.Hits("/a.pdf")); // not retried
    }

    [Fact]
    public async Task Only_http_and_https_urls_are_fetched()
    {
        using var downloader = Downloader();
        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.FetchAsync(InputItem.Url("ftp://127.0.0.1/x.pdf"), CancellationToken.None));
        Assert.Equal("only http and https URLs are downloaded, not ftp://127.0.0.1/x.pdf", e.Message);
    }

    [Fact]
    public async Task A_cached_download_is_not_fetched_again_and_revalidation_uses_the_etag()
    {
        string? seenTag = null;
        _server.Map("/cached.pdf", (request, s, hit) =>
        {
            if (hit == 1) return FaultServer.Respond(s, 200, "OK", "application/pdf", Pdf, "ETag: \"v1\"", "Last-Modified: Tue, 01 Dec 2026 08:00:00 GMT");
            seenTag = request.Headers.GetValueOrDefault("If-None-Match");
            return FaultServer.Respond(s, 304, "Not Modified", null, []);
        });
        var first = await Fetch("/cached.pdf");
        var second = await Fetch("/cached.pdf");
        Assert.Equal((false, true, 1), (first.FromCache, second.FromCache, _server.Hits("/cached.pdf")));
        Assert.Equal(first.Entry.Sha256, second.Entry.Sha256);

        var revalidated = await Fetch("/cached.pdf", Fast with { Revalidate = true });
        Assert.Equal((true, 2, "\"v1\""), (revalidated.FromCache, _server.Hits("/cached.pdf"), seenTag));

        // A damaged cache file is not trusted: the URL is fetched again (the server here answers 304 only to a conditional GET).
        File.WriteAllText(first.Path, "damaged");
        _server.Map("/cached.pdf", (_, s, _) => Ok(s));
        Assert.False((await Fetch("/cached.pdf")).FromCache);
        Assert.Equal(Pdf, File.ReadAllBytes(first.Path));
    }

    [Fact]
    public async Task The_expected_sha256_is_checked()
    {
        _server.Map("/sha.pdf", (_, s, _) => Ok(s));
        var wrong = new string('0', 64);
        Assert.StartsWith($"SHA-256 mismatch: the manifest expects {wrong}, the server sent ", await Failure("/sha.pdf", sha: wrong));
        var right = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf));
        Assert.Equal(right, (await Fetch("/sha.pdf", sha: right)).Entry.Sha256);
    }

    [Fact]
    public async Task The_circuit_opens_per_host_after_repeated_failures()
    {
        _server.Map("/down1.pdf", (_, s, _) => FaultServer.Respond(s, 503, "Service Unavailable", "text/plain", []));
        _server.Map("/fine.pdf", (_, s, _) => Ok(s));
        var options = Fast with { MaxAttempts = 2, BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) };
        using var downloader = Downloader(options);
        var first = await Assert.ThrowsAsync<DownloadException>(() => downloader.FetchAsync(InputItem.Url(_server.Url("/down1.pdf")), CancellationToken.None));
        Assert.Equal("HTTP 503 Service Unavailable (2 attempts)", first.Message);
        var second = await Assert.ThrowsAsync<DownloadException>(() => downloader.FetchAsync(InputItem.Url(_server.Url("/fine.pdf")), CancellationToken.None));
        Assert.StartsWith($"circuit open for 127.0.0.1:{_server.Port}", second.Message);
        Assert.Equal(0, _server.Hits("/fine.pdf"));

        // Another host (localhost names the same server, but is a different authority) has its own circuit.
        var other = await downloader.FetchAsync(InputItem.Url($"http://localhost:{_server.Port}/fine.pdf"), CancellationToken.None);
        Assert.Equal(Pdf, File.ReadAllBytes(other.Path));
    }

    [Fact]
    public async Task No_more_requests_than_the_per_host_limit_are_in_flight()
    {
        int inFlight = 0, most = 0;
        for (var i = 0; i < 6; i++)
            _server.Map($"/many{i}.pdf", async (_, s, _) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                lock (_retries) most = Math.Max(most, now);
                await Task.Delay(200);
                Interlocked.Decrement(ref inFlight);
                await Ok(s);
            });
        using var downloader = Downloader(Fast with { PerHostConcurrency = 2 });
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            downloader.FetchAsync(InputItem.Url(_server.Url($"/many{i}.pdf")), CancellationToken.None)));
        Assert.All(results, r => Assert.Equal(Pdf, File.ReadAllBytes(r.Path)));
        Assert.InRange(most, 1, 2);
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_cache, true);
    }
}
