using Extractor.Model;
using Newtonsoft.Json.Linq;

namespace Extractor.Diagnostics;

/// <summary>
/// The reconciliation fails checked on the page and listed with their cause (fixtures/corpus/reconciliation-expectations.json:
/// file, rule, table, row, column, printed, computed, cause `publication` or `misread`). A fail is identified by what it
/// states, not by its position in the output, so a listing survives unrelated changes.
/// </summary>
public sealed class FailExpectations
{
    /// <summary>The cause of a fail nobody has checked yet.</summary>
    public const string Unlisted = "unlisted";

    private readonly Dictionary<string, string> causes;

    private FailExpectations(Dictionary<string, string> causes) => this.causes = causes;

    public static FailExpectations None { get; } = new([]);

    /// <summary>One listed fail: the file and what the check states.</summary>
    public static string Key(string file, string rule, string? table, string? row, string? column, string? printed, string? computed) =>
        $"{file} [{rule}] {table} “{row}” {column}: printed {printed}, computed {computed}";

    /// <summary>The key of a fail as the reconciliation reports it: its first cell names table, row and column.</summary>
    public static string Key(string file, Check fail)
    {
        var first = fail.Cells.FirstOrDefault();
        return Key(file, fail.RuleId, first?.Source, first?.RowLabel, first?.ColumnName, fail.Expected, fail.Actual);
    }

    public static FailExpectations Load(string path)
    {
        var listed = new Dictionary<string, string>();
        if (JObject.Parse(File.ReadAllText(path))["fails"] is not JArray fails) throw new InvalidDataException("no `fails` list");
        foreach (var e in fails.OfType<JObject>())
        {
            string Required(string name) => (string?)e[name] ?? throw new InvalidDataException($"a fail without `{name}`");
            listed[Key(Required("file"), Required("rule"), (string?)e["table"], (string?)e["row"], (string?)e["column"],
                (string?)e["printed"], (string?)e["computed"])] = Required("cause");
        }
        return new FailExpectations(listed);
    }

    /// <summary>`publication`, `misread`, or <see cref="Unlisted"/>.</summary>
    public string CauseOf(string file, Check fail) => causes.GetValueOrDefault(Key(file, fail), Unlisted);
}
