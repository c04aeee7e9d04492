using Extractor.Model;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Tests.Support;

namespace Extractor.Tests.EndToEnd;

/// <summary>
/// Grids that belong to no titled table and that no performance sheet took are still tables: kind `unrecognised`,
/// number null, titled by the line above, every body row, and a warning naming the page.
/// </summary>
public class UnrecognisedTableTests
{
    [Fact]
    public void An_untitled_list_is_emitted_with_all_its_rows_across_pages()
    {
        // zhuhai-drug-procurement-list: one ruled list from page 1 on, header 序号 品种序号 品种名称 … on page 1 only.
        var document = DocumentCache.Get(Path.Combine("corpus", "zhuhai-drug-procurement-list-kangxi.pdf"));
        var table = Assert.Single(document.Tables);
        Assert.Equal(TableKindCatalog.Unrecognised, table.Kind);
        Assert.Null(table.Number);
        Assert.StartsWith("国家组织集采药品协议期满品种接续采购中选品种供应清单", table.Title);
        Assert.Equal(["序号", "品种序号", "品种名称", "药品通用名", "剂型"], table.Structure.Columns.Take(5).Select(c => c.Name));
        Assert.True(table.Structure.Pages.Count > 10, $"pages {string.Join(",", table.Structure.Pages)}");
        // The 序号 column counts the rows: every row is there, in order.
        var serials = table.Structure.Rows.Select(r => r[0].Text).Where(t => t.Length > 0).ToList();
        Assert.Equal(Enumerable.Range(1, serials.Count).Select(i => i.ToString()), serials);
        Assert.Contains(document.Warnings, w => w.Code == "unrecognised-table" && w.Page == 1);
    }

    [Fact]
    public void Every_unrecognised_table_of_the_corpus_says_why()
    {
        // A table without a kind is either no budget table (contents, unit list, …) or a named gap: never silent.
        foreach (var pdf in Directory.GetFiles(Repo.Fixture("corpus"), "*.pdf").Order())
        {
            BudgetDocument document;
            try { document = DocumentCache.Get(Path.Combine("corpus", Path.GetFileName(pdf))); }
            catch (UnreadableDocumentException) { continue; }
            foreach (var table in document.Tables.Where(t => t.Kind == TableKindCatalog.Unrecognised))
            {
                Assert.True(table.UnrecognisedReason is { } reason && UnrecognisedReason.All.Contains(reason),
                    $"{Path.GetFileName(pdf)} p{table.Structure.Pages[0]}: reason '{table.UnrecognisedReason}'");
                Assert.Contains(document.Warnings, w => w.Code == "unrecognised-table" && w.Page == table.Structure.Title.Page
                    && w.Message.Contains(table.UnrecognisedReason!));
            }
            Assert.All(document.Tables.Where(t => t.Kind != TableKindCatalog.Unrecognised), t => Assert.Null(t.UnrecognisedReason));
        }
    }

    /// <summary>
    /// Every table of fixtures/corpus left without a kind, by file: first page and reason, each read on its page
    /// (pdftotext -layout). None is a catalogue gap (`unknown_title`, `untitled`, `headerless`): the budget, final-accounts
    /// and performance tables of these files all have a kind.
    /// </summary>
    private static readonly Dictionary<string, (int Page, string Reason)[]> VerifiedUnrecognised = new()
    {
        // 福州市 2026年医保中药饮片最高付费标准: 序号 | 项目名称 | 2025版药典项目名称 | 项目编码 | 2026年医保最高付费标准.
        ["fz-002.pdf"] = [(1, UnrecognisedReason.NotBudget)],
        // `…保障中心包括 7个科（股）室，详细情况见下表:` over 序号 | 单位名称.
        ["qz-market-monitoring-2026-unit-budget.pdf"] = [(5, UnrecognisedReason.UnitList)],
        // `…决算编制范围的单位包括：` over 序号 | 单位名称 | 备注.
        ["sh-putuo-finance-2024-final.pdf"] = [(5, UnrecognisedReason.UnitList)],
        ["sh-putuo-socialwork-2024-final.pdf"] = [(4, UnrecognisedReason.UnitList)],
        // Xi'an: 序号 | 单位名称 | 拟变动情况 under `…二级预算单位共有N个，包括：`, and the 目 录 / 报表目录 listing 表1–表16.
        ["xa-001.pdf"] = [(6, UnrecognisedReason.UnitList), (17, UnrecognisedReason.Contents)],
        ["xa-006.pdf"] = [(7, UnrecognisedReason.UnitList), (18, UnrecognisedReason.Contents)],
        ["xa-011.pdf"] = [(3, UnrecognisedReason.UnitList), (15, UnrecognisedReason.Contents)],
        ["xa-014.pdf"] = [(15, UnrecognisedReason.UnitList), (28, UnrecognisedReason.Contents)],
        ["xa-audit-2026-dept-budget.pdf"] = [(9, UnrecognisedReason.UnitList), (21, UnrecognisedReason.Contents)],
        // `…及所属27个二级预算单位。` over 序号 | 单位名称; p.145 目录 序号 | 内容 | 是否空表 | 表格为空的理由.
        ["xa-health-commission-2022-final.pdf"] = [(7, UnrecognisedReason.UnitList), (145, UnrecognisedReason.Contents)],
        ["xa-work-safety-2019-budget-tables.pdf"] = [(2, UnrecognisedReason.Contents)],
        // 国家组织集采药品协议期满品种接续采购中选品种供应清单: a drug supply list over 328 pages.
        ["zhuhai-drug-procurement-list-kangxi.pdf"] = [(1, UnrecognisedReason.NotBudget)],
    };

