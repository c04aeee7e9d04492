using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Extractor.Cli.Inputs;

/// <summary>
/// `--shard i/n`: share i (0-based) of n. A document belongs to the share its identity's SHA-256 picks, so every
/// machine computes the same split from the same inputs without talking to the others, whatever order it lists them
/// in. `auto/n` takes i from the cluster: `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job, 0-based), else
/// `SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN` (a Slurm array started at 0 or at 1 both work).
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public bool Contains(string identity) => Of(identity, Count) == Index;

    public IReadOnlyList<T> Select<T>(IEnumerable<T> items, Func<T, string> identity) =>
        items.Where(i => Contains(identity(i))).ToList();

    /// <summary>The share (0..count-1) of one identity: the first 8 bytes of its UTF-8 SHA-256, modulo count.</summary>
    public static int Of(string identity, int count)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(identity), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    public static Shard Parse(string text, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var count) || count < 1)
            throw new InputException($"--shard {text}: expected i/n with n ≥ 1 (e.g. 0/4), or auto/n");
        int index;
        if (parts[0] == "auto") index = FromCluster(environment, text);
        else if (!int.TryParse(parts[0], out index)) throw new InputException($"--shard {text}: expected i/n with i a number or auto");
        if (index < 0 || index >= count) throw new InputException($"--shard {text}: the index must be in 0..{count - 1}");
        return new Shard(index, count);
    }

    private static int FromCluster(Func<string, string?> environment, string text)
    {
        if (int.TryParse(environment("JOB_COMPLETION_INDEX"), out var k8s)) return k8s;
        if (int.TryParse(environment("SLURM_ARRAY_TASK_ID"), out var slurm))
            return slurm - (int.TryParse(environment("SLURM_ARRAY_TASK_MIN"), out var min) ? min : 0);
        throw new InputException($"--shard {text}: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (Slurm array) is set");
    }

    public override string ToString() => $"{Index}/{Count}";
}
