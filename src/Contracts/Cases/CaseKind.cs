namespace Governance.Contracts.Cases;

/// <summary>What kind of matter a case is; each kind has its own steps. Reports and sensor alarms open incidents.</summary>
[GenerateSerializer, Alias("CaseKind")]
public enum CaseKind
{
    /// <summary>Something wrong in public space, handled through the closed loop of digital urban management.</summary>
    Incident = 1,

    /// <summary>
    /// A petition (信访): received, accepted for handling or declined, answered by a reply deadline, and ended by the
    /// petitioner's acceptance of the reply, or, after one review, by the office concluding it.
    /// </summary>
    Petition = 2,

    /// <summary>
    /// A dispute between residents, mediated at three levels (grid worker, community mediation committee, street
    /// comprehensive governance centre), going up on failure or when a level's time runs out, and ending in a recorded
    /// agreement or a referral.
    /// </summary>
    Dispute = 3,
}
