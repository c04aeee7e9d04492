using System.CommandLine;
using Extractor.Model;
using Extractor.Ocr;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Reconciliation;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extract PDF [-o OUT.json] [--outputs json,facts-csv,…] [--strict] [--ocr auto|always|never]`: one document to JSON
/// (stdout when no -o), and the other requested files beside OUT (OUT.facts.csv …). Exit 0 on success, 2 on unreadable
/// input, 3 with --strict when a reconciliation check fails, 64 for --outputs without -o.
/// </summary>
public static class ExtractCommand
{
    public const int ReconciliationFailed = ExitCodes.ReconciliationFailed;

    public static Command Create()
    {
        var pdf = new Argument<FileInfo>("pdf") { Description = "Budget or final-accounts PDF" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the JSON here (written atomically); stdout when absent" };
        var strict = new Option<bool>("--strict") { Description = "Exit with code 3 when any reconciliation check fails" };
        var ocr = OcrOption.Create();
        var outputs = OutputsOption.Create(CliWriters.Registry);
        var csvBom = new Option<bool>("--csv-bom") { Description = "Start CSV files (--outputs facts-csv) with a UTF-8 byte order mark (Excel)" };
        var command = new Command("extract", "Extract every table of one PDF as JSON") { pdf, output, outputs, csvBom, strict, ocr };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(pdf)!;
            var target = parse.GetValue(output);
            var writers = (parse.GetValue(outputs) ?? ["json"]).Select(CliWriters.Registry.Get).ToList();
            if (target is null && writers.Count > 1) { Console.Error.WriteLine("error: --outputs needs -o OUT.json (the other files go beside it)"); return ExitCodes.Usage; }
            try
            {
                if (!file.Exists) { Console.Error.WriteLine($"error: {file.FullName}: no such file"); return 2; }
                var pages = new Dictionary<int, PageModel>();
                var extracted = DocumentExtractor.Extract(File.ReadAllBytes(file.FullName), file.Name, ExtractorOptions.Default with { Ocr = OcrOption.Options(parse.GetValue(ocr)) },
                    null, writers.Any(w => w.NeedsPages) ? page => pages[page.Number] = page : null, CancellationToken.None);
                var document = extracted with { Info = extracted.Info with { Source = file.FullName } };
                if (target is null) Console.Out.Write(JsonDocumentWriter.Serialize(document) + Environment.NewLine);
                // Files go through the writer registry, as batch's outputs do (stdout stays the bare serializer): the
                // JSON to -o, every other writer's file beside it (OUT.json → OUT.facts.csv).
                else Write(writers, target.FullName, new DocumentToWrite(document, pages) { Options = new DocumentWriterOptions { CsvBom = parse.GetValue(csvBom) } });
                Console.Error.WriteLine($"{file.Name}: {document.Tables.Count} tables, {document.Warnings.Count} warnings");
                if (document.Warnings.FirstOrDefault(w => w.Code == OcrWarning.Code) is { } ocrPages) Console.Error.WriteLine($"warning: {ocrPages.Message}");
                if (document.Reconciliation is { } report)
                {
                    Console.Error.Write(ReconciliationText.Summary(report));
                    if (parse.GetValue(strict) && report.Summary.Fail > 0) return ReconciliationFailed;
                }
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

    private static void Write(IReadOnlyList<IDocumentWriter> writers, string jsonPath, DocumentToWrite document)
    {
        var json = writers[0];
        var stem = jsonPath.EndsWith(json.Suffix, StringComparison.OrdinalIgnoreCase) ? jsonPath[..^json.Suffix.Length] : jsonPath;
        foreach (var writer in writers)
            writer.WriteAsync(writer == json ? jsonPath : stem + writer.Suffix, document, CancellationToken.None).GetAwaiter().GetResult();
    }
}
