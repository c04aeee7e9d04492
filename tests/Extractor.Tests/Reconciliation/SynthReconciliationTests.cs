using Extractor.Model;
using Extractor.Reconciliation;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// The synthetic documents are generated so that every identity holds exactly: nothing fails, and the only rounding is
/// a set of stated shares that the truth itself adds to other than 100 % (each share rounded separately).
/// </summary>
public class SynthReconciliationTests
{
    public static TheoryData<string, string> Documents()
    {
        var data = new TheoryData<string, string>();
        foreach (var (truth, pdf) in Repo.SynthRenderings()) data.Add(truth, pdf);
        return data;
    }

    [Theory, MemberData(nameof(Documents))]
    public void Nothing_fails_and_rounding_only_where_the_truth_shares_do_not_add_to_100(string truthFile, string pdf)
    {
        var report = DocumentCache.Get(pdf).Reconciliation!;
        var fails = report.Checks.Where(c => c.Outcome == Outcome.Fail).Select(c => $"[{c.RuleId}] {c.Statement}").ToList();
        Assert.True(fails.Count == 0, string.Join("\n", fails));
        var sectionsOff = ((JArray)Repo.Truth(truthFile)["narrative_figures"]!).Where(f => f["share"] is not null)
            .GroupBy(f => ((string)f["section"]!).Split('、')[0] + "、")
            .Where(g => g.Sum(f => decimal.Parse(((string)f["share"]!).TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)) != 100m)
            .Select(g => g.Key).ToHashSet();
        foreach (var check in report.Checks.Where(c => c.Outcome == Outcome.Rounding))
            Assert.True(check.RuleId.EndsWith(".shares") && sectionsOff.Contains(check.Cells[0].RowLabel!.Split('、')[0] + "、"),
                $"unexpected rounding: [{check.RuleId}] {check.Statement}");
    }
}
