using Extractor.Geometry;

namespace Extractor.Model;

/// <summary>One glyph as drawn: the published code point(s) and the normalised text used for matching.</summary>
/// <param name="Raw">Text exactly as the text layer gives it (may hold Kangxi radicals, full-width forms).</param>
/// <param name="Text">Normalised text: radicals and compatibility ideographs mapped to unified ideographs.</param>
/// <param name="Box">Glyph outline box, for provenance.</param>
/// <param name="AdvanceLeft">Start of the glyph's advance on the baseline (gap measurement uses advances, not outlines).</param>
/// <param name="AdvanceRight">End of the glyph's advance.</param>
/// <param name="Baseline">Baseline y.</param>
/// <param name="FontSize">Effective size in points.</param>
public sealed record Glyph(string Raw, string Text, Box Box, double AdvanceLeft, double AdvanceRight, double Baseline, double FontSize)
{
    public double CentreX => (Box.Left + Box.Right) / 2;
    public double CentreY => (Box.Bottom + Box.Top) / 2;
    public bool IsWhitespace => string.IsNullOrWhiteSpace(Text);

    /// <summary>Tesseract's confidence (0–100) when the glyph was read by OCR; null for a text-layer glyph.</summary>
    public double? Confidence { get; init; }
}

public enum Orientation { Horizontal, Vertical }

/// <summary>A straight table border. Horizontal: Position is y, Start..End is x. Vertical: Position is x, Start..End is y.</summary>
public sealed record Ruling(Orientation Orientation, double Position, double Start, double End)
{
    public double Length => End - Start;
}

/// <summary>Why a page's text cannot be trusted as data.</summary>
public enum TextLayerProblem { None, NoTextLayer, Undecodable }

/// <summary>One page as the rest of the pipeline sees it: glyphs and rulings in displayed orientation.</summary>
public sealed record PageModel(
    int Number,
    double Width,
    double Height,
    int Rotation,
    IReadOnlyList<Glyph> Glyphs,
    IReadOnlyList<Ruling> Rulings,
    TextLayerProblem Problem,
    string? ProblemDetail)
{
    /// <summary>
    /// 0, or 90/180/270 when most text runs sideways on the displayed page and the page was read turned so that it
    /// reads left to right (the direction the text ran, counter-clockwise): coordinates are then in the turned frame.
    /// </summary>
    public int Turn { get; init; }

    /// <summary>The page was read from its image by OCR (its glyphs carry confidences), not from a text layer.</summary>
    public bool FromOcr { get; init; }
}
