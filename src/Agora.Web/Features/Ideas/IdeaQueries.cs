using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Html;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>One idea in a list. <see cref="AuthorName"/> is null when the idea is anonymous to the person asking.</summary>
public sealed record IdeaSummary(
    int Id, string HubSlug, string CampaignSlug, string CampaignTitle, string Title, string Excerpt, IdeaState State,
    string? AuthorName, bool Anonymous, string? FocusArea, IReadOnlyList<string> Tags, int? VoteCount, int CommentCount,
    int FollowerCount, DateTimeOffset? PublishedAt, DateTimeOffset LastActivityAt, bool Hidden);

/// <summary>A campaign a hub-wide list can be narrowed to.</summary>
public sealed record CampaignOption(Guid Id, string Slug, string Title);

/// <summary>A hub's ideas across the campaigns the person may read.</summary>
public sealed record HubIdeaList(Guid HubId, string HubSlug, string HubName, IReadOnlyList<CampaignOption> Campaigns, PagedList<IdeaSummary> Ideas);

public sealed record IdeaAuthorView(string Name, bool Lead);

public sealed record CoAuthorView(Guid UserId, string Name, CoAuthorStatus Status, DateTimeOffset InvitedAt);

/// <summary>An open co-author invitation as its authors see it: the address they typed, never who has an account.</summary>
public sealed record CoAuthorInvitationView(string Email, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

public sealed record IdeaAnswerView(Guid QuestionId, string Label, QuestionKind Kind, string Value, IReadOnlyList<string> Values);

public sealed record AttachmentView(Guid FileId, string FileName, string ContentType, long Size, string Url);

public sealed record IdeaEventView(IdeaState? From, IdeaState To, string? Answer, int? RelatedIdeaId, string? ActorName, DateTimeOffset OccurredAt);

/// <summary>What the person asking is and may do with the idea.</summary>
public sealed record IdeaViewerView(
    bool IsAuthor, bool IsCoAuthor, bool IsInvited, bool HasVoted, bool IsFollowing, bool CanEdit, bool CanPublish, bool CanWithdraw,
    bool CanVote, bool CanWithdrawVote, bool CanFollow, bool CanTriage, IReadOnlyList<IdeaState> NextStates, bool CanInviteCoAuthors, bool CanAttach,
    bool CanComment, bool ShowVoteCounts, bool CanModerate, int? VotesLeft, bool CanMerge = false, bool CanReport = false);

/// <summary>
/// One idea as the person asking may see it. Markdown fields are sources: render them with MarkdownRenderer.
/// <see cref="Authors"/> is empty and <see cref="AuthorsHidden"/> true when the idea is anonymous to this person.
/// </summary>
public sealed record IdeaDetail(
    int Id, Guid HubId, string HubSlug, string HubName, Guid CampaignId, string CampaignSlug, string CampaignTitle,
    string Language, string Title, string Problem, string Solution, string Benefits, IReadOnlyList<string> Beneficiaries,
    IdeaOrigin Origin, CareLevel CareLevel, CareSetting Setting, string? FocusArea, bool Anonymous, bool AuthorsHidden,
    IReadOnlyList<IdeaAuthorView> Authors, IdeaState State, string? Answer, int? MergedIntoId, bool Hidden,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, DateTimeOffset LastActivityAt,
    int? VoteCount, int CommentCount, int FollowerCount, int Version, IReadOnlyList<string> Tags,
    IReadOnlyList<IdeaAnswerView> Answers, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<CoAuthorInvitationView> CoAuthorInvitations,
    IReadOnlyList<IdeaEventView> History, int VersionCount, IdeaViewerView Viewer,
    IdeaInitiative? Initiative = null, IdeaBornAt? BornAt = null);

/// <summary>An earlier text of an idea; the editor's name is null when the idea is anonymous to the person asking.</summary>
public sealed record IdeaVersionView(int Version, string Title, string Problem, string Solution, string Benefits, string? EditedBy, DateTimeOffset ReplacedAt);

public sealed record IdeaVersions(int IdeaId, string HubSlug, string Title, int CurrentVersion, IReadOnlyList<IdeaVersionView> Versions);

/// <summary>An idea of mine (author or co-author) and what happened to it.</summary>
public sealed record MyIdeaRow(int Id, string HubSlug, string CampaignTitle, string Title, IdeaState State, string? Answer,
    bool IsAuthor, DateTimeOffset UpdatedAt, DateTimeOffset? DecidedAt);

public sealed record CoAuthorInvitationRow(int IdeaId, string HubSlug, string Title, string InvitedBy, DateTimeOffset InvitedAt);

public sealed record MyIdeas(IReadOnlyList<MyIdeaRow> Ideas, IReadOnlyList<CoAuthorInvitationRow> Invitations);

/// <summary>Filters of the idea lists; parse them from the query with <see cref="Parse"/>.</summary>
public sealed record IdeaFilter(
    IdeaState? State = null, string? FocusArea = null, IdeaOrigin? Origin = null, CareLevel? CareLevel = null, CareSetting? Setting = null,
    string? Tag = null, bool Mine = false, bool Followed = false, string? Campaign = null, int? Seed = null, string? Text = null)
{
    public const int MaxSeed = 2147483646;
    public const int MaxTextLength = 200;

    /// <summary>Null when a value is not one of the allowed ones.</summary>
    public static IdeaFilter? Parse(string? state, string? focusArea, string? origin, string? careLevel, string? setting, string? tag,
        bool? mine, bool? followed, string? campaign, int? seed, string? text = null)
    {
        if (text?.Length > MaxTextLength) return null;
        IdeaState? s = null; IdeaOrigin? o = null; CareLevel? c = null; CareSetting? st = null;
        if (!string.IsNullOrEmpty(state) && (s = IdeaContent.ParseName<IdeaState>(state)) is null) return null;
        if (!string.IsNullOrEmpty(origin) && (o = IdeaContent.ParseName<IdeaOrigin>(origin)) is null) return null;
        if (!string.IsNullOrEmpty(careLevel) && (c = IdeaContent.ParseName<CareLevel>(careLevel)) is null) return null;
        if (!string.IsNullOrEmpty(setting) && (st = IdeaContent.ParseName<CareSetting>(setting)) is null) return null;
        if (focusArea?.Length > 40 || campaign?.Length > 60 || seed is < 0 or > MaxSeed) return null;
        string? t = null;
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var tags = IdeaContent.NormaliseTags([tag]);
            if (tags is not { Count: 1 }) return null;
            t = tags[0];
        }
        return new IdeaFilter(s, string.IsNullOrEmpty(focusArea) ? null : focusArea, o, c, st, t, mine == true, followed == true,
            string.IsNullOrEmpty(campaign) ? null : campaign, seed, string.IsNullOrWhiteSpace(text) ? null : text.Trim());
    }
}

