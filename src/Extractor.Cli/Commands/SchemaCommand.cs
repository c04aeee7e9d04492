using System.CommandLine;
using System.Runtime.CompilerServices;
using Extractor.Output;

namespace Extractor.Cli.Commands;

/// <summary>`schema`: prints the JSON Schema of the output (the committed copy is schema/extractor-output.schema.json).</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema (draft-04) of the extract/batch JSON output");
        command.SetAction(_ => { Console.Out.Write(RuntimeFeature.IsDynamicCodeSupported ? OutputSchema.ToJson() : Committed()); return 0; });
        return command;
    }

    /// <summary>
    /// The committed schema, embedded in the CLI: the native (AOT) form cannot run the generator (NJsonSchema binds
    /// `dynamic` at run time), and the tests keep this copy equal to what the generator prints.
    /// </summary>
    public static string Committed()
    {
        using var stream = typeof(SchemaCommand).Assembly.GetManifestResourceStream("extractor-output.schema.json")
            ?? throw new InvalidOperationException("the committed schema is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
