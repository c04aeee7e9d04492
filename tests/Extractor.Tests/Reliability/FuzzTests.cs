using System.Text;
using System.Text.RegularExpressions;
using Extractor.Cli.Batch;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Reliability;

/// <summary>
/// Seeded mutations of real fixtures through the batch (worker processes, bounds, timeout): every document ends as
/// JSON or a one-line error naming it, no exception text reaches the user, no worker dies or exceeds its memory.
/// </summary>
[Collection(WorkerProcesses.Name)]
public class FuzzTests
{
    private static readonly string[] Seeds =
    [
        "corpus/sh-putuo-welfare-home-2024-unit-budget.pdf", "corpus/sh-putuo-commerce-2025-dept-budget.pdf",
        "corpus/hz-meteorology-2026-dept-budget.pdf", "corpus/sh-putuo-justice-2026-unit-budget.pdf",
    ];

    private static readonly Encoding Latin1 = Encoding.Latin1;

    private delegate string Mutation(string pdf, Random random);

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("flip", (pdf, r) =>
        {
            var chars = pdf.ToCharArray();
            for (var i = r.Next(1, 40); i > 0; i--) chars[r.Next(chars.Length)] = (char)r.Next(256);
            return new string(chars);
        }),
        ("truncate", (pdf, r) => pdf[..r.Next(pdf.Length / 20, pdf.Length)]),
        ("delete-object", (pdf, r) => Pick(pdf, r, @"\d+ 0 obj.*?endobj", m => "")),
        ("bad-length", (pdf, r) => Pick(pdf, r, @"/Length \d+", m => "/Length " + r.Next(0, 1_000_000))),
        ("huge-number", (pdf, r) => Pick(pdf, r, @"(?<=[ \[])\d+(?=[ \]])", m => "9" + new string('7', r.Next(20, 400)))),
        ("deep-array", (pdf, r) => Pick(pdf, r, @"<<", m => "<</Junk " + new string('[', r.Next(300, 50_000)) + " ")),
        ("swap-fonts", (pdf, r) => Pick(pdf, r, @"/F\w* (\d+) 0 R", m => m.Value.Replace(m.Groups[1].Value, r.Next(1, 60).ToString()))),
    ];

    private static string Pick(string pdf, Random random, string pattern, Func<Match, string> replace)
    {
        var matches = Regex.Matches(pdf, pattern, RegexOptions.Singleline);
        if (matches.Count == 0) return pdf;
        var m = matches[random.Next(matches.Count)];
        return pdf[..m.Index] + replace(m) + pdf[(m.Index + m.Length)..];
    }

    [Fact]
    public async Task Three_hundred_mutated_documents_each_end_as_json_or_one_line()
    {
        var input = Directory.CreateTempSubdirectory("extractor-fuzz-in-").FullName;
        var output = Directory.CreateTempSubdirectory("extractor-fuzz-out-").FullName;
        var random = new Random(20261201);
        var sources = Seeds.Select(s => Latin1.GetString(File.ReadAllBytes(Repo.Fixture(s)))).ToList();
        const int count = 308;
        for (var i = 0; i < count; i++)
        {
            var (name, apply) = Mutations[i % Mutations.Length];
            var mutated = apply(sources[random.Next(sources.Count)], random);
            if (random.Next(4) == 0) mutated = Mutations[random.Next(Mutations.Length)].Apply(mutated, random); // sometimes two at once
            File.WriteAllBytes(Path.Combine(input, $"fuzz-{i:D3}-{name}.pdf"), Latin1.GetBytes(mutated));
        }

        var summary = await BatchRunner.RunAsync(BatchInputs.Find([input]),
            new BatchOptions(output, 2, false, TimeSpan.FromSeconds(60), MemoryLimitBytes: 1L << 30), new NullProgress(), CancellationToken.None);

        Assert.Null(summary.StoppedBy);
        Assert.Equal(count, summary.Succeeded + summary.Failed);
        var journal = File.ReadAllLines(Path.Combine(output, BatchJournal.FileName)).Select(JObject.Parse).ToList();
        Assert.Equal(count, journal.Count);
        foreach (var entry in journal)
        {
            var name = Path.GetFileNameWithoutExtension((string)entry["source"]!);
            if ((string)entry["status"]! == "ok")
            {
                Assert.NotNull(JObject.Parse(File.ReadAllText(Path.Combine(output, name + ".json")))["tables"]);
                continue;
            }
            var error = File.ReadAllText(Path.Combine(output, name + ".error.txt"));
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(name, line);
            Assert.DoesNotContain("Exception", line);
            Assert.DoesNotContain("UglyToad", line);
            Assert.False((bool)entry["workerKilled"]!, $"worker died or exceeded its memory on {name}: {line}");
        }
        Assert.True(summary.Succeeded > count / 4, $"most mutations are survivable damage ({summary.Succeeded} ok)");
    }

    private sealed class NullProgress : IBatchProgress
    {
        public void Started(int total, int skipped) { }
        public void Finished(BatchItem item, JournalEntry entry) { }
    }
}
