using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hackathons.Pages;

/// <summary>
/// A challenge: what it asks, its criteria and teams; organisers change it, assign judges and publish the results;
/// judges score each submitted team or declare a conflict; the rankings (raw and normalised) with how they are made.
/// </summary>
[AllowAnonymous]
public sealed class ChallengeModel(HackathonQueries queries, HackathonChallenges challenges, HackathonJury jury, CurrentUser current,
    IStringLocalizer<SharedResource> t) : FormPage(t)
{
    public ChallengeView View { get; private set; } = null!;

    [BindProperty(Name = "Challenge")] public ChallengeForm Form { get; set; } = new();
    [BindProperty] public string? JudgeEmail { get; set; }
    [BindProperty] public Dictionary<int, int> Marks { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int eventId, int challengeId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, eventId, challengeId, ct)) return this.Hidden();
        Form = new ChallengeForm
        {
            Title = View.Challenge.Title, Description = View.Challenge.Description, FocusAreas = View.Challenge.FocusAreas,
            MinTeamSize = View.Challenge.MinTeamSize, MaxTeamSize = View.Challenge.MaxTeamSize, SubmissionDeadline = ZonedTime.ToLocal(View.Challenge.SubmissionDeadline, ZonedTime.Find(View.Challenge.TimeZone)),
            TimeZone = View.Challenge.TimeZone,
            Criteria = [.. View.Criteria.Select(c => new ChallengeForm.CriterionForm { Name = c.Name, Weight = c.Weight })
                .Concat(Enumerable.Range(0, Math.Max(0, 5 - View.Criteria.Count)).Select(_ => new ChallengeForm.CriterionForm()))],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostChallengeAsync(string slug, int eventId, int challengeId, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await challenges.UpdateAsync(slug, eventId, challengeId, Form.ToInput(), ct) : null,
            "Challenge", "Hackathons.ChallengeSaved", Here(slug, eventId, challengeId), () => LoadAsync(slug, eventId, challengeId, ct));

    public async Task<IActionResult> OnPostJudgeAsync(string slug, int eventId, int challengeId, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? (await challenges.AssignJudgeAsync(slug, eventId, challengeId, JudgeEmail, ct)).Select(_ => 0) : null,
            "Judge", "Hackathons.JudgeAssigned", Here(slug, eventId, challengeId) + "#judges", () => LoadAsync(slug, eventId, challengeId, ct));

    public async Task<IActionResult> OnPostRemoveJudgeAsync(string slug, int eventId, int challengeId, Guid user, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? (await challenges.RemoveJudgeAsync(slug, eventId, challengeId, user, ct)).Select(_ => 0) : null,
            "Judge", "Hackathons.JudgeRemoved", Here(slug, eventId, challengeId) + "#judges", () => LoadAsync(slug, eventId, challengeId, ct));

    public async Task<IActionResult> OnPostPublishAsync(string slug, int eventId, int challengeId, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await challenges.PublishAsync(slug, eventId, challengeId, ct) : null,
            "Publish", "Hackathons.Published", Here(slug, eventId, challengeId) + "#results", () => LoadAsync(slug, eventId, challengeId, ct));

    public async Task<IActionResult> OnPostScoreAsync(string slug, int eventId, int challengeId, int team, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await jury.ScoreAsync(slug, eventId, team, Marks, ct) : null,
            "Score", "Hackathons.Scored", Here(slug, eventId, challengeId) + "#jury", () => LoadAsync(slug, eventId, challengeId, ct));

    public async Task<IActionResult> OnPostConflictAsync(string slug, int eventId, int challengeId, int team, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await jury.DeclareConflictAsync(slug, eventId, team, Reason, ct) : null,
            "Conflict", "Hackathons.ConflictSaved", Here(slug, eventId, challengeId) + "#jury", () => LoadAsync(slug, eventId, challengeId, ct));

    private static string Here(string slug, int eventId, int challengeId) => $"/hubs/{slug}/events/{eventId}/hackathon/challenges/{challengeId}";

    private async Task<bool> LoadAsync(string slug, int eventId, int challengeId, CancellationToken ct)
    {
        if (await queries.ChallengeAsync(slug, eventId, challengeId, ct) is not { } v) return false;
        View = v;
        Form.TimeZone = v.Challenge.TimeZone;
        return true;
    }
}
