using System.Globalization;
using System.Security.Cryptography;
using Agora.Web.Platform.Http;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Email;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Community;

public sealed record CriterionInput(string? Name, int? Weight);

public sealed record QuestionInput(string? Text, bool Required);

public sealed record StageInput(string? Name, string? Description, DateOnly? StartsOn, DateOnly? EndsOn, int? EventId);

/// <summary>
/// A call as a manager writes it. <see cref="Role"/>: AgentOfChange, Facilitator, Mentor or Fellow, or instead
/// <see cref="DefinedRoleId"/>: one of the hub's active defined roles (exactly one of the two); <see cref="Audience"/>:
/// HubMembers, SignedIn or InvitedOnly. <see cref="Deadline"/> is an instant (UTC in answers); the pages take a day and
/// close at its end in the hub's time zone. Empty criterion, question and stage rows are left out.
/// </summary>
public sealed record CallInput(string? Role, string? Title, string? Description, string? Audience, int? Seats, DateTimeOffset? Deadline,
    IReadOnlyList<CriterionInput>? Criteria, IReadOnlyList<QuestionInput>? Questions, IReadOnlyList<StageInput>? Stages, int? DefinedRoleId = null);

/// <summary>
/// Preparing and running a call: a manager drafts it (role, texts, criteria with weights, questions, stages, seats,
/// deadline, who may apply), opens it, picks its reviewers, invites people to an invitation-only call, closes it early
/// if need be, and marks it decided once every application is decided.
/// </summary>
public sealed class CallSetup(AgoraDbContext db, CallAccess access, Viewers viewers, CurrentUser current, Validator v, AuditLog audit,
    CallNotices notices, TimeProvider clock, IMailer mailer, AccountLinks links, IStringLocalizer<SharedResource> t)
{
    /// <summary>The community roles a call may be for.</summary>
    public static readonly HubRoles[] Roles = [HubRoles.AgentOfChange, HubRoles.Facilitator, HubRoles.Mentor, HubRoles.Fellow];

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(30);

    public static string Subject(CommunityCall c) => $"#{c.Id.ToString(CultureInfo.InvariantCulture)} {c.Title}";

    public async Task<Result<int>> CreateAsync(string hubSlug, CallInput input, CancellationToken ct)
    {
        if (await db.HubIdAsync(hubSlug, ct) is not { } hub) return Result<int>.NotFound();
        var viewer = await viewers.ForHubAsync(hub, ct);
        if (!viewer.IsAuthenticated) return Result<int>.Forbidden();
        if (!viewer.May(CommunityOperations.ManageCalls)) return Result<int>.Forbidden();
        var parsed = Check(input);
        await CheckStageEventsAsync(hub, input, ct);
        await CheckDefinedRoleAsync(hub, input, ct);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var id = await db.InTransactionAsync(async token =>
        {
            var call = new CommunityCall { HubId = hub, State = CallState.Draft, CreatedById = current.RequiredId, CreatedAt = now };
            parsed.Apply(call);
            db.CommunityCalls.Add(call);
            await db.SaveChangesAsync(token);
            parsed.AddRows(db, call.Id);
            audit.Add(AuditActions.CallCreated, hub, Subject(call), call.DefinedRoleId is { } defined ? $"defined role {defined}" : call.Role.ToString());
            await db.SaveChangesAsync(token);
            return call.Id;
        }, ct);
        return Result<int>.Ok(id);
    }

    /// <summary>Changes a draft; once open, a call's terms stay as people applied to them.</summary>
    public async Task<Result<int>> UpdateAsync(string hubSlug, int id, CallInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        if (scope.Call.State != CallState.Draft) return Result<int>.Conflict("", v.Message("Calls.NotDraft"));
        var parsed = Check(input);
        await CheckStageEventsAsync(scope.Call.HubId, input, ct);
        await CheckDefinedRoleAsync(scope.Call.HubId, input, ct);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var ok = await db.InTransactionAsync(async token =>
        {
            var call = await db.CommunityCalls.SingleAsync(c => c.Id == id, token);
            if (call.State != CallState.Draft || call.Version != scope.Call.Version) return false;
            parsed.Apply(call);
            call.Version++;
            await db.CallCriteria.Where(c => c.CallId == id).ExecuteDeleteAsync(token);
            await db.CallQuestions.Where(c => c.CallId == id).ExecuteDeleteAsync(token);
            await db.CallStages.Where(c => c.CallId == id).ExecuteDeleteAsync(token);
            parsed.AddRows(db, id);
            audit.Add(AuditActions.CallChanged, call.HubId, Subject(call));
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return ok ? Result<int>.Ok(id) : Result<int>.Conflict("", v.Message("Calls.ChangedMeanwhile"));
    }

    private sealed record Parsed(HubRoles Role, string Title, string Description, CallAudience Audience, int Seats, DateTimeOffset Deadline,
        List<(string Name, int Weight)> Criteria, List<(string Text, bool Required)> Questions, List<StageInput> Stages, int? DefinedRoleId)
    {
        public void Apply(CommunityCall c)
        {
            c.Role = Role; c.DefinedRoleId = DefinedRoleId; c.Title = Title; c.Description = Description; c.Audience = Audience; c.Seats = Seats; c.Deadline = Deadline;
        }

        public void AddRows(AgoraDbContext db, int callId)
        {
            db.CallCriteria.AddRange(Criteria.Select((c, i) => new CallCriterion { CallId = callId, Position = i + 1, Name = c.Name, Weight = c.Weight }));
            db.CallQuestions.AddRange(Questions.Select((q, i) => new CallQuestion { CallId = callId, Position = i + 1, Text = q.Text, Required = q.Required }));
            db.CallStages.AddRange(Stages.Select((s, i) => new CallStage
            {
                CallId = callId, Position = i + 1, Name = s.Name!, Description = s.Description ?? "", StartsOn = s.StartsOn, EndsOn = s.EndsOn, EventId = s.EventId,
            }));
        }
    }

    /// <summary>A stage takes place at an event of the call's own hub, or at none.</summary>
    private async Task CheckStageEventsAsync(Guid hubId, CallInput input, CancellationToken ct)
    {
        var stages = input.Stages ?? [];
        var wanted = stages.Where(s => s.EventId is not null).Select(s => s.EventId!.Value).Distinct().ToList();
        if (wanted.Count == 0) return;
        var known = await db.Events.Where(e => e.HubId == hubId && wanted.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        for (var i = 0; i < stages.Count; i++)
            if (stages[i].EventId is { } e && !known.Contains(e)) v.Add($"stages[{i}].eventId", "Validation.Invalid");
    }

    /// <summary>A call for a defined role names an active role of its own hub.</summary>
    private async Task CheckDefinedRoleAsync(Guid hubId, CallInput input, CancellationToken ct)
    {
        if (input.DefinedRoleId is not { } id) return;
        if (!await db.HubDefinedRoles.AnyAsync(r => r.Id == id && r.HubId == hubId && r.RetiredAt == null, ct)) v.Add("definedRoleId", "Validation.Invalid");
    }

    private Parsed Check(CallInput input)
    {
        var role = HubRoles.None;
        if (input.DefinedRoleId is not null)
        {
            // Exactly one: a built-in role or a defined one.
            if (!string.IsNullOrEmpty(input.Role)) v.Add("role", "Calls.OneRole");
        }
        else
        {
            role = Roles.FirstOrDefault(r => string.Equals(r.ToString(), input.Role, StringComparison.OrdinalIgnoreCase));
            if (role == HubRoles.None) v.Add("role", input.Role is null ? "Validation.Required" : "Validation.Invalid");
        }
        var title = v.Text("title", input.Title, CallLimits.Title);
        var description = v.Text("description", input.Description, CallLimits.Description, multiline: true);
        CallAudience audience = default;
        if (input.Audience is null) v.Add("audience", "Validation.Required");
        else if (!Enum.TryParse(input.Audience, true, out audience) || !Enum.IsDefined(audience) || int.TryParse(input.Audience, out _))
            v.Add("audience", "Validation.Invalid");
        if (input.Seats is not { } seats) { v.Add("seats", "Validation.Required"); seats = 0; }
        else if (seats is < 1 or > CallLimits.MaxSeats) v.Add("seats", "Validation.Range", 1, CallLimits.MaxSeats);
        if (input.Deadline is not { } deadline) { v.Add("deadline", "Validation.Required"); deadline = default; }

        var criteria = new List<(string, int)>();
        foreach (var (c, i) in (input.Criteria ?? []).Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(c.Name) && c.Weight is null) continue;
            var name = v.Text($"criteria[{i}].name", c.Name, CallLimits.Criterion);
            if (c.Weight is not { } w) v.Add($"criteria[{i}].weight", "Validation.Required");
            else if (w is < 1 or > CallLimits.MaxWeight) v.Add($"criteria[{i}].weight", "Validation.Range", 1, CallLimits.MaxWeight);
            criteria.Add((name, c.Weight ?? 0));
        }
        if (criteria.Count == 0) v.Add("criteria", "Calls.CriterionRequired");
        if (criteria.Count > CallLimits.MaxRows) v.Add("criteria", "Calls.TooManyRows", CallLimits.MaxRows);

        var questions = new List<(string, bool)>();
        foreach (var (q, i) in (input.Questions ?? []).Select((q, i) => (q, i)))
        {
            if (string.IsNullOrWhiteSpace(q.Text)) continue;
            questions.Add((v.Text($"questions[{i}].text", q.Text, CallLimits.Question, multiline: true), q.Required));
        }
        if (questions.Count > CallLimits.MaxRows) v.Add("questions", "Calls.TooManyRows", CallLimits.MaxRows);

        var stages = new List<StageInput>();
        foreach (var (s, i) in (input.Stages ?? []).Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(s.Name) && string.IsNullOrWhiteSpace(s.Description) && s.StartsOn is null && s.EndsOn is null && s.EventId is null) continue;
            var name = v.Text($"stages[{i}].name", s.Name, CallLimits.StageName);
            var text = v.Text($"stages[{i}].description", s.Description, CallLimits.StageDescription, required: false, multiline: true);
            if (s.StartsOn is { } from && s.EndsOn is { } to && to < from) v.Add($"stages[{i}].endsOn", "Calls.StageEndsBeforeStart");
            stages.Add(s with { Name = name, Description = text });
        }
        if (stages.Count > CallLimits.MaxRows) v.Add("stages", "Calls.TooManyRows", CallLimits.MaxRows);
        return new Parsed(role, title, description, audience, seats, deadline.ToUniversalTime(), criteria, questions, stages, input.DefinedRoleId);
    }

    /// <summary>A draft opens for applications; its deadline must be ahead.</summary>
    public async Task<Result<int>> OpenAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        var now = clock.GetUtcNow();
        if (scope.Call.State != CallState.Draft) return Result<int>.Conflict("", v.Message("Calls.NotDraft"));
        if (scope.Call.Deadline <= now) return Result<int>.Invalid("deadline", v.Message("Calls.DeadlinePassed"));
        return await MoveAsync(scope, CallState.Draft, CallState.Open, AuditActions.CallOpened, s => s.SetProperty(c => c.OpenedAt, now), ct);
    }

    /// <summary>A manager closes an open call before its deadline: no more applications.</summary>
    public async Task<Result<int>> CloseAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        if (scope.Call.State != CallState.Open) return Result<int>.Conflict("", v.Message("Calls.NotOpen"));
        var now = clock.GetUtcNow();
        return await MoveAsync(scope, CallState.Open, CallState.Closed, AuditActions.CallClosed, s => s.SetProperty(c => c.ClosedAt, now), ct);
    }

    /// <summary>A closed call whose applications are all decided is marked decided; nothing changes on it after that.</summary>
    public async Task<Result<int>> FinishAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        var now = clock.GetUtcNow();
        if (scope.Call.StateAt(now) != CallState.Closed) return Result<int>.Conflict("", v.Message("Calls.NotClosed"));
        if (await db.CallApplications.AnyAsync(a => a.CallId == id && a.Status == ApplicationStatus.Submitted, ct))
            return Result<int>.Conflict("", v.Message("Calls.UndecidedLeft"));
        return await MoveAsync(scope, scope.Call.State, CallState.Decided, AuditActions.CallFinished, s => s.SetProperty(c => c.DecidedAt, now), ct);
    }

    private async Task<Result<int>> MoveAsync(CallAccess.Standing scope, CallState from, CallState to, string action,
        Func<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<CommunityCall>, Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<CommunityCall>> more,
        CancellationToken ct)
    {
        var c = scope.Call;
        var ok = await db.InTransactionAsync(async token =>
        {
            var rows = await db.CommunityCalls.Where(x => x.Id == c.Id && x.State == from && x.Version == c.Version)
                .ExecuteUpdateAsync(s => more(s.SetProperty(x => x.State, to).SetProperty(x => x.Version, x => x.Version + 1)), token);
            if (rows == 0) return false;
            audit.Add(action, c.HubId, Subject(c), $"{from} → {to}");
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return ok ? Result<int>.Ok(c.Id) : Result<int>.Conflict("", v.Message("Calls.ChangedMeanwhile"));
    }

    /// <summary>
    /// The manager sets who reviews the call: members of the hub. Newly assigned reviewers are told; removed ones keep
    /// the reviews they submitted on record but no longer see the applications.
    /// </summary>
    public async Task<Result<int>> SetReviewersAsync(string hubSlug, int id, IReadOnlyList<Guid>? reviewers, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        if (scope.Call.State == CallState.Decided) return Result<int>.Conflict("", v.Message("Calls.AlreadyDecided"));
        var wanted = (reviewers ?? []).Distinct().ToList();
        var hubId = scope.Call.HubId;
        var members = await db.HubMemberships.Where(m => m.HubId == hubId && wanted.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct);
        if (members.Count != wanted.Count) return Result<int>.Invalid("reviewers", v.Message("Calls.ReviewerNotMember"));
        var now = clock.GetUtcNow();
        await db.InTransactionAsync(async token =>
        {
            var existing = await db.CallReviewers.Where(r => r.CallId == id).ToListAsync(token);
            var added = wanted.Where(u => existing.All(e => e.UserId != u)).ToList();
            var removed = existing.Where(e => !wanted.Contains(e.UserId)).ToList();
            db.CallReviewers.RemoveRange(removed);
            db.CallReviewers.AddRange(added.Select(u => new CallReviewer { CallId = id, UserId = u, AssignedAt = now }));
            if (added.Count + removed.Count > 0)
                audit.Add(AuditActions.CallReviewersChanged, hubId, Subject(scope.Call), $"+{added.Count} -{removed.Count}");
            await notices.TellAsync(scope.Call, hubSlug, "ReviewAssigned", current.RequiredId, added, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return Result<int>.Ok(id);
    }

    /// <summary>Invites a person by email to apply to an invitation-only call; the link works for 30 days.</summary>
    public async Task<Result<Guid>> InviteAsync(string hubSlug, int id, string? email, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<Guid>.NotFound();
        if (!scope.IsManager) return scope.Refuse<Guid>();
        if (scope.Call.Audience != CallAudience.InvitedOnly) return Result<Guid>.Conflict("", v.Message("Calls.NotInvitationOnly"));
        if (scope.Call.StateAt(clock.GetUtcNow()) is CallState.Closed or CallState.Decided) return Result<Guid>.Conflict("", v.Message("Calls.NotOpen"));
        var address = v.Email("email", email);
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        var invitation = new CallInvitation
        {
            Id = Guid.NewGuid(), CallId = id, Email = address, TokenHash = ApiTokenAuthenticationHandler.Hash(token),
            InvitedById = current.RequiredId, CreatedAt = now, ExpiresAt = now + InvitationLifetime,
        };
        db.CallInvitations.Add(invitation);
        audit.Add(AuditActions.CallInvited, scope.Call.HubId, address, Subject(scope.Call));
        await db.SaveChangesAsync(ct);
        await mailer.SendAsync(new MailMessageData(address, t["Mail.CallInvitation.Subject", scope.Call.Title],
            t["Mail.CallInvitation.Body", scope.Call.Title, links.Absolute(InvitationPath(hubSlug, id, token)), invitation.ExpiresAt.ToString("d")]), ct);
        return Result<Guid>.Ok(invitation.Id);
    }

    public static string InvitationPath(string hubSlug, int id, string token) => $"/hubs/{hubSlug}/calls/{id}/invitations/{token}";

    private Task<CallInvitation?> FindInvitationAsync(string hubSlug, int id, string token, CancellationToken ct)
    {
        if (token.Length is < 10 or > 100) return Task.FromResult<CallInvitation?>(null);
        var hash = ApiTokenAuthenticationHandler.Hash(token);
        var now = clock.GetUtcNow();
        return db.CallInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash && i.CallId == id && i.ExpiresAt > now
            && db.CommunityCalls.Any(c => c.Id == id && c.State != CallState.Draft && db.Hubs.Any(h => h.Id == c.HubId && h.Slug == hubSlug)), ct);
    }

    /// <summary>Whether the link is an invitation to this call that is still open (not expired, not taken up by someone else).</summary>
    public async Task<bool> InvitationOpenAsync(string hubSlug, int id, string token, CancellationToken ct) =>
        await FindInvitationAsync(hubSlug, id, token, ct) is { } i && (i.AcceptedById is null || i.AcceptedById == current.Id);

    /// <summary>The signed-in person takes up an invitation addressed to their email: they may then apply.</summary>
    public async Task<Result<int>> AcceptInvitationAsync(string hubSlug, int id, string token, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Result<int>.Forbidden();
        var invitation = await FindInvitationAsync(hubSlug, id, token, ct);
        if (invitation is null) return Result<int>.NotFound();
        var now = clock.GetUtcNow();
        var me = current.RequiredId;
        if (invitation.AcceptedById == me) return Result<int>.Ok(id);
        if (invitation.AcceptedById is not null) return Result<int>.NotFound();
        var email = await db.Users.Where(u => u.Id == me).Select(u => u.NormalizedEmail).SingleAsync(ct);
        if (!string.Equals(email, invitation.Email.ToUpperInvariant(), StringComparison.Ordinal)) return Result<int>.Forbidden();
        invitation.AcceptedById = me;
        invitation.AcceptedAt = now;
        var hubId = await db.CommunityCalls.Where(c => c.Id == id).Select(c => c.HubId).SingleAsync(ct);
        audit.Add(AuditActions.CallInvitationAccepted, hubId, invitation.Email, $"#{id}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(id);
    }
}
