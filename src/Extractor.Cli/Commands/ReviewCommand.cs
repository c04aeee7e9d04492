using System.CommandLine;
using System.Diagnostics;
using Extractor.Cli.Review;
using Extractor.Output.Review;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary>
/// `review PDF -o REPORT.html`: the QA reviewer's report of one document (rendered page | extracted table | findings).
/// `review OUTDIR`: a report per document of a batch output folder and `OUTDIR/review/index.html` over them.
/// Exit 0, 2 on unreadable input or a folder that is not a batch output.
/// </summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A budget PDF, or a batch output folder (DOC.json files and _batch.jsonl)" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The HTML report of a PDF (its images go to REPORT_files/ beside it); for a folder: OUTDIR/review" };
        var dpi = new Option<int>("--dpi") { Description = "Resolution of the rendered pages", DefaultValueFactory = _ => PdftoppmRenderer.DefaultDpi };
        var noRender = new Option<bool>("--no-render") { Description = "Only the text-layer redraw of the pages (no pdftoppm)" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents reviewed at once (folder)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("review", "Write HTML review reports: each table's printed page beside the extracted table, with findings and decisions")
        {
            input, output, dpi, noRender, jobs,
        };
        command.SetAction((parse, cancel) =>
        {
            var path = parse.GetValue(input)!;
            IPageRenderer renderer = parse.GetValue(noRender) ? new NoRenderer() : new PdftoppmRenderer(parse.GetValue(dpi));
            if (renderer.Unavailable is { } missing) Console.Error.WriteLine($"note: {missing}");
            return Task.FromResult(Directory.Exists(path)
                ? ReviewFolder(path, renderer, parse.GetValue(jobs), cancel)
                : ReviewPdf(new FileInfo(path), parse.GetValue(output), renderer, cancel));
        });
        return command;
    }

    private static int ReviewPdf(FileInfo file, FileInfo? output, IPageRenderer renderer, CancellationToken cancel)
    {
        if (output is null) { Console.Error.WriteLine("error: review PDF needs -o REPORT.html"); return 2; }
        if (!file.Exists) { Console.Error.WriteLine($"error: {file.FullName}: no such file or folder"); return 2; }
        try
        {
            var clock = Stopwatch.StartNew();
            // The text-layer view draws the pages as the extraction read them: each page is read once.
            var pages = new Dictionary<int, PageModel>();
            var document = DocumentExtractor.Extract(File.ReadAllBytes(file.FullName), file.Name, null, page => pages[page.Number] = page);
            var name = Path.GetFileNameWithoutExtension(file.Name);
            var decisionsPath = new[] { output.DirectoryName!, file.DirectoryName! }.Select(d => ReviewDecisions.PathBeside(d, name)).FirstOrDefault(File.Exists);
            var decisions = decisionsPath is null ? null : ReviewDecisions.ReadIfExists(decisionsPath);
            var written = ReviewReportFiles.Write(ReviewInput.From(document), file.FullName, pages, output.FullName, name + ReviewDecisions.Suffix,
                decisions, renderer, cancel);
            Console.Error.WriteLine($"{file.Name}: review of {written.Tables} tables ({written.PagesRendered} pages rendered) written to {written.HtmlPath}: " +
                                    $"{written.Bytes / 1024.0 / 1024.0:0.00} MB in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }
        catch (Exception e) when (e is PdfReadException or UnreadableDocumentException or FormatException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static int ReviewFolder(string folder, IPageRenderer renderer, int jobs, CancellationToken cancel)
    {
        if (!File.Exists(Path.Combine(folder, Batch.BatchJournal.FileName)) && !Directory.EnumerateFiles(folder, "*.json").Any())
        {
            Console.Error.WriteLine($"error: {Path.GetFullPath(folder)}: not a batch output folder (no {Batch.BatchJournal.FileName}, no DOC.json)");
            return 2;
        }
        var summary = BatchReview.Run(folder, renderer, jobs, line => Console.Error.WriteLine(line), cancel);
        Console.Error.WriteLine($"review: {summary.Reports} reports of {summary.Documents} documents, {summary.Bytes / 1024.0 / 1024.0:0.0} MB in " +
                                $"{summary.Seconds:0.0} s; index {summary.IndexPath}");
        return 0;
    }

    /// <summary>`--no-render`: the text-layer view only, said so on the page.</summary>
    private sealed class NoRenderer : IPageRenderer
    {
        public string? Unavailable => "Pages are redrawn from the text layer only (--no-render); run review without --no-render, with poppler's pdftoppm on PATH, for the rendered page.";
        public IReadOnlyDictionary<int, PageImage> Render(string path, IReadOnlyCollection<int> pages, CancellationToken cancel = default) => new Dictionary<int, PageImage>();
    }
}
