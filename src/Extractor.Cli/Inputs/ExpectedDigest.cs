using System.Security.Cryptography;

namespace Extractor.Cli.Inputs;

/// <summary>The manifest's SHA-256 for an input, checked against the bytes read.</summary>
public static class ExpectedDigest
{
    public static void Check(InputItem input, byte[] bytes) => Check(input.ExpectedSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>For callers that hashed the bytes already (the batch worker).</summary>
    public static void Check(string? expected, string actual)
    {
        if (expected is not null && actual != expected)
            throw new InputException($"SHA-256 mismatch: the manifest expects {expected}, the file has {actual}");
    }
}
