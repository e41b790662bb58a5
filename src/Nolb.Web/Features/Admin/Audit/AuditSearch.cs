using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;

namespace Nolb.Web.Features.Admin.Audit;

/// <summary>
/// The audit trail filtered by person (a participant's reference or id: their record and their engagements), user,
/// action, record, LEP and dates; shared by the search page and its CSV export.
/// </summary>
public sealed record AuditFilter(string? Person, string? Actor, AuditAction? Action, string? Record, string? Lep, DateOnly? From, DateOnly? To)
{
    /// <summary>The filter in words for the audit entry that records the search itself.</summary>
    public string Describe() => string.Join("; ", new[]
    {
        Person is { Length: > 0 } ? $"person {Person}" : null,
        Actor is { Length: > 0 } ? $"user {Actor}" : null,
        Action is { } action ? $"action {action}" : null,
        Record is { Length: > 0 } ? $"record {Record}" : null,
        Lep is { Length: > 0 } ? $"LEP {Lep}" : null,
        From is { } from ? $"from {from:yyyy-MM-dd}" : null,
        To is { } to ? $"to {to:yyyy-MM-dd}" : null,
    }.Where(part => part is not null)) is { Length: > 0 } words ? words : "everything";

    public async Task<IQueryable<AuditEntry>> ApplyAsync(NolbDbContext db, CancellationToken ct)
    {
        var query = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Person))
        {
            var person = Person.Trim();
            var participantId = Guid.TryParse(person, out var id)
                ? id
                : await db.Participants.Where(p => p.Reference == person).Select(p => p.Id).FirstOrDefaultAsync(ct);
            var ids = await db.Engagements.Where(e => e.ParticipantId == participantId).Select(e => e.Id.ToString()).ToListAsync(ct);
            ids.Add(participantId.ToString());
            query = query.Where(a => a.EntityId != null && ids.Contains(a.EntityId));
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var user = Actor.Trim();
            query = Guid.TryParse(user, out var userId)
                ? query.Where(a => a.ActorUserId == userId)
                : query.Where(a => a.ActorEmail != null && a.ActorEmail.Contains(user));
        }

        if (Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(Record))
        {
            var record = Record.Trim();
            query = query.Where(a => a.EntityId == record || a.EntityType == record);
        }

        if (!string.IsNullOrWhiteSpace(Lep))
        {
            var lepId = await db.Leps.Where(l => l.Code == Lep).Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct);
            query = query.Where(a => a.LepId == lepId);
        }

        if (From is { } start)
        {
            var startInstant = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAt >= startInstant);
        }

        if (To is { } end)
        {
            var endInstant = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAt < endInstant);
        }

        return query.OrderByDescending(a => a.Id);
    }

    /// <summary>Every matching entry as CSV; text a spreadsheet would run as a formula (= + - @) is escaped so it stays text.</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<AuditEntry> entries, Stream output, CancellationToken ct)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, configuration);
        csv.WriteHeader<CsvRow>();
        await csv.NextRecordAsync();
        await foreach (var a in entries.WithCancellation(ct))
        {
            csv.WriteRecord(new CsvRow(a.Id, a.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), a.ActorUserId?.ToString(),
                a.ActorEmail, a.Action.ToString(), a.EntityType, a.EntityId, a.LepId?.ToString(), a.IpAddress, a.Detail));
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    public sealed record CsvRow(long Id, string OccurredAtUtc, string? ActorUserId, string? ActorEmail, string Action, string? RecordType, string? RecordId, string? LepId, string? IpAddress, string? Detail);
}
