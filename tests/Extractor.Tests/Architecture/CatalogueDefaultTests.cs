using System.Text.RegularExpressions;
using Extractor.Tests.Support;

namespace Extractor.Tests.Architecture;

/// <summary>
/// Catalogues (table kinds, column aliases, sheet labels, rules) reach a stage through the options the composition root
/// builds (<c>Pipeline/ExtractorOptions</c>), so a caller or a test can swap one; a stage that reads
/// <c>SheetCatalog.Default</c> itself cannot be given another.
/// </summary>
public partial class CatalogueDefaultTests
{
    [GeneratedRegex(@"\b(?<catalogue>\w*Catalog)\.Default\b")]
    private static partial Regex DefaultCatalogue();

    public static IReadOnlyList<string> DefaultsOutsideTheRoot(IEnumerable<(string Path, string Source)> files) =>
        files.Where(f => !f.Path.StartsWith("Pipeline/", StringComparison.Ordinal))
            .SelectMany(f => DefaultCatalogue().Matches(f.Source)
                // The catalogue's own file declares its Default (`public static SheetCatalog Default { get; } = Load();`).
                .Where(m => !f.Path.EndsWith("/" + m.Groups["catalogue"].Value + ".cs", StringComparison.Ordinal))
                .Select(m => $"{f.Path}: {m.Value}"))
            .ToList();

    [Fact]
    public void Only_the_composition_root_takes_a_catalogue_s_default()
    {
        Assert.Empty(DefaultsOutsideTheRoot(LibrarySources.Read()));
    }

    [Fact]
    public void A_stage_reading_a_default_catalogue_is_reported()
    {
        var problems = DefaultsOutsideTheRoot(
        [
            ("Reconciliation/TableView.cs", "var kinds = Recognition.TableKindCatalog.Default;"),
            ("Sheets/SheetCatalog.cs", "public static SheetCatalog Default { get; } = Load();"),
            ("Pipeline/ExtractorOptions.cs", "public SheetCatalog Sheets { get; init; } = SheetCatalog.Default;"),
        ]);
        Assert.Equal(["Reconciliation/TableView.cs: TableKindCatalog.Default"], problems);
    }
}
