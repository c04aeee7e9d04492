using Extractor.Geometry;

namespace Extractor.Model;

/// <summary>
/// Where a printed value stands: its page (1-based) and its box in PDF points. One value carried by every record read
/// off a page (an amount, a cell, a title, a line), so provenance is declared once. A value type: an amount is made for
/// every printed number, and a struct adds no allocation; equality is by page and box.
/// </summary>
public readonly record struct Provenance(int Page, Box Box);
