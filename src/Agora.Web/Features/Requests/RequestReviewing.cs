using System.Globalization;
using System.Text.Json.Nodes;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

public sealed record AssignInput(string? Email, ReviewRole? Role);

public sealed record ReviewInput(IReadOnlyDictionary<string, bool>? Checklist, Recommendation? Recommendation, string? Opinion, bool SignOff);

public sealed record MessageInput(string? Body, long? QuestionId = null);

public sealed record PermitInput(DateOnly? ValidFrom, DateOnly? ValidTo, string? GrantedData, string? Environment, string? AuthorisedPeople,
    string? Conditions, string? Reason = null);

public sealed record DecisionInput(RequestState? Decision, string? Reasons, string? Conditions, PermitInput? Permit);

/// <summary>
/// Reviews and the decision. A hub manager assigns reviewers by role (members of the hub); each works the role's
/// checklist and records a recommendation and an opinion, signed off with their name and the time. Reviewers and
/// managers keep internal notes (never shown to the applicant) and ask the applicant questions, which the applicant
/// answers. A manager decides; approving needs every sign-off the kind of request requires (legal and privacy for a
/// health-data application, security for a sandbox test). Approving a health-data application issues a data permit,
/// later amended, renewed (a new version) or revoked, with reasons. All audited.
/// </summary>
public sealed class RequestReviewing(AgoraDbContext db, RequestAccess access, Validator v, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    private static bool Open(RequestState s) => s is RequestState.Submitted or RequestState.Returned or RequestState.InReview;

    public async Task<Result<Guid>> AssignAsync(string hubSlug, int id, AssignInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<Guid>.NotFound();
        if (!scope.IsManager) return scope.Refuse<Guid>();
        if (!Open(scope.Request.State)) return Result<Guid>.Conflict("", v.Message("Requests.WrongState", v.Message("RequestState." + scope.Request.State)));
        var email = v.Text("email", input.Email, 256);
        if (input.Role is not { } asked) v.Add("role", "Validation.Required");
        else if (!Enum.IsDefined(asked)) v.Add("role", "Validation.Invalid");
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        var role = input.Role!.Value;
        var normalized = email.ToUpperInvariant();
        var hub = scope.Request.HubId;
        var person = await (from u in db.Users
                            join m in db.HubMemberships on u.Id equals m.UserId
                            where u.NormalizedEmail == normalized && m.HubId == hub
                            select new { u.Id, u.DisplayName, m.Roles, Blocked = db.HubBlocks.Any(b => b.HubId == hub && b.UserId == u.Id) })
            .SingleOrDefaultAsync(ct);
        if (person is null) return Result<Guid>.Invalid("email", v.Message("Initiatives.Team.NotHubMember"));
        if (person.Id == scope.Request.ApplicantId) return Result<Guid>.Invalid("email", v.Message("Requests.ApplicantCannotReview"));
        // Separation of duties: a review is done by someone the hub made a reviewer of that kind, never by just any member.
        var needed = ReviewRoles.HubRole(role);
        if (!person.Roles.HasFlag(needed) || person.Blocked)
            return Result<Guid>.Invalid("email", v.Message("Requests.ReviewerRoleMissing", v.Message(HubRoleList.Key(needed))));
        var theirs = await db.RequestReviews.Where(r => r.RequestId == id && r.ReviewerId == person.Id).Select(r => r.Role).ToListAsync(ct);
        if (theirs.Contains(role)) return Result<Guid>.Conflict("email", v.Message("Requests.AlreadyAssigned"));
        // Nor may one person give two of the sign-offs the request needs (legal and privacy for health data).
        var required = RequestTypes.SignOffs(scope.Type);
        if (required.Contains(role) && theirs.Any(required.Contains)) return Result<Guid>.Invalid("role", v.Message("Requests.TwoSignOffs"));
        var review = new RequestReview
        {
            Id = Guid.NewGuid(), RequestId = id, ReviewerId = person.Id, Role = role, AssignedById = scope.UserId,
            AssignedAt = clock.GetUtcNow(),
        };
        db.RequestReviews.Add(review);
        audit.Add(AuditActions.RequestReviewerAssigned, hub, RequestWorkflow.Subject(scope.Request), $"{review.Role}: {person.DisplayName}");
        await notifier.AddAsync(new NotificationEvent(NotificationKind.RequestAssigned, hub, ActorId: scope.UserId, Detail: review.Role.ToString(),
            RequestId: id), [person.Id], ct);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(review.Id);
    }

    public async Task<Result<Guid>> UnassignAsync(string hubSlug, int id, Guid reviewId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<Guid>.NotFound();
        if (!scope.IsManager) return scope.Refuse<Guid>();
        var review = await db.RequestReviews.SingleOrDefaultAsync(r => r.Id == reviewId && r.RequestId == id, ct);
        if (review is null) return Result<Guid>.NotFound();
        if (review.SignedOffAt is not null) return Result<Guid>.Conflict("", v.Message("Requests.ReviewSignedOff"));
        db.RequestReviews.Remove(review);
        audit.Add(AuditActions.RequestReviewerAssigned, scope.Request.HubId, RequestWorkflow.Subject(scope.Request), $"{review.Role}: removed");
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(reviewId);
    }

    /// <summary>The assigned reviewer saves their checklist, recommendation and opinion; signing off makes it final.</summary>
    public Task<Result<Guid>> ReviewAsync(string hubSlug, int id, Guid reviewId, ReviewInput input, CancellationToken ct) =>
        SaveReviewAsync(hubSlug, id, reviewId, _ => input.Checklist ?? new Dictionary<string, bool>(), input, ct);

    /// <summary>The page's form: the items ticked are true, every other item of the reviewer's checklist false.</summary>
    public Task<Result<Guid>> ReviewAsync(string hubSlug, int id, Guid reviewId, IReadOnlyCollection<string> ticked, ReviewInput input, CancellationToken ct) =>
        SaveReviewAsync(hubSlug, id, reviewId, items => items.ToDictionary(i => i.Key, i => ticked.Contains(i.Key)), input, ct);

    private async Task<Result<Guid>> SaveReviewAsync(string hubSlug, int id, Guid reviewId,
        Func<IReadOnlyList<ChecklistItem>, IReadOnlyDictionary<string, bool>> answers, ReviewInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<Guid>.NotFound();
        var review = await db.RequestReviews.SingleOrDefaultAsync(r => r.Id == reviewId && r.RequestId == id, ct);
        if (review is null) return Result<Guid>.NotFound();
        // Only its reviewer, while they still hold the role it needs.
        if (review.ReviewerId != scope.UserId || !scope.ReviewerRoles.Contains(review.Role)) return Result<Guid>.Forbidden();
        if (review.SignedOffAt is not null) return Result<Guid>.Conflict("", v.Message("Requests.ReviewSignedOff"));
        if (scope.Request.State != RequestState.InReview) return Result<Guid>.Conflict("", v.Message("Requests.NotInReview"));
        var items = Checklist(scope.Type, review.Role);
        var checklist = new JsonObject();
        foreach (var (key, value) in answers(items))
        {
            if (items.All(i => i.Key != key)) v.Add("checklist." + key, "Validation.Invalid");
            else checklist[key] = value;
        }
        if (input.Recommendation is { } r && !Enum.IsDefined(r)) v.Add("recommendation", "Validation.Invalid");
        var opinion = v.Text("opinion", input.Opinion, RequestLimits.Note, required: input.SignOff, multiline: true);
        if (input.SignOff && input.Recommendation is null) v.Add("recommendation", "Validation.Required");
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        review.ChecklistJson = checklist.ToJsonString();
        review.Recommendation = input.Recommendation;
        review.Opinion = opinion;
        if (input.SignOff) review.SignedOffAt = clock.GetUtcNow();
        audit.Add(input.SignOff ? AuditActions.RequestReviewSignedOff : AuditActions.RequestReviewSaved, scope.Request.HubId,
            RequestWorkflow.Subject(scope.Request), $"{review.Role}: {review.Recommendation}");
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(reviewId);
    }

    /// <summary>The checklist of a role for a kind of request: the built-in one, or a general one for a hub's own kinds.</summary>
    public static IReadOnlyList<ChecklistItem> Checklist(RequestType type, ReviewRole role) =>
        type.Kind == RequestKind.Custom ? BuiltInForms.Checklist(RequestKind.ResearchParticipation, role) : BuiltInForms.Checklist(type.Kind, role);

    /// <summary>An internal note (managers and reviewers; never shown to the applicant) or a question to the applicant.</summary>
    public async Task<Result<long>> WriteAsync(string hubSlug, int id, MessageKind kind, MessageInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<long>.NotFound();
        var allowed = kind switch
        {
            MessageKind.InternalNote or MessageKind.Question => scope.SeesInternal,
            _ => scope.IsApplicant,
        };
        if (!allowed) return scope.Refuse<long>();
        if (!Open(scope.Request.State)) return Result<long>.Conflict("", v.Message("Requests.WrongState", v.Message("RequestState." + scope.Request.State)));
        var body = v.Text("body", input.Body, RequestLimits.Note, multiline: true);
        if (kind == MessageKind.Answer && (input.QuestionId is not { } q
                || !await db.RequestMessages.AnyAsync(m => m.Id == q && m.RequestId == id && m.Kind == MessageKind.Question, ct)))
            v.Add("questionId", "Validation.Invalid");
        if (!v.IsValid) return Result<long>.Invalid(v.Errors);
        var message = new RequestMessage
        {
            RequestId = id, Kind = kind, QuestionId = kind == MessageKind.Answer ? input.QuestionId : null, AuthorId = scope.UserId, Body = body,
            CreatedAt = clock.GetUtcNow(),
        };
        db.RequestMessages.Add(message);
        // The audit trail names the kind of message only: an internal note's text stays with the hub's side.
        audit.Add(AuditActions.RequestMessageWritten, scope.Request.HubId, RequestWorkflow.Subject(scope.Request), kind.ToString());
        // Only a question is told to the applicant (and never its text); internal notes and answers tell nobody.
        if (kind == MessageKind.Question) await RequestWorkflow.TellApplicantAsync(notifier, scope.Request, scope.UserId, "Question", ct);
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(message.Id);
    }

    /// <summary>A hub manager decides a request in review. Approval needs the required sign-offs; a health-data approval issues the permit.</summary>
    public async Task<Result<int>> DecideAsync(string hubSlug, int id, DecisionInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        var r = scope.Request;
        if (r.State != RequestState.InReview) return Result<int>.Conflict("", v.Message("Requests.NotInReview"));
        if (input.Decision is not ({ } decision and (RequestState.Approved or RequestState.ApprovedWithConditions or RequestState.Rejected)))
            return Result<int>.Invalid("decision", v.Message(input.Decision is null ? "Validation.Required" : "Validation.Invalid"));
        var reasons = v.Text("reasons", input.Reasons, RequestLimits.Note, required: decision == RequestState.Rejected, multiline: true);
        var conditions = v.Text("conditions", input.Conditions, RequestLimits.Note, required: decision == RequestState.ApprovedWithConditions, multiline: true);
        // Separation of duties where the kind asks for it (health data): whoever signed off a review does not also decide.
        if (scope.Type.SeparateDecider && await db.RequestReviews.AnyAsync(x => x.RequestId == id && x.ReviewerId == scope.UserId && x.SignedOffAt != null, ct))
            return Result<int>.Invalid("decision", v.Message("Requests.DeciderSignedOff"));
        var approving = decision != RequestState.Rejected;
        if (approving)
        {
            // The reviews a kind of request needs are signed off before it is approved, never after.
            var signed = await db.RequestReviews.Where(x => x.RequestId == id && x.SignedOffAt != null).Select(x => x.Role).Distinct().ToListAsync(ct);
            var missing = RequestTypes.SignOffs(scope.Type).Except(signed).ToList();
            if (missing.Count > 0)
                return Result<int>.Conflict("decision", v.Message("Requests.SignOffsMissing", string.Join(", ", missing.Select(m => v.Message("ReviewRole." + m)))));
        }
        var permitNeeded = approving && scope.Type.Kind == RequestKind.HealthDataAccess;
        var permit = permitNeeded ? ValidatePermit(input.Permit, conditions) : null;
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var now = clock.GetUtcNow();
        bool changed;
        try
        {
            changed = await DecideOnceAsync();
        }
        catch (DbUpdateException)
        {
            // Another permit took the same number at the same moment (unique number and version): nothing was saved.
            return Result<int>.Conflict("", v.Message("Requests.ChangedMeanwhile"));
        }
        return changed ? Result<int>.Ok(id) : Result<int>.Conflict("", v.Message("Requests.ChangedMeanwhile"));

        Task<bool> DecideOnceAsync() => db.InTransactionAsync(async token =>
        {
            var rows = await db.Requests.Where(x => x.Id == id && x.Version == r.Version && x.State == RequestState.InReview)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, decision).SetProperty(x => x.DecisionText, reasons.Length == 0 ? null : reasons)
                    .SetProperty(x => x.Conditions, conditions.Length == 0 ? null : conditions).SetProperty(x => x.DecidedAt, now)
                    .SetProperty(x => x.DecidedById, scope.UserId).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1), token);
            if (rows == 0) return false;
            db.RequestEvents.Add(new RequestEvent { RequestId = id, From = r.State, To = decision, ActorId = scope.UserId, At = now });
            if (permit is not null)
            {
                permit.RequestId = id;
                permit.Number = await PermitNumberAsync(hubSlug, now, token);
                permit.Version = 1;
                permit.IssuedById = scope.UserId;
                permit.IssuedAt = now;
                permit.Reason = v.Message("Requests.PermitIssued");
                db.DataPermits.Add(permit);
            }
            audit.Add(AuditActions.RequestDecided, r.HubId, RequestWorkflow.Subject(r), decision + (permit is null ? "" : $", permit {permit.Number}"));
            await RequestWorkflow.TellApplicantAsync(notifier, r, scope.UserId, decision.ToString(), token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
    }

    /// <summary>The permit's fields checked, errors under <paramref name="prefix"/> ("permit." within a decision).</summary>
    private DataPermit? ValidatePermit(PermitInput? input, string conditions, string prefix = "permit.")
    {
        if (input is null)
        {
            v.Add("permit", "Validation.Required");
            return null;
        }
        if (input.ValidFrom is null) v.Add(prefix + "validFrom", "Validation.Required");
        if (input.ValidTo is null) v.Add(prefix + "validTo", "Validation.Required");
        else if (input.ValidFrom is { } from && input.ValidTo < from) v.Add(prefix + "validTo", "Requests.PermitEndsBeforeStart");
        var granted = v.Text(prefix + "grantedData", input.GrantedData, RequestLimits.Note, multiline: true);
        var environment = v.Text(prefix + "environment", input.Environment, RequestLimits.Note, multiline: true);
        var people = v.Text(prefix + "authorisedPeople", input.AuthorisedPeople, RequestLimits.Note, multiline: true);
        var permitConditions = v.Text(prefix + "conditions", string.IsNullOrWhiteSpace(input.Conditions) ? conditions : input.Conditions,
            RequestLimits.Note, required: false, multiline: true);
        return new DataPermit
        {
            Id = Guid.NewGuid(), ValidFrom = input.ValidFrom ?? default, ValidTo = input.ValidTo ?? default, GrantedData = granted, Environment = environment,
            AuthorisedPeople = people, Conditions = permitConditions, State = PermitState.Active,
        };
    }

    /// <summary>
    /// The next permit number for the year: the hub's initials, the year and a running number ("HE-2026-0003"),
    /// counted over every permit with that prefix so that hubs with the same initials never share a number.
    /// </summary>
    private async Task<string> PermitNumberAsync(string hubSlug, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = $"{hubSlug[..Math.Min(2, hubSlug.Length)].ToUpperInvariant()}-{now.Year.ToString(CultureInfo.InvariantCulture)}-";
        var count = await db.DataPermits.CountAsync(p => p.Version == 1 && p.Number.StartsWith(prefix), ct);
        return prefix + (count + 1).ToString("0000", CultureInfo.InvariantCulture);
    }

    /// <summary>A new version of the permit (amended or renewed), with the reason; the earlier version stays on record.</summary>
    public async Task<Result<int>> AmendPermitAsync(string hubSlug, int id, PermitInput input, CancellationToken ct)
    {
        var (scope, current, refused) = await PermitScopeAsync(hubSlug, id, ct);
        if (refused is not null) return refused;
        var reason = v.Text("reason", input.Reason, RequestLimits.Note, multiline: true);
        var next = ValidatePermit(input, current!.Conditions, prefix: "");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        next!.RequestId = id;
        next.Number = current.Number;
        next.Version = current.Version + 1;
        next.Reason = reason;
        next.IssuedById = scope!.UserId;
        next.IssuedAt = clock.GetUtcNow();
        db.DataPermits.Add(next);
        audit.Add(AuditActions.RequestPermitChanged, scope.Request.HubId, RequestWorkflow.Subject(scope.Request), $"{next.Number} v{next.Version}: {reason}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<int>.Conflict("", v.Message("Requests.ChangedMeanwhile"));
        }
        return Result<int>.Ok(next.Version);
    }

    public async Task<Result<int>> RevokePermitAsync(string hubSlug, int id, string? reason, CancellationToken ct)
    {
        var (scope, current, refused) = await PermitScopeAsync(hubSlug, id, ct);
        if (refused is not null) return refused;
        var why = v.Text("reason", reason, RequestLimits.Note, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var rows = await db.DataPermits.Where(p => p.Id == current!.Id && p.State == PermitState.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PermitState.Revoked).SetProperty(p => p.Reason, why), ct);
        if (rows == 0) return Result<int>.Conflict("", v.Message("Requests.ChangedMeanwhile"));
        audit.Add(AuditActions.RequestPermitChanged, scope!.Request.HubId, RequestWorkflow.Subject(scope.Request), $"{current!.Number} v{current.Version} revoked: {why}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(current.Version);
    }

    private async Task<(RequestAccess.Standing? Scope, DataPermit? Current, Result<int>? Refused)> PermitScopeAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return (null, null, Result<int>.NotFound());
        if (!scope.IsManager) return (null, null, scope.Refuse<int>());
        var current = await db.DataPermits.AsNoTracking().Where(p => p.RequestId == id).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        if (current is null) return (null, null, Result<int>.NotFound());
        if (current.State != PermitState.Active) return (null, null, Result<int>.Conflict("", v.Message("Requests.PermitRevoked")));
        return (scope, current, null);
    }
}
