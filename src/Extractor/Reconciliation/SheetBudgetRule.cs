using Extractor.Geometry;
using Extractor.Model;
using Extractor.Text;
using Newtonsoft.Json.Linq;

namespace Extractor.Reconciliation;

/// <summary>
/// The budget a performance sheet states, as the reconciliation needs it: the project (or, for the 部门整体绩效目标表,
/// the department) and the amount as printed with where it stands. The sheets stage maps its sheets onto these.
/// </summary>
public sealed record SheetBudgetFact(bool IsDepartmentSheet, string Name, string Text, decimal Value, string Unit, Provenance At)
{
    /// <summary>The department's figure is its spending (北京 预算13表 `预算支出总额`), which 表1 prints as 本年支出合计, not
    /// its income 收入总计 (which adds the carry-over).</summary>
    public bool IsExpenditure { get; init; }

    /// <summary>The sheet's printed title (`2022年专项资金总体绩效目标表`): tells a whole fund's sheet from a project's.</summary>
    public string SheetTitle { get; init; } = "";
}

/// <summary>
/// Performance-sheet budgets against the tables: a project sheet equals its 表7 project row or its 表11 carry-over
/// row, or the two together (a project funded this year and carried over); names may differ slightly, so rows are
/// matched by name, then by amount among similar names, and each check says how it matched. The department sheet's
/// budget equals 表1 收入总计, alone or – where the template gives each 专项资金 a sheet of its own and leaves it out of the
/// department sheet (西安 2022: 基本支出 + 专项业务经费 on the department sheet) – together with those whole-fund sheets.
/// </summary>
/// <remarks>Column is the amount column of the 表7/表11 rows; Department the value the department sheet restates;
/// FundSheetTitles the title words of a whole fund's sheet (`专项资金总体`).</remarks>
public sealed record SheetBudgetRule(string Id, ColumnRef Column, ColumnRef FundColumn, ValueRef Department, ValueRef DepartmentExpenditure,
    IReadOnlyList<string> FundSheetTitles) : IReconciliationRule
{
    private const string ProjectTable = "general_budget_project_expenditure";
    private const string CarryoverTable = "carryover_detail";
    private static readonly string[] FundTables = ["government_fund_expenditure", "state_capital_expenditure"];

    public static SheetBudgetRule Read(JObject o, RuleReader r) =>
        new(RuleReader.Str(o, "id"), r.Column(o["column"]), r.Column(o["fundColumn"]), r.Ref((JObject)o["department"]!),
            r.Ref((JObject)o["departmentExpenditure"]!), RuleReader.Strings(o["fundSheetTitles"]).Select(TextNormalizer.Key).ToList());

    public IEnumerable<string> Tables => FundTables.Append(ProjectTable).Append(CarryoverTable).Append(Department.Table).Append(DepartmentExpenditure.Table);

    public IReadOnlyList<Check> Check(ReconciliationContext context)
    {
        var checks = new List<Check>();
        AddChecks(context, checks);
        return checks;
    }

    private void AddChecks(ReconciliationContext context, List<Check> checks)
    {
        var facts = context.SheetBudgets;
        var tables = context.Tables;
        var similarEnough = context.Options.SheetNameSimilarity;
        if (facts is null || facts.Count == 0)
        {
            checks.Add(Identity.Skip(Id, "绩效目标表 年度预算总额 = 表7/表11 rows", "no performance sheets were extracted from this document"));
            return;
        }
        var projectView = context.Find(ProjectTable, null, out _);
        var carryView = context.Find(CarryoverTable, null, out _);
        var candidates = new List<(TableView View, TableRecord Row, Term Value)>();
        if (projectView?.Resolve(Column) is { } pc)
            candidates.AddRange(projectView.Records.OfType<ClassifiedRecord>().Where(r => r.Project is not null).Select(r => (projectView, (TableRecord)r, projectView.Value(r, pc, "actual"))));
        if (carryView?.Resolve(Column) is { } cc)
        {
            var units = UnitRows.UnitNames(null, tables);
            candidates.AddRange(carryView.Records.Where(r => !r.IsTableTotal && !units.Contains(TextNormalizer.Key(r.RowLabel)))
                .Select(r => (carryView, r, carryView.Value(r, cc, "actual"))));
        }
        var fundSheets = facts.Where(IsFundSheet).Select(f => Stated(f, "part")).ToList();
        foreach (var fact in facts)
        {
            var stated = Stated(fact, "expected");
            if (fact.IsDepartmentSheet)
            {
                checks.Add(DepartmentCheck(context, fact, stated, fundSheets));
                continue;
            }
            if (candidates.Count == 0)
            {
                checks.Add(Identity.Skip(Id, stated.Describe, "the document has no 表7 project rows or 表11 rows to match the sheet against", [stated.Cell]));
                continue;
            }
            var scored = candidates.Select(c => (c.View, c.Row, c.Value, Score: LabelText.Similarity(c.Row.RowLabel, fact.Name))).OrderByDescending(c => c.Score).ToList();
            var byName = scored.FirstOrDefault(c => c.Score >= 0.999);
            if (byName.Row is not null && byName.Value.Yuan == stated.Yuan)
            {
                checks.Add(context.Sum(Id, $"{stated.Describe} = {byName.Value.Describe}", stated, [byName.Value], "matched by equal name"));
                continue;
            }
            var byAmount = scored.FirstOrDefault(c => c.Score >= similarEnough && c.Value.Yuan == stated.Yuan);
            if (byAmount.Row is not null)
            {
                checks.Add(context.Sum(Id, $"{stated.Describe} = {byAmount.Value.Describe}", stated, [byAmount.Value],
                    $"matched by amount and name similarity {byAmount.Score:0.00}"));
                continue;
            }
            var similar = scored.Where(c => c.Score >= similarEnough).ToList();
            var pair = similar.SelectMany(a => similar.Where(b => !ReferenceEquals(a.View, b.View) && a.View.Table.Kind == ProjectTable)
                .Select(b => (A: a, B: b))).FirstOrDefault(p => p.A.Value.Yuan + p.B.Value.Yuan == stated.Yuan);
            if (pair.A.Row is not null)
            {
                checks.Add(context.Sum(Id, $"{stated.Describe} = {pair.A.Value.Describe} + {pair.B.Value.Describe}", stated, [pair.A.Value, pair.B.Value],
                    $"matched as this year's 表7 row plus the 表11 carry-over (name similarity {pair.A.Score:0.00} and {pair.B.Score:0.00})"));
                continue;
            }
            // Projects funded from the 政府性基金 or 国有资本经营 budgets appear only in 表8/表9, which list no project
            // names: accept a 项 row whose 项目支出 equals the sheet's budget, and say so.
            var fundRow = FundProjectRows(context).FirstOrDefault(f => f.Value.Yuan == stated.Yuan);
            if (fundRow.Value is not null)
            {
                checks.Add(context.Sum(Id, $"{stated.Describe} = {fundRow.Value.Describe}", stated, [fundRow.Value],
                    $"matched by amount to a {fundRow.View.Table.Title} 项目支出 row (that table names no projects; no 表7/表11 row matches)"));
                continue;
            }
            var best = scored[0];
            if (best.Score >= context.Options.ProjectNameSimilarity)
                checks.Add(context.Sum(Id, $"{stated.Describe} = {best.Value.Describe}", stated, [best.Value], $"matched by name similarity {best.Score:0.00} only; the amounts differ"));
            else
                checks.Add(new Check(Id, $"{stated.Describe}: no 表7/表11 row matches", Outcome.Fail, fact.Text, null, null, null, fact.Unit,
                    "no 表7 project or 表11 row has this name or this amount", [stated.Cell]));
        }
    }

    private static Term Stated(SheetBudgetFact fact, string role)
    {
        var unit = UnitParser.FactorToYuan(fact.Unit) ?? 10000m;
        return new Term(new CheckCell("绩效目标表", null, null, null, null, fact.Name, "年度预算总额", fact.Text, fact.Value, fact.At, role),
            fact.Value * unit, unit, $"绩效目标表 “{fact.Name}” 年度预算总额 {fact.Text}");
    }

    private bool IsFundSheet(SheetBudgetFact fact) =>
        !fact.IsDepartmentSheet && TextNormalizer.Key(fact.SheetTitle) is var title && FundSheetTitles.Any(t => title.Contains(t, StringComparison.Ordinal));

    /// <summary>
    /// The department sheet against 表1. Whether a template's department sheet covers the 专项资金 that have whole-fund
    /// sheets of their own is not printed, so: the sheet alone when it agrees (or there are no such sheets), else the
    /// sheet plus those sheets, and the check says which it compared.
    /// </summary>
    private Check DepartmentCheck(ReconciliationContext context, SheetBudgetFact fact, Term stated, IReadOnlyList<Term> fundSheets)
    {
        var total = context.Resolve(fact.IsExpenditure ? DepartmentExpenditure : Department, "actual", out var reason);
        if (total is null) return Identity.Skip(Id, stated.Describe, reason, [stated.Cell]);
        var alone = context.Sum(Id, $"{stated.Describe} = {total.Describe}", stated, [total],
            fact.IsExpenditure ? "department sheet's 预算支出总额 against 表1 本年支出合计" : "department sheet against 表1 收入总计");
        if (alone.Outcome != Outcome.Fail || fundSheets.Count == 0) return alone;
        var whole = total with { Cell = total.Cell with { Role = "expected" } };
        IReadOnlyList<Term> parts = [stated with { Cell = stated.Cell with { Role = "part" } }, .. fundSheets];
        return context.Sum(Id, $"{total.Describe} = {string.Join(" + ", parts.Select(p => p.Describe))}", whole, parts,
            $"department sheet plus the {fundSheets.Count} whole-fund (专项资金) sheet(s) it leaves out, against 表1 " +
            (fact.IsExpenditure ? "本年支出合计" : "收入总计") + $" (the sheet alone differs by {alone.Difference})");
    }

    private IEnumerable<(TableView View, Term Value)> FundProjectRows(ReconciliationContext context)
    {
        foreach (var kind in FundTables)
        {
            var view = context.Find(kind, null, out _);
            if (view?.Resolve(FundColumn) is not { } column) continue;
            foreach (var row in view.Records.OfType<ClassifiedRecord>().Where(r => r.Level >= 1).OrderByDescending(r => r.Level))
                yield return (view, view.Value(row, column, "actual"));
        }
    }
}
