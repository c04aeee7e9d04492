using Extractor.Cli.Warehouse;
using Extractor.Output;
using Extractor.Model;

namespace Extractor.Tests.Support;

/// <summary>A fact row by its column names, for readable assertions.</summary>
public sealed record FactView(string DocumentId, string? Department, int? Year, string DocumentKind, string TableKind, int? TableNumber,
    string? Unit, string RecordType, string RowLabel, string? RowCode, int? CodeLevel, bool IsTotal, string ColumnPath, string? ColumnId,
    string Printed, decimal Value, decimal? ValueYuan, int Page, int Row, int Column);

/// <summary>The facts the warehouse gets for a document: from its JSON, as batch writes it.</summary>
public static class Facts
{
    public static DocumentOutput Output(BudgetDocument document) =>
        DocumentOutput.Parse(new StringReader(JsonDocumentWriter.Serialize(document)), document.Info.SourceFile);

    public static List<FactView> Of(BudgetDocument document)
    {
        var source = new FactRows();
        var names = source.Table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return source.Rows(Output(document)).Select(r => new FactView((string)r[names["document_id"]]!, (string?)r[names["department"]],
            (int?)r[names["year"]], (string)r[names["document_kind"]]!, (string)r[names["table_kind"]]!, (int?)r[names["table_number"]],
            (string?)r[names["unit"]], (string)r[names["record_type"]]!, (string)r[names["row_label"]]!, (string?)r[names["row_code"]],
            (int?)r[names["code_level"]], (bool)r[names["is_total"]]!, (string)r[names["column_path"]]!, (string?)r[names["column_id"]],
            (string)r[names["printed"]]!, (decimal)r[names["value"]]!, (decimal?)r[names["value_yuan"]], (int)r[names["page"]]!,
            (int)r[names["row_index"]]!, (int)r[names["column_index"]]!)).ToList();
    }
}
