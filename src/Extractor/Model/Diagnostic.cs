namespace Extractor.Model;

/// <summary>A problem found while reading, pinned to a page where there is one.</summary>
public sealed record Diagnostic(string Code, string Message, int? Page);
