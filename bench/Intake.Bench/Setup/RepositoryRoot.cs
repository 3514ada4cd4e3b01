namespace Governance.Intake.Bench.Setup;

/// <summary>Finds the repository (the folder holding Governance.Actors.sln) above the bench or the working folder.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Governance.Actors.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
