using System.Collections.Concurrent;
using Extractor.Model;
using Extractor.Pipeline;

namespace Extractor.Tests.Support;

/// <summary>Each fixture PDF is extracted once per test run, however many tests read it.</summary>
public static class DocumentCache
{
    private static readonly ConcurrentDictionary<string, Lazy<BudgetDocument>> Cache = new();

    public static BudgetDocument Get(string relativePath) =>
        Cache.GetOrAdd(relativePath, p => new Lazy<BudgetDocument>(() => DocumentExtractor.Extract(Repo.Fixture(p)))).Value;
}
