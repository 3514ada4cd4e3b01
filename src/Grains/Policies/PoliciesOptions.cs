using System.ComponentModel.DataAnnotations;
using Governance.Contracts.Policies;

namespace Governance.Grains.Policies;

/// <summary>How policies are scored (configuration section "Policies"); a request may give weights of its own.</summary>
public sealed class PoliciesOptions
{
    public const string Section = "Policies";

    [Range(-10.0, 10.0)]
    public double SatisfactionWeight { get; set; } = PolicyWeights.Default.Satisfaction;

    [Range(-10.0, 10.0)]
    public double FundUseWeight { get; set; } = PolicyWeights.Default.FundUse;

    [Range(-10.0, 10.0)]
    public double ComplaintsWeight { get; set; } = PolicyWeights.Default.Complaints;

    /// <summary>
    /// Complaints per 1,000 residents covered at which the complaint part counts in full (load 1); fewer count in
    /// proportion. A fixed scale rather than the quarter's worst policy, so a policy's history compares quarter to quarter.
    /// </summary>
    [Range(0.1, 10_000.0)]
    public double FullComplaintLoadPerThousand { get; set; } = 10;

    public PolicyWeights Weights => new(SatisfactionWeight, FundUseWeight, ComplaintsWeight);
}
