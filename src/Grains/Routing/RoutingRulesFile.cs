namespace Governance.Grains.Routing;

/// <summary>The rules file as written (JSON); <see cref="RoutingRules"/> checks it whole and resolves it.</summary>
internal sealed class RoutingRulesFile
{
    public List<DepartmentEntry> Departments { get; set; } = [];

    public string? Default { get; set; }

    /// <summary>The limit of each kind of deadline, e.g. "immediate": "4h"; kinds left out keep the built-in limits.</summary>
    public Dictionary<string, string> Deadlines { get; set; } = [];

    /// <summary>The kind of deadline of a category no rule gives one.</summary>
    public string? DefaultDeadline { get; set; }

    /// <summary>Who an overdue case is escalated to, level by level.</summary>
    public List<string>? Escalation { get; set; }

    public List<RuleEntry> Rules { get; set; } = [];

    /// <summary>A dispute's three levels of mediation, lowest first: who mediates, and for how long.</summary>
    public List<MediationEntry>? Mediation { get; set; }

    internal sealed class MediationEntry
    {
        public string? Department { get; set; }

        public string? Limit { get; set; }
    }

    internal sealed class DepartmentEntry
    {
        public string? Code { get; set; }

        public string? Name { get; set; }
    }

    internal sealed class RuleEntry
    {
        public string? Category { get; set; }

        public string? Department { get; set; }

        /// <summary>immediate, committed or coordinated; the file's default kind when left out.</summary>
        public string? Deadline { get; set; }

        /// <summary>This category's own limit, e.g. "2h"; the kind's limit when left out.</summary>
        public string? Limit { get; set; }
    }
}
