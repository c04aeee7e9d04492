using System.Security.Cryptography;

namespace Extractor.Cli.Inputs;

/// <summary>The manifest's SHA-256 for an input, checked against the bytes read.</summary>
public static class ExpectedDigest
{
    public static void Check(InputItem input, byte[] bytes)
    {
        if (input.ExpectedSha256 is not { } expected) return;
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != expected) throw new InputException($"SHA-256 mismatch: the manifest expects {expected}, the file has {actual}");
    }
}
