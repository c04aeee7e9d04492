using Extractor.Model;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Reconciliation;
using Extractor.Records;
using Extractor.Tests.Support;
using Newtonsoft.Json;

namespace Extractor.Tests.Reconciliation;

/// <summary>
/// The rule catalogue loads through the registry, its ids are unique, every table it names is a kind of the kind
/// catalogue, and rules find columns by canonical id where the printed header is a wording the rule does not list.
/// </summary>
public class RuleCatalogTests
{
    private const string Seed = "urumqi-port-office-2025.chromium.pdf";

    [Fact]
    public void Every_table_a_rule_names_is_a_known_kind()
    {
        var kinds = TableKindCatalog.Default.Kinds.Select(k => k.Id).ToHashSet();
        Assert.All(RuleCatalog.Default.Rules.SelectMany(r => r.Tables).Distinct(), t => Assert.Contains(t, kinds));
    }

    [Fact]
    public void Every_registered_list_yields_rules_and_ids_are_unique()
    {
        var c = RuleCatalog.Default;
        var ids = c.Rules.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Each rule type of the registry has rules in the catalogue (a list lost in an edit would silently check nothing).
        var types = c.Rules.Select(r => r.GetType()).ToHashSet();
        Assert.Equal(RuleRegistry.Default.Types.Count, types.Count);
        Assert.All(c.Rules.OfType<ProseFigureRule>().Where(r => r.ShareOf is not null), r => Assert.Equal(r.ShareOf, r.ShareBase!.Id));
    }

    [Fact]
    public void Every_vocabulary_column_has_a_printed_name_and_ids_are_catalogue_ids()
    {
        // A rule's ids must be ids the column catalogue can produce: each segment is a segment id of column-aliases.json.
        var segments = typeof(ColumnCatalog).Assembly.GetManifestResourceStream("column-aliases.json")!;
        var known = Newtonsoft.Json.Linq.JObject.Parse(new StreamReader(segments).ReadToEnd())["segments"]!.Select(s => (string)s["id"]!).ToHashSet();
        Assert.All(RuleCatalog.Default.Columns.Values, column =>
        {
            Assert.NotEmpty(column.Names);
            Assert.All(column.Ids.SelectMany(i => i.Split('.')), segment => Assert.Contains(segment, known));
        });
    }

    [Fact]
    public void A_list_without_a_rule_type_or_an_unknown_column_key_is_an_error()
    {
        Assert.Throws<JsonException>(() => RuleCatalog.Parse("""{ "columnSum": [] }""", RuleRegistry.Default));
        Assert.Throws<JsonException>(() => RuleCatalog.Parse(
            """{ "columns": {}, "columnSums": [{ "id": "x", "table": "t", "total": "nope", "parts": "siblings" }] }""", RuleRegistry.Default));
        Assert.Throws<JsonException>(() => RuleCatalog.Parse(
            """{ "columns": { "c": { "ids": [], "names": ["合计"] } }, "proseFigures": [{ "id": "a", "section": ["s"], "labels": ["l"], "shareOf": "b", "ref": { "table": "t", "column": "c" } }] }""",
            RuleRegistry.Default));
    }

    /// <summary>
    /// 表5 of the seed with its 基本支出 header printed as 一般公共预算基本支出 (a wording no rule lists, but an alias of
    /// `basic`): T5.columns still adds 基本支出 in, by canonical id; with the ids removed from the vocabulary it cannot.
    /// </summary>
    [Fact]
    public void A_rule_finds_a_column_by_canonical_id_when_the_printed_wording_is_new()
    {
        var document = Reworded(DocumentCache.Get(Seed), "general_budget_expenditure", "基本支出", "一般公共预算基本支出");
        var prose = document.Reconciliation!.ProseFigures;
        var byId = new Reconciler(RuleCatalog.Default, TableKindCatalog.Default).Reconcile(document, prose, null).Checks.Where(c => c.RuleId == "T5.columns").ToList();
        Assert.NotEmpty(byId);
        Assert.All(byId, c => Assert.Contains(c.Outcome, new[] { Outcome.Pass, Outcome.Rounding }));
        Assert.Contains(byId, c => c.Cells.Any(x => x.ColumnName!.EndsWith("/一般公共预算基本支出")));

        var json = File.ReadAllText(Path.Combine(Repo.Root, "src/Extractor/Reconciliation/reconciliation-rules.json"));
        var namesOnly = System.Text.RegularExpressions.Regex.Replace(json, @"""ids"": \[[^\]]*\]", @"""ids"": []");
        var byName = new Reconciler(RuleCatalog.Parse(namesOnly, RuleRegistry.Default), TableKindCatalog.Default).Reconcile(document, prose, null)
            .Checks.Where(c => c.RuleId == "T5.columns").ToList();
        Assert.Contains(byName, c => c.Outcome == Outcome.Fail);
    }

    private static BudgetDocument Reworded(BudgetDocument document, string kind, string header, string wording)
    {
        var tables = document.Tables.Select(t =>
        {
            if (t.Kind != kind) return t;
            var columns = t.Structure.Columns.Select(c => c with { Path = c.Path.Select(h => h == header ? wording : h).ToList() }).ToList();
            Assert.Contains(columns, c => c.Path.Contains(wording));
            // Amounts are keyed by column path: re-key them as the record builder would for the new wording.
            IReadOnlyDictionary<string, Amount> Rekeyed(IReadOnlyDictionary<string, Amount> amounts) =>
                amounts.Values.ToDictionary(a => Column.AmountKey(columns, a.Column));
            var records = t.Records.Select(r => r.WithAmounts(Rekeyed(r.Amounts))).ToList();
            return t with { Structure = t.Structure with { Columns = columns }, Records = records, ColumnIds = columns.Select(ColumnCatalog.Default.ColumnId).ToList() };
        }).ToList();
        return document with { Tables = tables };
    }

    private sealed record ThrowingRule(string Id) : IReconciliationRule
    {
        public IEnumerable<string> Tables => [];
        public IReadOnlyList<Check> Check(ReconciliationContext context) => throw new InvalidOperationException("unforeseen layout");
    }

    [Fact]
    public void A_rule_that_throws_is_skipped_with_the_reason_and_the_other_rules_still_run()
    {
        var document = DocumentCache.Get(Seed);
        var catalog = RuleCatalog.Default with { Rules = [new ThrowingRule("Z.broken"), .. RuleCatalog.Default.Rules] };
        var report = new Reconciler(catalog, TableKindCatalog.Default).Reconcile(document, document.Reconciliation!.ProseFigures, SheetBudgetFacts.From(document));
        var broken = Assert.Single(report.Checks, c => c.RuleId == "Z.broken");
        Assert.Equal(Outcome.Skipped, broken.Outcome);
        Assert.Contains("unforeseen layout", broken.Reason);
        Assert.Equal(document.Reconciliation.Summary.Pass, report.Summary.Pass);
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
