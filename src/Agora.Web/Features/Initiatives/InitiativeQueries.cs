using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

public sealed record StageInfo(Guid Id, int Position, ProcessStep Step, string Name);

public sealed record InitiativeSummary(int Id, string Title, string Summary, InitiativeVisibility Visibility, InitiativeStatus Status,
    StageInfo Stage, DateTimeOffset UpdatedAt);

public sealed record InitiativeIdeaRef(int Id, string Title, string CampaignSlug);

public sealed record TeamMember(Guid UserId, string DisplayName, TeamRole Role);

/// <summary>
/// One initiative as the reader may see it. <see cref="Description"/> and <see cref="Team"/> are null for readers
/// outside the team and the hub's managers (who see a public summary only).
/// </summary>
public sealed record InitiativeDetail(int Id, string HubSlug, string Title, string Summary, string? Description, InitiativeVisibility Visibility,
    InitiativeStatus Status, StageInfo Stage, IReadOnlyList<StageInfo> Process, IReadOnlyList<InitiativeIdeaRef> Ideas,
    IReadOnlyList<TeamMember>? Team, IReadOnlyList<GateView> Gates, IReadOnlyList<RequiredArtefact> Required, IReadOnlyList<DocumentView>? Documents,
    InitiativeClassification Classification, IReadOnlyList<BenefitView> Benefits, IReadOnlyList<EffectGoalView> EffectGoals, bool CanMarkUsed,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset StageEnteredAt, int Version, bool CanManage, bool CanDecideGate, bool CanAddDocuments,
    bool CanEdit, InitiativeOrigin? Origin = null);

/// <summary>Where the initiative came from when another area started it: its title and page.</summary>
public sealed record InitiativeOrigin(string Title, string Path);

/// <summary>
/// How the initiative is classified: Verganti type, kind and stakeholder groups as set by the hub; origin, care
/// level, setting and focus areas (their keys, shown as "FocusArea.{key}") carried from its ideas.
/// </summary>
public sealed record InitiativeClassification(VergantiType? Verganti, InnovationKind? Kind, IReadOnlyList<StakeholderGroups> Stakeholders,
    IReadOnlyList<IdeaOrigin> Origins, IReadOnlyList<CareLevel> CareLevels, IReadOnlyList<CareSetting> Settings, IReadOnlyList<string> FocusAreas);

/// <summary>A document the current stage needs before its gate, and whether the initiative has one.</summary>
public sealed record RequiredArtefact(ArtefactKind Kind, bool Present);

/// <summary>
/// A gate decision in the initiative's history; the rationale and who decided only for those who read all of the
/// initiative. The lessons of a stop are written to be shared with everyone who may see it.
/// </summary>
public sealed record GateView(GateOutcome Outcome, string From, string To, DateTimeOffset DecidedAt, string? Rationale, string? DecidedBy, string? Lessons);

/// <summary>A column of the pipeline board: a stage and the initiatives in it, most recently changed first.</summary>
public sealed record BoardColumn(StageInfo Stage, IReadOnlyList<InitiativeSummary> Items);

/// <summary>An accepted idea not yet in an initiative: what a manager may start one from.</summary>
public sealed record AvailableIdea(int Id, string Title, string CampaignTitle);

/// <summary>An initiative found by words; <see cref="Lessons"/> and <see cref="StoppedOn"/> when it was stopped.</summary>
public sealed record InitiativeHit(int Id, string Title, string Summary, InitiativeStatus Status, string Stage, string? Lessons, DateTimeOffset? StoppedOn);


/// <summary>
/// Reads initiatives with one rule: the hub's managers and the initiative's team see everything; the authors and
/// co-authors of its ideas, and everyone when it has a public summary, see its summary (not the description or the
/// team); nobody else knows it exists.
/// </summary>
public sealed class InitiativeQueries(AgoraDbContext db, Viewers viewers, CurrentUser current, InnovationProcess process) : Ideas.IIdeaInitiatives
{
    public static readonly string[] Sorts = ["updatedAt", "createdAt", "title"];
    public const string DefaultSort = "-updatedAt";

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    private static StageInfo Info(InnovationStage s) => new(s.Id, s.Position, s.Step, InnovationStage.NameIn(Culture, s.NameEn, s.NamePt, s.NameNb));

