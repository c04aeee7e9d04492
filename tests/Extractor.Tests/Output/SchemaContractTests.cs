using System.Text.Json;
using Extractor.Output;
using Extractor.Tests.Support;
using Json.Schema;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Output;

/// <summary>
/// The committed schema is a contract an independent validator (JsonSchema.Net, not the generator's own NJsonSchema)
/// enforces: it rejects what is not an Extractor document and accepts every real output.
/// </summary>
public class SchemaContractTests
{
    private static readonly Lazy<JsonSchema> Committed = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Repo.Root, "schema", "extractor-output.schema.json"))));

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Committed.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(10)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));

    private static JObject Seed() => JObject.Parse(JsonDocumentWriter.Serialize(DocumentCache.Get("urumqi-port-office-2025.office.pdf")));

    [Fact]
    public void The_schema_is_draft_07_with_standard_formats_only()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(Repo.Root, "schema", "extractor-output.schema.json")));
        Assert.Equal(OutputSchema.Draft, (string?)schema["$schema"]);
        Assert.DoesNotContain(schema.Descendants().OfType<JProperty>(), p => p.Name == "format" && p.Value.Type == JTokenType.String);
        Assert.Contains("tables", schema["required"]!.Select(r => (string)r!));
        var record = schema["definitions"]!["TableRecord"]!;
        Assert.Equal(3, record["oneOf"]!.Count());
    }

    [Fact]
    public void An_empty_object_is_rejected() => Assert.False(Evaluate("{}").IsValid);

    [Fact]
    public void A_document_without_tables_is_rejected()
    {
        var json = Seed();
        json.Remove("tables");
        Assert.False(Evaluate(json.ToString()).IsValid);
    }

    [Fact]
    public void A_string_amount_is_rejected()
    {
        var json = Seed();
        var amount = (JObject)json["tables"]!.SelectMany(t => t["records"]!).SelectMany(r => ((JObject)r["amounts"]!).Properties()).First().Value;
        amount["value"] = amount["value"]!.ToString();
        Assert.False(Evaluate(json.ToString()).IsValid);
    }

    [Fact]
    public void A_record_of_an_unknown_type_or_with_a_missing_field_is_rejected()
    {
        var json = Seed();
        var record = (JObject)json["tables"]!.SelectMany(t => t["records"]!).First();
        record["type"] = "mystery";
        Assert.False(Evaluate(json.ToString()).IsValid);
        record = (JObject)Seed()["tables"]!.SelectMany(t => t["records"]!).First();
        var copy = Seed();
        ((JObject)copy["tables"]!.SelectMany(t => t["records"]!).First()).Remove("amounts");
        Assert.False(Evaluate(copy.ToString()).IsValid);
    }

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var pdf in Directory.GetFiles(Repo.Fixture(""), "*.pdf", SearchOption.AllDirectories).Order())
        {
            var relative = Path.GetRelativePath(Repo.Fixture(""), pdf);
            if (!relative.Contains("scanned")) data.Add(relative);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_fixture_and_corpus_output_validates(string pdf)
    {
        var results = Evaluate(JsonDocumentWriter.Serialize(DocumentCache.Get(pdf)));
        Assert.True(results.IsValid, Errors(results));
    }
}
