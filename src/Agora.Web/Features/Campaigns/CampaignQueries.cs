using Agora.Web.Features.Hubs;
using System.Globalization;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Campaigns;

/// <summary>A campaign in a list: enough to choose one.</summary>
public sealed record CampaignSummary(Guid Id, string Slug, string Language, string Title, string Summary, CampaignState State, CampaignAudience Audience,
    StrategicDriver Driver, bool Featured, bool HasCover, DateOnly? StartsOn, DateOnly? ClosesOn, int IdeaCount, int FollowerCount,
    IReadOnlyList<string> FocusAreas, DateTimeOffset CreatedAt);

public sealed record CampaignPhaseDto(PhaseKind Kind, bool Enabled, DateOnly? StartsOn, DateOnly? EndsOn, bool CommentsEnabled,
    bool ShowVoteCounts, bool IsCurrent);

/// <summary>A submission question; <see cref="HasAnswers"/> questions keep their kind and cannot be deleted.</summary>
public sealed record CampaignQuestionDto(Guid Id, int Position, QuestionKind Kind, string Label, string Help, bool Required,
    IReadOnlyList<string> Options, bool HasAnswers);

/// <summary>What the person asking may do with the campaign now.</summary>
public sealed record CampaignActions(bool CanManage, bool CanSubmit, bool CanVote, bool CanComment, bool CanFollow, bool IsFollowing,
    bool ShowVoteCounts, IReadOnlyList<CampaignState> NextStates);

/// <summary>One campaign with everything its page and the API show (the description as Markdown source).</summary>
public sealed record CampaignDetail(Guid Id, Guid HubId, string HubSlug, string HubName, string Slug, string Language, string Title,
    string Summary, string Description, StrategicDriver Driver, CampaignAudience Audience, CampaignState State, bool Featured,
    int? IdeasPerPerson, int? VotesPerPerson, bool HasCover, int IdeaCount, int FollowerCount, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, IReadOnlyList<string> FocusAreas, IReadOnlyList<CampaignPhaseDto> Phases,
    IReadOnlyList<CampaignQuestionDto> Questions, PhaseKind? CurrentPhase, DateOnly? ClosesOn, CampaignActions Actions);

/// <summary>Read side of campaigns: lists, one campaign, the hub home's featured campaigns, and the context other areas use.</summary>
public sealed class CampaignQueries(AgoraDbContext db, Viewers viewers, CurrentUser current, ICampaignIdeas ideas, TimeProvider clock)
{
    /// <summary>Sort fields of lists; prefix "-" for descending.</summary>
    public static readonly string[] Sorts = ["createdAt", "title", "closesOn"];

    public const string DefaultSort = "-createdAt";

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    /// <summary>A state filter as typed in a query ("open", "InReview"); true with null when empty, false when unknown.</summary>
    public static bool TryParseState(string? value, out CampaignState? state)
    {
        state = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        // Names only: Enum.TryParse would also take "1" or "7".
        if (value.Length > 20 || !value.All(char.IsAsciiLetter) || !Enum.TryParse<CampaignState>(value, true, out var parsed)) return false;
        state = parsed;
        return true;
    }

