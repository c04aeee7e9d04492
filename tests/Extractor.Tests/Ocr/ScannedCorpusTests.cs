using Extractor.Ocr;
using Extractor.Output;
using Extractor.Pipeline;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Ocr;

/// <summary>The corpus's scanned performance evaluation: with OCR it is read (prose and tables, all flagged), not refused.</summary>
public sealed class ScannedCorpusTests
{
    private const string File = "corpus/cs-traffic-police-2023-perf-eval-scanned.pdf";

    private static readonly Lazy<Model.BudgetDocument> Document =
        new(() => DocumentExtractor.Extract(Repo.Fixture(File), ExtractorOptions.Default with { Ocr = OcrOptions.Auto }));

    [Fact]
    public void Its_prose_is_read_and_flagged_ocr()
    {
        var json = JObject.Parse(JsonDocumentWriter.Serialize(Document.Value));
        var prose = json["prose"]!.ToList();
        var text = string.Concat(prose.Select(p => Repo.Squash((string?)p["text"])));
        // the evaluation's own words, as printed on its first page
        Assert.Contains("绩效", text);
        Assert.Contains("长沙市公安局交通警察支队", text);
        Assert.All(prose, p => Assert.Equal("ocr", (string?)p["source"]));
        Assert.All(json["tables"]!.SelectMany(t => t["cells"]!.SelectMany(r => r)), c => Assert.Equal("ocr", (string?)c["source"]));
    }

    [Fact]
    public void A_warning_names_the_pages_read_by_ocr()
    {
        var warning = Assert.Single(Document.Value.Warnings, w => w.Code == OcrWarning.Code);
        Assert.Contains($"pages 1–{Document.Value.Info.PageCount} read by OCR", warning.Message);
        Assert.Contains("cs-traffic-police-2023-perf-eval-scanned.pdf", warning.Message);
    }
}
