namespace Extractor.Cli.Inputs;

/// <summary>
/// A manifest: one input per line, a local path (relative to the manifest's folder) or an http(s) URL, optionally a
/// tab and the expected SHA-256 of the file. Blank lines and lines starting with `#` are skipped.
/// </summary>
public static class Manifest
{
    public static IEnumerable<InputItem> Read(TextReader reader, string baseDirectory, string origin)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var parts = text.Split('\t', 2, StringSplitOptions.TrimEntries);
            var sha = parts.Length > 1 && parts[1].Length > 0 ? ParseSha256(parts[1], origin, number) : null;
            yield return InputIdentity.LooksLikeUrl(parts[0])
                ? InputItem.Url(parts[0], sha)
                : InputItem.File(Path.Combine(baseDirectory, parts[0]), sha);
        }
    }

    private static string ParseSha256(string text, string origin, int line)
    {
        var hex = text.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? text[7..] : text;
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            throw new InputException($"{origin}: line {line}: expected a SHA-256 (64 hex digits) after the tab, found \"{text}\"");
        return hex.ToLowerInvariant();
    }
}

/// <summary>An input argument that cannot be understood at all (not one document's failure: the whole command stops).</summary>
public sealed class InputException(string message) : Exception(message);
