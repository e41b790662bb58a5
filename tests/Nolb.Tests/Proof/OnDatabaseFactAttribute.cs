using Nolb.Web.Data;

namespace Nolb.Tests.Proof;

/// <summary>
/// A fact that proves something only one database can show (a file taken away, a server stopped): on the other
/// database it is reported as skipped, with the reason, rather than passing without asserting anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnDatabaseFactAttribute : FactAttribute
{
    public OnDatabaseFactAttribute(DatabaseProvider provider, string otherwise)
    {
        if (TestDatabase.ConfiguredProvider != provider)
        {
            Skip = $"Runs on {provider} only: {otherwise}";
        }
    }
}
