using System.CommandLine;
using Extractor.Model;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary>`review PDF -o report.html`: the QA reviewer's side-by-side report (source page | extracted table | findings).</summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var pdf = new Argument<FileInfo>("pdf") { Description = "Budget or final-accounts PDF" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "HTML file to write", Required = true };
        var command = new Command("review", "Write an HTML review report: each table's page beside the extracted table, with findings") { pdf, output };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(pdf)!;
            try
            {
                var bytes = File.ReadAllBytes(file.FullName);
                // The review draws the pages (glyphs and rulings) as the extraction read them: each page is read once.
                var pages = new Dictionary<int, PageModel>();
                var document = DocumentExtractor.Extract(bytes, file.Name, null, page => pages[page.Number] = page);
                AllDocumentWriters.Registry.Get("review").WriteAsync(parse.GetValue(output)!.FullName, new DocumentToWrite(document, pages), CancellationToken.None)
                    .GetAwaiter().GetResult();
                Console.Error.WriteLine($"{file.Name}: review of {document.Tables.Count} tables written to {parse.GetValue(output)!.FullName}");
                return 0;
            }
            catch (Exception e) when (e is PdfReadException or UnreadableDocumentException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
