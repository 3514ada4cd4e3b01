namespace Governance.Contracts.Cases;

/// <summary>What kind of matter a case is; each kind has its own steps. Reports and sensor alarms open incidents.</summary>
[GenerateSerializer, Alias("CaseKind")]
public enum CaseKind
{
    /// <summary>Something wrong in public space, handled through the closed loop of digital urban management.</summary>
    Incident = 1,
}
