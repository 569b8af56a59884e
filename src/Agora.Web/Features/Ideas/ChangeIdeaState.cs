using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>
/// A triage decision that happened: what the notifications of an idea's followers and authors are made from.
/// Returned by <see cref="ChangeIdeaState.ChangeAsync"/> once it is committed.
/// </summary>
public sealed record IdeaStateChanged(
    int IdeaId, Guid HubId, string HubSlug, Guid CampaignId, string Title, IdeaState From, IdeaState To,
    string? Answer, Guid ActorId, long EventId, DateTimeOffset OccurredAt);

/// <summary>
/// Hub managers and facilitators move ideas along the triage path with a public answer (required to decline).
/// Each change is one conditional UPDATE (the idea must still be in the state the moderator saw), a public
/// history event and an audit event, in one transaction.
/// </summary>
public sealed class ChangeIdeaState(AgoraDbContext db, IdeaAccess access, Validator v, AuditLog audit, Notifications.Notifier notifier, TimeProvider clock)
{
    public const int AnswerMax = 4000;

    public async Task<Result<IdeaStateChanged>> ChangeAsync(int id, string? state, string? answer, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<IdeaStateChanged>.NotFound();
        if (!scope.Viewer.CanModerate) return Result<IdeaStateChanged>.Forbidden();
        var idea = scope.Idea;
        var from = idea.State;
        var to = IdeaContent.ParseName<IdeaState>(state);
        if (to is null) v.Add("state", "Validation.Required");
        else if (!IdeaRules.CanTriage(idea, scope.Viewer) || !IdeaRules.NextStates(from).Contains(to.Value))
            v.Add("state", "Ideas.StateNotAllowed");
        var text = v.Text("answer", answer, AnswerMax, required: to == IdeaState.Declined, multiline: true);
        if (!v.IsValid) return Result<IdeaStateChanged>.Invalid(v.Errors);
        var target = to!.Value;
        var actorId = scope.UserId!.Value;
        var now = clock.GetUtcNow();

        return await db.InTransactionAsync(async () =>
        {
            var changed = await db.Ideas.Where(i => i.Id == id && i.State == from).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(i => i.State, target).SetProperty(i => i.LastActivityAt, now);
                if (text.Length > 0) s.SetProperty(i => i.Answer, text);
            }, ct);
            if (changed == 0) return (false, Result<IdeaStateChanged>.Conflict("state", v.Message("Ideas.StateChanged")));
            var e = new IdeaEvent { IdeaId = id, FromState = from, ToState = target, Answer = text.Length > 0 ? text : null, ActorId = actorId, OccurredAt = now };
            db.IdeaEvents.Add(e);
            audit.Add(AuditActions.IdeaStateChanged, idea.HubId, IdeaLifecycle.Subject(idea), $"{from} -> {target}");
            // Authors, co-authors and followers hear of the decision.
            var told = await db.IdeaFollowers.Where(f => f.IdeaId == id).Select(f => f.UserId)
                .Concat(db.IdeaCoAuthors.Where(c => c.IdeaId == id && c.Status == CoAuthorStatus.Accepted).Select(c => c.UserId))
                .ToListAsync(ct);
            told.Add(idea.AuthorId);
            await notifier.AddAsync(new Notifications.NotificationEvent(Notifications.NotificationKind.IdeaStateChanged, idea.HubId, id,
                CampaignId: idea.CampaignId, ActorId: actorId, Detail: target.ToString()), told, ct);
            await db.SaveChangesAsync(ct);
            // Notifications start from this value (the caller gets it once the transaction is committed).
            var happened = new IdeaStateChanged(id, idea.HubId, scope.Campaign.HubSlug, idea.CampaignId, idea.Title, from, target,
                e.Answer, actorId, e.Id, now);
            return (true, Result<IdeaStateChanged>.Ok(happened));
        }, ct);
    }
}
