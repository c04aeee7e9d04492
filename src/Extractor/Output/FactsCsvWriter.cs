using System.Globalization;
using System.Text;
using Extractor.Model;
using Extractor.Records;
using Extractor.Text;

namespace Extractor.Output;

/// <summary>One amount cell as a flat row: what a warehouse loads.</summary>
public sealed record Fact(
    string SourceFile,
    string Sha256,
    int? TableNumber,
    string TableKind,
    string TableTitle,
    string? Unit,
    int Page,
    int Row,
    int Column,
    string ColumnPath,
    string? RowCode,
    string RowLabel,
    string? Project,
    string Printed,
    decimal Value,
    decimal? ValueYuan,
    double[] Box);

/// <summary>
/// Flattens every amount of every table into facts and writes them as RFC 4180 CSV (UTF-8, header row, invariant
/// culture, decimals exactly as parsed) — one file per document, loadable with any warehouse's CSV loader.
/// </summary>
public static class FactsCsvWriter
{
    public static readonly string[] Header =
    [
        "source_file", "sha256", "table_number", "table_kind", "table_title", "unit", "page", "row", "column",
        "column_path", "row_code", "row_label", "project", "printed", "value", "value_yuan",
        "box_left", "box_bottom", "box_right", "box_top",
    ];

    public static IEnumerable<Fact> Facts(BudgetDocument document)
    {
        foreach (var table in document.Tables)
        {
            var s = table.Structure;
            // Which record describes a given amount cell (summary tables hold two records per row).
            var owner = new Dictionary<(int, int), TableRecord>();
            foreach (var record in table.Records)
                foreach (var amount in record.Amounts.Values)
                    owner[(amount.Row, amount.Column)] = record;

            for (var r = 0; r < s.Rows.Count; r++)
            {
                var row = s.Rows[r];
                for (var c = 0; c < row.Count; c++)
                {
                    var cell = row[c];
                    if (!AmountParser.TryParse(cell.Text, out var value)) continue;
                    if (c < s.Columns.Count && ColumnRoles.IsTextColumn(s.Columns[c].Name)) continue;
                    owner.TryGetValue((r, c), out var record);
                    var (code, label, project) = Describe(record, row);
                    yield return new Fact(document.Info.SourceFile, document.Info.Sha256, table.Number, table.Kind, table.Title, s.Unit,
                        cell.Page, r, c, c < s.Columns.Count ? s.Columns[c].Key : "", code, label, project, cell.Text, value,
                        table.UnitFactor is { } f ? value * f : null, cell.Box.ToArray());
                }
            }
        }
    }


    private static (string? Code, string Label, string? Project) Describe(TableRecord? record, IReadOnlyList<Cell> row) => record switch
    {
        ClassifiedRecord c => (c.Code, c.Name, c.Project),
        SummaryRecord s => (s.Code, s.Name, null),
        ItemRecord i => (null, i.Label, null),
        _ => (null, row.FirstOrDefault(x => x.Text.Length > 0 && !AmountParser.TryParse(x.Text, out _))?.Text ?? "", null),
    };

    public static string ToCsv(BudgetDocument document)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Header)).Append("\r\n");
        foreach (var f in Facts(document))
        {
            string[] fields =
            [
                f.SourceFile, f.Sha256, f.TableNumber?.ToString(CultureInfo.InvariantCulture) ?? "", f.TableKind, f.TableTitle, f.Unit ?? "",
                f.Page.ToString(CultureInfo.InvariantCulture), f.Row.ToString(CultureInfo.InvariantCulture), f.Column.ToString(CultureInfo.InvariantCulture),
                f.ColumnPath, f.RowCode ?? "", f.RowLabel, f.Project ?? "", f.Printed, f.Value.ToString(CultureInfo.InvariantCulture),
                f.ValueYuan?.ToString(CultureInfo.InvariantCulture) ?? "",
                .. f.Box.Select(b => b.ToString(CultureInfo.InvariantCulture)),
            ];
            sb.Append(string.Join(",", fields.Select(Quote))).Append("\r\n");
        }
        return sb.ToString();
    }

    public static void WriteAtomically(string path, BudgetDocument document) => AtomicFile.Write(path, ToCsv(document));

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
