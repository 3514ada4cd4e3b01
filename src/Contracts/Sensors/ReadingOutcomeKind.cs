namespace Governance.Contracts.Sensors;

/// <summary>What a reading did to its cell.</summary>
[GenerateSerializer, Alias("ReadingOutcomeKind")]
public enum ReadingOutcomeKind
{
    /// <summary>Applied to the live state.</summary>
    Recorded = 1,

    /// <summary>Crossed the threshold: an alarm case was opened.</summary>
    AlarmRaised = 2,

    /// <summary>Fell back below the threshold: the alarm case got a note.</summary>
    AlarmCleared = 3,

    /// <summary>Older than the sensor's latest reading; not applied.</summary>
    Stale = 4,
}
