using System.Globalization;
using System.Text.Json.Nodes;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

public sealed record RequestSummary(int Id, string HubSlug, string HubName, string Title, string Type, RequestKind Kind, RequestState State,
    string Applicant, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, DateOnly? DueOn, bool Overdue);

/// <summary>An answer as shown: the field's label and the answer in words (choices by their labels); groups as rows of the same.</summary>
public sealed record AnswerView(string Key, FieldKind Kind, string Label, string? Value, IReadOnlyList<IReadOnlyList<AnswerView>>? Rows);

public sealed record AnswerSection(string Title, IReadOnlyList<AnswerView> Answers);

public sealed record FileView(Guid Id, string FieldKey, string FileName, string ContentType, int Size, DateTimeOffset UploadedAt, string Url);

public sealed record TimelineEntry(RequestState? From, RequestState To, string? Note, DateTimeOffset At);

public sealed record ChecklistAnswer(string Key, string Text, bool? Checked);

/// <summary>A review as the hub's side sees it; <see cref="Mine"/> when the reader is its reviewer (and may still change it).</summary>
public sealed record ReviewView(Guid Id, ReviewRole Role, string Reviewer, DateTimeOffset AssignedAt, IReadOnlyList<ChecklistAnswer> Checklist,
    Recommendation? Recommendation, string Opinion, DateTimeOffset? SignedOffAt, bool Mine);

public sealed record MessageView(long Id, MessageKind Kind, string Author, string Body, DateTimeOffset CreatedAt, long? QuestionId);

public sealed record PermitView(Guid Id, string Number, int Version, DateOnly ValidFrom, DateOnly ValidTo, string GrantedData, string Environment,
    string AuthorisedPeople, string Conditions, PermitState State, string Reason, DateTimeOffset IssuedAt, string IssuedBy);

/// <summary>The decision as the applicant reads it.</summary>
public sealed record DecisionView(RequestState Decision, string? Reasons, string? Conditions, DateTimeOffset DecidedAt, string DecidedBy);

/// <summary>
/// A request as the reader may see it. The applicant sees their answers, documents, dates and timeline; the hub's
/// side (managers, assigned reviewers) sees the applicant's name too. Internal notes are never part of this record.
/// <see cref="Retained"/>: the applicant's account was erased and the request is kept, with their name, under legal retention.
/// </summary>
public sealed record RequestDetail(int Id, string HubSlug, string Title, RequestTypeView Type, RequestState State, string Applicant, string Language,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, string? Missing, DateOnly? CompletionDueOn, DateOnly? CompleteOn, DateOnly? DecisionDueOn,
    DateOnly? ExtendedDueOn, string? ExtensionReason, int? DaysLeft, bool Overdue, IReadOnlyList<AnswerSection> Sections, IReadOnlyList<FileView> Files,
    IReadOnlyList<TimelineEntry> Timeline, int Version, bool IsApplicant, bool CanEdit, bool CanWithdraw, bool CanReturn, bool CanAccept, bool CanExtend,
    IReadOnlyList<MessageView> Questions, IReadOnlyList<MessageView>? InternalNotes, IReadOnlyList<ReviewView>? Reviews,
    IReadOnlyList<ReviewRole> RequiredSignOffs, DecisionView? Decision, IReadOnlyList<PermitView> Permits, bool SeesInternal, bool CanDecide,
    bool Retained);

