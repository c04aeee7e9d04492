using CsCheck;
using Extractor.Cli.Inputs;

namespace Extractor.Tests.Scale;

public class ShardTests
{
    [Fact]
    public void For_any_n_the_shares_are_disjoint_and_cover_every_input()
    {
        Gen.Select(Gen.String[1, 60].HashSet[0, 200], Gen.Int[1, 40]).Sample((identities, n) =>
        {
            var shares = Enumerable.Range(0, n).Select(i => new Shard(i, n).Select(identities, s => s)).ToList();
            var all = shares.SelectMany(s => s).ToList();
            return all.Count == identities.Count && all.ToHashSet().SetEquals(identities); // each input in exactly one share
        });
    }

    [Fact]
    public void The_share_is_stable_across_runs_and_machines()
    {
        // Expected values computed outside .NET: int.from_bytes(sha256(s.encode()).digest()[:8], 'big') % n (Python).
        Assert.Equal(2, Shard.Of("https://example.gov.cn/a.pdf", 4));
        Assert.Equal(6, Shard.Of("/data/2025/部门预算.pdf", 7));
        Assert.Equal(0, Shard.Of("x", 3));
        Assert.Equal(8, Shard.Of("https://czj.example.cn/2024/决算.pdf", 16));
        // Order of the input list does not matter.
        var inputs = Enumerable.Range(0, 50).Select(i => $"https://host/{i}.pdf").ToList();
        var shard = new Shard(1, 3);
        Assert.Equal(shard.Select(inputs, s => s).Order(), shard.Select(Enumerable.Reverse(inputs), s => s).Order());
    }

    [Fact]
    public void Shard_specs_parse_from_the_command_line_and_the_cluster()
    {
        Assert.Equal(new Shard(2, 5), Shard.Parse("2/5"));
        Assert.Equal(new Shard(3, 8), Shard.Parse("auto/8", name => name == "JOB_COMPLETION_INDEX" ? "3" : null));
        // A Slurm array numbered from 1 (--array=1-8) still gives shares 0..7.
        var slurm = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "8", ["SLURM_ARRAY_TASK_MIN"] = "1" };
        Assert.Equal(new Shard(7, 8), Shard.Parse("auto/8", slurm.GetValueOrDefault));
        Assert.Contains("0..3", Assert.Throws<InputException>(() => Shard.Parse("4/4")).Message);
        Assert.Contains("JOB_COMPLETION_INDEX", Assert.Throws<InputException>(() => Shard.Parse("auto/4", _ => null)).Message);
        Assert.Throws<InputException>(() => Shard.Parse("1"));
        Assert.Throws<InputException>(() => Shard.Parse("a/b"));
    }
}
