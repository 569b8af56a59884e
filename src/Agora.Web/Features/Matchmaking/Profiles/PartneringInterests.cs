using System.Globalization;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Profiles;

/// <summary>
/// An expression of interest: for <c>organisation</c> (a slug, one the sender is a member of, not the profile's),
/// optionally with <c>senderProfile</c> (one of that organisation's published profiles), and a required message.
/// </summary>
public sealed record InterestInput(string? Organisation = null, int? SenderProfile = null, string? Message = null);

/// <summary>An answer to an expression of interest, with an optional note for the sender.</summary>
public sealed record InterestAnswer(string? Note = null);

/// <summary>
/// Expressions of interest in published profiles: a signed-in person sends one for their organisation (one pending per
/// sender and profile); the profile's author or organisation admins accept or decline it; the sender may withdraw it
/// while pending. Both sides are told; only once accepted do they see each other's contact (see <see cref="PartneringAccess"/>).
/// Nobody's name travels in a notification before acceptance: the receiving side is told "someone", and a decline
/// does not name who declined.
/// </summary>
public sealed class PartneringInterests(AgoraDbContext db, PartneringAccess access, Validator v, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public static string Subject(ExpressionOfInterest e) => $"#{e.ProfileId.ToString(CultureInfo.InvariantCulture)} interest {e.Id.ToString(CultureInfo.InvariantCulture)}";

    public async Task<Result<int>> SendAsync(int profileId, InterestInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(profileId, ct);
        if (s is null || !s.IsPublic) return s?.IsMember == true || s?.IsReviewer == true ? Result<int>.Conflict("", v.Message("Matchmaking.Profiles.WrongState")) : Result<int>.NotFound();
        if (access.Me is not { } me) return Result<int>.Forbidden();
        var message = v.Text("message", input.Message, 4000, multiline: true, min: 10);
        var org = await db.Organisations.AsNoTracking().Where(o => o.Slug == input.Organisation).Select(o => new { o.Id }).SingleOrDefaultAsync(ct);
        if (org is null || !await access.IsMemberAsync(org.Id, ct))
            v.Add("organisation", string.IsNullOrWhiteSpace(input.Organisation) ? "Validation.Required" : "Validation.Invalid");
        else if (org.Id == s.Profile.OrganisationId || s.IsMember)
            v.Add("organisation", "Matchmaking.Interests.OwnOrganisation");
        if (input.SenderProfile is { } own && org is not null)
        {
            var now0 = clock.GetUtcNow();
            var ok = await db.PartneringProfiles.AsNoTracking().Where(PartneringAccess.IsPublished(now0))
                .AnyAsync(p => p.Id == own && p.OrganisationId == org.Id, ct);
            if (!ok) v.Add("senderProfile", "Validation.Invalid");
        }
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        if (await db.ExpressionsOfInterest.AnyAsync(e => e.ProfileId == profileId && e.SenderId == me && e.State == InterestState.Pending, ct))
            return Result<int>.Conflict("", v.Message("Matchmaking.Interests.AlreadyPending"));
        var now = clock.GetUtcNow();
        var interest = new ExpressionOfInterest
        {
            ProfileId = profileId, SenderId = me, SenderOrganisationId = org!.Id, SenderProfileId = input.SenderProfile, Message = message,
            State = InterestState.Pending, SentAt = now,
        };
        return await db.InTransactionAsync(async token =>
        {
            db.ExpressionsOfInterest.Add(interest);
            await db.SaveChangesAsync(token);
            audit.Add(AuditActions.PartneringInterestSent, s.Profile.HubId, Subject(interest));
            // The receiving side learns of an interest, not (yet) of who sent it.
            await notifier.AddAsync(new NotificationEvent(NotificationKind.Partnering, s.Profile.HubId, Detail: "InterestReceived", Title: s.Profile.Title,
                Path: PartneringProfiles.PathOf(profileId)), (await ManagersAsync(s.Profile, token)).Where(x => x != me), token);
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(interest.Id);
        }, ct);
    }

    /// <summary>Those who answer interests in the profile: its author and its organisation's admins (while members).</summary>
    private async Task<List<Guid>> ManagersAsync(PartneringProfile p, CancellationToken ct) =>
        await db.OrganisationMembers.Where(m => m.OrganisationId == p.OrganisationId && (m.IsAdmin || m.UserId == p.AuthorId)).Select(m => m.UserId).ToListAsync(ct);

    public Task<Result<int>> AcceptAsync(int id, InterestAnswer input, CancellationToken ct) => AnswerAsync(id, input, InterestState.Accepted, ct);

    public Task<Result<int>> DeclineAsync(int id, InterestAnswer input, CancellationToken ct) => AnswerAsync(id, input, InterestState.Declined, ct);

    private async Task<Result<int>> AnswerAsync(int id, InterestAnswer input, InterestState answer, CancellationToken ct)
    {
        var interest = await db.ExpressionsOfInterest.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (interest is null) return Result<int>.NotFound();
        var s = await access.LoadAsync(interest.ProfileId, ct);
        // The sender knows their interest exists; anyone who is not of the profile's organisation may not answer it.
        if (s is null || !s.IsMember) return interest.SenderId == access.Me && access.Me is not null ? Result<int>.Forbidden() : Result<int>.NotFound();
        if (!s.CanManage) return Result<int>.Forbidden();
        var note = v.Text("note", input.Note, 2000, required: false, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var me = access.Me;
        return await db.InTransactionAsync(async token =>
        {
            var changed = await db.ExpressionsOfInterest.Where(e => e.Id == id && e.State == InterestState.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, answer).SetProperty(e => e.AnsweredAt, (DateTimeOffset?)now)
                    .SetProperty(e => e.AnsweredById, me).SetProperty(e => e.AnswerNote, note.Length == 0 ? null : note), token);
            if (changed == 0) return Result<int>.Conflict("", v.Message("Matchmaking.Interests.NotPending"));
            audit.Add(answer == InterestState.Accepted ? AuditActions.PartneringInterestAccepted : AuditActions.PartneringInterestDeclined,
                s.Profile.HubId, Subject(interest));
            if (interest.SenderId is { } sender)
                await notifier.AddAsync(new NotificationEvent(NotificationKind.Partnering, s.Profile.HubId,
                    // Accepted: the sender may now know who answered; declined: they never learn who is behind the profile.
                    ActorId: answer == InterestState.Accepted ? me : null, Detail: answer == InterestState.Accepted ? "InterestAccepted" : "InterestDeclined",
                    Title: s.Profile.Title, Path: PartneringProfiles.PathOf(interest.ProfileId)), [sender], token);
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(id);
        }, ct);
    }

    /// <summary>The sender takes a pending interest back.</summary>
    public async Task<Result<int>> WithdrawAsync(int id, CancellationToken ct)
    {
        var me = access.Me;
        var interest = await db.ExpressionsOfInterest.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (interest is null || me is null || interest.SenderId != me) return Result<int>.NotFound();
        var profile = await db.PartneringProfiles.AsNoTracking().SingleAsync(p => p.Id == interest.ProfileId, ct);
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async token =>
        {
            var changed = await db.ExpressionsOfInterest.Where(e => e.Id == id && e.State == InterestState.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, InterestState.Withdrawn).SetProperty(e => e.AnsweredAt, (DateTimeOffset?)now), token);
            if (changed == 0) return Result<int>.Conflict("", v.Message("Matchmaking.Interests.NotPending"));
            audit.Add(AuditActions.PartneringInterestWithdrawn, profile.HubId, Subject(interest));
            await notifier.AddAsync(new NotificationEvent(NotificationKind.Partnering, profile.HubId, Detail: "InterestWithdrawn", Title: profile.Title,
                Path: PartneringProfiles.PathOf(profile.Id)), (await ManagersAsync(profile, token)).Where(x => x != me), token);
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(id);
        }, ct);
    }
}
