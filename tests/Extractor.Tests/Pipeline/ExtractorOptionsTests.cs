using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Reconciliation;
using Extractor.Sheets;
using Extractor.Structure;
using Extractor.Tests.Support;

namespace Extractor.Tests.Pipeline;

public class ExtractorOptionsTests
{
    private static byte[] Synth() => File.ReadAllBytes(Repo.Fixture(Path.Combine("synth", "synth-01-2025.office.pdf")));

    [Fact]
    public void A_cancelled_token_stops_the_document_at_the_next_page()
    {
        using var cancel = new CancellationTokenSource();
        var pagesRead = 0;
        // The observer cancels after the first page: the pipeline must stop before reading a second one.
        Assert.ThrowsAny<OperationCanceledException>(() => DocumentExtractor.Extract(Synth(), "synth.pdf", ExtractorOptions.Default, null,
            _ => { pagesRead++; cancel.Cancel(); }, cancel.Token));
        Assert.Equal(1, pagesRead);
    }

    /// <summary>Cancels the token when the pipeline reports that a given stage has finished, and notes every stage reported.</summary>
    private sealed class CancelAfter(string stage, CancellationTokenSource cancel) : IStageTimer
    {
        public List<string> Finished { get; } = [];
        public void Record(string finished, long stopwatchTicks)
        {
            Finished.Add(finished);
            if (finished == stage) cancel.Cancel();
        }
    }

    [Theory]
    [InlineData(Stages.Structure)]
    [InlineData(Stages.Sheets)]
    [InlineData(Stages.Records)]
    public void A_token_cancelled_after_a_stage_stops_the_document_before_the_next(string stage)
    {
        using var cancel = new CancellationTokenSource();
        var timer = new CancelAfter(stage, cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => DocumentExtractor.Extract(Synth(), "synth.pdf", ExtractorOptions.Default, timer, null, cancel.Token));
        Assert.Contains(stage, timer.Finished);
        Assert.DoesNotContain(Stages.Reconciliation, timer.Finished);
        string[] order = [Stages.Structure, Stages.Sheets, Stages.Records];
        Assert.All(order.Skip(Array.IndexOf(order, stage) + 1), later => Assert.DoesNotContain(later, timer.Finished));
    }

    /// <summary>A rule that runs an action when it is checked (the rule seam: any class in the catalogue's list).</summary>
    private sealed class ProbeRule(string id, Action onCheck) : IReconciliationRule
    {
        public string Id => id;
        public IEnumerable<string> Tables => [];
        public IReadOnlyList<Check> Check(ReconciliationContext context)
        {
            onCheck();
            return [];
        }
    }

    [Fact]
    public void A_token_cancelled_during_the_reconciliation_stops_it_before_the_next_rule()
    {
        using var cancel = new CancellationTokenSource();
        var secondRan = false;
        var rules = RuleCatalog.Default with { Rules = [new ProbeRule("cancels", cancel.Cancel), new ProbeRule("after", () => secondRan = true)] };
        Assert.ThrowsAny<OperationCanceledException>(() =>
            DocumentExtractor.Extract(Synth(), "synth.pdf", ExtractorOptions.Default with { Rules = rules }, null, null, cancel.Token));
        Assert.False(secondRan, "the rule after the cancelling one ran");

        // The same two rules on a token nobody cancels both run: the seam takes any rule class.
        var ran = new List<string>();
        var document = DocumentExtractor.Extract(Synth(), "synth.pdf",
            ExtractorOptions.Default with { Rules = rules with { Rules = [new ProbeRule("a", () => ran.Add("a")), new ProbeRule("b", () => ran.Add("b"))] } },
            null, null, CancellationToken.None);
        Assert.Equal(["a", "b"], ran);
        Assert.NotNull(document.Reconciliation);
    }