    /// <summary>The campaigns of a hub the person may read; null when there is no such hub.</summary>
    public async Task<PagedList<CampaignSummary>?> ListAsync(string hubSlug, CampaignState? state, ListQuery q, CancellationToken ct)
    {
        var hubId = await db.HubIdAsync(hubSlug, ct);
        if (hubId is null) return null;
        var viewer = await viewers.ForHubAsync(hubId.Value, ct);
        var campaigns = Visible(db.Campaigns.AsNoTracking().Where(c => c.HubId == hubId), viewer);
        if (state is { } s) campaigns = campaigns.Where(c => c.State == s);
        var total = await campaigns.CountAsync(ct);
        var rows = Summaries(campaigns);
        rows = (q.Sort, q.Descending) switch
        {
            ("title", false) => rows.OrderBy(c => c.Title).ThenBy(c => c.Slug),
            ("title", true) => rows.OrderByDescending(c => c.Title).ThenBy(c => c.Slug),
            ("closesOn", false) => rows.OrderBy(c => c.ClosesOn == null).ThenBy(c => c.ClosesOn).ThenBy(c => c.Slug),
            ("closesOn", true) => rows.OrderBy(c => c.ClosesOn == null).ThenByDescending(c => c.ClosesOn).ThenBy(c => c.Slug),
            (_, false) => rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Slug),
            _ => rows.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Slug),
        };
        var items = await rows.Skip(q.Skip).Take(q.PageSize).ToListAsync(ct);
        return new PagedList<CampaignSummary>(items.Select(r => r.ToSummary()).ToList(), q.Page, q.PageSize, total);
    }

    /// <summary>Featured campaigns of a hub that are under way or done (never drafts) and that the person may read, newest first.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> FeaturedAsync(Guid hubId, int max, CancellationToken ct)
    {
        var viewer = await viewers.ForHubAsync(hubId, ct);
        var campaigns = Visible(db.Campaigns.AsNoTracking().Where(c => c.HubId == hubId && c.Featured && c.State != CampaignState.Draft), viewer);
        var rows = await Summaries(campaigns).OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Slug).Take(max).ToListAsync(ct);
        return rows.Select(r => r.ToSummary()).ToList();
    }

    /// <summary>One campaign as the person may see it; null when it does not exist or they may not read it.</summary>
    public async Task<CampaignDetail?> GetAsync(string hubSlug, string campaignSlug, CancellationToken ct) =>
        (await GetWithContextAsync(hubSlug, campaignSlug, ct))?.Detail;

    /// <summary>
    /// <see cref="GetAsync"/> and <see cref="GetContextAsync(string, string, CancellationToken)"/> from the same queries,
    /// for pages that show a campaign and its ideas.
    /// </summary>
    public async Task<(CampaignDetail Detail, CampaignContext Context)?> GetWithContextAsync(string hubSlug, string campaignSlug, CancellationToken ct)
    {
        var culture = Culture;
        var userId = current.Id ?? Guid.Empty;
        // Ideas' queries, composed into this one (still one round trip).
        var answered = ideas.AnsweredQuestionIds;
        var counted = ideas.Counted;
        var c = await db.Campaigns.AsNoTracking().AsSplitQuery()
            .Where(c => c.Slug == campaignSlug)
            .Join(db.Hubs.Where(h => h.Slug == hubSlug), c => c.HubId, h => h.Id, (c, h) => new { c, h })
            .Select(x => new
            {
                x.c.Id, x.c.HubId, HubSlug = x.h.Slug,
                HubName = x.h.Texts.Where(t => t.Culture == culture).Select(t => t.Name).FirstOrDefault() ?? x.h.Name,
                x.c.Slug, x.c.Language, x.c.Title, x.c.Summary, x.c.Description, x.c.Driver, x.c.Audience, x.c.State, x.c.Featured,
                x.c.IdeasPerPerson, x.c.VotesPerPerson, HasCover = x.c.CoverFileId != null, x.c.IdeaCount, x.c.FollowerCount,
                x.c.CreatedAt, x.c.UpdatedAt,
                Phases = x.c.Phases.ToList(),
                Questions = x.c.Questions.OrderBy(q => q.Position)
                    .Select(q => new { Question = q, HasAnswers = answered.Any(a => a == q.Id) }).ToList(),
                Areas = x.c.FocusAreas.Join(db.FocusAreas, f => f.FocusAreaId, a => a.Id, (f, a) => new FocusAreaRef(a.Id, a.Key)).ToList(),
                IsFollowing = db.CampaignFollowers.Any(f => f.CampaignId == x.c.Id && f.UserId == userId),
                MyIdeas = counted.Count(i => i.CampaignId == x.c.Id && i.AuthorId == userId),
            })
            .SingleOrDefaultAsync(ct);
        if (c is null) return null;
        var policy = new CampaignPolicy(c.State, c.Audience, c.Phases, c.IdeasPerPerson, c.VotesPerPerson);
        var viewer = await viewers.ForHubAsync(c.HubId, ct);
        if (!CampaignRules.CanRead(policy, viewer)) return null;
        var today = CampaignRules.Today(clock);
        var currentPhase = CampaignRules.CurrentPhase(policy);
        var actions = new CampaignActions(
            CanManage: CampaignRules.CanManage(viewer),
            CanSubmit: CampaignRules.CanSubmit(policy, viewer, today, c.MyIdeas),
            CanVote: CampaignRules.CanVote(policy, viewer, today),
            CanComment: CampaignRules.CanComment(policy, viewer),
            CanFollow: CampaignRules.CanFollow(policy, viewer),
            IsFollowing: c.IsFollowing,
            ShowVoteCounts: CampaignRules.ShowVoteCounts(policy, viewer),
            NextStates: CampaignRules.CanManage(viewer) ? CampaignRules.NextStates(c.State) : []);
        var phases = c.Phases.OrderBy(p => p.Kind)
            .Select(p => new CampaignPhaseDto(p.Kind, p.Enabled, p.StartsOn, p.EndsOn, p.CommentsEnabled, p.ShowVoteCounts, p.Kind == currentPhase?.Kind))
            .ToList();
        var questions = c.Questions.Select(q => new CampaignQuestionDto(q.Question.Id, q.Question.Position, q.Question.Kind, q.Question.Label,
            q.Question.Help, q.Question.Required, q.Question.OptionList, q.HasAnswers)).ToList();
        var detail = new CampaignDetail(c.Id, c.HubId, c.HubSlug, c.HubName, c.Slug, c.Language, c.Title, c.Summary, c.Description, c.Driver,
            c.Audience, c.State, c.Featured, c.IdeasPerPerson, c.VotesPerPerson, c.HasCover, c.IdeaCount, c.FollowerCount, c.CreatedAt,
            c.UpdatedAt, c.Areas.Select(a => a.Key).Order(StringComparer.Ordinal).ToList(), phases, questions, currentPhase?.Kind,
            CampaignRules.ClosesOn(policy), actions);
        var context = new CampaignContext(c.Id, c.HubId, c.HubSlug, c.HubName, c.Slug, c.Title, c.Language, policy,
            c.Questions.Select(q => q.Question).ToList(), viewer)
        {
            FocusAreas = c.Areas.OrderBy(a => a.Id).ToList(),
        };
        return (detail, context);
    }

    /// <summary>
    /// What other areas need about a campaign and the person asking; null when there is no such campaign.
    /// Check <see cref="CampaignContext.CanRead"/> before showing anything (404 when false).
    /// </summary>
    public Task<CampaignContext?> GetContextAsync(string hubSlug, string campaignSlug, CancellationToken ct) =>
        ContextAsync(db.Campaigns.Where(c => c.Slug == campaignSlug && db.Hubs.Any(h => h.Id == c.HubId && h.Slug == hubSlug)), ct);

    /// <inheritdoc cref="GetContextAsync(string, string, CancellationToken)"/>
    public Task<CampaignContext?> GetContextAsync(Guid hubId, string campaignSlug, CancellationToken ct) =>
        ContextAsync(db.Campaigns.Where(c => c.HubId == hubId && c.Slug == campaignSlug), ct);

    /// <inheritdoc cref="GetContextAsync(string, string, CancellationToken)"/>
    public Task<CampaignContext?> GetContextAsync(Guid campaignId, CancellationToken ct) =>
        ContextAsync(db.Campaigns.Where(c => c.Id == campaignId), ct);

    /// <summary>The cover image of a campaign the person may read; null otherwise.</summary>
    public async Task<(byte[] Content, string ContentType)?> CoverAsync(string hubSlug, string campaignSlug, CancellationToken ct)
    {
        var row = await db.Campaigns.AsNoTracking()
            .Where(c => c.Slug == campaignSlug && c.CoverFileId != null && db.Hubs.Any(h => h.Id == c.HubId && h.Slug == hubSlug))
            .Select(c => new { c.HubId, c.State, c.Audience, c.CoverFileId })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var viewer = await viewers.ForHubAsync(row.HubId, ct);
        if (!CampaignRules.CanRead(new CampaignPolicy(row.State, row.Audience, [], null, null), viewer)) return null;
        var file = await db.Files.AsNoTracking().Where(f => f.Id == row.CoverFileId)
            .Select(f => new { f.Content, f.ContentType }).SingleOrDefaultAsync(ct);
        return file is null ? null : (file.Content, file.ContentType);
    }

    /// <summary>Seeded focus areas a campaign may be about, in their seeded order.</summary>
    public async Task<IReadOnlyList<string>> FocusAreaKeysAsync(CancellationToken ct) =>
        await db.FocusAreas.OrderBy(f => f.Id).Select(f => f.Key).ToListAsync(ct);

    private async Task<CampaignContext?> ContextAsync(IQueryable<Campaign> query, CancellationToken ct)
    {
        var culture = Culture;
        var row = await query.AsNoTracking().AsSplitQuery()
            .Join(db.Hubs, c => c.HubId, h => h.Id, (c, h) => new { c, h })
            .Select(x => new
            {
                x.c.Id, x.c.HubId, HubSlug = x.h.Slug,
                HubName = x.h.Texts.Where(t => t.Culture == culture).Select(t => t.Name).FirstOrDefault() ?? x.h.Name,
                x.c.Slug, x.c.Title, x.c.Language, x.c.State, x.c.Audience, x.c.IdeasPerPerson, x.c.VotesPerPerson,
                Phases = x.c.Phases.ToList(),
                Questions = x.c.Questions.OrderBy(q => q.Position).ToList(),
                Areas = x.c.FocusAreas.Join(db.FocusAreas, f => f.FocusAreaId, a => a.Id, (f, a) => new FocusAreaRef(a.Id, a.Key)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var viewer = await viewers.ForHubAsync(row.HubId, ct);
        return new CampaignContext(row.Id, row.HubId, row.HubSlug, row.HubName, row.Slug, row.Title, row.Language,
            new CampaignPolicy(row.State, row.Audience, row.Phases, row.IdeasPerPerson, row.VotesPerPerson), row.Questions, viewer)
        {
            FocusAreas = row.Areas.OrderBy(a => a.Id).ToList(),
        };
    }

    /// <summary><see cref="CampaignRules.CanRead"/> as a database filter.</summary>
    private static IQueryable<Campaign> Visible(IQueryable<Campaign> campaigns, Viewer viewer)
    {
        if (viewer.CanManage) return campaigns;
        var signedIn = viewer.IsAuthenticated;
        var member = viewer.IsMember;
        return campaigns.Where(c => c.State != CampaignState.Draft
            && (c.Audience == CampaignAudience.Public
                || (c.Audience == CampaignAudience.SignedIn && signedIn)
                || (c.Audience == CampaignAudience.HubMembers && member)));
    }

    private IQueryable<SummaryRow> Summaries(IQueryable<Campaign> campaigns) =>
        campaigns.Select(c => new SummaryRow
        {
            Id = c.Id, Slug = c.Slug, Language = c.Language, Title = c.Title, Summary = c.Summary, State = c.State, Audience = c.Audience, Driver = c.Driver,
            Featured = c.Featured, HasCover = c.CoverFileId != null, IdeaCount = c.IdeaCount, FollowerCount = c.FollowerCount, CreatedAt = c.CreatedAt,
            StartsOn = c.Phases.Where(p => p.Enabled && p.StartsOn != null).OrderBy(p => p.StartsOn).Select(p => p.StartsOn).FirstOrDefault(),
            // The last day of the phase that goes with the state, as CampaignRules.ClosesOn says.
            ClosesOn = c.Phases.Where(p => p.Enabled && p.EndsOn != null
                    && ((c.State == CampaignState.Open && p.Kind == PhaseKind.Submission)
                        || (c.State == CampaignState.Voting && p.Kind == PhaseKind.Voting)
                        || (c.State == CampaignState.InReview && p.Kind == PhaseKind.Review)))
                .Select(p => p.EndsOn).FirstOrDefault(),
            FocusAreas = c.FocusAreas.Join(db.FocusAreas, f => f.FocusAreaId, a => a.Id, (f, a) => a.Key).ToList(),
        });

    /// <summary>A list row as the database returns it (sortable by member), then made a <see cref="CampaignSummary"/>.</summary>
    private sealed class SummaryRow
    {
        public Guid Id { get; init; }
        public string Slug { get; init; } = "";
        public string Language { get; init; } = "";
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public CampaignState State { get; init; }
        public CampaignAudience Audience { get; init; }
        public StrategicDriver Driver { get; init; }
        public bool Featured { get; init; }
        public bool HasCover { get; init; }
        public int IdeaCount { get; init; }
        public int FollowerCount { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateOnly? StartsOn { get; init; }
        public DateOnly? ClosesOn { get; init; }
        public List<string> FocusAreas { get; init; } = [];

        public CampaignSummary ToSummary() => new(Id, Slug, Language, Title, Summary, State, Audience, Driver, Featured, HasCover, StartsOn, ClosesOn,
            IdeaCount, FollowerCount, FocusAreas.Order(StringComparer.Ordinal).ToList(), CreatedAt);
    }
}
