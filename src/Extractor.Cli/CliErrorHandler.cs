using System.CommandLine;
using System.CommandLine.Parsing;
using Extractor.Output;
using Extractor.Pdf;
using Extractor.Pipeline;

namespace Extractor.Cli;

/// <summary>
/// The CLI's one error handler: parse errors (help to stderr), unknown options, and every exception a command lets
/// through become one line on stderr and a documented exit code (<see cref="ExitCodes"/>), never a stack trace.
/// </summary>
public static class CliErrorHandler
{
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        RejectOptionLikeArguments(root);
        root.Description += Environment.NewLine + Environment.NewLine + ExitCodes.Help;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The parser's own error action prints the errors and the command's help: both to stderr, so that
            // `extractor-cli extract … > out.json` never captures help text as output.
            await parse.InvokeAsync(new InvocationConfiguration { Output = Console.Error, Error = Console.Error });
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e);
            Console.Error.WriteLine(message);
            if (code == ExitCodes.Internal && Environment.GetEnvironmentVariable("EXTRACTOR_DEBUG") == "1") Console.Error.WriteLine(e);
            return code;
        }
    }

    public static (int Code, string Message) Describe(Exception e) => e switch
    {
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
        UsageException => (ExitCodes.Usage, $"error: {e.Message}"),
        FolderLockedException => (ExitCodes.Locked, $"error: {e.Message}"),
        PdfReadException or UnreadableDocumentException => (ExitCodes.Unreadable, $"error: {e.Message}"),
        OutputWriteException w => (w.DiskFull ? ExitCodes.IoError : ExitCodes.CannotWrite, $"error: {e.Message}"),
        FileNotFoundException f => (ExitCodes.Unreadable, $"error: {f.FileName ?? "input"}: no such file"),
        DirectoryNotFoundException => (ExitCodes.Unreadable, $"error: {AtomicFile.Reason(e)}: {e.Message}"),
        UnauthorizedAccessException => (ExitCodes.CannotWrite, $"error: {e.Message}"),
        IOException => (ExitCodes.IoError, $"error: {AtomicFile.Reason(e)}"),
        _ => (ExitCodes.Internal, $"internal error: {e.GetType().Name}: {FirstLine(e.Message)} (set EXTRACTOR_DEBUG=1 for details)"),
    };

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>
    /// An argument that looks like an option (`--shrad`) is a mistyped option, not an input path: every command's
    /// arguments reject it (a lone `-` stays allowed for stdin).
    /// </summary>
    private static void RejectOptionLikeArguments(Command command)
    {
        foreach (var argument in command.Arguments)
            argument.Validators.Add(result =>
            {
                foreach (var token in result.Tokens)
                    if (token.Value.Length > 1 && token.Value[0] == '-' && !double.TryParse(token.Value, out _))
                        result.AddError($"unknown option '{token.Value}'");
            });
        foreach (var sub in command.Subcommands) RejectOptionLikeArguments(sub);
    }
}