/// <summary>Read side of ideas: projections for the pages, the API and other areas. Visibility rules are applied here.</summary>
public sealed class IdeaQueries(AgoraDbContext db, IdeaAccess access, CurrentUser current, Viewers viewers, IdeaContent content, TimeProvider clock,
    ISearchEngine search, IIdeaInitiatives initiatives, IIdeaBirthplaces birthplaces)
{
    /// <summary>A text filter narrows a list to at most this many best-matching ideas before the other filters and the sort.</summary>
    public const int MaxTextMatches = 2000;
    /// <summary>Sorts of the idea lists; "-" before one reverses it. random needs a seed for a stable order across pages.</summary>
    public static readonly string[] Sorts = ["newest", "supported", "discussed", "active", "random"];

    public const string DefaultSort = "newest";

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    private Guid? Me => current.IsAuthenticated ? current.Id : null;

    /// <summary>A seed that keeps a random order for the day when the query gives none.</summary>
    public int DailySeed() => clock.Today().DayNumber % IdeaFilter.MaxSeed;

    /// <summary>The ideas of one campaign the person may see (the campaign must be readable, see <see cref="CampaignContext.CanRead"/>).</summary>
    public async Task<PagedList<IdeaSummary>> ListForCampaignAsync(CampaignContext campaign, ListQuery q, IdeaFilter f, CancellationToken ct)
    {
        var readable = campaign.CanRead ? new[] { campaign.Id } : [];
        var hiddenCounts = CampaignRules.ShowVoteCounts(campaign.Policy, campaign.Viewer) ? Array.Empty<Guid>() : [campaign.Id];
        var ideas = db.Ideas.AsNoTracking().Where(i => i.CampaignId == campaign.Id);
        return await ListAsync(ideas, campaign.HubId, campaign.HubSlug, readable, hiddenCounts, campaign.Viewer.CanModerate, q, f, ct);
    }

    /// <summary>A hub's ideas across the campaigns the person may read; null when the hub does not exist.</summary>
    public async Task<HubIdeaList?> ListForHubAsync(string hubSlug, ListQuery q, IdeaFilter f, CancellationToken ct)
    {
        var culture = Culture;
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == hubSlug).Named(culture).SingleOrDefaultAsync(ct);
        if (hub is null) return null;
        var viewer = await viewers.ForHubAsync(hub.Id, ct);
        var campaigns = await CampaignsOfHubAsync(hub.Id, viewer, ct);
        var ideas = db.Ideas.AsNoTracking().Where(i => i.HubId == hub.Id);
        if (f.Campaign is { } slug)
        {
            var id = campaigns.FirstOrDefault(c => c.Option.Slug == slug)?.Option.Id ?? Guid.Empty;
            ideas = ideas.Where(i => i.CampaignId == id);
        }
        var readable = campaigns.Where(c => c.CanRead).Select(c => c.Option.Id).ToArray();
        var hiddenCounts = campaigns.Where(c => !c.ShowVoteCounts).Select(c => c.Option.Id).ToArray();
        var page = await ListAsync(ideas, hub.Id, hub.Slug, readable, hiddenCounts, viewer.CanModerate, q, f, ct);
        return new HubIdeaList(hub.Id, hub.Slug, hub.Name, campaigns.Where(c => c.CanRead).Select(c => c.Option).ToList(), page);
    }

    private sealed record CampaignInfo(CampaignOption Option, bool CanRead, bool ShowVoteCounts);

    /// <summary>The campaign rules for every campaign of a hub, in two queries.</summary>
    private async Task<List<CampaignInfo>> CampaignsOfHubAsync(Guid hubId, Viewer viewer, CancellationToken ct)
    {
        var rows = await db.Campaigns.AsNoTracking().Where(c => c.HubId == hubId)
            .Select(c => new { c.Id, c.Slug, c.Title, c.State, c.Audience, c.IdeasPerPerson, c.VotesPerPerson }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var phases = await db.CampaignPhases.AsNoTracking().Where(p => ids.Contains(p.CampaignId)).ToListAsync(ct);
        return rows.OrderBy(r => r.Title, StringComparer.CurrentCulture).Select(r =>
        {
            var policy = new CampaignPolicy(r.State, r.Audience, phases.Where(p => p.CampaignId == r.Id).ToList(), r.IdeasPerPerson, r.VotesPerPerson);
            return new CampaignInfo(new CampaignOption(r.Id, r.Slug, r.Title), CampaignRules.CanRead(policy, viewer), CampaignRules.ShowVoteCounts(policy, viewer));
        }).ToList();
    }

    private async Task<PagedList<IdeaSummary>> ListAsync(IQueryable<Idea> ideas, Guid hubId, string hubSlug, Guid[] readable, Guid[] hiddenCounts,
        bool canModerate, ListQuery q, IdeaFilter f, CancellationToken ct)
    {
        if (f.Text is { } text)
        {
            // Full-text words (any inflected form, in the three languages) over ideas and their comments, then the other filters.
            var words = Platform.Text.TextAnalyzer.QueryTerms(text, Culture);
            var found = await search.SearchAsync(new SearchQuery(hubId, words, MatchAll: true, readable,
                Enum.GetValues<IdeaState>().Where(x => x != IdeaState.Draft).ToArray(), IncludeComments: true, Culture, null, 0, MaxTextMatches, CountTotal: false), ct);
            var matching = found.Hits.Select(h => h.IdeaId).ToArray();
            ideas = ideas.Where(i => matching.Contains(i.Id));
        }
        var me = Me ?? Guid.Empty;
        var signedIn = Me is not null;
        // Mine: authored or co-authored (accepted). Everyone else: published ideas of readable campaigns; hidden and merged ones for moderators only.
        ideas = ideas.Where(i =>
            (signedIn && (i.AuthorId == me || db.IdeaCoAuthors.Any(c => c.IdeaId == i.Id && c.UserId == me && c.Status == CoAuthorStatus.Accepted)))
            || (readable.Contains(i.CampaignId) && i.State != IdeaState.Draft && (canModerate || (i.HiddenAt == null && i.MergedIntoId == null))));
        if (f.State is { } state) ideas = ideas.Where(i => i.State == state);
        else if (!f.Mine) ideas = ideas.Where(i => i.State != IdeaState.Withdrawn && i.State != IdeaState.Draft);
        if (f.FocusArea is { } focus) ideas = ideas.Where(i => db.FocusAreas.Any(a => a.Id == i.FocusAreaId && a.Key == focus));
        if (f.Origin is { } origin) ideas = ideas.Where(i => i.Origin == origin);
        if (f.CareLevel is { } level) ideas = ideas.Where(i => i.CareLevel == level);
        if (f.Setting is { } setting) ideas = ideas.Where(i => i.Setting == setting);
        if (f.Tag is { } tag) ideas = ideas.Where(i => i.Tags.Any(t => t.Tag == tag));
        if (f.Mine) ideas = ideas.Where(i => signedIn && (i.AuthorId == me || db.IdeaCoAuthors.Any(c => c.IdeaId == i.Id && c.UserId == me && c.Status == CoAuthorStatus.Accepted)));
        if (f.Followed) ideas = ideas.Where(i => signedIn && db.IdeaFollowers.Any(x => x.IdeaId == i.Id && x.UserId == me));

        var total = await ideas.CountAsync(ct);
        var seed = (long)(f.Seed ?? DailySeed());
        var multiplier = seed % 65536L * 2L + 1L;
        var desc = q.Descending;
        var joined = from i in ideas
                     join u in db.Users on i.AuthorId equals u.Id
                     join c in db.Campaigns on i.CampaignId equals c.Id
                     select new { i, u.DisplayName, CampaignSlug = c.Slug, CampaignTitle = c.Title };
        joined = q.Sort switch
        {
            "supported" => desc
                ? joined.OrderBy(x => hiddenCounts.Contains(x.i.CampaignId) ? 0 : x.i.VoteCount).ThenBy(x => x.i.Id)
                : joined.OrderByDescending(x => hiddenCounts.Contains(x.i.CampaignId) ? 0 : x.i.VoteCount).ThenByDescending(x => x.i.Id),
            "discussed" => desc
                ? joined.OrderBy(x => x.i.CommentCount).ThenBy(x => x.i.Id)
                : joined.OrderByDescending(x => x.i.CommentCount).ThenByDescending(x => x.i.Id),
            "active" => desc
                ? joined.OrderBy(x => x.i.LastActivityAt).ThenBy(x => x.i.Id)
                : joined.OrderByDescending(x => x.i.LastActivityAt).ThenByDescending(x => x.i.Id),
            // A permutation computed in SQL from the seed (same 64-bit integer arithmetic on SQLite and PostgreSQL), stable
            // across pages. The seed also picks the multiplier: with "+ seed" alone, nearby seeds only rotate one fixed order.
            "random" => desc
                ? joined.OrderByDescending(x => ((long)x.i.Id * 1103515245L % 2147483647L * multiplier + seed) % 2147483647L).ThenByDescending(x => x.i.Id)
                : joined.OrderBy(x => ((long)x.i.Id * 1103515245L % 2147483647L * multiplier + seed) % 2147483647L).ThenBy(x => x.i.Id),
            _ => desc
                ? joined.OrderBy(x => x.i.PublishedAt ?? x.i.CreatedAt).ThenBy(x => x.i.Id)
                : joined.OrderByDescending(x => x.i.PublishedAt ?? x.i.CreatedAt).ThenByDescending(x => x.i.Id),
        };
        var rows = await joined.Skip(q.Skip).Take(q.PageSize).Select(x => new
        {
            x.i.Id, x.i.CampaignId, x.i.Title, Excerpt = x.i.Problem.Substring(0, 300), x.i.State, x.i.Anonymous,
            AuthorName = !x.i.Anonymous || canModerate || (signedIn && (x.i.AuthorId == me
                || db.IdeaCoAuthors.Any(c => c.IdeaId == x.i.Id && c.UserId == me && c.Status == CoAuthorStatus.Accepted)))
                ? x.DisplayName : null,
            x.CampaignSlug, x.CampaignTitle,
            FocusArea = db.FocusAreas.Where(a => a.Id == x.i.FocusAreaId).Select(a => a.Key).FirstOrDefault(),
            x.i.VoteCount, x.i.CommentCount, x.i.FollowerCount, x.i.PublishedAt, x.i.LastActivityAt, Hidden = x.i.HiddenAt != null,
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var tags = (await db.IdeaTags.AsNoTracking().Where(t => ids.Contains(t.IdeaId)).ToListAsync(ct))
            .GroupBy(t => t.IdeaId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList());
        // Keep the database's order: the page was sorted there.
        var items = rows.Select(r => new IdeaSummary(r.Id, hubSlug, r.CampaignSlug, r.CampaignTitle, r.Title, Excerpt(r.Excerpt), r.State,
            r.AuthorName, r.Anonymous, r.FocusArea, tags.GetValueOrDefault(r.Id) ?? [], hiddenCounts.Contains(r.CampaignId) ? null : r.VoteCount,
            r.CommentCount, r.FollowerCount, r.PublishedAt, r.LastActivityAt, r.Hidden)).ToList();
        return new PagedList<IdeaSummary>(items, q.Page, q.PageSize, total);
    }

    private static string Excerpt(string markdown)
    {
        var text = MarkdownRenderer.ToPlainText(markdown).ReplaceLineEndings(" ");
        return text.Length <= 200 ? text : text[..197].TrimEnd() + "…";
    }

    /// <summary>One idea as the person asking may see it; null when it does not exist or they may not see it.</summary>
    public async Task<IdeaDetail?> GetAsync(int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return null;
        var idea = scope.Idea;
        var campaign = scope.Campaign;
        var viewer = scope.Viewer;
        var me = scope.UserId ?? Guid.Empty;
        var showAuthors = scope.ShowAuthors;
        var today = clock.Today();

        var author = await db.Users.Where(u => u.Id == idea.AuthorId).Select(u => u.DisplayName).SingleAsync(ct);
        var coAuthors = await (from c in db.IdeaCoAuthors.AsNoTracking()
                               join u in db.Users on c.UserId equals u.Id
                               where c.IdeaId == id
                               orderby c.InvitedAt
                               select new CoAuthorView(c.UserId, u.DisplayName, c.Status, c.InvitedAt)).ToListAsync(ct);
        var attachments = await (from a in db.IdeaAttachments.AsNoTracking()
                                 join f in db.Files on a.FileId equals f.Id
                                 where a.IdeaId == id
                                 orderby a.Position
                                 select new { f.Id, f.FileName, f.ContentType, f.Size }).ToListAsync(ct);
        var events = await (from e in db.IdeaEvents.AsNoTracking()
                            where e.IdeaId == id
                            orderby e.OccurredAt, e.Id
                            select new { e.FromState, e.ToState, e.Answer, e.RelatedIdeaId, e.ActorId, e.OccurredAt,
                                Actor = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() }).ToListAsync(ct);
        var extra = await db.Ideas.AsNoTracking().Where(i => i.Id == id).Select(i => new
        {
            Voted = db.Votes.Any(v => v.IdeaId == i.Id && v.UserId == me),
            Following = db.IdeaFollowers.Any(f => f.IdeaId == i.Id && f.UserId == me),
            Versions = db.IdeaVersions.Count(v => v.IdeaId == i.Id),
            FocusArea = db.FocusAreas.Where(a => a.Id == i.FocusAreaId).Select(a => a.Key).FirstOrDefault(),
            Used = db.CampaignVoteBudgets.Where(b => b.CampaignId == i.CampaignId && b.UserId == me).Select(b => (int?)b.Used).FirstOrDefault(),
        }).SingleAsync(ct);

        var authorIds = coAuthors.Where(c => c.Status == CoAuthorStatus.Accepted).Select(c => c.UserId).Append(idea.AuthorId).ToHashSet();
        var authors = showAuthors
            ? coAuthors.Where(c => c.Status == CoAuthorStatus.Accepted).Select(c => new IdeaAuthorView(c.Name, false)).Prepend(new IdeaAuthorView(author, true)).ToList()
            : [];
        var history = events.Select(e => new IdeaEventView(e.FromState, e.ToState, e.Answer, e.RelatedIdeaId,
            !showAuthors && e.ActorId is { } a && authorIds.Contains(a) ? null : e.Actor, e.OccurredAt)).ToList();
        var answers = campaign.Questions
            .Select(q => (q, a: idea.Answers.FirstOrDefault(x => x.QuestionId == q.Id)))
            .Where(x => x.a is not null)
            .Select(x => new IdeaAnswerView(x.q.Id, x.q.Label, x.q.Kind, x.a!.Value,
                x.a.Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

        var canPublish = scope.IsAuthor && idea.State == IdeaState.Draft
            && IdeaRules.CanPublish(idea, campaign, true, today, await access.CountSubmittedAsync(campaign.Id, idea.AuthorId, ct));
        var showCounts = CampaignRules.ShowVoteCounts(campaign.Policy, viewer);
        var canTriage = IdeaRules.CanTriage(idea, viewer);
        var canEdit = scope.CanEdit;
        var viewerView = new IdeaViewerView(
            scope.IsAuthor, scope.IsCoAuthor, scope.IsInvited, extra.Voted, extra.Following, canEdit, canPublish,
            IdeaRules.CanWithdraw(idea, scope.IsAuthor), IdeaRules.CanVote(idea, campaign, today),
            extra.Voted && CampaignRules.CanVote(campaign.Policy, viewer, today), IdeaRules.CanFollow(idea, campaign),
            canTriage, canTriage ? IdeaRules.NextStates(idea.State) : [], canEdit && scope.IsAuthor, canEdit,
            CampaignRules.CanComment(campaign.Policy, viewer) && idea.State != IdeaState.Draft, showCounts, viewer.CanModerate,
            campaign.Policy.VotesPerPerson is { } max && scope.UserId is not null ? Math.Max(0, max - (extra.Used ?? 0)) : null,
            CanMerge: viewer.CanManage && idea.MergedIntoId is null && idea.State is not (IdeaState.Draft or IdeaState.Withdrawn),
            CanReport: scope.UserId is not null && !scope.IsAuthorOrCoAuthor && idea.State != IdeaState.Draft && !viewer.IsBlocked);

        return new IdeaDetail(
            idea.Id, idea.HubId, campaign.HubSlug, campaign.HubName, campaign.Id, campaign.Slug, campaign.Title,
            idea.Language, idea.Title, idea.Problem, idea.Solution, idea.Benefits, BeneficiaryNames(idea.Beneficiaries),
            idea.Origin, idea.CareLevel, idea.Setting, extra.FocusArea, idea.Anonymous, !showAuthors, authors, idea.State, idea.Answer,
            idea.MergedIntoId, idea.HiddenAt is not null, idea.CreatedAt, idea.PublishedAt, idea.UpdatedAt, idea.LastActivityAt,
            showCounts ? idea.VoteCount : null, idea.CommentCount, idea.FollowerCount, idea.Version,
            idea.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(), answers,
            attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, $"/api/v1/ideas/{idea.Id}/attachments/{a.Id}")).ToList(),
            scope.IsAuthorOrCoAuthor ? await OpenCoAuthorInvitationsAsync(id, ct) : [],
            history, extra.Versions, viewerView,
            // Accepted ideas may go on as an initiative (shown when the reader may see that initiative).
            idea.State is IdeaState.Accepted or IdeaState.Implemented ? await initiatives.ForIdeaAsync(idea.HubId, idea.Id, ct) : null,
            // Born at the event that opened its campaign (shown when the reader may see that event).
            await birthplaces.ForCampaignAsync(idea.HubId, campaign.Id, ct));
    }

    public static IReadOnlyList<string> BeneficiaryNames(Beneficiaries flags) =>
        Enum.GetValues<Beneficiaries>().Where(b => b != Beneficiaries.None && flags.HasFlag(b)).Select(b => b.ToString()).ToList();

    /// <summary>The earlier texts of an idea, newest first; null when the person may not see the idea.</summary>
    public async Task<IdeaVersions?> VersionsAsync(int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return null;
        var show = scope.ShowAuthors;
        var rows = await (from v in db.IdeaVersions.AsNoTracking()
                          join u in db.Users on v.EditedById equals u.Id
                          where v.IdeaId == id
                          orderby v.Version descending
                          select new IdeaVersionView(v.Version, v.Title, v.Problem, v.Solution, v.Benefits, show ? u.DisplayName : null, v.ReplacedAt))
            .ToListAsync(ct);
        return new IdeaVersions(id, scope.Campaign.HubSlug, scope.Idea.Title, scope.Idea.Version, rows);
    }

    private async Task<IReadOnlyList<CoAuthorInvitationView>> OpenCoAuthorInvitationsAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.IdeaCoAuthorInvitations.AsNoTracking()
            .Where(i => i.IdeaId == id && i.AnsweredAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new CoAuthorInvitationView(i.Email, i.CreatedAt, i.ExpiresAt)).ToListAsync(ct);
    }

    /// <summary>The ideas the signed-in person wrote or co-writes, newest activity first, and their open co-author invitations.</summary>
    public async Task<MyIdeas> MineAsync(CancellationToken ct)
    {
        var me = current.RequiredId;
        var ideas = await (from i in db.Ideas.AsNoTracking()
                           where i.AuthorId == me || db.IdeaCoAuthors.Any(c => c.IdeaId == i.Id && c.UserId == me && c.Status == CoAuthorStatus.Accepted)
                           orderby i.LastActivityAt descending, i.Id descending
                           select new MyIdeaRow(i.Id, db.Hubs.Where(h => h.Id == i.HubId).Select(h => h.Slug).First(),
                               db.Campaigns.Where(c => c.Id == i.CampaignId).Select(c => c.Title).First(), i.Title, i.State, i.Answer,
                               i.AuthorId == me, i.UpdatedAt,
                               db.IdeaEvents.Where(e => e.IdeaId == i.Id && e.Answer != null).OrderByDescending(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault()))
            .Take(500).ToListAsync(ct);
        var invitations = await (from c in db.IdeaCoAuthors.AsNoTracking()
                                 join i in db.Ideas on c.IdeaId equals i.Id
                                 join u in db.Users on c.InvitedById equals u.Id
                                 where c.UserId == me && c.Status == CoAuthorStatus.Invited
                                 orderby c.InvitedAt descending
                                 select new CoAuthorInvitationRow(i.Id, db.Hubs.Where(h => h.Id == i.HubId).Select(h => h.Slug).First(), i.Title, u.DisplayName, c.InvitedAt))
            .ToListAsync(ct);
        // Invitations are addressed to an email; they are the person's once that address is theirs and confirmed.
        var mine = await db.Users.Where(u => u.Id == me && u.EmailConfirmed).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (mine is not null)
            invitations.AddRange(await (from c in db.IdeaCoAuthorInvitations.AsNoTracking()
                                        join i in db.Ideas on c.IdeaId equals i.Id
                                        join u in db.Users on c.InvitedById equals u.Id
                                        where c.NormalizedEmail == mine && c.AnsweredAt == null && c.ExpiresAt > now
                                        orderby c.CreatedAt descending
                                        select new CoAuthorInvitationRow(i.Id, db.Hubs.Where(h => h.Id == i.HubId).Select(h => h.Slug).First(), i.Title, u.DisplayName, c.CreatedAt))
                .ToListAsync(ct));
        return new MyIdeas(ideas, invitations.DistinctBy(x => x.IdeaId).ToList());
    }

    /// <summary>The focus area keys an idea of the campaign may name.</summary>
    public async Task<IReadOnlyList<string>> FocusAreaKeysAsync(CampaignContext campaign, CancellationToken ct) =>
        (await content.FocusAreasAsync(campaign, ct)).Select(f => f.Key).ToList();

    /// <summary>Every focus area key (for hub-wide filters).</summary>
    public async Task<IReadOnlyList<string>> AllFocusAreaKeysAsync(CancellationToken ct) =>
        await db.FocusAreas.OrderBy(f => f.Id).Select(f => f.Key).ToListAsync(ct);
}
