using System.Globalization;
using DuckDB.NET.Data;
using Extractor.Cli.Batch;
using Extractor.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Extractor.Tests.Cli;

/// <summary>
/// `--outputs`: extract and batch choose their per-document files from the writer registry by name; each file is
/// checked against the document's JSON, amount for amount.
/// </summary>
public class DocumentOutputsTests
{
    private const string Seed = "urumqi-port-office-2025.office.pdf";

    /// <summary>Every amount of every typed record in the JSON, in its order: page, row, column, printed, value.</summary>
    private static List<(int Page, int Row, int Column, string Printed, decimal Value)> AmountsOf(JObject json) =>
        json["tables"]!.SelectMany(t => t["records"]!).SelectMany(r => ((JObject)r["amounts"]!).Properties())
            .Select(p => ((int)p.Value["page"]!, (int)p.Value["row"]!, (int)p.Value["column"]!, (string)p.Value["text"]!, (decimal)p.Value["value"]!))
            .ToList();

    /// <summary>The same five fields of every row of a facts file, read by DuckDB (CSV as text, Parquet as typed).</summary>
    private static List<(int Page, int Row, int Column, string Printed, decimal Value)> FactsIn(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var from = path.EndsWith(".csv", StringComparison.Ordinal) ? $"read_csv('{path}', all_varchar = true)" : $"'{path}'";
        command.CommandText = $"SELECT page, row_index, column_index, printed, value FROM {from}";
        using var reader = command.ExecuteReader();
        var rows = new List<(int, int, int, string, decimal)>();
        while (reader.Read())
            rows.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetString(3),
                Convert.ToDecimal(reader.GetValue(4), CultureInfo.InvariantCulture)));
        return rows;
    }

    [Fact]
    public void A_batch_writes_each_requested_output_of_the_registry_and_journals_it()
    {
        var input = Directory.CreateTempSubdirectory("extractor-outputs-in-").FullName;
        var output = Directory.CreateTempSubdirectory("extractor-outputs-out-").FullName;
        File.Copy(Repo.Fixture(Seed), Path.Combine(input, "seed.pdf"));

        var (exit, _, stderr) = CliProcess.Run("batch", input, "-o", output, "--outputs", "facts-csv,facts-parquet", "--outputs", "review",
            "--no-warehouse", "--no-progress", "-j", "1");

        Assert.True(exit == 0, stderr);
        var json = JObject.Parse(File.ReadAllText(Path.Combine(output, "seed.json")));
        var amounts = AmountsOf(json);
        Assert.True(amounts.Count > 100, $"only {amounts.Count} amounts in the seed's JSON");
        // The CSV keeps the JSON's order; the Parquet file holds the same rows, typed (value DECIMAL).
        Assert.Equal(amounts, FactsIn(Path.Combine(output, "seed.facts.csv")));
        Assert.Equal(amounts.Order(), FactsIn(Path.Combine(output, "seed.facts.parquet")).Order());
        var html = File.ReadAllText(Path.Combine(output, "seed.review.html"));
        Assert.Contains((string)json["tables"]![0]!["title"]!, html);

        var entry = BatchJournal.ReadLatest(output).Values.Single();
        Assert.Equal(["seed.json", "seed.facts.csv", "seed.facts.parquet", "seed.review.html"], entry.Outputs);
        Assert.Equal(["json", "facts-csv", "facts-parquet", "review"], entry.Requested);

        Directory.Delete(input, true);
        Directory.Delete(output, true);
    }

    [Fact]
    public void An_output_name_the_registry_does_not_know_is_a_usage_error_naming_the_known_ones()
    {
        var output = Directory.CreateTempSubdirectory("extractor-outputs-bad-").FullName;
        var (exit, _, stderr) = CliProcess.Run("batch", Repo.Fixture(Seed), "-o", output, "--outputs", "json,duckdb");
        Assert.Equal(64, exit);
        Assert.Contains("no writer named 'duckdb'", stderr);
        Assert.Contains("facts-csv", stderr);
        Assert.False(File.Exists(Path.Combine(output, BatchJournal.FileName)), "a rejected command must not start the batch");
        Directory.Delete(output, true);
    }

    [Fact]
    public void Extract_writes_the_other_outputs_beside_its_json()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-outputs-extract-").FullName;
        var (exit, _, stderr) = CliProcess.Run("extract", Repo.Fixture(Seed), "-o", Path.Combine(dir, "seed.json"), "--outputs", "facts-csv");
        Assert.True(exit == 0, stderr);
        var json = JObject.Parse(File.ReadAllText(Path.Combine(dir, "seed.json")));
        var csv = Path.Combine(dir, "seed.facts.csv");
        Assert.Equal(AmountsOf(json), FactsIn(csv));
        Assert.NotEqual(0xEF, File.ReadAllBytes(csv)[0]);

        // The writer options: --csv-bom starts the CSV with a byte order mark (Excel), the rows unchanged.
        var (bomExit, _, bomErr) = CliProcess.Run("extract", Repo.Fixture(Seed), "-o", Path.Combine(dir, "bom.json"), "--outputs", "facts-csv", "--csv-bom");
        Assert.True(bomExit == 0, bomErr);
        var bom = Path.Combine(dir, "bom.facts.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(bom)[..3]);
        Assert.Equal(File.ReadAllBytes(csv), File.ReadAllBytes(bom)[3..]);

        var (stdoutExit, _, usage) = CliProcess.Run("extract", Repo.Fixture(Seed), "--outputs", "facts-csv");
        Assert.Equal(64, stdoutExit);
        Assert.Contains("--outputs needs -o", usage);
        Directory.Delete(dir, true);
    }
}
