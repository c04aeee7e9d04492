using System.CommandLine;
using Extractor.Output;

namespace Extractor.Cli.Commands;

/// <summary>`schema`: prints the JSON Schema of the output (the committed copy is schema/extractor-output.schema.json).</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema (draft-04) of the extract/batch JSON output");
        command.SetAction(_ => { Console.Out.Write(OutputSchema.ToJson()); return 0; });
        return command;
    }
}
