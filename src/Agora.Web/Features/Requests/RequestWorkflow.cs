using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

public sealed record NewRequest(string? TypeKey, string? Title);

public sealed record DraftChanges(string? Title, JsonObject Answers, int? Version);

public sealed record ReturnInput(string? Missing, DateOnly? DueOn);

public sealed record ExtendInput(int? Months, string? Reason);

/// <summary>
/// A request's way from draft to decision: the applicant drafts and submits; the hub checks it is complete (or
/// returns it with what is missing and a deadline, four weeks by default); once complete the decision deadline runs
/// (the type's months; extendable once by up to three months, with a reason); the applicant may withdraw it until
/// it is decided. Every change is in the request's timeline and the audit trail.
/// </summary>
public sealed class RequestWorkflow(AgoraDbContext db, RequestAccess access, RequestTypes types, CurrentUser current, Viewers viewers,
    Validator v, AuditLog audit, Notifier notifier, TimeProvider clock, Platform.Security.SubmissionLimits limits)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static string Subject(HubRequest r) => $"#{r.Id.ToString(CultureInfo.InvariantCulture)} {r.Title}";

    /// <summary>
    /// Tells the applicant that their request moved on (<paramref name="what"/>: a state, "Question" or "Extended"); the
    /// text is rendered in their language and says nothing of the hub's internal work.
    /// </summary>
    internal static Task TellApplicantAsync(Notifier notifier, HubRequest r, Guid actor, string what, CancellationToken ct) =>
        notifier.AddAsync(new NotificationEvent(NotificationKind.RequestUpdated, r.HubId, ActorId: actor, Detail: what, RequestId: r.Id), [r.ApplicantId], ct);

    /// <summary>Any signed-in member of the hub (or anyone when the hub is open) starts a draft of one of its kinds of request.</summary>
    public async Task<Result<int>> CreateAsync(string hubSlug, NewRequest input, CancellationToken ct)
    {
        if (await db.HubIdAsync(hubSlug, ct) is not { } hub) return Result<int>.NotFound();
        var viewer = await viewers.ForHubAsync(hub, ct);
        if (!viewer.IsAuthenticated) return Result<int>.Forbidden();
        var type = (await types.ForHubAsync(hub, ct)).FirstOrDefault(t => t.Key == input.TypeKey && t.Active);
        if (type is null) v.Add("typeKey", input.TypeKey is null ? "Validation.Required" : "Validation.Invalid");
        var title = v.Text("title", input.Title, RequestLimits.Title);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        if (await limits.RefuseAsync<int>(Platform.Security.SubmissionKinds.Requests, db.Requests.Where(r => r.ApplicantId == current.RequiredId).Select(r => r.CreatedAt), ct) is { } tooMany) return tooMany;
        var now = clock.GetUtcNow();
        var request = new HubRequest
        {
            HubId = hub, TypeId = type!.Id, ApplicantId = current.RequiredId, Title = title, State = RequestState.Draft,
            Language = CultureInfo.CurrentUICulture.Name, AnswersJson = RequestAnswers.Defaults(RequestAnswers.ReadForm(type.FormJson)).ToJsonString(),
            CreatedAt = now, UpdatedAt = now,
        };
        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);
        db.RequestEvents.Add(new RequestEvent { RequestId = request.Id, To = RequestState.Draft, ActorId = request.ApplicantId, At = now });
        audit.Add(AuditActions.RequestCreated, hub, Subject(request), type.Key);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(request.Id);
    }

    /// <summary>The applicant saves a draft (or a returned request): title and answers, checked for shape but not for completeness.</summary>
    public async Task<Result<int>> SaveAsync(string hubSlug, int id, DraftChanges changes, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.CanEdit) return scope.Refuse<int>();
        var form = RequestAnswers.ReadForm(scope.Type.FormJson);
        var title = v.Text("title", changes.Title, RequestLimits.Title);
        RequestAnswers.Validate(form, changes.Answers, await FileKeysAsync(id, ct), submitting: false, v, "answers.");
        var json = changes.Answers.ToJsonString();
        if (json.Length > RequestLimits.Answers) v.Add("answers", "Requests.AnswersTooLong");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var seen = changes.Version ?? scope.Request.Version;
        var rows = await db.Requests.Where(r => r.Id == id && r.Version == seen && (r.State == RequestState.Draft || r.State == RequestState.Returned))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, title).SetProperty(r => r.AnswersJson, json)
                .SetProperty(r => r.UpdatedAt, clock.GetUtcNow()).SetProperty(r => r.Version, r => r.Version + 1), ct);
        return rows == 1 ? Result<int>.Ok(seen + 1) : Result<int>.Conflict("", v.Message("Requests.ChangedMeanwhile"));
    }

    private async Task<HashSet<string>> FileKeysAsync(int id, CancellationToken ct) =>
        (await db.RequestFiles.Where(f => f.RequestId == id).Select(f => f.FieldKey).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>The applicant submits a draft, or a returned request once completed: every required answer and document must be there.</summary>
    public async Task<Result<int>> SubmitAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.CanEdit) return scope.Refuse<int>();
        var form = RequestAnswers.ReadForm(scope.Type.FormJson);
        RequestAnswers.Validate(form, RequestAnswers.Parse(scope.Request.AnswersJson), await FileKeysAsync(id, ct), submitting: true, v, "answers.");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return await MoveAsync(scope, [RequestState.Draft, RequestState.Returned], RequestState.Submitted, null,
            s => s.SetProperty(r => r.SubmittedAt, clock.GetUtcNow()).SetProperty(r => r.Missing, (string?)null)
                .SetProperty(r => r.CompletionDueOn, (DateOnly?)null), AuditActions.RequestSubmitted, ct);
    }

    /// <summary>A hub manager returns a submitted request: what is missing (told to the applicant) and by when (four weeks unless given).</summary>
    public async Task<Result<int>> ReturnAsync(string hubSlug, int id, ReturnInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        var missing = v.Text("missing", input.Missing, RequestLimits.Note, multiline: true);
        var due = input.DueOn ?? RequestDeadlines.CompletionDue(Today);
        if (due <= Today) v.Add("dueOn", "Requests.DueInFuture");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        // The timeline keeps people's own words only; dates and states are shown in each reader's language.
        return await MoveAsync(scope, [RequestState.Submitted], RequestState.Returned, missing,
            s => s.SetProperty(r => r.Missing, missing).SetProperty(r => r.CompletionDueOn, due), AuditActions.RequestReturned, ct);
    }

    /// <summary>A hub manager finds a submitted request complete: review starts and the decision deadline runs from today.</summary>
    public async Task<Result<int>> AcceptAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        var today = Today;
        var due = RequestDeadlines.DecisionDue(today, scope.Type.DecisionMonths);
        return await MoveAsync(scope, [RequestState.Submitted], RequestState.InReview, null,
            s => s.SetProperty(r => r.CompleteOn, today).SetProperty(r => r.DecisionDueOn, due), AuditActions.RequestAccepted, ct);
    }

    /// <summary>A hub manager extends the decision deadline once, by 1–3 months, with a reason the applicant sees.</summary>
    public async Task<Result<int>> ExtendAsync(string hubSlug, int id, ExtendInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        var r = scope.Request;
        if (r.State != RequestState.InReview || r.DecisionDueOn is not { } due)
            return Result<int>.Conflict("", v.Message("Requests.NotInReview"));
        if (r.ExtendedDueOn is not null) return Result<int>.Conflict("", v.Message("Requests.AlreadyExtended"));
        if (input.Months is not { } months) v.Add("months", "Validation.Required");
        else if (months is < 1 or > RequestDeadlines.MaxExtensionMonths) v.Add("months", "Validation.Range", 1, RequestDeadlines.MaxExtensionMonths);
        var reason = v.Text("reason", input.Reason, RequestLimits.Note, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var extended = RequestDeadlines.Extended(due, input.Months!.Value);
        var now = clock.GetUtcNow();
        var changed = await db.InTransactionAsync(async token =>
        {
            var rows = await db.Requests.Where(x => x.Id == id && x.Version == r.Version && x.ExtendedDueOn == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExtendedDueOn, extended).SetProperty(x => x.ExtensionReason, reason)
                    .SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1), token);
            if (rows == 0) return false;
            db.RequestEvents.Add(new RequestEvent
            {
                RequestId = id, From = r.State, To = r.State, ActorId = scope.UserId, At = now,
                Note = reason,
            });
            audit.Add(AuditActions.RequestExtended, r.HubId, Subject(r), $"{due:yyyy-MM-dd} → {extended:yyyy-MM-dd}: {reason}");
            await TellApplicantAsync(notifier, r, scope.UserId, "Extended", token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return changed ? Result<int>.Ok(id) : Result<int>.Conflict("", v.Message("Requests.ChangedMeanwhile"));
    }

    /// <summary>The applicant withdraws a request that is not decided yet.</summary>
    public async Task<Result<int>> WithdrawAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsApplicant) return scope.Refuse<int>();
        return await MoveAsync(scope, [RequestState.Draft, RequestState.Submitted, RequestState.Returned, RequestState.InReview], RequestState.Withdrawn,
            null, s => s, AuditActions.RequestWithdrawn, ct);
    }

    /// <summary>Moves the request from one of <paramref name="from"/> to <paramref name="to"/> if nobody changed it meanwhile; records the event.</summary>
    private async Task<Result<int>> MoveAsync(RequestAccess.Standing scope, RequestState[] from, RequestState to, string? note,
        Func<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<HubRequest>, Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<HubRequest>> more,
        string action, CancellationToken ct)
    {
        var r = scope.Request;
        if (!from.Contains(r.State)) return Result<int>.Conflict("", v.Message("Requests.WrongState", v.Message("RequestState." + r.State)));
        var now = clock.GetUtcNow();
        var changed = await db.InTransactionAsync(async token =>
        {
            var rows = await db.Requests.Where(x => x.Id == r.Id && x.Version == r.Version && x.State == r.State)
                .ExecuteUpdateAsync(s => more(s.SetProperty(x => x.State, to).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1)), token);
            if (rows == 0) return false;
            db.RequestEvents.Add(new RequestEvent { RequestId = r.Id, From = r.State, To = to, Note = note, ActorId = scope.UserId, At = now });
            audit.Add(action, r.HubId, Subject(r), $"{r.State} → {to}");
            if (to is RequestState.Returned or RequestState.InReview) await TellApplicantAsync(notifier, r, scope.UserId, to.ToString(), token);
            if (to == RequestState.Submitted)
            {
                // The hub's managers check every submitted request for completeness.
                var managers = await db.HubMemberships.Where(m => m.HubId == r.HubId && (m.Roles & HubRoles.HubManager) != 0).Select(m => m.UserId).ToListAsync(token);
                await notifier.AddAsync(new NotificationEvent(NotificationKind.RequestSubmitted, r.HubId, ActorId: scope.UserId, RequestId: r.Id), managers, token);
            }
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return changed ? Result<int>.Ok(r.Id) : Result<int>.Conflict("", v.Message("Requests.ChangedMeanwhile"));
    }

    /// <summary>The applicant attaches a document to one of the form's file fields while the request is editable.</summary>
    public async Task<Result<Guid>> AddFileAsync(string hubSlug, int id, string? fieldKey, UploadInput? upload, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<Guid>.NotFound();
        if (!scope.CanEdit) return scope.Refuse<Guid>();
        var form = RequestAnswers.ReadForm(scope.Type.FormJson);
        if (form.Fields.FirstOrDefault(f => f.Key == fieldKey && f.Kind == FieldKind.File) is null)
            return Result<Guid>.Invalid("field", v.Message("Validation.Invalid"));
        if (upload is null || upload.Size == 0) return Result<Guid>.Invalid("file", v.Message("Validation.Required"));
        if (upload.Size > RequestLimits.MaxFileBytes)
            return Result<Guid>.Invalid("file", v.Message("Ideas.AttachmentTooLarge", RequestLimits.MaxFileBytes / 1024 / 1024));
        var type = AttachmentTypes.Detect(upload.Content);
        if (type is null) return Result<Guid>.Invalid("file", v.Message("Ideas.AttachmentType"));
        if (await db.RequestFiles.CountAsync(f => f.RequestId == id, ct) >= RequestLimits.MaxFiles)
            return Result<Guid>.Invalid("file", v.Message("Requests.TooManyFiles", RequestLimits.MaxFiles));
        var file = new RequestFile
        {
            Id = Guid.NewGuid(), RequestId = id, FieldKey = fieldKey!, FileName = AttachmentTypes.SafeFileName(upload.FileName, type),
            ContentType = type.ContentType, Content = upload.Content, Size = upload.Content.Length, UploadedById = scope.UserId,
            UploadedAt = clock.GetUtcNow(),
        };
        db.RequestFiles.Add(file);
        audit.Add(AuditActions.RequestFileAdded, scope.Request.HubId, Subject(scope.Request),
            $"{fieldKey}: {file.FileName} ({Convert.ToHexStringLower(SHA256.HashData(upload.Content))[..16]})");
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(file.Id);
    }

    public async Task<Result<Guid>> RemoveFileAsync(string hubSlug, int id, Guid fileId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<Guid>.NotFound();
        if (!scope.CanEdit) return scope.Refuse<Guid>();
        var file = await db.RequestFiles.Where(f => f.Id == fileId && f.RequestId == id).Select(f => new { f.FileName, f.FieldKey }).SingleOrDefaultAsync(ct);
        if (file is null) return Result<Guid>.NotFound();
        await db.RequestFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
        audit.Add(AuditActions.RequestFileRemoved, scope.Request.HubId, Subject(scope.Request), $"{file.FieldKey}: {file.FileName}");
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(fileId);
    }
}
