namespace Extractor.Geometry;

/// <summary>An axis-aligned rectangle in PDF user space as displayed (origin bottom-left, y up), in points.</summary>
public readonly record struct Box(double Left, double Bottom, double Right, double Top)
{
    public double Width => Right - Left;
    public double Height => Top - Bottom;
    public double CentreX => (Left + Right) / 2;
    public double CentreY => (Bottom + Top) / 2;

    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Bottom && y <= Top;

    public Box Union(Box other) => new(
        Math.Min(Left, other.Left), Math.Min(Bottom, other.Bottom),
        Math.Max(Right, other.Right), Math.Max(Top, other.Top));

    public bool Intersects(Box other, double tolerance = 0) =>
        Left <= other.Right + tolerance && other.Left <= Right + tolerance &&
        Bottom <= other.Top + tolerance && other.Bottom <= Top + tolerance;

    public double[] ToArray() => [Math.Round(Left, 2), Math.Round(Bottom, 2), Math.Round(Right, 2), Math.Round(Top, 2)];

    public static Box? UnionAll(IEnumerable<Box> boxes)
    {
        Box? result = null;
        foreach (var b in boxes) result = result is { } r ? r.Union(b) : b;
        return result;
    }
}
