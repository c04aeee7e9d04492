using Extractor.Cli.Batch;
using Extractor.Cli.Review;
using Extractor.Cli.Warehouse;
using Extractor.Tests.Warehouse;
using Extractor.Output.Review;
using Extractor.Tests.Support;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Review;

/// <summary>
/// A batch over the two seed renderings and one broken file, reviewed with `review OUTDIR` (pdftoppm from Debian's
/// poppler-utils), once per test class; the reports are then driven in Debian's Chromium through Playwright.
/// .ci/run installs both (chromium, poppler-utils, webp, fonts-noto-cjk).
/// </summary>
public sealed class ReviewedBatch : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("extractor-review-test-").FullName;
    public string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");
    public IReadOnlyList<BatchInput> Items { get; private set; } = [];
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var input = Path.Combine(Folder, "in");
        Directory.CreateDirectory(input);
        foreach (var pdf in new[] { "urumqi-port-office-2025.chromium.pdf", "urumqi-port-office-2025.office.pdf" })
            File.Copy(Repo.Fixture(pdf), Path.Combine(input, pdf));
        await File.WriteAllTextAsync(Path.Combine(input, "broken.pdf"), "not a pdf");
        Items = BatchInputs.Find([input]);
        await BatchRunner.RunAsync(Items, Options, new NoProgress(), CancellationToken.None);
        var renderer = new PdftoppmRenderer();
        Assert.True(renderer.Unavailable is null, renderer.Unavailable);
        BatchReview.Run(Output, renderer, 2, _ => { });

        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is needed for the browser tests: apt-get install -y chromium (.ci/run does)");
        Directory.CreateDirectory(Artifacts);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND"],
            // Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir here).
        });
    }

    public string Output => Path.Combine(Folder, "out");

    public BatchOptions Options => new(Output, 2, false, TimeSpan.FromSeconds(300));

    /// <summary>A page on a fresh context that only loads file:// URLs and collects console errors.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string path, int width = 1600, int height = 1000)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        await context.RouteAsync("**/*", r => r.Request.Url.StartsWith("file://") ? r.ContinueAsync() : r.AbortAsync());
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }

    public sealed class NoProgress : IBatchProgress
    {
        public void Started(int total, int skipped) { }
        public void Finished(BatchItem item, JournalEntry entry) { }
    }
}

public class ReviewBrowserTests(ReviewedBatch batch) : IClassFixture<ReviewedBatch>
{
    private string Report(string name) => Path.Combine(batch.Output, BatchReview.FolderName, name + ".html");

