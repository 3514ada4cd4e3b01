namespace Governance.Grains.Cells;

/// <summary>A cell grain was asked for a cell the city map does not have.</summary>
[GenerateSerializer, Alias("UnknownCellException")]
public sealed class UnknownCellException : Exception
{
    public UnknownCellException(string cellId)
        : base($"The city has no cell '{cellId}'.")
    {
        CellId = cellId;
    }

    public UnknownCellException()
    {
    }

    public UnknownCellException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    [Id(0)]
    public string CellId { get; init; } = "";
}
