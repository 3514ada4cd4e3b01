namespace Governance.TestSupport;

/// <summary>The real open data the tests use, shipped in tests/TestData (provenance in its README).</summary>
public static class SharedData
{
    public static string BostonNeighborhoods => Find("boston-neighborhoods.geojson");

    private static string Find(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "TestData", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"tests/TestData/{fileName} was not found in any folder above {AppContext.BaseDirectory}.");
    }
}