    [Fact]
    public void The_unrecognised_tables_of_the_corpus_are_exactly_the_verified_non_budget_ones()
    {
        var gaps = new[] { UnrecognisedReason.UnknownTitle, UnrecognisedReason.Untitled, UnrecognisedReason.Headerless };
        var wrong = new List<string>();
        foreach (var pdf in Directory.GetFiles(Repo.Fixture("corpus"), "*.pdf").Order())
        {
            var file = Path.GetFileName(pdf);
            BudgetDocument document;
            try { document = DocumentCache.Get(Path.Combine("corpus", file)); }
            catch (UnreadableDocumentException) { continue; }
            var actual = document.Tables.Where(t => t.Kind == TableKindCatalog.Unrecognised)
                .Select(t => (t.Structure.Pages[0], t.UnrecognisedReason ?? "")).ToList();
            var expected = VerifiedUnrecognised.GetValueOrDefault(file) ?? [];
            if (!actual.SequenceEqual(expected))
                wrong.Add($"{file}: {string.Join(", ", actual.Select(a => $"p{a.Item1} {a.Item2}"))} (verified: {string.Join(", ", expected.Select(e => $"p{e.Page} {e.Reason}"))})");
            Assert.DoesNotContain(actual, a => gaps.Contains(a.Item2));
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    // Xi'an: `纳入本部门当年预算编制范围的二级预算单位共有1个，包括：` over 序号 | 单位名称 | 拟变动情况; `报表目录` listing 表1–表16.
    [InlineData("xa-audit-2026-dept-budget.pdf", 9, UnrecognisedReason.UnitList)]
    [InlineData("xa-audit-2026-dept-budget.pdf", 21, UnrecognisedReason.Contents)]
    [InlineData("xa-health-commission-2022-final.pdf", 7, UnrecognisedReason.UnitList)]
    [InlineData("xa-health-commission-2022-final.pdf", 145, UnrecognisedReason.Contents)]
    [InlineData("sh-putuo-finance-2024-final.pdf", 5, UnrecognisedReason.UnitList)]
    // A drug supply list and a 医保 price list: numbers, but no budget heading or money column.
    [InlineData("zhuhai-drug-procurement-list-kangxi.pdf", 1, UnrecognisedReason.NotBudget)]
    [InlineData("fz-002.pdf", 1, UnrecognisedReason.NotBudget)]
    public void Tables_that_are_no_budget_tables_say_what_they_are(string pdf, int page, string reason)
    {
        var document = DocumentCache.Get(Path.Combine("corpus", pdf));
        var table = Assert.Single(document.Tables, t => t.Structure.Pages[0] == page && t.Kind == TableKindCatalog.Unrecognised);
        Assert.Equal(reason, table.UnrecognisedReason);
    }

    [Theory]
    [InlineData("urumqi-port-office-2025.chromium.pdf")]
    [InlineData("urumqi-port-office-2025.office.pdf")]
    [InlineData("synth/synth-01-2025.chromium.pdf")]
    [InlineData("synth/synth-05-2026.office.pdf")]
    public void Performance_sheet_grids_are_not_tables(string pdf)
    {
        // The seed's and the synth documents' untitled grids are all parts of 绩效目标表.
        Assert.DoesNotContain(DocumentCache.Get(pdf).Tables, t => t.Kind == TableKindCatalog.Unrecognised);
    }
}
