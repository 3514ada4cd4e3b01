using Governance.TestSupport;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>The real Boston data in tests/TestData and the mapping shipped beside the tool.</summary>
public static class TestFiles
{
    public static string BostonNeighborhoods => SharedData.BostonNeighborhoods;

    /// <summary>tests/TestData/boston-311-2025-open-cases.csv: 2,424 open cases of 2025, two without coordinates.</summary>
    public static string Boston311 => Path.Combine(Path.GetDirectoryName(SharedData.BostonNeighborhoods)!, "boston-311-2025-open-cases.csv");

    /// <summary>src/Cli/Mappings/boston-311.json as the build copies it next to the tool (and so next to the tests).</summary>
    public static string BostonMapping => Path.Combine(AppContext.BaseDirectory, "Mappings", "boston-311.json");
}
