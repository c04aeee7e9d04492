using Extractor.Pipeline;
using Extractor.Tests.Support;

namespace Extractor.Tests.EndToEnd;

/// <summary>Every real published PDF in fixtures/corpus runs through the whole pipeline without an exception.</summary>
public class CorpusSmokeTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Repo.Fixture("corpus"), "*.pdf").OrderBy(f => f)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory, MemberData(nameof(CorpusFiles))]
    public void Runs_without_exception_and_reports_what_it_found(string file)
    {
        try
        {
            var document = DocumentExtractor.Extract(Repo.Fixture(Path.Combine("corpus", file)));
            Assert.True(document.Info.PageCount > 0);
            Assert.All(document.Warnings, w => Assert.False(string.IsNullOrWhiteSpace(w.Message)));
        }
        catch (UnreadableDocumentException e)
        {
            // Honest failure is allowed only for documents without a usable text layer, and must name the file.
            Assert.Contains(file, e.Message);
        }
    }
}
