using System.Data.Common;

namespace Governance.Silo.Storage;

/// <summary>Parameters for our own SQL, the same on SQLite and PostgreSQL.</summary>
internal static class DbCommandExtensions
{
    /// <summary>Adds a named parameter with its value and returns it, so a prepared command can reuse it.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
