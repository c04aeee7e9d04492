using System.CommandLine;
using Extractor.Cli;
using Extractor.Cli.Commands;

var root = new RootCommand("Extractor: Chinese budget disclosure PDFs to checked, structured data")
{
    ExtractCommand.Create(),
    BatchCommand.Create(),
    BenchCommand.Create(),
    SchemaCommand.Create(),
    ReviewCommand.Create(),
    DebugPageCommand.Create(),
    CorpusReportCommand.Create(),
    WorkerCommand.Create(),
};
return await CliErrorHandler.RunAsync(root, args);
