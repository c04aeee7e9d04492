using Extractor.Cli.Batch;
using Extractor.Output;

namespace Extractor.Tests.Cli;

public class ResumePolicyTests
{
    private static (BatchItem Item, JournalEntry Entry, string Output) Done()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-resume-").FullName;
        var source = Path.Combine(dir, "a.pdf");
        File.WriteAllText(source, "pdf");
        File.WriteAllText(Path.Combine(dir, "a.json"), "{}");
        var info = new FileInfo(source);
        var entry = BatchJournal.Entry(source, "ab", info.Length, info.LastWriteTimeUtc.Ticks, "ok", ["a.json"], ["json"], null, 1);
        return (new BatchItem(source, "a"), entry, dir);
    }

    [Fact]
    public void An_unchanged_document_is_skipped()
    {
        var (item, entry, dir) = Done();
        Assert.Null(ResumePolicy.RedoReason(entry, item, ["json"], dir));
    }

    [Fact]
    public void Each_change_redoes_the_document()
    {
        var (item, entry, dir) = Done();
        Assert.Equal("not done before", ResumePolicy.RedoReason(null, item, ["json"], dir));
        Assert.Equal("failed before", ResumePolicy.RedoReason(entry with { Status = "failed" }, item, ["json"], dir));
        Assert.StartsWith("written by Extractor 0.1.0", ResumePolicy.RedoReason(entry with { ExtractorVersion = "0.1.0" }, item, ["json"], dir));
        Assert.StartsWith("outputs requested changed", ResumePolicy.RedoReason(entry, item, ["json", "review"], dir));
        File.Delete(Path.Combine(dir, "a.json"));
        Assert.Equal("output missing: a.json", ResumePolicy.RedoReason(entry, item, ["json"], dir));
        File.SetLastWriteTimeUtc(item.SourcePath, DateTime.UtcNow.AddMinutes(5));
        Assert.Equal("source changed", ResumePolicy.RedoReason(entry, item, ["json"], dir));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Journal_lines_are_camel_case_with_versions()
    {
        var (_, entry, dir) = Done();
        var line = Newtonsoft.Json.JsonConvert.SerializeObject(entry, BatchJournal.Settings);
        Assert.StartsWith($"{{\"schemaVersion\":\"{JsonDocumentWriter.SchemaVersion}\",\"extractorVersion\":\"{ExtractorVersion.Current}\",\"source\":", line);
        Directory.Delete(dir, true);
    }
}
