using Governance.City.Demo;

namespace Governance.City.Tests.Demo;

/// <summary>Generates the default demo city once for all tests of a class.</summary>
public sealed class DemoCityFixture
{
    public DemoCityFixture()
    {
        City = DemoCityGenerator.Generate(Options);
    }

    public static DemoCityOptions Options { get; } = new();

    public DemoCity City { get; }
}
