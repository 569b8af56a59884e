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

    public async Task<IActionResult> OnGetAsync(string slug, int id, int challengeId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, challengeId, ct)) return this.Hidden();
        Form = new ChallengeForm
        {
            Title = View.Challenge.Title, Description = View.Challenge.Description, FocusAreas = View.Challenge.FocusAreas,
            MinTeamSize = View.Challenge.MinTeamSize, MaxTeamSize = View.Challenge.MaxTeamSize, SubmissionDeadline = View.Challenge.SubmissionDeadline.UtcDateTime,
            Criteria = [.. View.Criteria.Select(c => new ChallengeForm.CriterionForm { Name = c.Name, Weight = c.Weight })
                .Concat(Enumerable.Range(0, Math.Max(0, 5 - View.Criteria.Count)).Select(_ => new ChallengeForm.CriterionForm()))],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostChallengeAsync(string slug, int id, int challengeId, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await challenges.UpdateAsync(slug, id, challengeId, Form.ToInput(), ct) : null,
            "Challenge", "Hackathons.ChallengeSaved", Here(slug, id, challengeId), () => LoadAsync(slug, id, challengeId, ct));

    public async Task<IActionResult> OnPostJudgeAsync(string slug, int id, int challengeId, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? (await challenges.AssignJudgeAsync(slug, id, challengeId, JudgeEmail, ct)).Select(_ => 0) : null,
            "Judge", "Hackathons.JudgeAssigned", Here(slug, id, challengeId) + "#judges", () => LoadAsync(slug, id, challengeId, ct));

    public async Task<IActionResult> OnPostRemoveJudgeAsync(string slug, int id, int challengeId, Guid user, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? (await challenges.RemoveJudgeAsync(slug, id, challengeId, user, ct)).Select(_ => 0) : null,
            "Judge", "Hackathons.JudgeRemoved", Here(slug, id, challengeId) + "#judges", () => LoadAsync(slug, id, challengeId, ct));

    public async Task<IActionResult> OnPostPublishAsync(string slug, int id, int challengeId, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await challenges.PublishAsync(slug, id, challengeId, ct) : null,
            "Publish", "Hackathons.Published", Here(slug, id, challengeId) + "#results", () => LoadAsync(slug, id, challengeId, ct));

    public async Task<IActionResult> OnPostScoreAsync(string slug, int id, int challengeId, int team, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await jury.ScoreAsync(slug, id, team, Marks, ct) : null,
            "Score", "Hackathons.Scored", Here(slug, id, challengeId) + "#jury", () => LoadAsync(slug, id, challengeId, ct));

    public async Task<IActionResult> OnPostConflictAsync(string slug, int id, int challengeId, int team, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await jury.DeclareConflictAsync(slug, id, team, Reason, ct) : null,
            "Conflict", "Hackathons.ConflictSaved", Here(slug, id, challengeId) + "#jury", () => LoadAsync(slug, id, challengeId, ct));

    private static string Here(string slug, int id, int challengeId) => $"/hubs/{slug}/events/{id}/hackathon/challenges/{challengeId}";

    private async Task<bool> LoadAsync(string slug, int id, int challengeId, CancellationToken ct)
    {
        if (await queries.ChallengeAsync(slug, id, challengeId, ct) is not { } v) return false;
        View = v;
        return true;
    }
}