    /// <summary>The initiatives of the hub the reader may see.</summary>
    internal async Task<IQueryable<Initiative>> VisibleAsync(Guid hubId, CancellationToken ct)
    {
        var viewer = await viewers.ForHubAsync(hubId, ct);
        var all = db.Initiatives.AsNoTracking().Where(i => i.HubId == hubId);
        if (viewer.May(InitiativeOperations.ReadAll)) return all;
        var me = current.Id ?? Guid.Empty;
        // The same rule as InitiativeAccess.Scope.Knows, as a filter: public, on the team (while a member of the hub), or
        // credited for its ideas.
        var credited = InitiativeAccess.CreditedTo(db, me);
        var teamMember = InitiativeAccess.HoldsTeamRights(viewer) ? me : Guid.Empty;
        return all.Where(i => i.Visibility == InitiativeVisibility.PublicSummary
            || db.InitiativeMembers.Any(m => m.InitiativeId == i.Id && m.UserId == teamMember)
            || credited.Contains(i.Id));
    }

    /// <summary>The hub's innovation process, its stages in order; null when there is no such hub.</summary>
    public async Task<IReadOnlyList<StageInfo>?> ProcessAsync(string hubSlug, CancellationToken ct)
    {
        var hubId = await db.HubIdAsync(hubSlug, ct);
        return hubId is { } hub ? (await process.StagesAsync(hub, ct)).Select(Info).ToList() : null;
    }

