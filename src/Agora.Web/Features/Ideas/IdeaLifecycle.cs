using System.Globalization;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>Where an idea lives, as use cases answer it (the page redirects to /hubs/{HubSlug}/ideas/{Id}).</summary>
public sealed record IdeaRef(int Id, string HubSlug, IdeaState State, int Version);

/// <summary>Steps shared by the use cases that publish and follow, run inside their transaction.</summary>
internal static class IdeaLifecycle
{
    /// <summary>Today as the campaign rules count days (phase dates are whole local days).</summary>
    public static DateOnly Today(this TimeProvider clock) => Campaigns.CampaignRules.Today(clock);

    /// <summary>The person's language when it is one Agora speaks, else English.</summary>
    public static string DefaultLanguage()
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        return LocalizationSetup.IsSupported(culture) ? LocalizationSetup.Normalize(culture) : "en";
    }

    /// <summary>
    /// Publishes a saved (tracked) draft: state, history, the campaign's exact idea count (atomic +1) and the
    /// author following it; the campaign's followers are told. Call inside a transaction.
    /// </summary>
    public static async Task PublishAsync(AgoraDbContext db, AuditLog audit, Notifier notifier, Idea idea, Guid actorId, DateTimeOffset now, CancellationToken ct)
    {
        idea.State = IdeaState.Published;
        idea.PublishedAt ??= now;
        idea.UpdatedAt = now;
        idea.LastActivityAt = now;
        db.IdeaEvents.Add(new IdeaEvent { IdeaId = idea.Id, FromState = IdeaState.Draft, ToState = IdeaState.Published, ActorId = actorId, OccurredAt = now });
        audit.Add(AuditActions.IdeaPublished, idea.HubId, Subject(idea));
        await db.SaveChangesAsync(ct);
        await db.Campaigns.Where(c => c.Id == idea.CampaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount + 1), ct);
        await FollowAsync(db, idea.Id, idea.AuthorId, now, ct);
        // An anonymous idea is announced without its author.
        await notifier.AddAsync(new NotificationEvent(NotificationKind.IdeaPublished, idea.HubId, idea.Id, CampaignId: idea.CampaignId,
            ActorId: idea.Anonymous ? null : actorId), (await notifier.CampaignFollowersAsync(idea.CampaignId, ct)).Where(f => f != actorId), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a follower unless they already follow; the idea's follower count moves with the row. Inside a transaction.</summary>
    public static async Task<bool> FollowAsync(AgoraDbContext db, int ideaId, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.TryInsertAsync(new IdeaFollower { IdeaId = ideaId, UserId = userId, FollowedAt = now }, ct)) return false;
        await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.FollowerCount, i => i.FollowerCount + 1), ct);
        return true;
    }

    public static async Task<bool> UnfollowAsync(AgoraDbContext db, int ideaId, Guid userId, CancellationToken ct)
    {
        var removed = await db.IdeaFollowers.Where(f => f.IdeaId == ideaId && f.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed == 0) return false;
        await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.FollowerCount, i => i.FollowerCount - 1), ct);
        return true;
    }

    /// <summary>How audit events name an idea.</summary>
    public static string Subject(Idea idea) => Subject(idea.Id, idea.Title);

    public static string Subject(int id, string title) => $"#{id.ToString(CultureInfo.InvariantCulture)} {title}";
}
