using Extractor.Diagnostics;
using Extractor.Model;
using Extractor.Pipeline;
using Extractor.Reconciliation;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// A reconciliation `fail` must mean the publication is inconsistent. fixtures/corpus/reconciliation-expectations.json
/// lists every fail left on the real corpora, each checked against the page text; on every document of fixtures/corpus
/// the fails must be exactly the listed ones: a listed fail that disappears or a new fail breaks this test.
/// </summary>
public class CorpusExpectationTests
{
    private static readonly Lazy<List<JObject>> Expected = new(() =>
        ((JArray)JObject.Parse(File.ReadAllText(Repo.Fixture("corpus/reconciliation-expectations.json")))["fails"]!).Cast<JObject>().ToList());

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Repo.Fixture("corpus"), "*.pdf").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory, MemberData(nameof(CorpusFiles))]
    public void The_fails_are_exactly_the_genuine_ones_listed(string file)
    {
        BudgetDocument document;
        try { document = DocumentCache.Get(Path.Combine("corpus", file)); }
        catch (UnreadableDocumentException) { return; } // the scanned PDF has no checks to compare
        var actual = document.Reconciliation!.Checks.Where(c => c.Outcome == Outcome.Fail).Select(c => FailExpectations.Key(file, c)).Order().ToList();
        var expected = Expected.Value.Where(e => (string)e["file"]! == file)
            .Select(e => FailExpectations.Key(file, (string)e["rule"]!, (string?)e["table"], (string?)e["row"], (string?)e["column"], (string?)e["printed"], (string?)e["computed"]))
            .Order().ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{file}: new fails:\n  {string.Join("\n  ", actual.Except(expected))}\nlisted fails that no longer occur:\n  {string.Join("\n  ", expected.Except(actual))}");
    }

    [Fact]
    public void Every_listed_fail_says_why_it_is_genuine()
    {
        Assert.NotEmpty(Expected.Value);
        Assert.All(Expected.Value, e =>
        {
            Assert.Contains((string)e["cause"]!, new[] { "publication", "misread" });
            Assert.False(string.IsNullOrWhiteSpace((string?)e["evidence"]));
        });
    }
}
