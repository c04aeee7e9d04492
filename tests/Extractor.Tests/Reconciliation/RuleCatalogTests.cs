using Extractor.Model;
using Extractor.Recognition;
using Extractor.Reconciliation;

namespace Extractor.Tests.Reconciliation;

/// <summary>The rule catalogue loads, its ids are unique, and every table it names is a kind of the kind catalogue.</summary>
public class RuleCatalogTests
{
    private static IEnumerable<string> TablesOf(RuleCatalog c) =>
        c.ColumnSums.Select(r => r.Table)
            .Concat(c.CodeRollups.Select(r => r.Table)).Concat(c.OutlineRollups.Select(r => r.Table)).Concat(c.ItemRollups.Select(r => r.Table))
            .Concat(c.RowSums.Select(r => r.Table))
            .Concat(c.Equalities.SelectMany(r => r.Right.Append(r.Left)).Select(r => r.Table))
            .Concat(c.CodeMatches.SelectMany(r => new[] { r.Left.Table, r.Right.Table }))
            .Concat(c.ProseFigures.Select(r => r.Ref.Table)).Concat(c.ProseRows.Select(r => r.Table));

    [Fact]
    public void Every_table_a_rule_names_is_a_known_kind()
    {
        var kinds = TableKindCatalog.Default.Kinds.Select(k => k.Id).ToHashSet();
        Assert.All(TablesOf(RuleCatalog.Default).Distinct(), t => Assert.Contains(t, kinds));
    }

    [Fact]
    public void Rule_ids_are_unique_and_share_bases_exist()
    {
        var c = RuleCatalog.Default;
        var ids = c.ColumnSums.Select(r => r.Id).Concat(c.CodeRollups.Select(r => r.Id)).Concat(c.OutlineRollups.Select(r => r.Id))
            .Concat(c.ItemRollups.Select(r => r.Id)).Concat(c.RowSums.Select(r => r.Id)).Concat(c.Equalities.Select(r => r.Id))
            .Concat(c.CodeMatches.Select(r => r.Id)).Concat(c.ProseFigures.Select(r => r.Id)).Concat(c.ProseRows.Select(r => r.Id))
            .Concat(c.ProseShareSums.Select(r => r.Id)).Concat(c.ProseSums.Select(r => r.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var prose = c.ProseFigures.Select(r => r.Id).ToHashSet();
        Assert.All(c.ProseFigures.Where(r => r.ShareOf is not null), r => Assert.Contains(r.ShareOf!, prose));
    }

    [Fact]
    public void Summary_counts_every_outcome()
    {
        var checks = new[] { Outcome.Pass, Outcome.Pass, Outcome.Rounding, Outcome.Fail, Outcome.Skipped }
            .Select(o => new Check("r", "s", o, null, null, null, null, null, null, [])).ToList();
        var summary = ReconciliationSummary.Of(checks);
        Assert.Equal(new ReconciliationSummary(5, 2, 1, 1, 1), summary);
        Assert.Equal("5 checks: 2 pass, 1 rounding, 1 fail, 1 skipped", summary.ToString());
    }
}
