using Xunit;

namespace Governance.TestSupport;

/// <summary>
/// What a test does when a program it needs is not installed (PostgreSQL, Chromium): skip with the reason, or fail when
/// the program's variable is 1, as CI sets it, so that a broken install cannot hide as skips.
/// </summary>
public static class MissingTool
{
    /// <summary>Whether <paramref name="requireVariable"/> asks for the program to be present.</summary>
    public static bool IsRequired(string requireVariable) => Environment.GetEnvironmentVariable(requireVariable) == "1";

    /// <summary>The exception to throw: a skip saying <paramref name="message"/>, or a failure when the program is required.</summary>
    public static Exception SkipOrFail(string message, string requireVariable) => IsRequired(requireVariable)
        ? new InvalidOperationException($"{message} {requireVariable}=1, so this is a failure, not a skip.")
        : new SkipException(message);
}
