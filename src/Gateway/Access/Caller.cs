namespace Governance.Gateway.Access;

/// <summary>Who makes a call, as their bearer token says: a subject (worker or app id), a display name and roles.</summary>
public sealed record Caller(string Subject, string Name, IReadOnlySet<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role);

    /// <summary>Civil affairs and admins see every resident's full file; a grid worker only in their own cells.</summary>
    public bool SeesEveryFullProfile => Has(Access.Roles.CivilAffairs) || Has(Access.Roles.Admin);

    public override string ToString() => $"{Subject} ({string.Join(", ", Roles.Order(StringComparer.Ordinal))})";
}
