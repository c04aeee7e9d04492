using Extractor.Model;

namespace Extractor.Sheets;

/// <summary>The parts of one sheet as the locator found them: kind, title lines, label lines above the grid, and its grids in order.</summary>
internal sealed class SheetCandidate(string kind, string title, string? subtitle, int? titlePage, IReadOnlyList<SheetField> metaFields, bool isList)
{
    private readonly List<TableGrid> _grids = [];

    public string Kind => kind;
    public string Title => title;
    public string? Subtitle => subtitle;
    public int? TitlePage => titlePage;
    public IReadOnlyList<SheetField> MetaFields => metaFields;
    public bool IsList => isList;
    public IReadOnlyList<TableGrid> Grids => _grids;
    public TableGrid LastGrid => _grids[^1];
    public string? ListHeaderKey { get; init; }

    public void Add(TableGrid grid) => _grids.Add(grid);
}