    [Fact]
    public async Task The_seed_report_loads_without_console_errors_with_rendered_pages_and_a_screenshot()
    {
        var (page, errors) = await batch.OpenAsync(Report("urumqi-port-office-2025.chromium"));
        var first = page.Locator("section.tbl .pg img.raster").First;
        await first.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('section.tbl .pg img.raster'); return i.complete && i.naturalWidth > 0; }");
        // The overlay is drawn for the visible page: one box per extracted cell with a box on that page.
        await page.WaitForSelectorAsync("section.tbl .pg svg.ov rect");
        await page.ScreenshotAsync(new() { Path = Path.Combine(batch.Artifacts, "review-seed.png") });
        await page.Locator("section.tbl").First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(batch.Artifacts, "review-seed-table.png") });
        Assert.Empty(errors);
        // Fails first, then rounding: the first table of the contents is one with rounding findings on the seed (no fails).
        var firstRow = await page.Locator("#toc tbody tr").First.Locator("td.rounding").CountAsync();
        Assert.Equal(1, firstRow);
    }

    [Fact]
    public async Task Hovering_a_cell_highlights_its_twin_on_the_other_side()
    {
        var (page, errors) = await batch.OpenAsync(Report("urumqi-port-office-2025.chromium"));
        var section = page.Locator("section.tbl[data-t='1']");
        var td = section.Locator("table.x tbody tr").Nth(0).Locator("td").Nth(4);
        var id = await td.GetAttributeAsync("data-cell");
        Assert.NotNull(id);
        await td.HoverAsync();
        var rect = page.Locator($"svg.ov rect[data-cell='{id}']");
        Assert.Contains("hl", await rect.GetAttributeAsync("class") ?? "");
        // And the other way: hover a box on the page, its cell in the extracted table lights up.
        var other = section.Locator("svg.ov rect").Nth(7);
        var otherId = await other.GetAttributeAsync("data-cell");
        await other.HoverAsync(new() { Force = true });
        Assert.Contains("hl", await page.Locator($"td[data-cell='{otherId}']").GetAttributeAsync("class") ?? "");
        Assert.DoesNotContain("hl", await td.GetAttributeAsync("class") ?? "");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_findings_link_scrolls_to_and_marks_its_cells()
    {
        var (page, errors) = await batch.OpenAsync(Report("urumqi-port-office-2025.chromium"));
        var link = page.Locator("li.rounding a.finding").First;
        var ids = (await link.GetAttributeAsync("data-cells"))!.Split(' ');
        await link.ClickAsync();
        foreach (var id in ids)
        {
            Assert.Contains("mark", await page.Locator($"td[data-cell='{id}']").GetAttributeAsync("class") ?? "");
            Assert.Contains("mark", await page.Locator($"svg.ov rect[data-cell='{id}']").GetAttributeAsync("class") ?? "");
        }
        // The first marked cell is on screen on both sides.
        foreach (var selector in new[] { $"td[data-cell='{ids[0]}']", $"svg.ov rect[data-cell='{ids[0]}']" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.InRange(box.Y, 0, 1000 - box.Height);
            Assert.InRange(box.X, 0, 1600 - box.Width);
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(batch.Artifacts, "review-finding.png") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_text_layer_view_is_one_toggle_away()
    {
        var (page, errors) = await batch.OpenAsync(Report("urumqi-port-office-2025.office"));
        await page.Locator("section.tbl .pg").First.ScrollIntoViewIfNeededAsync();
        await page.SelectOptionAsync("#view", "text");
        await page.WaitForSelectorAsync("section.tbl .pg .layer svg text");
        Assert.True(await page.Locator("section.tbl .pg .layer svg text").First.IsVisibleAsync());
        Assert.False(await page.Locator("section.tbl .pg img.raster").First.IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(batch.Artifacts, "review-text-layer.png") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_batch_index_lists_every_document_failed_first_linking_their_reports()
    {
        var (page, errors) = await batch.OpenAsync(Path.Combine(batch.Output, BatchReview.FolderName, "index.html"));
        var rows = page.Locator("#documents tbody tr");
        Assert.Equal(batch.Items.Count, await rows.CountAsync());
        var names = await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.document)");
        Assert.Equal(batch.Items.Select(i => Path.GetFileName(i.Identity)).Order(), names.Order());
        Assert.Equal("broken.pdf", names[0]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(batch.Artifacts, "review-index.png"), FullPage = true });
        await page.Locator("#documents a").First.ClickAsync();
        await page.WaitForSelectorAsync("section.tbl");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Decisions_saved_from_the_page_are_carried_by_the_next_batch_run()
    {
        const string name = "urumqi-port-office-2025.chromium";
        var (page, errors) = await batch.OpenAsync(Report(name));
        var section = page.Locator("section.tbl[data-t='1']");
        await section.Locator("input.verified").CheckAsync();
        var td = section.Locator("table.x tbody tr").Nth(0).Locator("td").Nth(4);
        var extracted = await td.InnerTextAsync();
        await td.ClickAsync();
        await page.FillAsync("#ed-value", "9,999.99");
        await page.FillAsync("#ed-note", "test correction");
        await page.ClickAsync("#ed-wrong");
        Assert.Contains("w", (await td.GetAttributeAsync("class") ?? "").Split(' '));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#save"));
        Assert.Equal(name + ReviewDecisions.Suffix, download.SuggestedFilename);
        var saved = ReviewDecisions.PathBeside(batch.Output, name);
        await download.SaveAsAsync(saved);
        Assert.Empty(errors);

        var decisions = ReviewDecisions.Parse(await File.ReadAllTextAsync(saved));
        Assert.Equal([1], decisions.Verified.Select(v => v.Index));
        var correction = Assert.Single(decisions.Corrections);
        Assert.Equal((1, 0, 4, extracted, "9,999.99"), (correction.Table, correction.Row, correction.Column, correction.Extracted, correction.Corrected));

        // The next batch run redoes that document (its decisions are newer than its journal line) and carries them.
        var summary = await BatchRunner.RunAsync(batch.Items, batch.Options, new ReviewedBatch.NoProgress(), CancellationToken.None);
        Assert.Equal(1, summary.Succeeded);
        var json = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(batch.Output, name + ".json")));
        var review = json["review"]!;
        Assert.True((bool)review["reviewed"]!);
        Assert.Equal(extracted, (string?)review["corrections"]![0]!["extracted"]);
        Assert.Equal("9,999.99", (string?)review["corrections"]![0]!["corrected"]);
        Assert.Equal(9999.99m, (decimal)review["corrections"]![0]!["correctedValue"]!);
        Assert.False((bool)review["corrections"]![0]!["stale"]!);
        // The warehouse carries them too: the document is reviewed, the correction keeps the extracted amount beside it.
        var db = Path.Combine(batch.Output, DuckDbWarehouse.FileName);
        Assert.Equal(true, Assert.Single(WarehouseRoundTripTests.Query(db, $"SELECT reviewed FROM documents WHERE output = '{name}.json'"))[0]);
        Assert.Equal(false, Assert.Single(WarehouseRoundTripTests.Query(db, "SELECT reviewed FROM documents WHERE output = 'urumqi-port-office-2025.office.json'"))[0]);
        var stored = Assert.Single(WarehouseRoundTripTests.Query(db, "SELECT c.table_index, c.row, c.\"column\", c.extracted, c.corrected, c.extracted_value, c.corrected_value, c.stale, c.note "
                                             + $"FROM corrections c JOIN documents d ON d.id = c.document_id WHERE d.output = '{name}.json'"));
        Assert.Equal((1, 0, 4, extracted, "9,999.99"), ((int)stored[0]!, (int)stored[1]!, (int)stored[2]!, (string?)stored[3], (string?)stored[4]));
        Assert.Equal(Extractor.Text.AmountParser.TryParse(extracted, out var extractedValue) ? extractedValue : null, (decimal?)stored[5]);
        Assert.NotNull(stored[5]);
        Assert.Equal((9999.99m, false, "test correction"), ((decimal)stored[6]!, (bool)stored[7]!, (string?)stored[8]));
        var types = WarehouseRoundTripTests.Query(db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'corrections' AND column_name LIKE '%_value'");
        Assert.All(types, t => Assert.Equal("DECIMAL(38,6)", (string)t[1]!));
        Assert.Equal(2, types.Count);
        Assert.Equal([(1, true, 1)], WarehouseRoundTripTests.Query(db, $"SELECT t.table_index, t.verified, t.corrections FROM reviewed_tables t JOIN documents d ON d.id = t.document_id WHERE d.output = '{name}.json'")
            .Select(r => ((int)r[0]!, (bool)r[1]!, (int)r[2]!)));
        var latest = BatchJournal.ReadLatest(batch.Output);
        Assert.True(latest.Values.Single(e => e.Output == name + ".json").Reviewed);
        Assert.False(latest.Values.Single(e => e.Output == "urumqi-port-office-2025.office.json").Reviewed);
        // Nothing changed since: the run after that skips it again.
        Assert.Equal(0, (await BatchRunner.RunAsync(batch.Items, batch.Options, new ReviewedBatch.NoProgress(), CancellationToken.None)).Succeeded);
    }

}
