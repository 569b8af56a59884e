using Agora.Web.Features.Hubs;
using Agora.Web.Features.Events;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>Where an applicant stands, as they are told: their application's status, read with the call's state.</summary>
public enum ApplicantStatus
{
    Submitted,
    InReview,
    Selected,
    Reserve,
    NotSelected,
    Declined,
    Withdrawn,
}

public sealed record CallSummary(int Id, string Title, HubRoles Role, CallState State, CallAudience Audience, int Seats, DateTimeOffset Deadline,
    ApplicantStatus? Mine, HeldRole? DefinedRole = null);

public sealed record QuestionRow(int Id, int Position, string Text, bool Required);

/// <summary>A stage of a call; <see cref="EventTitle"/> only when the reader may see the stage's event.</summary>
public sealed record StageRow(int Id, int Position, string Name, string Description, DateOnly? StartsOn, DateOnly? EndsOn, int? EventId, string? EventTitle = null,
    DateTimeOffset? EventStartsAt = null);

/// <summary>An event of the hub a call's stage may take place at.</summary>
public sealed record StageEventOption(int Id, string Title, DateTimeOffset StartsAt);

public sealed record MyApplication(int Id, ApplicantStatus Status, int? ReservePosition, DateTimeOffset SubmittedAt, bool MovedUp);

public sealed record PersonRow(Guid Id, string Name);

/// <summary>A call as its page shows it to the reader; <see cref="Reviewers"/> and <see cref="Members"/> only for its managers.</summary>
public sealed record CallDetail(int Id, Guid HubId, string HubSlug, HubRoles Role, string Title, string Description, CallAudience Audience, int Seats,
    DateTimeOffset Deadline, CallState State, IReadOnlyList<CriterionRow> Criteria, IReadOnlyList<QuestionRow> Questions, IReadOnlyList<StageRow> Stages,
    MyApplication? Mine, bool IsManager, bool IsReviewer, bool MayApply, bool CanApply, int Applications, int Selected,
    IReadOnlyList<PersonRow> Reviewers, IReadOnlyList<PersonRow> Members, HeldRole? DefinedRole = null);

/// <summary>People holding a built-in community role, or (Role None) one of the hub's defined roles, named in the reader's language.</summary>
public sealed record RoleCount(HubRoles Role, int People, int? DefinedRoleId = null, string? Name = null);

/// <summary>A hub's community figures from its calls: people per community role, calls open and decided, people selected.</summary>
public sealed record CommunityFigures(IReadOnlyList<RoleCount> PeoplePerRole, int CallsOpen, int CallsDecided, int Selections);