/// <summary>Reads requests with the rule of <see cref="RequestAccess"/>; every view of a request and of its documents is audited.</summary>
public sealed class RequestQueries(AgoraDbContext db, RequestAccess access, CurrentUser current, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 25;
    private static string Culture => CultureInfo.CurrentUICulture.Name;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private IQueryable<RequestSummaryRow> Rows(IQueryable<HubRequest> requests) =>
        from r in requests
        join h in db.Hubs on r.HubId equals h.Id
        join t in db.RequestTypes on r.TypeId equals t.Id
        join u in db.Users on r.ApplicantId equals u.Id
        select new RequestSummaryRow(r.Id, h.Slug, h.Name, r.Title, t.NameEn, t.NamePt, t.NameNb, t.Kind, r.State, r.RetainedApplicantName ?? u.DisplayName, r.UpdatedAt,
            r.SubmittedAt, r.ExtendedDueOn ?? r.DecisionDueOn);

    private sealed record RequestSummaryRow(int Id, string HubSlug, string HubName, string Title, string En, string Pt, string Nb, RequestKind Kind,
        RequestState State, string Applicant, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, DateOnly? DueOn);

    private RequestSummary Summary(RequestSummaryRow r) => new(r.Id, r.HubSlug, r.HubName, r.Title, new LocalText(r.En, r.Pt, r.Nb).In(Culture), r.Kind,
        r.State, r.Applicant, r.UpdatedAt, r.SubmittedAt, r.DueOn, RequestDeadlines.IsOverdue(r.State, r.DueOn, Today));

    /// <summary>The signed-in person's own requests in every hub (or in one), most recently changed first.</summary>
    public async Task<PagedList<RequestSummary>> MineAsync(Guid? hubId, int page, CancellationToken ct)
    {
        var me = current.RequiredId;
        var mine = db.Requests.AsNoTracking().Where(r => r.ApplicantId == me && (hubId == null || r.HubId == hubId));
        var total = await mine.CountAsync(ct);
        var rows = await Rows(mine.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return new PagedList<RequestSummary>(rows.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).Select(Summary).ToList(), page, PageSize, total);
    }

    public sealed record HubFilter(RequestState? State, string? Type, bool Overdue, int Page);

    /// <summary>
    /// The hub's requests a person works on: all of them (except drafts) for its managers, those assigned to a reviewer for
    /// the reviewer. Null when there is no such hub.
    /// </summary>
    public async Task<(PagedList<RequestSummary> List, bool IsManager)?> HubAsync(string hubSlug, HubFilter f, bool isManager, CancellationToken ct)
    {
        if (await db.HubIdAsync(hubSlug, ct) is not { } hub) return null;
        var me = current.RequiredId;
        // Drafts (and drafts withdrawn before they were ever sent) are the applicant's alone.
        var requests = db.Requests.AsNoTracking().Where(r => r.HubId == hub && r.SubmittedAt != null && r.State != RequestState.Draft);
        if (!isManager)
        {
            // Reviews count while their reviewer still holds the matching role in the hub (and is not blocked there).
            var blocked = await db.HubBlocks.AnyAsync(b => b.HubId == hub && b.UserId == me, ct);
            List<ReviewRole> allowed = blocked ? [] : [.. ReviewRoles.AllowedBy(await current.RolesInAsync(hub, ct))];
            requests = requests.Where(r => db.RequestReviews.Any(x => x.RequestId == r.Id && x.ReviewerId == me && allowed.Contains(x.Role)));
        }
        if (f.State is { } state) requests = requests.Where(r => r.State == state);
        if (!string.IsNullOrEmpty(f.Type)) requests = requests.Where(r => db.RequestTypes.Any(t => t.Id == r.TypeId && t.Key == f.Type));
        if (f.Overdue)
        {
            var today = Today;
            requests = requests.Where(r => r.State == RequestState.InReview && (r.ExtendedDueOn ?? r.DecisionDueOn) < today);
        }
        var total = await requests.CountAsync(ct);
        // Open ones by deadline first (the most pressing on top), then the rest by last change.
        var ordered = requests.OrderBy(r => r.State == RequestState.InReview ? 0 : r.State == RequestState.Submitted ? 1 : r.State == RequestState.Returned ? 2 : 3)
            .ThenBy(r => r.ExtendedDueOn ?? r.DecisionDueOn).ThenByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id);
        var ids = await ordered.Skip((f.Page - 1) * PageSize).Take(PageSize).Select(r => r.Id).ToListAsync(ct);
        var rows = await Rows(db.Requests.Where(r => ids.Contains(r.Id))).ToListAsync(ct);
        return (new PagedList<RequestSummary>(ids.Select(i => Summary(rows.Single(r => r.Id == i))).ToList(), f.Page, PageSize, total), isManager);
    }

    /// <summary>One request for the people who may know it (null otherwise); the view is written to the audit trail.</summary>
    public async Task<RequestDetail?> GetAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return null;
        var r = scope.Request;
        var form = RequestAnswers.ReadForm(scope.Type.FormJson);
        var answers = RequestAnswers.Parse(r.AnswersJson);
        var files = await db.RequestFiles.AsNoTracking().Where(f => f.RequestId == id).OrderBy(f => f.UploadedAt)
            .Select(f => new { f.Id, f.FieldKey, f.FileName, f.ContentType, f.Size, f.UploadedAt }).ToListAsync(ct);
        var timeline = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Id)
            .Select(e => new TimelineEntry(e.From, e.To, e.Note, e.At)).ToListAsync(ct);
        var applicant = r.RetainedApplicantName ?? await db.Users.Where(u => u.Id == r.ApplicantId).Select(u => u.DisplayName).SingleAsync(ct);
        // Questions and answers for everyone who knows the request; internal notes only ever for the hub's side.
        var messages = await (from m in db.RequestMessages.AsNoTracking()
                              join u in db.Users on m.AuthorId equals u.Id
                              where m.RequestId == id && (scope.SeesInternal || m.Kind != MessageKind.InternalNote)
                              orderby m.Id
                              select new MessageView(m.Id, m.Kind, u.DisplayName, m.Body, m.CreatedAt, m.QuestionId)).ToListAsync(ct);
        List<ReviewView>? reviews = null;
        if (scope.SeesInternal)
        {
            var rows = await (from x in db.RequestReviews.AsNoTracking()
                              join u in db.Users on x.ReviewerId equals u.Id
                              where x.RequestId == id
                              orderby x.Role, u.DisplayName
                              select new { x.Id, x.Role, x.ReviewerId, u.DisplayName, x.AssignedAt, x.ChecklistJson, x.Recommendation, x.Opinion, x.SignedOffAt })
                .ToListAsync(ct);
            reviews = rows.Select(x =>
            {
                var answered = RequestAnswers.Parse(x.ChecklistJson);
                return new ReviewView(x.Id, x.Role, x.DisplayName, x.AssignedAt,
                    RequestReviewing.Checklist(scope.Type, x.Role).Select(i => new ChecklistAnswer(i.Key, i.Text.In(Culture),
                        answered[i.Key] is System.Text.Json.Nodes.JsonValue b && b.TryGetValue<bool>(out var c) ? c : null)).ToList(),
                    x.Recommendation, x.Opinion, x.SignedOffAt, x.ReviewerId == scope.UserId);
            }).ToList();
        }
        var permits = await (from p in db.DataPermits.AsNoTracking()
                             join u in db.Users on p.IssuedById equals u.Id
                             where p.RequestId == id
                             orderby p.Version descending
                             select new PermitView(p.Id, p.Number, p.Version, p.ValidFrom, p.ValidTo, p.GrantedData, p.Environment, p.AuthorisedPeople,
                                 p.Conditions, p.State, p.Reason, p.IssuedAt, u.DisplayName)).ToListAsync(ct);
        var decidedBy = r.DecidedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).SingleAsync(ct) : null;
        var due = r.DueOn;
        audit.Add(AuditActions.RequestViewed, r.HubId, RequestWorkflow.Subject(r), scope.IsApplicant ? "applicant" : scope.IsManager ? "manager" : "reviewer");
        await db.SaveChangesAsync(ct);
        return new RequestDetail(r.Id, hubSlug, r.Title, RequestTypes.View(scope.Type), r.State, applicant, r.Language, r.CreatedAt, r.SubmittedAt,
            r.State == RequestState.Returned ? r.Missing : null, r.State == RequestState.Returned ? r.CompletionDueOn : null, r.CompleteOn,
            r.DecisionDueOn, r.ExtendedDueOn, r.ExtensionReason,
            due is { } d && r.State == RequestState.InReview ? RequestDeadlines.DaysLeft(d, Today) : null,
            RequestDeadlines.IsOverdue(r.State, due, Today),
            form.Sections.Select(s => new AnswerSection(s.Title.In(Culture), s.Fields.Where(f => f.Kind != FieldKind.File)
                .Select(f => Answer(f, answers)).ToList())).ToList(),
            files.Select(f => new FileView(f.Id, f.FieldKey, f.FileName, f.ContentType, f.Size, f.UploadedAt,
                $"/api/v1/hubs/{hubSlug}/requests/{id}/files/{f.Id}")).ToList(),
            timeline, r.Version, scope.IsApplicant, scope.CanEdit,
            scope.IsApplicant && r.State is RequestState.Draft or RequestState.Submitted or RequestState.Returned or RequestState.InReview,
            scope.IsManager && r.State == RequestState.Submitted, scope.IsManager && r.State == RequestState.Submitted,
            scope.IsManager && r.State == RequestState.InReview && r.ExtendedDueOn is null,
            messages.Where(m => m.Kind != MessageKind.InternalNote).ToList(), scope.SeesInternal ? messages.Where(m => m.Kind == MessageKind.InternalNote).ToList() : null,
            reviews, RequestTypes.SignOffs(scope.Type),
            r.DecidedAt is { } at && decidedBy is not null ? new DecisionView(r.State, r.DecisionText, r.Conditions, at, decidedBy) : null,
            permits, scope.SeesInternal, scope.IsManager && r.State == RequestState.InReview, r.Retained);
    }

    private static AnswerView Answer(RequestField f, JsonObject scope) => f.Kind switch
    {
        FieldKind.Group => new AnswerView(f.Key, f.Kind, f.Label.In(Culture), null,
            RequestAnswers.Rows(scope, f.Key).Select(row => (IReadOnlyList<AnswerView>)(f.Fields ?? []).Where(s => s.Kind != FieldKind.File)
                .Select(s => Answer(s, row)).ToList()).ToList()),
        FieldKind.MultiChoice => new AnswerView(f.Key, f.Kind, f.Label.In(Culture),
            Nullable(string.Join(", ", RequestAnswers.Many(scope, f.Key).Select(k => OptionLabel(f, k)))), null),
        FieldKind.Choice => new AnswerView(f.Key, f.Kind, f.Label.In(Culture),
            RequestAnswers.Text(scope, f.Key) is { } k ? OptionLabel(f, k) : null, null),
        FieldKind.Date => new AnswerView(f.Key, f.Kind, f.Label.In(Culture),
            DateOnly.TryParseExact(RequestAnswers.Text(scope, f.Key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("d", CultureInfo.CurrentCulture) : null, null),
        _ => new AnswerView(f.Key, f.Kind, f.Label.In(Culture), RequestAnswers.Text(scope, f.Key), null),
    };

    private static string? Nullable(string s) => s.Length == 0 ? null : s;

    private static string OptionLabel(RequestField f, string key) => f.Options?.FirstOrDefault(o => o.Key == key)?.Label.In(Culture) ?? key;

    public sealed record Download(string FileName, string ContentType, byte[] Content);

    /// <summary>A document for those who may know the request; every download is audited.</summary>
    public async Task<Download?> FileAsync(string hubSlug, int id, Guid fileId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return null;
        var file = await db.RequestFiles.AsNoTracking().Where(f => f.Id == fileId && f.RequestId == id)
            .Select(f => new Download(f.FileName, f.ContentType, f.Content)).SingleOrDefaultAsync(ct);
        if (file is null) return null;
        audit.Add(AuditActions.RequestFileDownloaded, scope.Request.HubId, RequestWorkflow.Subject(scope.Request), file.FileName);
        await db.SaveChangesAsync(ct);
        return file;
    }

    public sealed record Letter(string FileName, string ContentType, byte[] Content);

    /// <summary>
    /// The decision letter of a decided request, in the applicant's language, as HTML or PDF: for those who may know the
    /// request (null otherwise, or before a decision). Every download is audited.
    /// </summary>
    public async Task<Letter?> LetterAsync(string hubSlug, int id, bool pdf, DecisionLetters letters, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return null;
        var r = scope.Request;
        if (r.DecidedAt is not { } decidedAt || r.DecidedById is not { } decidedBy
            || r.State is not (RequestState.Approved or RequestState.ApprovedWithConditions or RequestState.Rejected)) return null;
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Id == r.HubId)
            .Select(h => new { h.Name, Texts = h.Texts.Select(t => new { t.Culture, t.Name }).ToList() }).SingleAsync(ct);
        var applicant = r.RetainedApplicantName ?? await db.Users.Where(u => u.Id == r.ApplicantId).Select(u => u.DisplayName).SingleAsync(ct);
        var decider = await db.Users.Where(u => u.Id == decidedBy).Select(u => u.DisplayName).SingleAsync(ct);
        var permit = await db.DataPermits.AsNoTracking().Where(p => p.RequestId == id).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        var answers = RequestAnswers.Parse(r.AnswersJson);
        var kind = new LocalText(scope.Type.NameEn, scope.Type.NamePt, scope.Type.NameNb).In(r.Language);
        var content = new LetterContent(hub.Texts.FirstOrDefault(t => t.Culture == r.Language)?.Name ?? hub.Name, applicant,
            RequestAnswers.Text(answers, "organisation") ?? r.RetainedApplicantOrganisation, r.Id, r.Title, kind,
            DateOnly.FromDateTime((r.SubmittedAt ?? r.CreatedAt).UtcDateTime), DateOnly.FromDateTime(decidedAt.UtcDateTime), r.State,
            r.DecisionText, r.State == RequestState.ApprovedWithConditions ? r.Conditions : null, decider,
            permit is null || r.State == RequestState.Rejected ? null
                : new LetterPermit(permit.Number, permit.Version, permit.ValidFrom, permit.ValidTo, permit.GrantedData, permit.Environment,
                    permit.AuthorisedPeople, permit.Conditions),
            r.Language);
        var name = $"decision-{r.Id.ToString(CultureInfo.InvariantCulture)}";
        var letter = pdf ? new Letter(name + ".pdf", "application/pdf", letters.Pdf(content))
            : new Letter(name + ".html", "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(letters.Html(content)));
        audit.Add(AuditActions.RequestLetterDownloaded, r.HubId, RequestWorkflow.Subject(r), letter.FileName);
        await db.SaveChangesAsync(ct);
        return letter;
    }

    /// <summary>The request's form and answers, for its edit page (the applicant, while it is editable).</summary>
    public async Task<(RequestForm Form, JsonObject Answers, HubRequest Request, IReadOnlyList<FileView> Files)?> EditableAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null || !scope.CanEdit) return null;
        var files = await db.RequestFiles.AsNoTracking().Where(f => f.RequestId == id).OrderBy(f => f.UploadedAt)
            .Select(f => new FileView(f.Id, f.FieldKey, f.FileName, f.ContentType, f.Size, f.UploadedAt, "")).ToListAsync(ct);
        return (RequestAnswers.ReadForm(scope.Type.FormJson), RequestAnswers.Parse(scope.Request.AnswersJson), scope.Request,
            files.Select(f => f with { Url = $"/api/v1/hubs/{hubSlug}/requests/{id}/files/{f.Id}" }).ToList());
    }
}
