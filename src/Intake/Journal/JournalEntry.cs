using Governance.Contracts.Cases;

namespace Governance.Intake.Journal;

/// <summary>One acknowledged report as the journal keeps it until its effects are stored in the grains.</summary>
/// <param name="Sequence">Position in this journal; dense and increasing.</param>
/// <param name="CellId">The cell the gateway located the report in.</param>
/// <param name="Report">The validated report.</param>
public sealed record JournalEntry(long Sequence, string CellId, IncomingReport Report);
