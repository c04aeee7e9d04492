using System.Text.RegularExpressions;
using Extractor.Tests.Support;

namespace Extractor.Tests.Architecture;

/// <summary>
/// Text is folded in one place, <c>Text/TextNormalizer</c>: a stage that declares a fold of its own (`Fold`,
/// `Normalise`, `ToHalfWidth`, …) is how six folds came to disagree on whether `（` becomes `(` or the reverse.
/// </summary>
public partial class TextFoldTests
{
    [GeneratedRegex(@"^\s*(?:(?:public|private|internal|protected|static|override)\s+)+[\w<>\[\]?,.]+\s+(?<name>\w*(?:Fold|Normali[sz]e|HalfWidth)(?:[A-Z]\w*)?)\s*\(", RegexOptions.Multiline)]
    private static partial Regex FoldDeclaration();

    public static IReadOnlyList<string> FoldsOutsideText(IEnumerable<(string Path, string Source)> files) =>
        LibrarySources.MatchesOutside(files, "Text/", FoldDeclaration(), "name");

    [Fact]
    public void No_stage_outside_Text_declares_a_fold_of_its_own()
    {
        Assert.Empty(FoldsOutsideText(LibrarySources.Read()));
    }

    [Fact]
    public void A_private_fold_in_a_stage_is_reported_and_a_call_is_not()
    {
        var problems = FoldsOutsideText(
        [
            ("Sheets/SheetCatalog.cs", "    public static string Fold(string text)\n    {"),
            ("Reconciliation/LabelText.cs", "    private static string Normalise(string? s) => s;"),
            ("Recognition/ColumnCatalog.cs", "        var key = TextNormalizer.Fold(header, TextForm.Key);"),
            ("Text/TextNormalizer.cs", "    public static string Fold(string? text, TextFold form)"),
            ("Output/Durable.cs", "    public static void FlushFolder(string folder)"),
            ("Sheets/Labels.cs", "    private static string ToHalfWidth(string s) => s;"),
        ]);
        Assert.Equal(["Sheets/SheetCatalog.cs: Fold", "Reconciliation/LabelText.cs: Normalise", "Sheets/Labels.cs: ToHalfWidth"], problems);
    }
}
