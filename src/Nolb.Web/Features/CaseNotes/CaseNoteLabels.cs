using Nolb.Web.Domain.CaseNotes;

namespace Nolb.Web.Features.CaseNotes;

public static class CaseNoteLabels
{
    public static string Label(NoteSensitivity sensitivity) => sensitivity switch
    {
        NoteSensitivity.Health => "Health",
        NoteSensitivity.Justice => "Justice",
        _ => "Safeguarding",
    };
}
