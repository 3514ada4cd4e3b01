namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>The persisted state of the note grains.</summary>
[GenerateSerializer, Alias("Governance.Silo.Tests.Storage.NoteState")]
public sealed class NoteState
{
    [Id(0)]
    public string? Text { get; set; }

    [Id(1)]
    public int Writes { get; set; }
}
