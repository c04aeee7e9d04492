using Newtonsoft.Json.Linq;

namespace Extractor.Cli.Warehouse;

/// <summary>One column of a warehouse table: its name, DuckDB type and what it means (the README's table is this).</summary>
public sealed record WarehouseColumn(string Name, string SqlType, string Meaning);

/// <summary>A warehouse table; <see cref="DocumentKey"/> names the column holding the document id (a re-load replaces by it).</summary>
public sealed record WarehouseTable(string Name, string DocumentKey, IReadOnlyList<WarehouseColumn> Columns);

/// <summary>
/// One finished document's output as the coordinating process finds it on disk: the JSON it wrote, and where. Row
/// sources read only this, never the extraction's memory, so documents extracted in worker processes load the same
/// way, and a later source (QA review decisions in `NAME.review.json` beside the JSON) can read its own file by
/// <see cref="OutputBase"/>.
/// </summary>
public sealed record DocumentOutput(string DocumentId, string Source, string OutputDirectory, string OutputBase, JObject Json)
{
    public static DocumentOutput Read(string source, string outputDirectory, string outputBase)
    {
        using var text = new StreamReader(Path.Combine(outputDirectory, outputBase + ".json"));
        return Parse(text, source, outputDirectory, outputBase);
    }

    /// <summary>Amounts stay decimal (never double) and date-like strings stay strings.</summary>
    public static DocumentOutput Parse(TextReader text, string source, string outputDirectory = "", string outputBase = "")
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(text)
        {
            FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal,
            DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
        };
        var json = JObject.Load(reader);
        return new DocumentOutput((string?)json["document"]?["sha256"] ?? "", source, outputDirectory, outputBase, json);
    }
}

/// <summary>Turns one document's output into the rows of one warehouse table (values in the table's column order).</summary>
public interface IWarehouseRowSource
{
    WarehouseTable Table { get; }
    IEnumerable<object?[]> Rows(DocumentOutput output);
}

/// <summary>Column type names shared by the row sources.</summary>
public static class SqlTypes
{
    public const string Text = "VARCHAR";
    public const string Int = "INTEGER";
    public const string Bool = "BOOLEAN";
    public const string Real = "DOUBLE";
    public const string Time = "TIMESTAMP";

    /// <summary>Every amount: exact, six decimals (Beijing prints 万元 to six places; nothing published has more).</summary>
    public const string Amount = "DECIMAL(38,6)";
    public const int AmountScale = 6;
}
