using Extractor.Cli.Commands;
using Extractor.Output;

namespace Extractor.Tests.Cli;

public class SchemaCommandTests
{
    /// <summary>The native (AOT) CLI prints the embedded copy instead of generating it: it must be the generated schema.</summary>
    [Fact]
    public void The_embedded_schema_is_the_generated_one() => Assert.True(SchemaCommand.Committed() == OutputSchema.ToJson());
}
