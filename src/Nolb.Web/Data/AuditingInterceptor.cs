using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Web.Data;

/// <summary>
/// Writes an audit line for every created, changed and deleted record in the same transaction as the
/// change, bumps the version of records two people may edit, and refuses to change the audit trail.
/// </summary>
public sealed class AuditingInterceptor(CurrentUser currentUser, TimeProvider clock, ImportSource importSource) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Prepare(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prepare(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Prepare(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State != EntityState.Added)
                {
                    throw new InvalidOperationException("The audit trail is append-only: its entries cannot be changed or deleted.");
                }

                continue;
            }

            // Anonymous feedback must not be linkable to the account that gave it, by actor or by time.
            if (entry.State == EntityState.Added && entry.Entity is Domain.Voice.IUnlinkable { IsAnonymous: true })
            {
                continue;
            }

            // Signing in and out are audited as such (AuditLog); the session rows behind them would only repeat it.
            // An import's bookkeeping of the LEP's references; the records it made are audited as imported.
            if (entry.Entity is UserSession or Domain.CaseloadImport.ImportedRecord)
            {
                continue;
            }

            // A reference dataset's load is audited once, on the dataset; not each of its many rows.
            if (entry.Entity is Domain.Measurement.IReferenceDataRow)
            {
                continue;
            }

            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version = Guid.NewGuid();
            }

            context.Add(Describe(entry, now));
        }
    }

    private AuditEntry Describe(EntityEntry entry, DateTime now)
    {
        var action = entry.State switch
        {
            EntityState.Added when importSource.Description is not null => AuditAction.Imported,
            EntityState.Added => AuditAction.Create,
            EntityState.Deleted => AuditAction.Delete,
            _ => AuditAction.Update,
        };
        var changed = entry.State == EntityState.Modified
            // Identity's store marks every column modified; name only the ones whose value really changed.
            ? string.Join(", ", entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name))
            : null;
        if (importSource.Description is { } source)
        {
            changed = changed is null ? source : $"{changed} ({source})";
        }

        var key = entry.Metadata.FindPrimaryKey()?.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture));
        var lepId = entry.Metadata.FindProperty("LepId") is not null ? entry.Property("LepId").CurrentValue as Guid? : null;
        return new AuditEntry
        {
            OccurredAt = now,
            ActorUserId = currentUser.Id,
            ActorEmail = currentUser.Email,
            Action = action,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = key is null ? null : string.Join("/", key),
            LepId = lepId,
            IpAddress = currentUser.IpAddress,
            Detail = changed is { Length: > 2000 } ? changed[..2000] : changed,
        };
    }
}

/// <summary>
/// Set for the length of a caseload import, so every record it writes is audited as imported, naming the source file
/// (an auditor asking "where did this come from?" gets the file, not just the manager's name).
/// </summary>
public sealed class ImportSource
{
    public string? Description { get; set; }
}
