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
    public List<LevelEntry>? Mediation { get; set; }

    /// <summary>How a welfare application goes: required documents, the departments that check it, its reviews and notice.</summary>
    public WelfareEntry? Welfare { get; set; }

    /// <summary>A department and its time: a level of mediation, a review.</summary>
    internal sealed class LevelEntry
    {
        public string? Department { get; set; }

        public string? Limit { get; set; }
    }

    internal sealed class WelfareEntry
    {
        /// <summary>Document kinds, e.g. "id_card"; the built-in three when left out.</summary>
        public List<string?>? RequiredDocuments { get; set; }

        /// <summary>The departments that check the household in parallel.</summary>
        public List<string?>? Approvers { get; set; }

        public string? ApprovalLimit { get; set; }

        public LevelEntry? FirstReview { get; set; }

        public LevelEntry? SecondReview { get; set; }

        public string? NoticePeriod { get; set; }
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
