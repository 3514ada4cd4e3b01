namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>What a note grain holds after activation: its text, how often it was written, and whether a row exists.</summary>
[GenerateSerializer, Immutable, Alias("Governance.Silo.Tests.Storage.NoteSnapshot")]
public sealed record class NoteSnapshot([property: Id(0)] string? Text, [property: Id(1)] int Writes, [property: Id(2)] bool RecordExists);
