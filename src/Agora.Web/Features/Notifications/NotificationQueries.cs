using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Notifications;

/// <summary>A notification as shown: its sentence in the reader's language and where it leads.</summary>
public sealed record NotificationRow(long Id, NotificationKind Kind, string Text, string Url, DateTimeOffset CreatedAt, bool Read);

/// <summary>Reads and marks a person's notifications; renders their text in the current language.</summary>
public sealed class NotificationQueries(AgoraDbContext db, INotifiedIdeas notifiedIdeas, INotifiedRequests notifiedRequests, IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    public async Task<PagedList<NotificationRow>> ListAsync(Guid userId, bool unreadOnly, int page, int pageSize, CancellationToken ct)
    {
        var mine = db.Notifications.Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null));
        var total = await mine.CountAsync(ct);
        var rows = await Facts(mine.OrderByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new PagedList<NotificationRow>(rows.Select(Render).ToList(), page, pageSize, total);
    }

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Marks one notification (or all when <paramref name="id"/> is null) as read; answers how many changed.</summary>
    public Task<int> MarkReadAsync(Guid userId, long? id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>What a sentence needs, in one query: the idea's title and hub, the actor's name.</summary>
    internal sealed record Fact(long Id, NotificationKind Kind, int? IdeaId, long? CommentId, string? IdeaTitle, bool IdeaAnonymous, Guid? IdeaAuthorId,
        string? HubSlug, string? CampaignTitle, string? CampaignSlug, string? ActorName, Guid? ActorId, string? Detail, DateTimeOffset CreatedAt, bool Read,
        int? RequestId = null, string? RequestTitle = null, string? Title = null, string? Path = null);

    internal IQueryable<Fact> Facts(IQueryable<Notification> notifications) =>
        from n in notifications
        join i in notifiedIdeas.All on n.IdeaId equals i.Id into ideas
        from i in ideas.DefaultIfEmpty()
        join h in db.Hubs on n.HubId equals h.Id into hubs
        from h in hubs.DefaultIfEmpty()
        join c in db.Campaigns on n.CampaignId equals c.Id into campaigns
        from c in campaigns.DefaultIfEmpty()
        join u in db.Users on n.ActorId equals u.Id into actors
        from u in actors.DefaultIfEmpty()
        join r in notifiedRequests.All on n.RequestId equals r.Id into requests
        from r in requests.DefaultIfEmpty()
        // i and r are projections, not entities: a missing one reads as nulls (see NotifiedIdea), not as null itself.
        select new Fact(n.Id, n.Kind, n.IdeaId, n.CommentId, i!.Title, i!.Anonymous == true, i!.AuthorId,
            h == null ? null : h.Slug, c == null ? null : c.Title, c == null ? null : c.Slug, u == null ? null : u.DisplayName, n.ActorId, n.Detail,
            n.CreatedAt, n.ReadAt != null, n.RequestId, r!.Title, n.Title, n.Path);

    internal NotificationRow Render(Fact f)
    {
        // An area that names its subject itself: its sentence per detail, with the actor and the title.
        if (f.Path is not null)
            return new NotificationRow(f.Id, f.Kind, t[$"Notification.{f.Kind}.{f.Detail}", ActorName(f), f.Title ?? ""].Value, f.Path, f.CreatedAt, f.Read);
        // An anonymous idea's author stays anonymous in what others are told.
        var actor = ActorName(f);
        var detail = f.Kind == NotificationKind.IdeaStateChanged && f.Detail is not null ? t["IdeaState." + f.Detail].Value
            : f.Kind == NotificationKind.RequestUpdated && f.Detail is not null ? t["RequestUpdate." + f.Detail].Value
            : f.Kind is NotificationKind.RequestAssigned && f.Detail is not null ? t["ReviewRole." + f.Detail].Value
            : f.Detail ?? "";
        var text = t["Notification." + f.Kind, actor, f.IdeaTitle ?? f.RequestTitle ?? f.CampaignTitle ?? "", detail].Value;
        var url = f.HubSlug is null ? "/notifications"
            : f.RequestId is { } request ? $"/hubs/{f.HubSlug}/requests/{request}"
            : f.IdeaId is { } idea ? $"/hubs/{f.HubSlug}/ideas/{idea}" + (f.CommentId is { } c ? $"#comment-{c}" : "")
            : f.CampaignSlug is not null ? $"/hubs/{f.HubSlug}/campaigns/{f.CampaignSlug}" : $"/hubs/{f.HubSlug}";
        return new NotificationRow(f.Id, f.Kind, text, url, f.CreatedAt, f.Read);
    }

    private string ActorName(Fact f) =>
        f.ActorName is null || (f.IdeaAnonymous && f.ActorId == f.IdeaAuthorId) ? t["Notification.Someone"].Value : f.ActorName;
}
