using System.Text.RegularExpressions;
using Extractor.Tests.Support;

namespace Extractor.Tests.Architecture;

/// <summary>
/// Reads the `using Extractor.X` lines and fully qualified `Extractor.X.` references of every file and reports each
/// reference from a folder to a folder at or above it in the layer order (a back-edge; a cycle always contains one),
/// and every folder the order does not name.
/// </summary>
public static partial class LayerChecker
{
    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?Extractor\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"(?<![\w.])Extractor\.(\w+)\.")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s.*$|//.*$", RegexOptions.Multiline)]
    private static partial Regex UsingOrComment();

    /// <summary>Every folder of the library a file refers to (by `using` or a fully qualified name), its own included.</summary>
    public static IEnumerable<string> Targets(string source) =>
        UsingLine().Matches(source).Select(m => m.Groups[1].Value)
            .Concat(QualifiedName().Matches(UsingOrComment().Replace(source, "")).Select(m => m.Groups[1].Value))
            .Distinct();

    /// <param name="files">(folder under src/Extractor, file name, source text)</param>
    public static IReadOnlyList<string> Violations(IReadOnlyList<string> order, IEnumerable<(string Folder, string File, string Source)> files)
    {
        var rank = order.Select((folder, i) => (folder, i)).ToDictionary(p => p.folder, p => p.i);
        var problems = new List<string>();
        foreach (var (folder, file, source) in files)
        {
            if (!rank.TryGetValue(folder, out var own)) { problems.Add($"{folder}/{file}: folder {folder} is not in the layer order"); continue; }
            var targets = Targets(source).Where(rank.ContainsKey);
            foreach (var target in targets)
                if (target != folder && rank[target] > own)
                    problems.Add($"{folder}/{file}: {folder} depends on {target}, which is above it");
        }
        return problems;
    }
}

public partial class LayerTests
{
    /// <summary>The library's layers, bottom first: a folder may use only folders before it (see README, Architecture).</summary>
    public static readonly string[] Order =
    [
        "Geometry", "Model", "Text", "Pdf", "Ocr", "Layout", "Structure", "Recognition", "Records", "Sheets", "Reconciliation",
        "Output", "Pipeline", "Diagnostics",
    ];

    private static List<(string Folder, string File, string Source)> LibraryFiles() =>
        LibrarySources.Read().Where(f => f.Path.Contains('/'))
            .Select(f => (f.Path[..f.Path.IndexOf('/')], f.Path[(f.Path.IndexOf('/') + 1)..], f.Source))
            .ToList();

    [Fact]
    public void The_library_has_no_back_edge_or_cycle_between_folders()
    {
        Assert.Empty(LayerChecker.Violations(Order, LibraryFiles()));
    }

    /// <summary>What every stage may use: the model, text and geometry.</summary>
    private static readonly string[] Shared = ["Geometry", "Model", "Text"];

    /// <summary>
    /// The only places where a stage uses another stage rather than the model, text and the catalogues, each for a
    /// reason; a new one means a stage reaching into another's internals (put the shared part into Model or Text).
    /// </summary>
    private static readonly (string Stage, string Uses, string Why)[] StageEdges =
    [
        ("Ocr", "Pdf", "the OCR page source wraps the text-layer source (IPageSource, PdfReadException): it OCRs the pages that source cannot read"),
        ("Structure", "Layout", "a continued stream table is re-gridded with the first page's columns (StreamTableBuilder.Regrid)"),
        ("Sheets", "Layout", "a sheet drawn without vertical rules is re-gridded from its glyphs (TextLineBuilder, LayoutTolerances)"),
        ("Records", "Recognition", "the catalogues: table kinds, column aliases, header units"),
        ("Reconciliation", "Recognition", "the table-kind catalogue names the kinds in check descriptions"),
    ];

    /// <summary>The composers and measures above the stages use them all.</summary>
    private static readonly string[] AboveTheStages = ["Output", "Pipeline", "Diagnostics"];

