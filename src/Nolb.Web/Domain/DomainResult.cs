namespace Nolb.Web.Domain;

/// <summary>
/// The outcome of a domain operation: a value, or an expected failure naming the field it concerns
/// (mapped to a validation problem at the edge). Exceptions are kept for the unexpected.
/// </summary>
public sealed record DomainResult<T>(T? Value, string? Field, string? Error)
{
    public bool Succeeded => Error is null;
}

public static class DomainResult
{
    public static DomainResult<T> Ok<T>(T value) => new(value, null, null);

    public static DomainResult<T> Fail<T>(string field, string error) => new(default, field, error);
}
