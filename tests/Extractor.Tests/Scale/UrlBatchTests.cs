using Extractor.Cli.Batch;
using Extractor.Cli.Download;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Scale;

public class UrlBatchTests
{
    [Fact]
    public async Task A_manifest_of_urls_runs_with_failures_recorded_and_resumes_without_downloading_again()
    {
        var pdf = File.ReadAllBytes(Repo.Fixture("urumqi-port-office-2025.office.pdf"));
        using var server = new FaultServer();
        server.Map("/2025/good.pdf", (_, s, hit) => hit == 1
            ? FaultServer.Respond(s, 503, "Service Unavailable", "text/plain", [])
            : FaultServer.Respond(s, 200, "OK", "application/pdf", pdf));
        server.Map("/2025/page.pdf", (_, s, _) => FaultServer.Respond(s, 200, "OK", "text/html", "<html><body>登录</body></html>"u8.ToArray()));
        server.Map("/2025/broken.pdf", (_, s, _) => FaultServer.Respond(s, 500, "Internal Server Error", "text/plain", []));

        var work = Directory.CreateTempSubdirectory("extractor-urls-").FullName;
        var output = Path.Combine(work, "out");
        var manifest = Path.Combine(work, "urls.txt");
        File.WriteAllLines(manifest, [server.Url("/2025/good.pdf"), server.Url("/2025/page.pdf"), server.Url("/2025/broken.pdf"), "missing.pdf"]);

        var items = BatchInputs.Find([manifest]);
        var options = new BatchOptions(output, 2, false, TimeSpan.FromSeconds(120))
        {
            Download = DownloadOptions.Default with { BaseDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 2 },
        };
        var summary = await BatchRunner.RunAsync(items, options, new QuietProgress(), CancellationToken.None);
        Assert.Equal((4, 1, 3), (summary.Total, summary.Succeeded, summary.Failed));

        var json = JObject.Parse(File.ReadAllText(Path.Combine(output, "good.json")));
        Assert.Equal(server.Url("/2025/good.pdf"), (string?)json["document"]!["source"]);
        Assert.Equal(11, ((JArray)json["tables"]!).Count);
        var journal = File.ReadAllLines(Path.Combine(output, BatchJournal.FileName)).Select(JObject.Parse).ToDictionary(j => (string)j["source"]!);
        Assert.Equal($"{server.Url("/2025/page.pdf")}: not a PDF: the server sent an HTML page", (string?)journal[server.Url("/2025/page.pdf")]["error"]);
        Assert.Equal($"{server.Url("/2025/broken.pdf")}: HTTP 500 Internal Server Error (2 attempts)", (string?)journal[server.Url("/2025/broken.pdf")]["error"]);
        Assert.Equal($"{Path.Combine(work, "missing.pdf")}: no such file", (string?)journal[Path.Combine(work, "missing.pdf")]["error"]);
        Assert.Contains("HTML page", File.ReadAllText(Path.Combine(output, "page.error.txt")));

        // Resumed: the good URL is done (no request), the failed ones are tried again.
        summary = await BatchRunner.RunAsync(items, options, new QuietProgress(), CancellationToken.None);
        Assert.Equal((1, 0, 3), (summary.Skipped, summary.Succeeded, summary.Failed));
        Assert.Equal((2, 2, 4), (server.Hits("/2025/good.pdf"), server.Hits("/2025/page.pdf"), server.Hits("/2025/broken.pdf")));

        // Forced: extracted again from the download cache, still without a request.
        summary = await BatchRunner.RunAsync(items, options with { Force = true }, new QuietProgress(), CancellationToken.None);
        Assert.Equal(1, summary.Succeeded);
        Assert.Equal(2, server.Hits("/2025/good.pdf"));
        Directory.Delete(work, true);
    }
}
