namespace Governance.Gateway.Access;

public static class MethodNames
{
    /// <summary>A gRPC method path as people say it: "/governance.v1.CaseService/GetCase" is CaseService.GetCase.</summary>
    public static string Spoken(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        if (slash <= 0)
        {
            return path;
        }

        var service = path[1..slash];
        return $"{service[(service.LastIndexOf('.') + 1)..]}.{path[(slash + 1)..]}";
    }
}