    [Fact]
    public void The_layout_stage_uses_the_detectors_it_is_given()
    {
        var all = DocumentExtractor.Extract(Synth(), "synth.pdf", ExtractorOptions.Default, null, null, CancellationToken.None);
        Assert.Contains(all.Tables, t => t.Structure.Grids.Count > 0);

        var none = ExtractorOptions.Default with { Layout = LayoutOptions.Default with { Detectors = [] } };
        var document = DocumentExtractor.Extract(Synth(), "synth.pdf", none, null, null, CancellationToken.None);
        Assert.All(document.Tables, t => Assert.Empty(t.Structure.Grids));
        Assert.Empty(document.UntitledGrids);

        var latticeOnly = ExtractorOptions.Default with { Layout = LayoutOptions.Default with { Detectors = [new LatticeTableDetector()] } };
        var lattice = DocumentExtractor.Extract(Synth(), "synth.pdf", latticeOnly, null, null, CancellationToken.None);
        Assert.All(lattice.Tables.SelectMany(t => t.Structure.Grids), g => Assert.Equal(GridMethod.Lattice, g.Method));
    }

    /// <summary>
    /// Each stage takes its thresholds from the options it is given, not from a static: a threshold set out of range
    /// through <see cref="ExtractorOptions"/> changes what that stage finds (synth-01 prints every table with
    /// horizontal rules only, so the stream detector finds them all).
    /// </summary>
    [Fact]
    public void Each_stage_reads_its_thresholds_from_the_options_it_is_given()
    {
        var standard = DocumentExtractor.Extract(Synth(), "synth.pdf", ExtractorOptions.Default, null, null, CancellationToken.None);
        Assert.Equal(2025, standard.Info.Year);
        Assert.NotEmpty(standard.Tables.SelectMany(t => t.Structure.Grids));
        Assert.NotEmpty(standard.PerformanceSheets.SelectMany(s => s.Indicators));

        BudgetDocument With(ExtractorOptions options) => DocumentExtractor.Extract(Synth(), "synth.pdf", options, null, null, CancellationToken.None);

        // Page source: no ruling is long enough, so no table has a grid.
        var noRulings = With(ExtractorOptions.Default with
        {
            PageSource = new PdfTextLayerSourceFactory(PdfTextLayerOptions.Default with { MinRulingLength = 1e6 }),
        });
        Assert.Empty(noRulings.Tables.SelectMany(t => t.Structure.Grids));

        // Layout: no stack of rules is wide enough to frame a table.
        var noStreamTables = With(ExtractorOptions.Default with
        {
            Layout = LayoutOptions.Default with { Tolerances = LayoutTolerances.Default with { MinTableWidth = 1e6 } },
        });
        Assert.Empty(noStreamTables.Tables.SelectMany(t => t.Structure.Grids));

        // Structure: a label alone on its line (`表 2`, the name on the line below) reaches no name, so no table keeps its number.
        Assert.Contains(standard.Tables, t => t.Number is not null);
        var noReach = With(ExtractorOptions.Default with { Structure = StructureOptions.Default with { NameReach = 0 } });
        Assert.All(noReach.Tables, t => Assert.Null(t.Number));

        // Sheets: no header cell is short enough to name an indicator column.
        var noIndicatorHeader = With(ExtractorOptions.Default with { SheetReading = SheetOptions.Default with { MaxHeaderLength = 0 } });
        Assert.NotEqual(standard.PerformanceSheets.Sum(s => s.Indicators.Count), noIndicatorHeader.PerformanceSheets.Sum(s => s.Indicators.Count));

        // Sheets: no label is short enough to be looked up in the catalogue, so no sheet is found.
        Assert.NotEmpty(standard.PerformanceSheets);
        Assert.Empty(With(ExtractorOptions.Default with { SheetReading = SheetOptions.Default with { MaxLabelLength = 0 } }).PerformanceSheets);

        // Document facts: no opening line is searched for the year.
        Assert.Null(With(ExtractorOptions.Default with { Document = DocumentOptions.Default with { YearSearchLines = 0 } }).Info.Year);
    }
}
