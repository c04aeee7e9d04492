using System.CommandLine;
using Extractor.Model;
using Extractor.Ocr;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Pipeline;
using Extractor.Reconciliation;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extract PDF [-o OUT] [--strict] [--ocr auto|always|never]`: one document to JSON (stdout when no -o). Exit 0 on success, 2 on unreadable
/// input, 3 with --strict when a reconciliation check fails.
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
        var command = new Command("extract", "Extract every table of one PDF as JSON") { pdf, output, strict, ocr };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(pdf)!;
            var target = parse.GetValue(output);
            try
            {
                if (!file.Exists) { Console.Error.WriteLine($"error: {file.FullName}: no such file"); return 2; }
                var document = DocumentExtractor.Extract(file.FullName, ExtractorOptions.Default with { Ocr = OcrOption.Options(parse.GetValue(ocr)) });
                if (target is null) Console.Out.Write(JsonDocumentWriter.Serialize(document) + Environment.NewLine);
                // The file goes through the writer registry, as batch's outputs do (stdout stays the bare serializer).
                else AllDocumentWriters.Registry.Get("json").WriteAsync(target.FullName, new DocumentToWrite(document, new Dictionary<int, PageModel>()), CancellationToken.None)
                    .GetAwaiter().GetResult();
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
}
