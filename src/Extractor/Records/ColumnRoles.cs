namespace Extractor.Records;

/// <summary>Which printed columns hold text (codes, names, remarks) and so never amounts, whatever digits they show.</summary>
public static class ColumnRoles
{
    public static bool IsTextColumn(string name) =>
        name.Contains("编码") || name.Contains("代码") || name.Contains("名称") || name is "类" or "款" or "项" or "备注" or "说明" or "序号";
}
