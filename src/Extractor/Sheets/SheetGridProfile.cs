using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sheets;

/// <summary>What a grid's labels say about it: a sheet's header block, its indicator header, or a list-form header.</summary>
internal sealed record SheetGridProfile(int FieldLabels, string? KindHint, int? LevelHeaderRow, string? ListHeaderKey)
{
    /// <summary>
    /// An indicator header anywhere in the grid, also below the rows searched for labels: a department sheet's
    /// 年度主要任务 block (one row per task, with its amounts) and 年度总体目标 may push it far down.
    /// </summary>
    public bool HasLevelHeaderBelow { get; init; }

    public bool HasHeaderBlock => FieldLabels >= 2 && !IsList;
    public bool IsList => ListHeaderKey is not null;
    public bool StartsWithLevelHeader => LevelHeaderRow == 0;
    public bool IsSheetLike => HasHeaderBlock || LevelHeaderRow is not null || IsList;

    public static SheetGridProfile Of(TableGrid grid, SheetCatalog catalog, SheetOptions options)
    {
        int? levelRow = null;
        var labels = 0;
        int department = 0, project = 0;
        for (var r = 0; r < grid.RowCount && r < options.LabelRows; r++)
        {
            if (IsLevelHeaderRow(grid, r, catalog, options)) { levelRow = r; break; }
            foreach (var cell in grid.CellsStartingInRow(r))
            {
                if (catalog.IsFieldLabel(cell.Text)) labels++;
                if (catalog.IsDepartmentMarker(cell.Text)) department++;
                if (catalog.IsProjectMarker(cell.Text)) project++;
            }
        }
        string? hint = project > 0 ? "项目支出绩效目标表" : department > 0 ? "部门整体绩效目标表" : null;
        var below = levelRow is null && Enumerable.Range(options.LabelRows, Math.Max(0, grid.RowCount - options.LabelRows))
            .Any(r => IsLevelHeaderRow(grid, r, catalog, options));
        return new SheetGridProfile(labels, hint, levelRow, ListKey(grid, catalog)) { HasLevelHeaderBelow = below };
    }

    /// <summary>
    /// The indicator header: a row with at least two of 一级指标 / 二级指标 / 三级指标, or a 三级指标-like column
    /// (`指标名称`, or `绩效指标` holding levels and name in one cell) among at least three indicator columns.
    /// </summary>
    public static bool IsLevelHeaderRow(TableGrid grid, int row, SheetCatalog catalog, SheetOptions options)
    {
        int levels = 0, roles = 0;
        var named = false;
        foreach (var cell in grid.CellsStartingInRow(row))
        {
            if (cell.Text.Length == 0 || cell.Text.Length > options.MaxHeaderLength) continue;
            if (catalog.IsLevelHeader(cell.Text) && ++levels >= 2) return true;
            var role = catalog.IndicatorRole(cell.Text);
            if (role is null) continue;
            roles++;
            named |= role is "level3" or "indicator";
        }
        return named && roles >= 3;
    }

    /// <summary>A list-form header (project name column and a packed 绩效指标 column in the first row): its folded column names.</summary>
    private static string? ListKey(TableGrid grid, SheetCatalog catalog)
    {
        if (grid.RowCount == 0) return null;
        var header = grid.CellsStartingInRow(0).ToList();
        if (!header.Any(c => catalog.IsPackedIndicatorHeader(c.Text)) || !header.Any(c => catalog.IsListNameHeader(c.Text))) return null;
        return string.Join("|", header.Select(c => TextNormalizer.Key(c.Text)));
    }
}
