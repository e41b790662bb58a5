using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nolb.Web.Data;

/// <summary>
/// Instants are UTC everywhere. SQLite forgets the kind on the way back and PostgreSQL refuses a
/// non-UTC value for timestamptz, so every DateTime is marked UTC in both directions.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
