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

    /// <summary>
    /// An application for the minimum living allowance (低保): the required documents first, then the departments
    /// concerned check the household in parallel, a first review, a second review, a public notice, and disbursement.
    /// </summary>
    Welfare = 4,

    /// <summary>
    /// A rectification task (整改) from an inspection's feedback list: assigned to a responsible person with a deadline,
    /// reported on monthly, escalated when overdue, and closed once the inspection confirms it done.
    /// </summary>
    Rectification = 5,
}
