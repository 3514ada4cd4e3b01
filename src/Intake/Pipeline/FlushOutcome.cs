namespace Governance.Intake.Pipeline;

/// <summary>What a checkpoint's flush of the cells came to.</summary>
internal enum FlushOutcome
{
    /// <summary>Every cell touched was stored by the activation that took its reports.</summary>
    Stored,

    /// <summary>A cell failed to store; it stays dirty for the next flush.</summary>
    Failed,

    /// <summary>A cell's reports were taken by an activation that is gone: the journal after the checkpoint must be replayed.</summary>
    ActivationLost,
}