/// <summary>What the calls pages and API read.</summary>
public sealed class CommunityQueries(AgoraDbContext db, CallAccess access, Viewers viewers, CurrentUser current, TimeProvider clock, EventAccess events,
    Hubs.HubQueries hubs)
{
    /// <summary>The hub's events (not cancelled) the reader may see, for a call's stages, soonest first.</summary>
    public async Task<IReadOnlyList<StageEventOption>> StageEventsAsync(Guid hubId, CancellationToken ct)
    {
        var viewer = await viewers.ForHubAsync(hubId, ct);
        return await events.Visible(hubId, viewer).Where(e => e.State != EventState.Cancelled).OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new StageEventOption(e.Id, e.Title, e.StartsAt)).Take(200).ToListAsync(ct);
    }

    public static ApplicantStatus StatusOf(CallApplication a, CallState state) => a.Status switch
    {
        ApplicationStatus.Submitted => state is CallState.Open or CallState.Draft ? ApplicantStatus.Submitted
            : state == CallState.Decided ? ApplicantStatus.NotSelected : ApplicantStatus.InReview,
        ApplicationStatus.Selected => ApplicantStatus.Selected,
        ApplicationStatus.Reserve => ApplicantStatus.Reserve,
        ApplicationStatus.Rejected => ApplicantStatus.NotSelected,
        ApplicationStatus.Declined => ApplicantStatus.Declined,
        _ => ApplicantStatus.Withdrawn,
    };

    /// <summary>The hub's calls the reader may know, open ones first; drafts for its managers only.</summary>
    public async Task<IReadOnlyList<CallSummary>> ListAsync(Guid hubId, CancellationToken ct)
    {
        var viewer = current.IsAuthenticated ? await viewers.ForHubAsync(hubId, ct) : Viewer.Anonymous;
        var me = current.Id;
        var calls = await db.CommunityCalls.AsNoTracking().Where(c => c.HubId == hubId).ToListAsync(ct);
        var ids = calls.Select(c => c.Id).ToList();
        var mine = me is null ? [] : await db.CallApplications.AsNoTracking().Where(a => ids.Contains(a.CallId) && a.ApplicantId == me).ToListAsync(ct);
        var reviewing = me is null ? [] : await db.CallReviewers.Where(r => ids.Contains(r.CallId) && r.UserId == me).Select(r => r.CallId).ToListAsync(ct);
        var invited = me is null ? [] : await db.CallInvitations.Where(i => ids.Contains(i.CallId) && i.AcceptedById == me).Select(i => i.CallId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var defined = await DefinedRolesAsync(hubId, calls.Where(c => c.DefinedRoleId is not null).Select(c => c.DefinedRoleId!.Value).ToList(), ct);
        return calls
            .Select(c => new CallAccess.Standing(c, "", viewer, me, reviewing.Contains(c.Id) && viewer.IsMember && !viewer.IsBlocked, invited.Contains(c.Id),
                mine.SingleOrDefault(a => a.CallId == c.Id)))
            .Where(s => s.Knows)
            .Select(s =>
            {
                var state = s.Call.StateAt(now);
                return new CallSummary(s.Call.Id, s.Call.Title, s.Call.Role, state, s.Call.Audience, s.Call.Seats, s.Call.Deadline,
                    s.Application is null ? null : StatusOf(s.Application, state),
                    s.Call.DefinedRoleId is { } d ? defined.GetValueOrDefault(d) : null);
            })
            .OrderBy(c => c.State == CallState.Open ? 0 : c.State == CallState.Draft ? 1 : c.State == CallState.Closed ? 2 : 3)
            .ThenByDescending(c => c.Deadline)
            .ToList();
    }

    public async Task<CallDetail?> GetAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return null;
        var c = scope.Call;
        var now = clock.GetUtcNow();
        var state = c.StateAt(now);
        var criteria = await db.CallCriteria.Where(x => x.CallId == id).OrderBy(x => x.Position).Select(x => new CriterionRow(x.Id, x.Position, x.Name, x.Weight)).ToListAsync(ct);
        var questions = await db.CallQuestions.Where(x => x.CallId == id).OrderBy(x => x.Position).Select(x => new QuestionRow(x.Id, x.Position, x.Text, x.Required)).ToListAsync(ct);
        var stages = await db.CallStages.Where(x => x.CallId == id).OrderBy(x => x.Position)
            .Select(x => new StageRow(x.Id, x.Position, x.Name, x.Description, x.StartsOn, x.EndsOn, x.EventId,
                events.Visible(c.HubId, scope.Viewer).Where(e => e.Id == x.EventId).Select(e => e.Title).FirstOrDefault(),
                events.Visible(c.HubId, scope.Viewer).Where(e => e.Id == x.EventId).Select(e => (DateTimeOffset?)e.StartsAt).FirstOrDefault())).ToListAsync(ct);
        var a = scope.Application;
        var mine = a is null ? null : new MyApplication(a.Id, StatusOf(a, state), a.ReservePosition, a.SubmittedAt, a.MovedUp);
        var counts = await db.CallApplications.Where(x => x.CallId == id && x.Status != ApplicationStatus.Withdrawn)
            .GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        IReadOnlyList<PersonRow> reviewers = [], members = [];
        if (scope.IsManager)
        {
            reviewers = await (from r in db.CallReviewers join u in db.Users on r.UserId equals u.Id where r.CallId == id orderby u.DisplayName
                               select new PersonRow(u.Id, u.DisplayName)).ToListAsync(ct);
            members = await (from m in db.HubMemberships join u in db.Users on m.UserId equals u.Id where m.HubId == c.HubId orderby u.DisplayName
                             select new PersonRow(u.Id, u.DisplayName)).ToListAsync(ct);
        }
        var canApply = scope.MayApply && state == CallState.Open && (a is null || a.Status == ApplicationStatus.Withdrawn);
        return new CallDetail(c.Id, c.HubId, hubSlug, c.Role, c.Title, c.Description, c.Audience, c.Seats, c.Deadline, state, criteria, questions, stages,
            mine, scope.IsManager, scope.IsReviewer, scope.MayApply, canApply, counts.Sum(x => x.Count),
            counts.Where(x => x.Key == ApplicationStatus.Selected).Sum(x => x.Count), reviewers, members,
            c.DefinedRoleId is { } d ? (await DefinedRolesAsync(c.HubId, [d], ct)).GetValueOrDefault(d) : null);
    }

    private async Task<Dictionary<int, HeldRole>> DefinedRolesAsync(Guid hubId, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var found = new Dictionary<int, HeldRole>();
        foreach (var id in ids.Distinct())
            if (await hubs.DefinedRoleAsync(hubId, id, ct) is { } r) found[id] = r.Role;
        return found;
    }

    /// <summary>The hub's figures for its community page: people per community role, calls open and decided, selections made.</summary>
    public async Task<CommunityFigures> FiguresAsync(Guid hubId, CancellationToken ct)
    {
        var roles = await db.HubMemberships.Where(m => m.HubId == hubId).Select(m => m.Roles).ToListAsync(ct);
        var perRole = CallSetup.Roles.Select(r => new RoleCount(r, roles.Count(x => x.HasFlag(r)))).ToList();
        perRole.AddRange((await hubs.DefinedRoleCountsAsync(hubId, ct)).Select(x => new RoleCount(HubRoles.None, x.People, x.Role.Id, x.Role.Name)));
        var now = clock.GetUtcNow();
        var calls = await db.CommunityCalls.Where(c => c.HubId == hubId && c.State != CallState.Draft).Select(c => new { c.State, c.Deadline }).ToListAsync(ct);
        var selections = await db.CallApplications.CountAsync(a => a.Status == ApplicationStatus.Selected && db.CommunityCalls.Any(c => c.Id == a.CallId && c.HubId == hubId), ct);
        return new CommunityFigures(perRole, calls.Count(c => c.State == CallState.Open && c.Deadline > now), calls.Count(c => c.State == CallState.Decided), selections);
    }
}
