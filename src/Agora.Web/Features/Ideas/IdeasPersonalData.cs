using System.Runtime.CompilerServices;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Agora.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>
/// The person's ideas (anonymous ones too: they are theirs) with their versions, answers, tags and attachments (the
/// bytes go into the archive), their co-authorships, the history steps they made, what they follow and their votes.
/// Erasure deletes what is only theirs (follows, drafts, invitations they never accepted); their published ideas,
/// votes, co-authorships and history steps stay as anonymised references. With <see cref="Erasure.DeleteContributions"/>
/// an idea they wrote alone is withdrawn and hidden with its texts, versions, answers, tags and attachments gone;
/// others' votes on it keep counting. An idea written with accepted co-authors keeps its text (it is theirs too).
/// </summary>
public sealed class IdeasPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "ideas";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        typeof(Idea),
        // No person's id of their own: exported and erased with the idea they belong to.
        typeof(IdeaAnswer), typeof(IdeaAttachment),
        // EditedById: a version of a joint text stays as an anonymised reference unless the idea's texts are deleted.
        typeof(IdeaVersion),
        // UserId: invitations to the person that they never accepted are deleted; an accepted co-authorship stays as an
        // anonymised reference (the idea is partly theirs). InvitedById: invitations they sent stay as references.
        typeof(IdeaCoAuthor),
        // Invitations by email: those to the person's address are deleted; those they sent (others' addresses) stay with the idea.
        typeof(IdeaCoAuthorInvitation),
        // ActorId: a step of an idea's public history stays as an anonymised reference.
        typeof(IdeaEvent),
        typeof(IdeaFollower),
        // UserId: a vote keeps counting, as an anonymised reference.
        typeof(Vote),
    ];

    private static string ArchivePath(Guid fileId, string fileName) => $"ideas/{fileId:N}-{fileName}";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.AuthorId == userId).OrderBy(i => i.Id)
            .Select(i => new
            {
                i.Id, Campaign = db.Campaigns.Where(c => c.Id == i.CampaignId).Select(c => c.Title).FirstOrDefault(),
                i.Language, i.Title, i.Problem, i.Solution, i.Benefits, i.Beneficiaries, i.Origin, i.CareLevel,
                i.Setting, i.Anonymous, i.State, Hidden = i.HiddenAt != null, i.MergedIntoId, PublicAnswer = i.Answer, i.CreatedAt,
                i.PublishedAt, i.UpdatedAt, i.Version,
            }).ToListAsync(ct);
        var ids = ideas.Select(i => i.Id).ToList();
        var tags = (await db.IdeaTags.AsNoTracking().Where(t => ids.Contains(t.IdeaId)).ToListAsync(ct)).ToLookup(t => t.IdeaId, t => t.Tag);
        var answers = (await (from a in db.IdeaAnswers.AsNoTracking()
                              join q in db.CampaignQuestions on a.QuestionId equals q.Id
                              where ids.Contains(a.IdeaId)
                              orderby q.Position
                              select new { a.IdeaId, Question = q.Label, a.Value }).ToListAsync(ct)).ToLookup(a => a.IdeaId);
        var versions = (await db.IdeaVersions.AsNoTracking().Where(v => ids.Contains(v.IdeaId)).OrderBy(v => v.Version)
            .Select(v => new { v.IdeaId, v.Version, v.Title, v.Problem, v.Solution, v.Benefits, v.ReplacedAt, ByYou = v.EditedById == userId })
            .ToListAsync(ct)).ToLookup(v => v.IdeaId);
        var attachments = (await (from a in db.IdeaAttachments.AsNoTracking()
                                  join f in db.Files on a.FileId equals f.Id
                                  where ids.Contains(a.IdeaId)
                                  orderby a.Position
                                  select new { a.IdeaId, f.Id, f.FileName, f.ContentType, f.Size, f.UploadedAt }).ToListAsync(ct)).ToLookup(a => a.IdeaId);

        return new
        {
            ideas = ideas.Select(i => new
            {
                idea = i,
                tags = tags[i.Id].Order(StringComparer.Ordinal).ToList(),
                answers = answers[i.Id].Select(a => new { a.Question, a.Value }).ToList(),
                versions = versions[i.Id].Select(v => new { v.Version, v.Title, v.Problem, v.Solution, v.Benefits, v.ReplacedAt, v.ByYou }).ToList(),
                attachments = attachments[i.Id].Select(a => new { a.FileName, a.ContentType, a.Size, a.UploadedAt, File = ArchivePath(a.Id, a.FileName) }).ToList(),
            }).ToList(),
            coAuthorships = await (from c in db.IdeaCoAuthors.AsNoTracking()
                                   join i in db.Ideas on c.IdeaId equals i.Id
                                   where c.UserId == userId
                                   orderby c.InvitedAt
                                   select new { c.IdeaId, i.Title, c.Status, c.InvitedAt, c.AnsweredAt }).ToListAsync(ct),
            // Who they invited is the invitee's data: only the idea and the answer.
            coAuthorInvitationsSent = await db.IdeaCoAuthors.AsNoTracking().Where(c => c.InvitedById == userId).OrderBy(c => c.InvitedAt)
                .Select(c => new { c.IdeaId, c.Status, c.InvitedAt, c.AnsweredAt }).ToListAsync(ct),
            coAuthorInvitationsByEmail = await db.IdeaCoAuthorInvitations.AsNoTracking()
                .Where(i => db.Users.Any(u => u.Id == userId && u.NormalizedEmail == i.NormalizedEmail)).OrderBy(i => i.CreatedAt)
                .Select(i => new { i.IdeaId, i.CreatedAt, i.ExpiresAt, i.AnsweredAt, i.Accepted }).ToListAsync(ct),
            coAuthorInvitationsByEmailSent = await db.IdeaCoAuthorInvitations.AsNoTracking().Where(i => i.InvitedById == userId).OrderBy(i => i.CreatedAt)
                .Select(i => new { i.IdeaId, i.CreatedAt, i.AnsweredAt, i.Accepted }).ToListAsync(ct),
            versionsOfOthersIdeas = await (from v in db.IdeaVersions.AsNoTracking()
                                           join i in db.Ideas on v.IdeaId equals i.Id
                                           where v.EditedById == userId && i.AuthorId != userId
                                           orderby v.ReplacedAt
                                           select new { v.IdeaId, v.Version, v.Title, v.Problem, v.Solution, v.Benefits, v.ReplacedAt }).ToListAsync(ct),
            historySteps = await db.IdeaEvents.AsNoTracking().Where(e => e.ActorId == userId).OrderBy(e => e.OccurredAt)
                .Select(e => new { e.IdeaId, e.FromState, e.ToState, e.Answer, e.RelatedIdeaId, e.OccurredAt }).ToListAsync(ct),
            following = await (from f in db.IdeaFollowers.AsNoTracking()
                               join i in db.Ideas on f.IdeaId equals i.Id
                               where f.UserId == userId
                               orderby f.FollowedAt
                               select new { f.IdeaId, i.Title, f.FollowedAt }).ToListAsync(ct),
            votes = await (from v in db.Votes.AsNoTracking()
                           join i in db.Ideas on v.IdeaId equals i.Id
                           where v.UserId == userId
                           orderby v.CastAt
                           select new { v.IdeaId, i.Title, v.CastAt }).ToListAsync(ct),
        };
    }

    public async IAsyncEnumerable<PersonalFile> FilesAsync(Guid userId, [EnumeratorCancellation] CancellationToken ct)
    {
        var files = await (from a in db.IdeaAttachments.AsNoTracking()
                           join i in db.Ideas on a.IdeaId equals i.Id
                           join f in db.Files on a.FileId equals f.Id
                           where i.AuthorId == userId
                           orderby a.IdeaId, a.Position
                           select new { f.Id, f.FileName }).ToListAsync(ct);
        foreach (var file in files)
        {
            var id = file.Id;
            yield return new PersonalFile(ArchivePath(id, file.FileName), async token =>
                new MemoryStream(await db.Files.AsNoTracking().Where(f => f.Id == id).Select(f => f.Content).SingleAsync(token), writable: false));
        }
    }

    public async Task EraseAsync(Erasure erasure, CancellationToken ct)
    {
        var me = erasure.UserId;

        // What they follow is only theirs; the follower counts move with the rows.
        foreach (var ideaId in await db.IdeaFollowers.Where(f => f.UserId == me).Select(f => f.IdeaId).ToListAsync(ct))
            await IdeaLifecycle.UnfollowAsync(db, ideaId, me, ct);

        // Invitations to co-author that they never accepted are only theirs.
        await db.IdeaCoAuthors.Where(c => c.UserId == me && c.Status != CoAuthorStatus.Accepted).ExecuteDeleteAsync(ct);
        if (erasure.Email is { } email)
        {
            var normalized = email.ToUpperInvariant();
            await db.IdeaCoAuthorInvitations.Where(i => i.NormalizedEmail == normalized).ExecuteDeleteAsync(ct);
        }

        // Drafts are their authors' alone (nobody else sees, votes on or comments on a draft).
        var drafts = await db.Ideas.Where(i => i.AuthorId == me && i.State == IdeaState.Draft).Select(i => i.Id).ToListAsync(ct);
        if (drafts.Count > 0)
        {
            await DeleteAttachmentsAsync(drafts, ct);
            await db.Notifications.Where(n => n.IdeaId != null && drafts.Contains(n.IdeaId.Value)).ExecuteDeleteAsync(ct);
            await DeleteSearchDocumentsAsync(drafts, ct);
            await db.Ideas.Where(i => drafts.Contains(i.Id)).ExecuteDeleteAsync(ct);
        }

        if (!erasure.DeleteContributions) return;

        // Their words go from ideas they wrote alone; an idea with accepted co-authors is also theirs, and keeps its text.
        var alone = await db.Ideas
            .Where(i => i.AuthorId == me && i.State != IdeaState.Draft
                        && !db.IdeaCoAuthors.Any(c => c.IdeaId == i.Id && c.UserId != me && c.Status == CoAuthorStatus.Accepted))
            .Select(i => new { i.Id, i.CampaignId, i.State, Counted = i.HiddenAt == null && i.MergedIntoId == null && i.State != IdeaState.Withdrawn })
            .ToListAsync(ct);
        if (alone.Count == 0) return;
        var ids = alone.Select(i => i.Id).ToList();
        // Hidden ideas leave the campaign's idea count, as when a moderator hides one.
        foreach (var campaign in alone.Where(i => i.Counted).GroupBy(i => i.CampaignId))
        {
            var n = campaign.Count();
            await db.Campaigns.Where(c => c.Id == campaign.Key).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount - n), ct);
        }
        foreach (var idea in alone.Where(i => i.State == IdeaState.Published))
            db.IdeaEvents.Add(new IdeaEvent { IdeaId = idea.Id, FromState = IdeaState.Published, ToState = IdeaState.Withdrawn, OccurredAt = erasure.At });
        var at = erasure.At;
        await db.Ideas.Where(i => ids.Contains(i.Id) && i.State == IdeaState.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IdeaState.Withdrawn), ct);
        await db.Ideas.Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Title, "").SetProperty(i => i.Problem, "").SetProperty(i => i.Solution, "").SetProperty(i => i.Benefits, "")
            .SetProperty(i => i.HiddenAt, i => i.HiddenAt ?? at).SetProperty(i => i.HiddenReason, (string?)null)
            .SetProperty(i => i.UpdatedAt, at), ct);
        await db.IdeaVersions.Where(v => ids.Contains(v.IdeaId)).ExecuteDeleteAsync(ct);
        await db.IdeaAnswers.Where(a => ids.Contains(a.IdeaId)).ExecuteDeleteAsync(ct);
        await db.IdeaTags.Where(t => ids.Contains(t.IdeaId)).ExecuteDeleteAsync(ct);
        await DeleteAttachmentsAsync(ids, ct);
        // ExecuteUpdate bypasses the search index interceptor: the ideas' documents go here.
        await DeleteSearchDocumentsAsync(ids, ct);
    }

    private async Task DeleteSearchDocumentsAsync(List<int> ideaIds, CancellationToken ct)
    {
        var targets = ideaIds.Select(i => (long)i).ToList();
        await db.SearchDocuments.Where(d => d.Kind == SearchKinds.Idea && targets.Contains(d.TargetId)).ExecuteDeleteAsync(ct);
    }

    private async Task DeleteAttachmentsAsync(List<int> ideaIds, CancellationToken ct)
    {
        var files = await db.IdeaAttachments.Where(a => ideaIds.Contains(a.IdeaId)).Select(a => a.FileId).ToListAsync(ct);
        if (files.Count == 0) return;
        await db.IdeaAttachments.Where(a => ideaIds.Contains(a.IdeaId)).ExecuteDeleteAsync(ct);
        await db.Files.Where(f => files.Contains(f.Id)).ExecuteDeleteAsync(ct);
    }
}
