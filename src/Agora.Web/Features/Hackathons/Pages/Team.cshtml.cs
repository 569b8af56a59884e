using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Files;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hackathons.Pages;

/// <summary>
/// A team's page: members and roles, invitations and requests to join, the submission, and for a chosen team the
/// hackaccelerator (mentors, milestones, check-ins) and the initiative it became.
/// </summary>
[AllowAnonymous]
public sealed class TeamModel(HackathonQueries queries, HackathonTeams teams, HackathonSubmissions submissions, HackathonAccelerator accelerator,
    CurrentUser current, TimeProvider clock, IStringLocalizer<SharedResource> t) : FormPage(t)
{
    public TeamView Team { get; private set; } = null!;
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? RoleText { get; set; }
    [BindProperty] public SubmissionForm Submission { get; set; } = new();
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty] public Guid? MentorId { get; set; }
    [BindProperty] public MilestoneInputForm Milestone { get; set; } = new();
    [BindProperty] public CheckInForm CheckIn { get; set; } = new();

    public sealed class SubmissionForm
    {
        public string? Description { get; set; }
        public string? CodeUrl { get; set; }
        public string? VideoUrl { get; set; }
    }

    public sealed class MilestoneInputForm
    {
        public string? Title { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class CheckInForm
    {
        public DateOnly? HeldOn { get; set; }
        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, int id, int teamId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, teamId, ct)) return this.Hidden();
        if (Team.Submission is { } s) Submission = new SubmissionForm { Description = s.Description, CodeUrl = s.CodeUrl, VideoUrl = s.VideoUrl };
        return Page();
    }

    private Task<IActionResult> Answer(Result<int>? result, string prefix, string flash, string slug, int id, int teamId, string anchor, CancellationToken ct) =>
        AnswerAsync(current.IsAuthenticated ? result : null, prefix, flash, Here(slug, id, teamId) + anchor, () => LoadAsync(slug, id, teamId, ct));

    public async Task<IActionResult> OnPostInviteAsync(string slug, int id, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? (await teams.InviteAsync(slug, id, teamId, Email, ct)).Select(_ => 0) : null, "Invite", "Hackathons.Invited", slug, id, teamId, "#members", ct);

    public async Task<IActionResult> OnPostInvitationAsync(string slug, int id, int teamId, bool accept, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.AnswerInvitationAsync(slug, id, teamId, accept, ct) : null, "Invitation",
            accept ? "Hackathons.Joined" : "Hackathons.Declined", slug, id, teamId, "", ct);

    public async Task<IActionResult> OnPostAskAsync(string slug, int id, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.RequestToJoinAsync(slug, id, teamId, ct) : null, "Ask", "Hackathons.Asked", slug, id, teamId, "", ct);

    public async Task<IActionResult> OnPostRequestAsync(string slug, int id, int teamId, Guid user, bool accept, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.AnswerRequestAsync(slug, id, teamId, user, accept, ct) : null, "Request",
            accept ? "Hackathons.RequestAccepted" : "Hackathons.Declined", slug, id, teamId, "#members", ct);

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int id, int teamId, Guid user, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.RemoveAsync(slug, id, teamId, user, ct) : null, "Remove", "Hackathons.Removed", slug, id, teamId, "#members", ct);

    public async Task<IActionResult> OnPostRoleAsync(string slug, int id, int teamId, Guid user, bool lead, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.SetRoleAsync(slug, id, teamId, user, RoleText, lead, ct) : null, "Role", "Hackathons.RoleSaved", slug, id, teamId, "#members", ct);

    public async Task<IActionResult> OnPostSubmitAsync(string slug, int id, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await submissions.SaveAsync(slug, id, teamId, new SubmissionInput(Submission.Description, Submission.CodeUrl, Submission.VideoUrl), ct) : null,
            "Submission", "Hackathons.SubmissionSaved", slug, id, teamId, "#submission", ct);

    public async Task<IActionResult> OnPostFileAsync(string slug, int id, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await submissions.AddFileAsync(slug, id, teamId, await Uploads.ReadAsync(Upload, Uploads.MaxBytes, ct), ct) : null,
            "Upload", "Hackathons.FileAdded", slug, id, teamId, "#submission", ct);

    public async Task<IActionResult> OnPostAccelerateAsync(string slug, int id, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await accelerator.ChooseAsync(slug, id, teamId, ct) : null, "Accelerate", "Hackathons.TeamChosen", slug, id, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostMentorAsync(string slug, int id, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? (await accelerator.AddMentorAsync(slug, id, teamId, MentorId, ct)).Select(_ => 0) : null,
            "Mentor", "Hackathons.MentorAdded", slug, id, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostMilestoneAsync(string slug, int id, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await accelerator.AddMilestoneAsync(slug, id, teamId, new TeamMilestoneInput(Milestone.Title, Milestone.DueOn), ct) : null,
            "Milestone", "Hackathons.MilestoneAdded", slug, id, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostMilestoneDoneAsync(string slug, int id, int teamId, int milestone, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await accelerator.CompleteMilestoneAsync(slug, id, teamId, milestone, ct) : null,
            "Milestone", "Hackathons.MilestoneDone", slug, id, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostCheckInAsync(string slug, int id, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await accelerator.AddCheckInAsync(slug, id, teamId, new CheckInInput(CheckIn.HeldOn, CheckIn.Notes), ct) : null,
            "CheckIn", "Hackathons.CheckInAdded", slug, id, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostInitiativeAsync(string slug, int id, int teamId, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        var result = await accelerator.MakeInitiativeAsync(slug, id, teamId, ct);
        return await this.AnswerAsync(result, Text["Hackathons.BecameInitiative"].Value, x => $"/hubs/{slug}/initiatives/{x}",
            async () => await LoadAsync(slug, id, teamId, ct) ? Page() : NotFound(), "Initiative");
    }

    private static string Here(string slug, int id, int teamId) => $"/hubs/{slug}/events/{id}/hackathon/teams/{teamId}";

    private async Task<bool> LoadAsync(string slug, int id, int teamId, CancellationToken ct)
    {
        if (await queries.TeamAsync(slug, id, teamId, ct) is not { } v) return false;
        Team = v;
        return true;
    }
}
