using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Cli;

/// <summary>The `extract` command as a user runs it: a separate process, exit codes, stdout/stderr.</summary>
public class ExtractCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(args);

    [Fact]
    public void Writes_json_to_stdout_and_succeeds()
    {
        var (exit, stdout, stderr) = Run("extract", Repo.Fixture("urumqi-port-office-2025.chromium.pdf"));
        Assert.Equal(0, exit);
        Assert.Equal(11, ((JArray)JObject.Parse(stdout)["tables"]!).Count);
        Assert.Contains("11 tables", stderr);
    }

    [Fact]
    public void Unreadable_input_exits_non_zero_with_one_line_naming_the_file()
    {
        var bad = Path.Combine(Directory.CreateTempSubdirectory("extractor-bad-").FullName, "broken-input.pdf");
        File.WriteAllText(bad, "this is not a pdf");
        var (exit, stdout, stderr) = Run("extract", bad);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("broken-input.pdf", line);
    }

    [Fact]
    public void A_scanned_document_without_ocr_is_an_error_not_an_empty_success()
    {
        var (exit, _, stderr) = Run("extract", Repo.Fixture("corpus/cs-traffic-police-2023-perf-eval-scanned.pdf"), "--ocr", "never");
        Assert.Equal(2, exit);
        Assert.Contains("no text layer", stderr);
        Assert.Contains("cs-traffic-police-2023-perf-eval-scanned.pdf", stderr);
    }

    [Fact]
    public void A_scanned_document_is_read_by_ocr_by_default_with_a_warning_naming_the_pages()
    {
        var (exit, stdout, stderr) = Run("extract", Repo.Fixture("corpus/cs-traffic-police-2023-perf-eval-scanned.pdf"));
        Assert.Equal(0, exit);
        Assert.Contains("\"source\": \"ocr\"", stdout.Replace("\":\"", "\": \""));
        Assert.Contains("warning: cs-traffic-police-2023-perf-eval-scanned.pdf: pages 1–7 read by OCR", stderr);
    }
}
