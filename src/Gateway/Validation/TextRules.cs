namespace Governance.Gateway.Validation;

/// <summary>Checks shared by every text field of the contract.</summary>
internal static class TextRules
{
    /// <summary>Required, at most <paramref name="maxLength"/> characters, no control characters.</summary>
    public static void RequireIdentifier(FieldViolations violations, string field, string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "is required");
        }
        else if (value.Length > maxLength)
        {
            violations.Add(field, $"is {value.Length} characters long; at most {maxLength} are allowed");
        }
        else if (value.Any(char.IsControl))
        {
            violations.Add(field, "must not contain control characters");
        }
    }
}
