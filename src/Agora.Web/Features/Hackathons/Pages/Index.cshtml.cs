using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hackathons.Pages;

/// <summary>A hackathon: its challenges and teams; participants create teams, organisers define challenges.</summary>
[AllowAnonymous]
public sealed class IndexModel(HackathonQueries queries, HackathonChallenges challenges, HackathonTeams teams, CurrentUser current,
    IStringLocalizer<SharedResource> t) : FormPage(t)
{
    public HackathonOverview Hackathon { get; private set; } = null!;

    [BindProperty(Name = "Challenge")] public ChallengeForm Form { get; set; } = new();
    [BindProperty] public TeamForm Team { get; set; } = new();

    public sealed class TeamForm
    {
        public int? ChallengeId { get; set; }
        public string? Name { get; set; }
        public string? Pitch { get; set; }
        public string? RoleText { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, int eventId, CancellationToken ct) =>
        await LoadAsync(slug, eventId, ct) ? Page() : this.Hidden();

    public async Task<IActionResult> OnPostChallengeAsync(string slug, int eventId, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await challenges.CreateAsync(slug, eventId, Form.ToInput(), ct) : null,
            "Challenge", "Hackathons.ChallengeSaved", Here(slug, eventId), () => LoadAsync(slug, eventId, ct));

    public async Task<IActionResult> OnPostTeamAsync(string slug, int eventId, CancellationToken ct)
    {
        var result = current.IsAuthenticated ? await teams.CreateAsync(slug, eventId, new NewTeam(Team.ChallengeId, Team.Name, Team.Pitch, Team.RoleText), ct) : null;
        if (result is { IsOk: true }) TempData["Flash"] = Text["Hackathons.TeamCreated"].Value;
        return result is { IsOk: true } ? Redirect($"{Here(slug, eventId)}/teams/{result.Value}")
            : await AnswerAsync(result, "Team", "Hackathons.TeamCreated", Here(slug, eventId), () => LoadAsync(slug, eventId, ct));
    }

    private static string Here(string slug, int eventId) => $"/hubs/{slug}/events/{eventId}/hackathon";

    private async Task<bool> LoadAsync(string slug, int eventId, CancellationToken ct)
    {
        if (await queries.OverviewAsync(slug, eventId, ct) is not { } o) return false;
        Hackathon = o;
        Form.TimeZone = o.TimeZone;
        return true;
    }
}

/// <summary>The challenge form (new and change): five criterion rows, blank ones ignored.</summary>
public sealed class ChallengeForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? FocusAreas { get; set; }
    public int? MinTeamSize { get; set; } = 1;
    public int? MaxTeamSize { get; set; } = 5;
    /// <summary>The wall-clock time of the hub's zone, from a datetime-local control.</summary>
    public DateTime? SubmissionDeadline { get; set; }
    /// <summary>The hub's zone (IANA id), set by the page, named by the deadline's label.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever] public string TimeZone { get; set; } = "UTC";
    public List<CriterionForm> Criteria { get; set; } = [.. Enumerable.Range(0, 5).Select(_ => new CriterionForm())];

    public sealed class CriterionForm
    {
        public string? Name { get; set; }
        public int? Weight { get; set; }
    }

    public ChallengeInput ToInput() => new(Title, Description, null, FocusAreas, MinTeamSize, MaxTeamSize,
        null, Criteria.Select(c => new JuryCriterionInput(c.Name, c.Weight)).ToList(), SubmissionDeadline);
}
