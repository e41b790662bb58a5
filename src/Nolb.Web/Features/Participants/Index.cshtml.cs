using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>Find a person in the LEP by name, date of birth or reference.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class IndexModel(NolbDbContext db, CurrentUser currentUser) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<Row> Results { get; private set; } = [];
    public int Total { get; private set; }

    public sealed record Row(Guid Id, string Reference, string Name, DateOnly DateOfBirth, bool HasOpenEngagement);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Search))
        {
            return;
        }

        var query = db.Participants.AsNoTracking().VisibleTo(currentUser).Matching(Search);
        Total = await query.CountAsync(ct);
        Results = await query
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Take(PageSize)
            .Select(p => new Row(p.Id, p.Reference, (p.PreferredName ?? p.GivenName) + " " + p.FamilyName, p.DateOfBirth, p.Engagements.Any(e => e.LeftOn == null)))
            .ToListAsync(ct);
    }
}

public static class ParticipantSearch
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    /// <summary>
    /// A date of birth (2001-04-30, 30/04/2001, 30 April 2001), a reference (NLB-7K3F9Q), or part of a name;
    /// names match case-insensitively, each word against the first, preferred or last name.
    /// </summary>
    public static IQueryable<Domain.Participants.Participant> Matching(this IQueryable<Domain.Participants.Participant> participants, string search)
    {
        var term = search.Trim();
        if (DateOnly.TryParseExact(term, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var date))
        {
            return participants.Where(p => p.DateOfBirth == date);
        }

        var upper = term.ToUpperInvariant();
        if (upper.StartsWith("NLB-", StringComparison.Ordinal))
        {
            return participants.Where(p => p.Reference == upper);
        }

#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(); .NET culture rules do not apply.
        foreach (var word in upper.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            participants = participants.Where(p => p.GivenName.ToUpper().Contains(word) || p.FamilyName.ToUpper().Contains(word)
                || (p.PreferredName != null && p.PreferredName.ToUpper().Contains(word)));
        }
#pragma warning restore CA1304, CA1311, CA1862

        return participants;
    }
}
