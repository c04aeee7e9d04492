using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sheets;

/// <summary>
/// Finds the sheets of a document by their titles and labels, never by page: walks the grids in reading order, starts a
/// sheet at a grid under a sheet title or a grid with a sheet's header block, and adds the grids that continue it on the
/// following pages (indicator rows, with or without a repeated header or title).
/// </summary>
/// <param name="options">title length, continuation edges and running heads (<see cref="SheetOptions"/>)</param>
internal sealed class SheetLocator(SheetOptions options)
{
    private int MaxTitleLength => options.MaxTitleLength;
    private int MaxLinesAboveContinuation => options.MaxLinesAboveContinuation;
    private double EdgeTolerance => options.ContinuationEdgeTolerance;

    private sealed record PlacedGrid(TableGrid Grid, TableTitle? TableTitle, bool FirstOfTable);

    public List<SheetCandidate> Locate(IReadOnlyList<TableGrid> untitledGrids, IReadOnlyList<TextLine> lines, IReadOnlyList<StructuredTable> titledTables, SheetCatalog catalog)
    {
        var placed = untitledGrids.Select(g => new PlacedGrid(g, null, false)).ToList();
        foreach (var table in titledTables)
            if (catalog.KindOfTitle(table.Title.Title) is not null)
                placed.AddRange(table.Grids.Select((g, i) => new PlacedGrid(g, table.Title, i == 0)));
        placed.Sort((a, b) => a.Grid.Page != b.Grid.Page ? a.Grid.Page.CompareTo(b.Grid.Page) : b.Grid.Box.Top.CompareTo(a.Grid.Box.Top));

        var linesByPage = lines.GroupBy(l => l.Page).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.Box.Top).ToList());
        var sheets = new List<SheetCandidate>();
        SheetCandidate? open = null;
        var previousPage = -1;
        var previousBottom = double.PositiveInfinity;

        foreach (var (grid, tableTitle, firstOfTable) in placed)
        {
            var firstOnPage = grid.Page != previousPage;
            var ceiling = firstOnPage ? double.PositiveInfinity : previousBottom;
            previousPage = grid.Page;
            previousBottom = grid.Box.Bottom;

            var above = linesByPage.TryGetValue(grid.Page, out var pageLines)
                ? pageLines.Where(l => l.Box.Bottom >= grid.Box.Top - 1 && l.Box.Top <= ceiling + 1).ToList()
                : [];
            var heading = ReadHeading(above, catalog);
            var profile = SheetGridProfile.Of(grid, catalog, options);

            if (open is not null && ContinuesOpen(open, grid, profile, heading, above, firstOnPage))
            {
                open.Add(grid);
                continue;
            }
            open = null;
            // Under a sheet's own title, an indicator header further down makes the grid a sheet whatever stands above it.
            var titledSheet = (tableTitle is not null || heading.Kind is not null) && profile.HasLevelHeaderBelow;
            if (heading.Foreign || !profile.IsSheetLike && !titledSheet) continue;

            var kind = tableTitle is not null ? catalog.KindOfTitle(tableTitle.Title) : heading.Kind;
            // Without a title, only a header block of sheet labels makes a grid a sheet.
            if (tableTitle is null && heading.Title is null && !profile.HasHeaderBlock) continue;
            kind ??= profile.KindHint ?? "项目支出绩效目标表";
            var title = tableTitle?.Title ?? heading.Title?.Text ?? kind;
            // A `表N` title repeated on every page was joined into one table by the structure stage: each sheet keeps its own page.
            var titlePage = tableTitle is not null ? (firstOfTable ? tableTitle.Page : grid.Page) : heading.Title?.Page;
            open = new SheetCandidate(kind, title, heading.Subtitle, titlePage, heading.Fields, profile.IsList)
            {
                ListHeaderKey = profile.ListHeaderKey,
            };
            open.Add(grid);
            sheets.Add(open);
        }
        return sheets;
    }

    private bool ContinuesOpen(SheetCandidate open, TableGrid grid, SheetGridProfile profile, Heading heading, List<TextLine> above, bool firstOnPage)
    {
        if (!firstOnPage || grid.Page != open.LastGrid.Page + 1 || profile.HasHeaderBlock) return false;
        // A title above the grid is allowed only when it repeats the open sheet's title (list sheets repeat it on every page).
        if (heading.Title is not null && TextNormalizer.Key(heading.Title.Text) != TextNormalizer.Key(open.Title)) return false;
        if (heading.Foreign) return false;
        var last = open.LastGrid;
        // The same column edges on the next page are the sheet's own signature: text above such a grid is a row whose
        // top rule is missing, not a heading of something else.
        var sameColumns = grid.ColumnCount == last.ColumnCount
            && grid.ColumnEdges.Zip(last.ColumnEdges).All(e => Math.Abs(e.First - e.Second) <= EdgeTolerance);
        var otherLines = above.Count(l => !ReferenceEquals(l, heading.Title) && !heading.Consumed.Contains(l) && !l.Compact().All(char.IsAsciiDigit));
        if (otherLines > MaxLinesAboveContinuation && !sameColumns) return false;
        if (open.IsList) return profile.ListHeaderKey == open.ListHeaderKey || (sameColumns && profile.ListHeaderKey is null);
        var sameEdges = Math.Abs(grid.Box.Left - last.Box.Left) <= EdgeTolerance && Math.Abs(grid.Box.Right - last.Box.Right) <= EdgeTolerance;
        return profile.StartsWithLevelHeader || sameEdges || grid.ColumnCount == last.ColumnCount;
    }

    /// <summary>The lines above a grid read as a heading: the sheet title, its `（2025 年）` subtitle and `标签：值` label lines.</summary>
    private sealed record Heading(TextLine? Title, string? Kind, string? Subtitle, List<SheetField> Fields, HashSet<TextLine> Consumed, bool Foreign);

    private Heading ReadHeading(List<TextLine> above, SheetCatalog catalog)
    {
        var consumed = new HashSet<TextLine>();
        var fields = new List<SheetField>();
        TextLine? title = null;
        string? kind = null;
        var titleIndex = -1;
        // Closest line to the grid first: the title is the nearest heading above the grid.
        for (var i = above.Count - 1; i >= 0; i--)
        {
            var line = above[i];
            if (line.Compact().Length > MaxTitleLength || line.Compact().Contains('。')) continue;
            if (catalog.KindOfTitle(line.Text) is { } k) { title = line; kind = k; titleIndex = i; break; }
            if (catalog.IsGenericSheetTitle(line.Text)) { title = line; titleIndex = i; break; }
            // Another table's title between a sheet title and the grid: this grid is not a sheet.
            if (IsOtherTitle(line.Compact()))
                return new Heading(null, null, null, fields, consumed, true);
        }
        if (title is null)
        {
            // A `表N` title was taken by the structure stage; its `（2026年度）` line may still stand above the grid.
            var sub = above.LastOrDefault(l => IsSubtitle(l.Compact()));
            if (sub is not null) consumed.Add(sub);
            return new Heading(null, null, sub?.Text, fields, consumed, false);
        }

        string? subtitle = null;
        for (var i = titleIndex + 1; i < above.Count; i++)
        {
            var line = above[i];
            var compact = line.Compact();
            if (subtitle is null && i == titleIndex + 1 && IsSubtitle(compact))
            {
                subtitle = line.Text;
                consumed.Add(line);
                continue;
            }
            var colon = compact.IndexOfAny(['：', ':']);
            if (colon is > 0 and <= 10 && compact.Length <= 60)
            {
                var at = line.Text.IndexOfAny(['：', ':']);
                fields.Add(new SheetField(line.Text[..at].Trim(), new SheetValue(line.Text[(at + 1)..].Trim(), line.At), null));
                consumed.Add(line);
            }
            // A label without a colon and its value set apart on the same baseline (`部门（单位）名称      西安市气象局`).
            else if (!consumed.Contains(line) && catalog.IsFieldLabel(line.Text) && ValueBeside(line, above) is { } value)
            {
                fields.Add(new SheetField(line.Text.Trim(), new SheetValue(value.Text.Trim(), value.At), null));
                consumed.Add(line);
                consumed.Add(value);
            }
        }
        return new Heading(title, kind, subtitle, fields, consumed, false);
    }

    /// <summary>The nearest line to the right of <paramref name="label"/> on its baseline, unless it is a label too.</summary>
    private static TextLine? ValueBeside(TextLine label, List<TextLine> above)
    {
        var tolerance = 0.3 * label.FontSize;
        return above.Where(l => !ReferenceEquals(l, label) && l.Page == label.Page && l.Box.Left > label.Box.Right
                && Math.Abs(l.Box.Bottom - label.Box.Bottom) <= tolerance && !l.Compact().Contains('：'))
            .OrderBy(l => l.Box.Left).FirstOrDefault();
    }

    private static bool IsSubtitle(string compact) => compact.Length is > 2 and <= 16 && compact[0] is '（' or '(' && compact.Contains('年');

    private bool IsOtherTitle(string compact) =>
        compact.Length <= MaxTitleLength && (compact.EndsWith('表') || compact.StartsWith('表') && compact.Length > 1 && char.IsAsciiDigit(compact[1]));
}
