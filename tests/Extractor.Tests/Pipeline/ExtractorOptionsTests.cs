using Extractor.Layout;
using Extractor.Model;
using Extractor.Pipeline;
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
}
