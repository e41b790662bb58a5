using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.Voice;

namespace Nolb.Web.Features.Feedback;

/// <summary>The Customer Charter feedback form, shared by the person's own page and the key worker's paper form.</summary>
public sealed class FeedbackForm
{
    public FeedbackPoint? Point { get; set; }
    public List<RatingInput> Ratings { get; set; } = [];
    public string? Improvement { get; set; }
    public bool Anonymous { get; set; }

    public sealed class RatingInput
    {
        public Guid CommitmentId { get; set; }
        public string? Text { get; set; }
        public int? Score { get; set; }
    }

    public void Fill(IReadOnlyList<CharterCommitment> commitments)
    {
        var scores = Ratings.ToDictionary(r => r.CommitmentId, r => r.Score);
        Ratings = commitments.Select(c => new RatingInput { CommitmentId = c.Id, Text = c.Text, Score = scores.GetValueOrDefault(c.Id) }).ToList();
    }

    /// <summary>The page's model-state key for a field the domain names; rating errors go on the first question.</summary>
    public static string FieldKey(string field) => field switch
    {
        "ratings" => "Input.Ratings[0].Score",
        "point" => "Input.Point",
        _ => "Input.Improvement",
    };

    public Dictionary<Guid, int?> Scores() =>
        Ratings.GroupBy(r => r.CommitmentId).ToDictionary(g => g.Key, g => g.First().Score);

    public static IReadOnlyList<SelectListItem> Points() =>
    [
        new("After my first month of support", nameof(FeedbackPoint.FirstMonth)),
        new("I am leaving the service", nameof(FeedbackPoint.Leaving)),
        new("Six months after starting work", nameof(FeedbackPoint.SixMonthsInWork)),
    ];

    public static IReadOnlyList<SelectListItem> ScoreChoices() =>
    [
        new("5 – Yes, always", "5"),
        new("4 – Mostly", "4"),
        new("3 – Sometimes", "3"),
        new("2 – Not often", "2"),
        new("1 – No, never", "1"),
        new("I don't want to answer", ""),
    ];

    public static string Label(FeedbackPoint point) => point switch
    {
        FeedbackPoint.FirstMonth => "After the first month",
        FeedbackPoint.Leaving => "On leaving",
        _ => "Six months in work",
    };
}
