using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Files;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agora.Web.Features.Hackathons;

/// <summary>/api/v1/hubs/{slug}/events/{eventId}/hackathon: challenges, teams, submissions, jury, results and the hackaccelerator; the same rules as the pages.</summary>
public static class HackathonsApi
{
    public sealed record Ref(int Id, string Page);
    public sealed record PersonId(Guid UserId);
    public sealed record EmailBody(string? Email);
    public sealed record AnswerBody(bool Accept);
    public sealed record RoleBody(string? RoleText, bool MakeLead);
    public sealed record ScoresBody(Dictionary<int, int>? Marks);
    public sealed record ReasonBody(string? Reason);
    public sealed record MentorBody(Guid? UserId);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var h = api.MapGroup("/hubs/{slug}/events/{eventId:int}/hackathon").WithTags("Hackathons");
        var read = ApiScopes.HubsRead;
        var write = ApiScopes.HubsWrite;

        api.MapGet("/hubs/{slug}/events/{eventId:int}/hackathon", Overview).WithTags("Hackathons").WithName("GetHackathon").AllowAnonymous().RequireScope(read)
            .WithSummary("A hackathon (an event of format Hackathon or Hackaccelerator): its challenges and teams").ProducesProblem(404);
        h.MapPost("/challenges", CreateChallenge).WithName("CreateHackathonChallenge").RequireScope(write)
            .WithSummary("Define a challenge (organisers): {\"title\", \"description\", \"campaignId\", \"focusAreas\", \"minTeamSize\", \"maxTeamSize\", \"submissionDeadline\", \"criteria\": [{\"name\", \"weight\" 1–10}]}")
            .ProducesProblem(403).ProducesProblem(404);
        h.MapGet("/challenges/{challengeId:int}", Challenge).WithName("GetHackathonChallenge").AllowAnonymous().RequireScope(read)
            .WithSummary("A challenge: criteria, teams; judges see their own marks; rankings (raw and normalised) for organisers, and for everyone once published")
            .ProducesProblem(404);
        h.MapPut("/challenges/{challengeId:int}", UpdateChallenge).WithName("ChangeHackathonChallenge").RequireScope(write)
            .WithSummary("Change a challenge (organisers); its criteria stay once a judge has scored").ProducesProblem(403).ProducesProblem(404);
        h.MapPost("/challenges/{challengeId:int}/judges", AssignJudge).WithName("AssignHackathonJudge").RequireScope(write)
            .WithSummary("Make a person a judge of the challenge (organisers): {\"email\"}").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapDelete("/challenges/{challengeId:int}/judges/{userId:guid}", RemoveJudge).WithName("RemoveHackathonJudge").RequireScope(write)
            .WithSummary("Take a judge off the challenge with their marks (organisers; not once published)").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPost("/challenges/{challengeId:int}/publish", Publish).WithName("PublishHackathonResults").RequireScope(write)
            .WithSummary("Publish the challenge's rankings (organisers)").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        h.MapPost("/teams", CreateTeam).WithName("CreateHackathonTeam").RequireScope(write)
            .WithSummary("Create a team for a challenge and lead it: {\"challengeId\", \"name\", \"pitch\", \"roleText\"}").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapGet("/teams/{teamId:int}", Team).WithName("GetHackathonTeam").AllowAnonymous().RequireScope(read)
            .WithSummary("A team: members, and its submission for the team, the organisers and the challenge's judges").ProducesProblem(404);
        h.MapPost("/teams/{teamId:int}/invitations", Invite).WithName("InviteToHackathonTeam").RequireScope(write)
            .WithSummary("Invite a person to the team (its lead): {\"email\"}; they join only by accepting").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPost("/teams/{teamId:int}/invitation", AnswerInvitation).WithName("AnswerHackathonInvitation").RequireScope(write)
            .WithSummary("Accept or decline your invitation: {\"accept\"}").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPost("/teams/{teamId:int}/requests", RequestToJoin).WithName("AskToJoinHackathonTeam").RequireScope(write)
            .WithSummary("Ask to join the team; its lead answers").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPost("/teams/{teamId:int}/requests/{userId:guid}", AnswerRequest).WithName("AnswerHackathonJoinRequest").RequireScope(write)
            .WithSummary("Accept or decline a request to join (the team's lead): {\"accept\"}").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPut("/teams/{teamId:int}/members/{userId:guid}", SetRole).WithName("SetHackathonTeamRole").RequireScope(write)
            .WithSummary("Set a member's role (the lead, or the member their own): {\"roleText\", \"makeLead\"}").ProducesProblem(403).ProducesProblem(404);
        h.MapDelete("/teams/{teamId:int}/members/{userId:guid}", RemoveMember).WithName("RemoveHackathonTeamMember").RequireScope(write)
            .WithSummary("Leave the team, withdraw an invitation or request, or (the lead) remove a member").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPut("/teams/{teamId:int}/submission", Submit).WithName("SaveHackathonSubmission").RequireScope(write)
            .WithSummary("Save the team's submission before the deadline (members): {\"description\", \"codeUrl\", \"videoUrl\"} (http/https links)")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPost("/teams/{teamId:int}/files", AddFile).WithName("AddHackathonSubmissionFile").RequireScope(write).DisableAntiforgery().AcceptsFileForm("file")
            .WithSummary("Attach a file to the submission (members, before the deadline; PDF, Office, OpenDocument or images, at most 10 MB, five files)")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapGet("/teams/{teamId:int}/files/{fileId:int}", Download).WithName("DownloadHackathonSubmissionFile").RequireScope(read)
            .WithSummary("Download a submission's file (the team, the organisers, the challenge's judges)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(404);
        h.MapPut("/teams/{teamId:int}/scores", Score).WithName("ScoreHackathonTeam").RequireScope(write)
            .WithSummary("Your marks as a judge of the challenge, 1–5 on every criterion: {\"marks\": {criterionId: mark}}").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPost("/teams/{teamId:int}/conflict", DeclareConflict).WithName("DeclareHackathonConflict").RequireScope(write)
            .WithSummary("Declare a conflict of interest with the team (a judge): {\"reason\"}; your marks for it go").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPost("/teams/{teamId:int}/accelerate", Accelerate).WithName("ChooseHackathonTeamForAccelerator").RequireScope(write)
            .WithSummary("Choose the team to continue in the hackaccelerator (organisers)").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapPost("/teams/{teamId:int}/mentors", AddMentor).WithName("AddHackathonTeamMentor").RequireScope(write)
            .WithSummary("Give a chosen team a mentor holding the hub's Mentor role with a mentor profile and a free place (organisers): {\"userId\"}; the team counts as one of the mentor's mentees, a full mentor answers 409")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        h.MapDelete("/teams/{teamId:int}/mentors/{userId:guid}", RemoveMentor).WithName("RemoveHackathonTeamMentor").RequireScope(write)
            .WithSummary("End a mentor's work with the team (organisers): their mentoring place is free again and waiting mentees are paired").ProducesProblem(403).ProducesProblem(404);
        h.MapPost("/teams/{teamId:int}/milestones", AddMilestone).WithName("AddHackathonMilestone").RequireScope(write)
            .WithSummary("Add a milestone to a chosen team (the team, its mentors, organisers): {\"title\", \"dueOn\"}").ProducesProblem(403).ProducesProblem(404);
        h.MapPost("/teams/{teamId:int}/milestones/{milestoneId:int}/done", CompleteMilestone).WithName("CompleteHackathonMilestone").RequireScope(write)
            .WithSummary("Mark a milestone done today").ProducesProblem(403).ProducesProblem(404);
        h.MapPost("/teams/{teamId:int}/check-ins", AddCheckIn).WithName("AddHackathonCheckIn").RequireScope(write)
            .WithSummary("Record a check-in of a chosen team: {\"heldOn\", \"notes\"}").ProducesProblem(403).ProducesProblem(404);
        h.MapPost("/teams/{teamId:int}/initiative", MakeInitiative).WithName("TurnHackathonTeamIntoInitiative").RequireScope(write)
            .WithSummary("Turn a chosen or ranked team into an innovation initiative at the hub's first stage (organisers)")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static string Page(string slug, int eventId) => $"/hubs/{slug}/events/{eventId}/hackathon";

    private static async Task<Results<Ok<HackathonOverview>, ProblemHttpResult>> Overview(string slug, int eventId, HackathonQueries q, CancellationToken ct) =>
        await q.OverviewAsync(slug, eventId, ct) is { } o ? TypedResults.Ok(o) : ApiResults.NotFound();

    private static async Task<Results<Created<Ref>, ValidationProblem, ProblemHttpResult>> CreateChallenge(string slug, int eventId, ChallengeInput input, HackathonChallenges c, CancellationToken ct) =>
        ApiResults.From(await c.CreateAsync(slug, eventId, input, ct),
            x => TypedResults.Created($"/api/v1{Page(slug, eventId)}/challenges/{x}", new Ref(x, $"{Page(slug, eventId)}/challenges/{x}")));

    private static async Task<Results<Ok<ChallengeView>, ProblemHttpResult>> Challenge(string slug, int eventId, int challengeId, HackathonQueries q, CancellationToken ct) =>
        await q.ChallengeAsync(slug, eventId, challengeId, ct) is { } v ? TypedResults.Ok(v) : ApiResults.NotFound();

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> UpdateChallenge(string slug, int eventId, int challengeId, ChallengeInput input, HackathonChallenges c, CancellationToken ct) =>
        ApiResults.From(await c.UpdateAsync(slug, eventId, challengeId, input, ct), _ => TypedResults.Ok());

    private static async Task<Results<Created<PersonId>, ValidationProblem, ProblemHttpResult>> AssignJudge(string slug, int eventId, int challengeId, EmailBody body, HackathonChallenges c, CancellationToken ct) =>
        ApiResults.From(await c.AssignJudgeAsync(slug, eventId, challengeId, body.Email, ct), u => TypedResults.Created($"/api/v1{Page(slug, eventId)}/challenges/{challengeId}", new PersonId(u)));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveJudge(string slug, int eventId, int challengeId, Guid userId, HackathonChallenges c, CancellationToken ct) =>
        ApiResults.From(await c.RemoveJudgeAsync(slug, eventId, challengeId, userId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Publish(string slug, int eventId, int challengeId, HackathonChallenges c, CancellationToken ct) =>
        ApiResults.From(await c.PublishAsync(slug, eventId, challengeId, ct), _ => TypedResults.Ok());

    private static async Task<Results<Created<Ref>, ValidationProblem, ProblemHttpResult>> CreateTeam(string slug, int eventId, NewTeam input, HackathonTeams teams, CancellationToken ct) =>
        ApiResults.From(await teams.CreateAsync(slug, eventId, input, ct),
            x => TypedResults.Created($"/api/v1{Page(slug, eventId)}/teams/{x}", new Ref(x, $"{Page(slug, eventId)}/teams/{x}")));

    private static async Task<Results<Ok<TeamView>, ProblemHttpResult>> Team(string slug, int eventId, int teamId, HackathonQueries q, CancellationToken ct) =>
        await q.TeamAsync(slug, eventId, teamId, ct) is { } v ? TypedResults.Ok(v) : ApiResults.NotFound();

    private static async Task<Results<Created<PersonId>, ValidationProblem, ProblemHttpResult>> Invite(string slug, int eventId, int teamId, EmailBody body, HackathonTeams teams, CancellationToken ct) =>
        ApiResults.From(await teams.InviteAsync(slug, eventId, teamId, body.Email, ct), u => TypedResults.Created($"/api/v1{Page(slug, eventId)}/teams/{teamId}", new PersonId(u)));

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> AnswerInvitation(string slug, int eventId, int teamId, AnswerBody body, HackathonTeams teams, CancellationToken ct) =>
        ApiResults.From(await teams.AnswerInvitationAsync(slug, eventId, teamId, body.Accept, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> RequestToJoin(string slug, int eventId, int teamId, HackathonTeams teams, CancellationToken ct) =>
        ApiResults.From(await teams.RequestToJoinAsync(slug, eventId, teamId, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> AnswerRequest(string slug, int eventId, int teamId, Guid userId, AnswerBody body, HackathonTeams teams, CancellationToken ct) =>
        ApiResults.From(await teams.AnswerRequestAsync(slug, eventId, teamId, userId, body.Accept, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> SetRole(string slug, int eventId, int teamId, Guid userId, RoleBody body, HackathonTeams teams, CancellationToken ct) =>
        ApiResults.From(await teams.SetRoleAsync(slug, eventId, teamId, userId, body.RoleText, body.MakeLead, ct), _ => TypedResults.Ok());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMember(string slug, int eventId, int teamId, Guid userId, HackathonTeams teams, CancellationToken ct) =>
        ApiResults.From(await teams.RemoveAsync(slug, eventId, teamId, userId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Submit(string slug, int eventId, int teamId, SubmissionInput input, HackathonSubmissions s, CancellationToken ct) =>
        ApiResults.From(await s.SaveAsync(slug, eventId, teamId, input, ct), _ => TypedResults.Ok());

    private static async Task<Results<Created<Ref>, ValidationProblem, ProblemHttpResult>> AddFile(string slug, int eventId, int teamId, HttpRequest request, HackathonSubmissions s, CancellationToken ct)
    {
        var (form, problem) = await ApiResults.ReadFormAsync(request, ct);
        if (form is null) return problem!;
        var upload = await Uploads.ReadAsync(form.Files.GetFile("file"), Uploads.MaxBytes, ct);
        return ApiResults.From(await s.AddFileAsync(slug, eventId, teamId, upload, ct),
            x => TypedResults.Created($"/api/v1{Page(slug, eventId)}/teams/{teamId}/files/{x}", new Ref(x, $"{Page(slug, eventId)}/teams/{teamId}")));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(string slug, int eventId, int teamId, int fileId, HackathonSubmissions s, HttpContext http, CancellationToken ct)
    {
        var file = await s.DownloadAsync(slug, eventId, teamId, fileId, ct);
        if (file is null) return ApiResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Score(string slug, int eventId, int teamId, ScoresBody body, HackathonJury jury, CancellationToken ct) =>
        ApiResults.From(await jury.ScoreAsync(slug, eventId, teamId, body.Marks, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> DeclareConflict(string slug, int eventId, int teamId, ReasonBody body, HackathonJury jury, CancellationToken ct) =>
        ApiResults.From(await jury.DeclareConflictAsync(slug, eventId, teamId, body.Reason, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Accelerate(string slug, int eventId, int teamId, HackathonAccelerator a, CancellationToken ct) =>
        ApiResults.From(await a.ChooseAsync(slug, eventId, teamId, ct), _ => TypedResults.Ok());

    private static async Task<Results<Created<PersonId>, ValidationProblem, ProblemHttpResult>> AddMentor(string slug, int eventId, int teamId, MentorBody body, HackathonAccelerator a, CancellationToken ct) =>
        ApiResults.From(await a.AddMentorAsync(slug, eventId, teamId, body.UserId, ct), u => TypedResults.Created($"/api/v1{Page(slug, eventId)}/teams/{teamId}", new PersonId(u)));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMentor(string slug, int eventId, int teamId, Guid userId, HackathonAccelerator a, CancellationToken ct) =>
        ApiResults.From(await a.RemoveMentorAsync(slug, eventId, teamId, userId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Created<Ref>, ValidationProblem, ProblemHttpResult>> AddMilestone(string slug, int eventId, int teamId, TeamMilestoneInput input, HackathonAccelerator a, CancellationToken ct) =>
        ApiResults.From(await a.AddMilestoneAsync(slug, eventId, teamId, input, ct), x => TypedResults.Created($"/api/v1{Page(slug, eventId)}/teams/{teamId}", new Ref(x, $"{Page(slug, eventId)}/teams/{teamId}")));

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> CompleteMilestone(string slug, int eventId, int teamId, int milestoneId, HackathonAccelerator a, CancellationToken ct) =>
        ApiResults.From(await a.CompleteMilestoneAsync(slug, eventId, teamId, milestoneId, ct), _ => TypedResults.Ok());

    private static async Task<Results<Created<Ref>, ValidationProblem, ProblemHttpResult>> AddCheckIn(string slug, int eventId, int teamId, CheckInInput input, HackathonAccelerator a, CancellationToken ct) =>
        ApiResults.From(await a.AddCheckInAsync(slug, eventId, teamId, input, ct), x => TypedResults.Created($"/api/v1{Page(slug, eventId)}/teams/{teamId}", new Ref(x, $"{Page(slug, eventId)}/teams/{teamId}")));

    private static async Task<Results<Created<Ref>, ValidationProblem, ProblemHttpResult>> MakeInitiative(string slug, int eventId, int teamId, HackathonAccelerator a, CancellationToken ct) =>
        ApiResults.From(await a.MakeInitiativeAsync(slug, eventId, teamId, ct),
            x => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{x}", new Ref(x, $"/hubs/{slug}/initiatives/{x}")));
}
