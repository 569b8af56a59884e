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

    public async Task<IActionResult> OnGetAsync(string slug, int eventId, int teamId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, eventId, teamId, ct)) return this.Hidden();
        if (Team.Submission is { } s) Submission = new SubmissionForm { Description = s.Description, CodeUrl = s.CodeUrl, VideoUrl = s.VideoUrl };
        return Page();
    }

    private Task<IActionResult> Answer(Result<int>? result, string prefix, string flash, string slug, int eventId, int teamId, string anchor, CancellationToken ct) =>
        AnswerAsync(current.IsAuthenticated ? result : null, prefix, flash, Here(slug, eventId, teamId) + anchor, () => LoadAsync(slug, eventId, teamId, ct));

    public async Task<IActionResult> OnPostInviteAsync(string slug, int eventId, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? (await teams.InviteAsync(slug, eventId, teamId, Email, ct)).Select(_ => 0) : null, "Invite", "Hackathons.Invited", slug, eventId, teamId, "#members", ct);

    public async Task<IActionResult> OnPostInvitationAsync(string slug, int eventId, int teamId, bool accept, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.AnswerInvitationAsync(slug, eventId, teamId, accept, ct) : null, "Invitation",
            accept ? "Hackathons.Joined" : "Hackathons.Declined", slug, eventId, teamId, "", ct);

    public async Task<IActionResult> OnPostAskAsync(string slug, int eventId, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.RequestToJoinAsync(slug, eventId, teamId, ct) : null, "Ask", "Hackathons.Asked", slug, eventId, teamId, "", ct);

    public async Task<IActionResult> OnPostRequestAsync(string slug, int eventId, int teamId, Guid user, bool accept, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.AnswerRequestAsync(slug, eventId, teamId, user, accept, ct) : null, "Request",
            accept ? "Hackathons.RequestAccepted" : "Hackathons.Declined", slug, eventId, teamId, "#members", ct);

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int eventId, int teamId, Guid user, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.RemoveAsync(slug, eventId, teamId, user, ct) : null, "Remove", "Hackathons.Removed", slug, eventId, teamId, "#members", ct);

    public async Task<IActionResult> OnPostRoleAsync(string slug, int eventId, int teamId, Guid user, bool lead, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await teams.SetRoleAsync(slug, eventId, teamId, user, RoleText, lead, ct) : null, "Role", "Hackathons.RoleSaved", slug, eventId, teamId, "#members", ct);

    public async Task<IActionResult> OnPostSubmitAsync(string slug, int eventId, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await submissions.SaveAsync(slug, eventId, teamId, new SubmissionInput(Submission.Description, Submission.CodeUrl, Submission.VideoUrl), ct) : null,
            "Submission", "Hackathons.SubmissionSaved", slug, eventId, teamId, "#submission", ct);

    public async Task<IActionResult> OnPostFileAsync(string slug, int eventId, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await submissions.AddFileAsync(slug, eventId, teamId, await Uploads.ReadAsync(Upload, Uploads.MaxBytes, ct), ct) : null,
            "Upload", "Hackathons.FileAdded", slug, eventId, teamId, "#submission", ct);

    public async Task<IActionResult> OnPostAccelerateAsync(string slug, int eventId, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await accelerator.ChooseAsync(slug, eventId, teamId, ct) : null, "Accelerate", "Hackathons.TeamChosen", slug, eventId, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostMentorAsync(string slug, int eventId, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? (await accelerator.AddMentorAsync(slug, eventId, teamId, MentorId, ct)).Select(_ => 0) : null,
            "Mentor", "Hackathons.MentorAdded", slug, eventId, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostRemoveMentorAsync(string slug, int eventId, int teamId, Guid user, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? (await accelerator.RemoveMentorAsync(slug, eventId, teamId, user, ct)).Select(_ => 0) : null,
            "Mentor", "Hackathons.MentorRemoved", slug, eventId, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostMilestoneAsync(string slug, int eventId, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await accelerator.AddMilestoneAsync(slug, eventId, teamId, new TeamMilestoneInput(Milestone.Title, Milestone.DueOn), ct) : null,
            "Milestone", "Hackathons.MilestoneAdded", slug, eventId, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostMilestoneDoneAsync(string slug, int eventId, int teamId, int milestone, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await accelerator.CompleteMilestoneAsync(slug, eventId, teamId, milestone, ct) : null,
            "Milestone", "Hackathons.MilestoneDone", slug, eventId, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostCheckInAsync(string slug, int eventId, int teamId, CancellationToken ct) =>
        await Answer(current.IsAuthenticated ? await accelerator.AddCheckInAsync(slug, eventId, teamId, new CheckInInput(CheckIn.HeldOn, CheckIn.Notes), ct) : null,
            "CheckIn", "Hackathons.CheckInAdded", slug, eventId, teamId, "#accelerator", ct);

    public async Task<IActionResult> OnPostInitiativeAsync(string slug, int eventId, int teamId, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        var result = await accelerator.MakeInitiativeAsync(slug, eventId, teamId, ct);
        return await this.AnswerAsync(result, Text["Hackathons.BecameInitiative"].Value, x => $"/hubs/{slug}/initiatives/{x}",
            async () => await LoadAsync(slug, eventId, teamId, ct) ? Page() : NotFound(), "Initiative");
    }

    private static string Here(string slug, int eventId, int teamId) => $"/hubs/{slug}/events/{eventId}/hackathon/teams/{teamId}";

    private async Task<bool> LoadAsync(string slug, int eventId, int teamId, CancellationToken ct)
    {
        if (await queries.TeamAsync(slug, eventId, teamId, ct) is not { } v) return false;
        Team = v;
        return true;
    }
}
