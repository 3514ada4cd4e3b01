namespace Governance.Gateway.Access;

/// <summary>The roles a bearer token can carry, as they are spelled in its "roles" claim.</summary>
public static class Roles
{
    /// <summary>Citizens' apps, hotlines and sensors: they report and rate.</summary>
    public const string Reporter = "reporter";

    /// <summary>A grid worker: full files, visits and edits only in the cells assigned to them (AssignGridWorker).</summary>
    public const string GridWorker = "grid-worker";

    /// <summary>The command centre: registers, dispatches and closes cases.</summary>
    public const string Dispatcher = "dispatcher";

    /// <summary>Civil affairs: residents' files, welfare and care, city-wide.</summary>
    public const string CivilAffairs = "civil-affairs";

    /// <summary>Reads cases, evaluations and the grid; never a full personal file.</summary>
    public const string Analyst = "analyst";

    /// <summary>Everything, including the audit log of profile reads.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Reporter, GridWorker, Dispatcher, CivilAffairs, Analyst, Admin];
}
