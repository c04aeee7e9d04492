using Extractor.Geometry;

namespace Extractor.Model;

/// <summary>A run of glyphs on one baseline, read left to right, with spaces where the gaps say so.</summary>
public sealed record TextLine(string Text, string Raw, Provenance At, double FontSize, IReadOnlyList<Glyph> Glyphs)
{
    public int Page => At.Page;
    public Box Box => At.Box;
}
