namespace Governance.Intake.Bench.Echo;

/// <summary>A fault the echo server can be told to make, to see the bench's ack checks fail as they should.</summary>
public enum EchoFault
{
    /// <summary>Every report gets its ack, in order.</summary>
    None,

    /// <summary>Every 1000th report gets no ack.</summary>
    Drop,

    /// <summary>Every 1000th report's ack is sent after the next one's.</summary>
    Reorder,

    /// <summary>After 1000 reports of a stream, no more acks (the stream stays open).</summary>
    Stall,
}
