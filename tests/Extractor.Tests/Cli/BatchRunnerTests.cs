using Extractor.Cli.Batch;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Cli;

public class BatchRunnerTests
{
    private sealed class Recorder : IBatchProgress
    {
        public List<JournalEntry> Entries { get; } = [];
        public int Skipped { get; private set; }
        public void Started(int total, int skipped) => Skipped = skipped;
        public void Finished(BatchItem item, JournalEntry entry) { lock (Entries) Entries.Add(entry); }
    }

    [Fact]
    public async Task Bad_documents_fail_alone_and_a_rerun_resumes()
    {
        var input = Directory.CreateTempSubdirectory("extractor-in-").FullName;
        var output = Directory.CreateTempSubdirectory("extractor-out-").FullName;
        File.Copy(Repo.Fixture("urumqi-port-office-2025.office.pdf"), Path.Combine(input, "good.pdf"));
        File.WriteAllText(Path.Combine(input, "not-a-pdf.pdf"), "hello");
        var bytes = File.ReadAllBytes(Repo.Fixture("urumqi-port-office-2025.office.pdf"));
        File.WriteAllBytes(Path.Combine(input, "truncated.pdf"), bytes[..(bytes.Length / 10)]);

        var items = BatchInputs.Find([input]);
        var options = new BatchOptions(output, 2, false, TimeSpan.FromSeconds(120));
        var first = new Recorder();
        var summary = await BatchRunner.RunAsync(items, options, first, CancellationToken.None);

        Assert.Equal((3, 1, 2, 0), (summary.Total, summary.Succeeded, summary.Failed, summary.Skipped));
        var good = JObject.Parse(File.ReadAllText(Path.Combine(output, "good.json")));
        Assert.Equal(11, ((JArray)good["tables"]!).Count);
        Assert.True(File.Exists(Path.Combine(output, "extractor.duckdb")));
        Assert.Contains("not-a-pdf.pdf", File.ReadAllText(Path.Combine(output, "not-a-pdf.error.txt")));
        Assert.Contains("truncated.pdf", File.ReadAllText(Path.Combine(output, "truncated.error.txt")));

        // Second run: the good document is skipped, the failed ones are tried again.
        var second = new Recorder();
        summary = await BatchRunner.RunAsync(items, options, second, CancellationToken.None);
        Assert.Equal((1, 0, 2), (summary.Skipped, summary.Succeeded, summary.Failed));
        Assert.DoesNotContain(second.Entries, e => e.Source.EndsWith("good.pdf"));

        // A changed source file is redone.
        File.SetLastWriteTimeUtc(Path.Combine(input, "good.pdf"), DateTime.UtcNow.AddMinutes(1));
        summary = await BatchRunner.RunAsync(items, options, new Recorder(), CancellationToken.None);
        Assert.Equal(1, summary.Succeeded);

        Directory.Delete(input, true);
        Directory.Delete(output, true);
    }

    [Fact]
    public async Task A_scanned_document_fails_without_ocr_and_is_read_by_the_workers_with_it()
    {
        var input = Directory.CreateTempSubdirectory("extractor-scan-in-").FullName;
        var output = Directory.CreateTempSubdirectory("extractor-scan-out-").FullName;
        File.Copy(Repo.Fixture("corpus/cs-traffic-police-2023-perf-eval-scanned.pdf"), Path.Combine(input, "scan.pdf"));
        var items = BatchInputs.Find([input]);
        var options = new BatchOptions(output, 1, false, TimeSpan.FromSeconds(600), Warehouse: false);

        var never = await BatchRunner.RunAsync(items, options with { OcrMode = "never" }, new Recorder(), CancellationToken.None);
        Assert.Equal(1, never.Failed);
        Assert.Contains("no text layer", File.ReadAllText(Path.Combine(output, "scan.error.txt")));

        // The failed document is tried again on the next run; with OCR its worker reads it and says which pages.
        var auto = await BatchRunner.RunAsync(items, options with { OcrMode = "auto" }, new Recorder(), CancellationToken.None);
        Assert.Equal(1, auto.Succeeded);
        var json = JObject.Parse(File.ReadAllText(Path.Combine(output, "scan.json")));
        Assert.Contains(json["warnings"]!, w => (string?)w["code"] == "ocr" && ((string)w["message"]!).Contains("pages 1–7 read by OCR"));
        Assert.Contains(json.Descendants().OfType<JProperty>(), p => p.Name == "source" && (string?)p.Value == "ocr");
        // the journal says, per document, with which --ocr it ran and which pages were OCR'd
        var lines = File.ReadAllLines(Path.Combine(output, BatchJournal.FileName)).Select(JObject.Parse).ToList();
        Assert.Equal(["never", "auto"], lines.Select(l => (string?)l["ocr"]));
        Assert.Equal(JTokenType.Null, lines[0]["ocrPages"]!.Type);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], lines[1]["ocrPages"]!.Select(p => (int)p));

        Directory.Delete(input, true);
        Directory.Delete(output, true);
    }

    [Fact]
    public void Same_file_names_in_different_folders_get_distinct_outputs()
    {
        var root = Directory.CreateTempSubdirectory("extractor-names-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "a"));
        Directory.CreateDirectory(Path.Combine(root, "b"));
        File.WriteAllText(Path.Combine(root, "a", "x.pdf"), "");
        File.WriteAllText(Path.Combine(root, "b", "x.pdf"), "");
        var items = BatchInputs.Expand([root]);
        Assert.Equal(2, items.Select(i => i.OutputBase).Distinct().Count());
        Directory.Delete(root, true);
    }

    [Fact]
    public async Task A_manifest_digest_is_checked_by_the_worker_against_the_bytes_it_read()
    {
        var input = Directory.CreateTempSubdirectory("extractor-digest-").FullName;
        var output = Path.Combine(input, "out");
        var pdf = Path.Combine(input, "seed.pdf");
        File.Copy(Repo.Fixture("urumqi-port-office-2025.office.pdf"), pdf);
        var good = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(pdf)));
        var wrong = new string('0', 64);
        File.WriteAllText(Path.Combine(input, "good.txt"), $"seed.pdf\t{good}\n");
        File.WriteAllText(Path.Combine(input, "wrong.txt"), $"seed.pdf\t{wrong}\n");

        var ok = await BatchRunner.RunAsync(BatchInputs.Find([Path.Combine(input, "good.txt")]),
            new BatchOptions(Path.Combine(output, "a"), 1, false, TimeSpan.FromSeconds(120), Warehouse: false), new Recorder(), CancellationToken.None);
        Assert.Equal(1, ok.Succeeded);

        var recorder = new Recorder();
        var bad = await BatchRunner.RunAsync(BatchInputs.Find([Path.Combine(input, "wrong.txt")]),
            new BatchOptions(Path.Combine(output, "b"), 1, false, TimeSpan.FromSeconds(120), Warehouse: false), recorder, CancellationToken.None);
        Assert.Equal(1, bad.Failed);
        Assert.Equal($"{pdf}: SHA-256 mismatch: the manifest expects {wrong}, the file has {good}", Assert.Single(recorder.Entries).Error);
        Directory.Delete(input, true);
    }
}
