using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

using Agora.Web.Platform.Http;

namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>An initiative's team with roles, its partner organisations and its milestones.</summary>
[AllowAnonymous]
public sealed class TeamModel(HubQueries hubs, InitiativeQueries initiatives, InitiativeTeam team, CurrentUser current,
    IStringLocalizer<SharedResource> t) : FormPage(t)
{
    public HubDetail Hub { get; private set; } = null!;
    public InitiativeDetail Initiative { get; private set; } = null!;
    public TeamView Team { get; private set; } = null!;

    public sealed class MemberForm
    {
        public string? Email { get; set; }
        public TeamRole? Role { get; set; }
    }

    public sealed class PartnerForm
    {
        public string? Name { get; set; }
        public PartnerKind? Kind { get; set; }
        public string? Contribution { get; set; }
    }

    public sealed class MilestoneForm
    {
        public string? Title { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    [BindProperty] public MemberForm Member { get; set; } = new();
    [BindProperty] public PartnerForm Partner { get; set; } = new();
    [BindProperty] public MilestoneForm Milestone { get; set; } = new();
    [BindProperty] public DateOnly? DoneOn { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMemberAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await team.SetMemberAsync(slug, id, new MemberInput(Member.Email, Member.Role), ct) : null,
            "Member", "Initiatives.Team.Saved", Here(slug, id) + "#team", () => LoadAsync(slug, id, ct));

    public async Task<IActionResult> OnPostRemoveMemberAsync(string slug, [FromRoute(Name = "initiative")] int id, Guid user, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await team.RemoveMemberAsync(slug, id, user, ct) : null,
            "Member", "Initiatives.Team.Removed", Here(slug, id) + "#team", () => LoadAsync(slug, id, ct));

    public async Task<IActionResult> OnPostPartnerAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await team.AddPartnerAsync(slug, id, new PartnerInput(Partner.Name, Partner.Kind, Partner.Contribution), ct) : null,
            "Partner", "Initiatives.Team.PartnerAdded", Here(slug, id) + "#partners", () => LoadAsync(slug, id, ct));

    public async Task<IActionResult> OnPostRemovePartnerAsync(string slug, [FromRoute(Name = "initiative")] int id, int partner, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await team.RemovePartnerAsync(slug, id, partner, ct) : null,
            "Partner", "Initiatives.Team.Removed", Here(slug, id) + "#partners", () => LoadAsync(slug, id, ct));

    public async Task<IActionResult> OnPostMilestoneAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await team.AddMilestoneAsync(slug, id, new MilestoneInput(Milestone.Title, Milestone.DueOn), ct) : null,
            "Milestone", "Initiatives.Team.MilestoneAdded", Here(slug, id) + "#milestones", () => LoadAsync(slug, id, ct));

    /// <summary>Marks a milestone done on the date given (today when none), or open again with <c>reopen</c>.</summary>
    public async Task<IActionResult> OnPostMilestoneDoneAsync(string slug, [FromRoute(Name = "initiative")] int id, int milestone, bool reopen,
        [FromServices] TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated
                ? await team.CompleteMilestoneAsync(slug, id, milestone, reopen ? null : DoneOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct)
                : null,
            "Milestone", "Initiatives.Team.MilestoneSaved", Here(slug, id) + "#milestones", () => LoadAsync(slug, id, ct));

    public async Task<IActionResult> OnPostRemoveMilestoneAsync(string slug, [FromRoute(Name = "initiative")] int id, int milestone, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await team.RemoveMilestoneAsync(slug, id, milestone, ct) : null,
            "Milestone", "Initiatives.Team.Removed", Here(slug, id) + "#milestones", () => LoadAsync(slug, id, ct));

    private static string Here(string slug, int id) => $"/hubs/{slug}/initiatives/{id}/team";

    private async Task<bool> LoadAsync(string slug, int id, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return false;
        if (await initiatives.GetAsync(slug, id, ct) is not { } initiative) return false;
        if (await team.GetAsync(slug, id, ct) is not { } view) return false;
        Hub = hub;
        Initiative = initiative;
        Team = view;
        return true;
    }
}
