using Extractor.Model;
using Extractor.Pipeline;
using Extractor.Sheets;

namespace Extractor.Tests.Support;

/// <summary>The sheets stage as the pipeline composes it: catalogue and thresholds from <see cref="ExtractorOptions.Default"/>.</summary>
public static class SheetStage
{
    public static IReadOnlyList<PerformanceSheet> Extract(IReadOnlyList<TableGrid> untitledGrids, IReadOnlyList<TextLine> lines, IReadOnlyList<StructuredTable> titledTables)
    {
        var options = ExtractorOptions.Default;
        return SheetExtractor.Extract(untitledGrids, lines, titledTables, options.Sheets, options.SheetReading, options.Layout.Tolerances, CancellationToken.None).Sheets;
    }
}