    [Fact]
    public void Stages_use_each_other_only_through_the_listed_edges()
    {
        var found = LibraryFiles().Where(f => !Shared.Contains(f.Folder) && !AboveTheStages.Contains(f.Folder))
            .SelectMany(f => LayerChecker.Targets(f.Source).Where(t => t != f.Folder && Order.Contains(t) && !Shared.Contains(t))
                .Select(t => (f.Folder, Target: t, f.File)))
            .ToList();
        Assert.Empty(found.Where(e => !StageEdges.Any(s => s.Stage == e.Folder && s.Uses == e.Target)).Select(e => $"{e.Folder}/{e.File} uses {e.Target}"));
        // Every listed edge is still there: an edge that went away is struck from the list.
        Assert.All(StageEdges, s => Assert.Contains(found, e => e.Folder == s.Stage && e.Target == s.Uses));
    }

    /// <summary>
    /// The document model is plain records: it uses nothing of the project but Geometry, and no package (no serializer
    /// attributes; the JSON contract's rules live in Output/OutputContract.cs).
    /// </summary>
    [Fact]
    public void The_model_depends_on_geometry_only()
    {
        var model = Path.Combine(Repo.Root, "src", "Extractor", "Model");
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(model, "*.cs"))
        {
            var source = File.ReadAllText(file);
            foreach (Match m in AnyUsing().Matches(source))
                if (m.Groups[1].Value is not ("Extractor.Geometry" or "Extractor.Model") && !m.Groups[1].Value.StartsWith("System", StringComparison.Ordinal))
                    problems.Add($"{Path.GetFileName(file)}: using {m.Groups[1].Value}");
            if (source.Contains("Newtonsoft", StringComparison.Ordinal)) problems.Add($"{Path.GetFileName(file)}: names Newtonsoft");
        }
        Assert.True(Directory.EnumerateFiles(model, "*.cs").Count() > 5);
        Assert.Empty(problems);
    }

    /// <summary>Parquet and JSON Schema generation are in Extractor.Output.Files; the core library does not reference them.</summary>
    [Fact]
    public void The_core_library_references_no_parquet_or_schema_package()
    {
        var project = File.ReadAllText(Path.Combine(Repo.Root, "src", "Extractor", "Extractor.csproj"));
        var packages = PackageReference().Matches(project).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("PdfPig", packages);
        Assert.DoesNotContain(packages, p => p.StartsWith("Parquet", StringComparison.OrdinalIgnoreCase) || p.StartsWith("NJsonSchema", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex AnyUsing();

    [GeneratedRegex(@"<PackageReference\s+Include=""([^""]+)""")]
    private static partial Regex PackageReference();

    [Fact]
    public void A_using_of_a_higher_folder_is_reported()
    {
        var problems = LayerChecker.Violations(["Model", "Layout", "Pipeline"],
        [
            ("Model", "Doc.cs", "using Extractor.Layout;\nnamespace Extractor.Model;"),
            ("Pipeline", "Run.cs", "using Extractor.Model;\nusing Extractor.Layout;\nnamespace Extractor.Pipeline;"),
        ]);
        Assert.Equal(["Model/Doc.cs: Model depends on Layout, which is above it"], problems);
    }

    [Fact]
    public void A_fully_qualified_reference_counts_but_a_comment_does_not()
    {
        var problems = LayerChecker.Violations(["Model", "Layout"],
        [
            ("Model", "A.cs", "namespace Extractor.Model;\n// see Extractor.Layout.Grid\nclass A { object x = Extractor.Layout.Grid.Empty; }"),
            ("Model", "B.cs", "namespace Extractor.Model;\n// see Extractor.Layout.Grid\nclass B { }"),
        ]);
        Assert.Equal(["Model/A.cs: Model depends on Layout, which is above it"], problems);
    }

    [Fact]
    public void A_cycle_between_two_folders_is_reported()
    {
        var problems = LayerChecker.Violations(["Records", "Structure"],
        [
            ("Structure", "S.cs", "using Extractor.Records;"),
            ("Records", "R.cs", "using Extractor.Structure;"),
        ]);
        Assert.Single(problems);
        Assert.Contains("Records depends on Structure", problems[0]);
    }

    [Fact]
    public void A_folder_missing_from_the_order_is_reported()
    {
        var problems = LayerChecker.Violations(["Model"], [("Utils", "U.cs", "namespace Extractor.Utils;")]);
        Assert.Equal(["Utils/U.cs: folder Utils is not in the layer order"], problems);
    }
}