    public async Task<PagedList<InitiativeSummary>?> ListAsync(string hubSlug, ListQuery q, CancellationToken ct)
    {
        var hubId = await db.HubIdAsync(hubSlug, ct);
        if (hubId is not { } hub) return null;
        var stages = (await process.StagesAsync(hub, ct)).ToDictionary(s => s.Id, Info);
        var visible = await VisibleAsync(hub, ct);
        var total = await visible.CountAsync(ct);
        visible = (q.Sort, q.Descending) switch
        {
            ("createdAt", false) => visible.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
            ("createdAt", true) => visible.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
            ("title", false) => visible.OrderBy(i => i.Title).ThenBy(i => i.Id),
            ("title", true) => visible.OrderByDescending(i => i.Title).ThenByDescending(i => i.Id),
            ("updatedAt", false) => visible.OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id),
            _ => visible.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id),
        };
        var rows = await visible.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
            .Select(i => new { i.Id, i.Title, i.Summary, i.Visibility, i.Status, i.StageId, i.UpdatedAt }).ToListAsync(ct);
        var items = rows.Select(r => new InitiativeSummary(r.Id, r.Title, r.Summary, r.Visibility, r.Status, stages[r.StageId], r.UpdatedAt)).ToList();
        return new PagedList<InitiativeSummary>(items, q.Page, q.PageSize, total);
    }

    /// <summary>At most this many initiatives on the board; the API lists them all, page by page.</summary>
    public const int BoardLimit = 500;

    /// <summary>The pipeline board: every stage of the hub's process with the initiatives the reader may see in it.</summary>
    public async Task<IReadOnlyList<BoardColumn>> BoardAsync(Guid hubId, CancellationToken ct)
    {
        var stages = (await process.StagesAsync(hubId, ct)).Select(Info).ToList();
        var rows = await (await VisibleAsync(hubId, ct)).OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Take(BoardLimit)
            .Select(i => new { i.Id, i.Title, i.Summary, i.Visibility, i.Status, i.StageId, i.UpdatedAt }).ToListAsync(ct);
        return stages.Select(s => new BoardColumn(s, rows.Where(r => r.StageId == s.Id)
            .Select(r => new InitiativeSummary(r.Id, r.Title, r.Summary, r.Visibility, r.Status, s, r.UpdatedAt)).ToList())).ToList();
    }

    /// <summary>Accepted, visible ideas of the hub that are in no initiative yet, by title.</summary>
    public Task<List<AvailableIdea>> AvailableIdeasAsync(Guid hubId, CancellationToken ct) =>
        (from i in db.Ideas.AsNoTracking()
         join c in db.Campaigns on i.CampaignId equals c.Id
         where i.HubId == hubId && i.State == IdeaState.Accepted && i.HiddenAt == null && i.MergedIntoId == null
            && !db.InitiativeIdeas.Any(x => x.IdeaId == i.Id)
         orderby i.Title, i.Id
         select new AvailableIdea(i.Id, i.Title, c.Title)).Take(200).ToListAsync(ct);

    /// <summary>One initiative; null when there is no such initiative in the hub or the reader may not see it.</summary>
    public async Task<InitiativeDetail?> GetAsync(string hubSlug, int id, CancellationToken ct)
    {
        var hubId = await db.HubIdAsync(hubSlug, ct);
        if (hubId is not { } hub) return null;
        var initiative = await (await VisibleAsync(hub, ct)).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (initiative is null) return null;
        var viewer = await viewers.ForHubAsync(hub, ct);
        var me = current.Id ?? Guid.Empty;
        var team = await (from m in db.InitiativeMembers.AsNoTracking()
                          join u in db.Users on m.UserId equals u.Id
                          where m.InitiativeId == id
                          orderby m.Role, u.DisplayName
                          select new TeamMember(m.UserId, u.DisplayName, m.Role)).ToListAsync(ct);
        // The team and managers work on it; gatekeepers and evaluators read all of it to judge it.
        var onTeam = InitiativeAccess.HoldsTeamRights(viewer) && team.Any(m => m.UserId == me);
        var works = viewer.IsManager || onTeam;
        var inside = works || viewer.May(InitiativeOperations.ReadAll);
        var ideaRows = await (from x in db.InitiativeIdeas.AsNoTracking()
                              join i in db.Ideas on x.IdeaId equals i.Id
                              join c in db.Campaigns on i.CampaignId equals c.Id
                              where x.InitiativeId == id
                              orderby i.Id
                              select new
                              {
                                  i.Id, i.Title, c.Slug, i.Origin, i.CareLevel, i.Setting,
                                  FocusArea = db.FocusAreas.Where(f => f.Id == i.FocusAreaId).Select(f => f.Key).FirstOrDefault(),
                              }).ToListAsync(ct);
        var ideas = ideaRows.Select(i => new InitiativeIdeaRef(i.Id, i.Title, i.Slug)).ToList();
        var classification = new InitiativeClassification(initiative.Verganti, initiative.Kind,
            Enum.GetValues<StakeholderGroups>().Where(g => g != StakeholderGroups.None && initiative.Stakeholders.HasFlag(g)).ToList(),
            ideaRows.Select(i => i.Origin).Distinct().Order().ToList(), ideaRows.Select(i => i.CareLevel).Distinct().Order().ToList(),
            ideaRows.Select(i => i.Setting).Distinct().Order().ToList(), ideaRows.Select(i => i.FocusArea).OfType<string>().Distinct().Order().ToList());
        var stageRows = await process.StagesAsync(hub, ct);
        var stages = stageRows.Select(Info).ToList();
        var gates = await (from g in db.GateDecisions.AsNoTracking()
                           join u in db.Users on g.DecidedById equals u.Id
                           where g.InitiativeId == id
                           orderby g.Id descending
                           select new { g.Outcome, g.FromStageId, g.ToStageId, g.DecidedAt, g.Rationale, g.Lessons, u.DisplayName }).ToListAsync(ct);
        string Name(Guid stage) => stages.Single(s => s.Id == stage).Name;
        var goals = await InitiativeBenefits.GoalsAsync(db, hub, ct);
        var benefits = await InitiativeBenefits.ListAsync(db, goals, id, ct);
        var documents = inside ? await InitiativeDocuments.ListAsync(db, hubSlug, id, ct) : null;
        var have = documents?.Select(d => d.Kind).ToList()
            ?? await db.InitiativeDocuments.Where(d => d.InitiativeId == id).Select(d => d.Kind).Distinct().ToListAsync(ct);
        var required = stageRows.Single(s => s.Id == initiative.StageId).Required.Select(k => new RequiredArtefact(k, have.Contains(k))).ToList();
        return new InitiativeDetail(initiative.Id, hubSlug, initiative.Title, initiative.Summary, inside ? initiative.Description : null,
            initiative.Visibility, initiative.Status, stages.Single(s => s.Id == initiative.StageId), stages, ideas, inside ? team : null,
            gates.Select(g => new GateView(g.Outcome, Name(g.FromStageId), Name(g.ToStageId), g.DecidedAt, inside ? g.Rationale : null, inside ? g.DisplayName : null, g.Lessons)).ToList(),
            required, documents, classification, benefits, works ? goals : [],
            viewer.May(InitiativeOperations.DecideGates) && initiative.Status == InitiativeStatus.Active && stages[^1].Id == initiative.StageId
                && benefits.Any(b => b.Measurements.Count > 0),
            initiative.CreatedAt, initiative.UpdatedAt, initiative.StageEnteredAt, initiative.Version, viewer.IsManager,
            viewer.May(InitiativeOperations.DecideGates) && GateRules.IsOpen(initiative.Status), works,
            viewer.IsManager || (initiative.OwnerId == me && InitiativeAccess.HoldsTeamRights(viewer)),
            initiative.OriginTitle is { } originTitle && initiative.OriginPath is { } originPath ? new InitiativeOrigin(originTitle, originPath) : null);
    }

    /// <summary>At most this many of a hub's initiatives are looked through by <see cref="FindAsync"/>, newest first.</summary>
    public const int FindWindow = 2000;

    /// <summary>
    /// The initiatives the reader may see whose title, summary or lessons hold every word of the query (any case), most
    /// recently changed first; with <paramref name="stoppedOnly"/> the stopped ones and what was learned (all of them
    /// when the query is empty). Hubs have hundreds of initiatives, not millions: they are filtered in memory.
    /// </summary>
    public async Task<List<InitiativeHit>> FindAsync(Guid hubId, string? query, bool stoppedOnly, CancellationToken ct)
    {
        var words = (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).Distinct().ToList();
        if (words.Count == 0 && !stoppedOnly) return [];
        var visible = await VisibleAsync(hubId, ct);
        if (stoppedOnly) visible = visible.Where(i => i.Status == InitiativeStatus.Stopped);
        var rows = await (from i in visible
                          join s in db.InnovationStages on i.StageId equals s.Id
                          orderby i.UpdatedAt descending, i.Id descending
                          select new
                          {
                              i.Id, i.Title, i.Summary, i.Status, s.NameEn, s.NamePt, s.NameNb,
                              Stop = db.GateDecisions.Where(g => g.InitiativeId == i.Id && g.Outcome == GateOutcome.Stop)
                                  .OrderByDescending(g => g.Id).Select(g => new { g.Lessons, g.DecidedAt }).FirstOrDefault(),
                          }).Take(FindWindow).ToListAsync(ct);
        return rows.Where(r => words.All(w => r.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || r.Summary.Contains(w, StringComparison.OrdinalIgnoreCase)
                    || (r.Stop?.Lessons?.Contains(w, StringComparison.OrdinalIgnoreCase) ?? false)))
            .Select(r => new InitiativeHit(r.Id, r.Title, r.Summary, r.Status, InnovationStage.NameIn(Culture, r.NameEn, r.NamePt, r.NameNb),
                r.Stop?.Lessons, r.Stop?.DecidedAt))
            .ToList();
    }

    /// <summary>The initiative an idea goes on as, when the reader may see it.</summary>
    public async Task<Ideas.IdeaInitiative?> ForIdeaAsync(Guid hubId, int ideaId, CancellationToken ct)
    {
        var visible = await VisibleAsync(hubId, ct);
        var row = await (from i in visible
                         join x in db.InitiativeIdeas on i.Id equals x.InitiativeId
                         join s in db.InnovationStages on i.StageId equals s.Id
                         where x.IdeaId == ideaId
                         select new { i.Id, i.Title, i.Status, s.NameEn, s.NamePt, s.NameNb }).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        // Every step so far, oldest first: the authors follow their idea all the way (no rationale: that is for the team).
        var steps = await (from g in db.GateDecisions.AsNoTracking()
                           join f in db.InnovationStages on g.FromStageId equals f.Id
                           join t in db.InnovationStages on g.ToStageId equals t.Id
                           where g.InitiativeId == row.Id
                           orderby g.Id
                           select new { g.Outcome, g.DecidedAt, FromEn = f.NameEn, FromPt = f.NamePt, FromNb = f.NameNb, ToEn = t.NameEn, ToPt = t.NamePt, ToNb = t.NameNb })
            .ToListAsync(ct);
        // Status and outcomes by name, as the API's string enums send them.
        return new Ideas.IdeaInitiative(row.Id, row.Title, InnovationStage.NameIn(Culture, row.NameEn, row.NamePt, row.NameNb), row.Status.ToString(),
            steps.Select(g => new Ideas.IdeaInitiativeStep(g.Outcome.ToString(), InnovationStage.NameIn(Culture, g.FromEn, g.FromPt, g.FromNb),
                InnovationStage.NameIn(Culture, g.ToEn, g.ToPt, g.ToNb), g.DecidedAt)).ToList());
    }
}
