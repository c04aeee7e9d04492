using System.Reflection;
using Extractor.Geometry;
using Extractor.Model;

namespace Extractor.Tests.Architecture;

/// <summary>
/// Page and box are declared once, in <see cref="Provenance"/>: a library type that is constructed from a page and a
/// box (`Amount(…, int Page, Box Box, …)`) restates provenance and should take a <see cref="Provenance"/> instead.
/// Only the output DTOs (namespace Extractor.Output) keep a flat page and box: that is the JSON's shape.
/// </summary>
public class ProvenanceTests
{
    private static readonly Type[] PageTypes = [typeof(int), typeof(int?)];
    private static readonly Type[] BoxTypes = [typeof(Box), typeof(Box?)];

    /// <summary>True when one public constructor of the type takes both a page and a box parameter.</summary>
    private static bool TakesPageAndBox(Type type) => type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Any(c =>
    {
        var parameters = c.GetParameters();
        return parameters.Any(p => string.Equals(p.Name, "page", StringComparison.OrdinalIgnoreCase) && PageTypes.Contains(p.ParameterType))
            && parameters.Any(p => string.Equals(p.Name, "box", StringComparison.OrdinalIgnoreCase) && BoxTypes.Contains(p.ParameterType));
    });

    private static IReadOnlyList<Type> ModelTypes() =>
        typeof(Amount).Assembly.GetTypes().Where(t => t.Namespace == typeof(Amount).Namespace && !t.IsNested).ToList();

    /// <summary>Every type of the library but the output DTOs (`CellOut`, `ProseLineOut`, the review's cells).</summary>
    private static IReadOnlyList<Type> StageTypes() =>
        typeof(Amount).Assembly.GetTypes().Where(t => t.Namespace is { } ns && !ns.StartsWith("Extractor.Output", StringComparison.Ordinal)).ToList();

    [Fact]
    public void No_model_type_but_Provenance_takes_both_a_page_and_a_box()
    {
        var model = ModelTypes();
        Assert.True(model.Count > 20, $"only {model.Count} types found in {typeof(Amount).Namespace}");
        Assert.True(TakesPageAndBox(typeof(Provenance)), "the check does not recognise Provenance(int Page, Box Box)");
        Assert.Empty(model.Where(t => t != typeof(Provenance) && TakesPageAndBox(t)).Select(t => t.Name));
    }

    [Fact]
    public void No_stage_type_takes_both_a_page_and_a_box()
    {
        var types = StageTypes();
        Assert.Contains(typeof(Extractor.Diagnostics.MissedToken), types);
        Assert.Empty(types.Where(t => t != typeof(Provenance) && TakesPageAndBox(t)).Select(t => t.FullName));
    }

    [Theory]
    [InlineData(typeof(Amount))]
    [InlineData(typeof(Cell))]
    [InlineData(typeof(TableTitle))]
    [InlineData(typeof(SheetValue))]
    [InlineData(typeof(SheetAmount))]
    [InlineData(typeof(ProseFigure))]
    [InlineData(typeof(CheckCell))]
    [InlineData(typeof(TextLine))]
    [InlineData(typeof(TableGrid))]
    public void Records_read_off_a_page_carry_one_provenance(Type type) =>
        Assert.Contains(type.GetConstructors().SelectMany(c => c.GetParameters()),
            p => p.ParameterType == typeof(Provenance) || p.ParameterType == typeof(Provenance?));
}
