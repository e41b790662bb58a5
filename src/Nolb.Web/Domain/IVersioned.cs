namespace Nolb.Web.Domain;

/// <summary>
/// A record two people may edit at once. The version changes on every save; a save made against an
/// older version fails instead of silently overwriting the other person's change.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
