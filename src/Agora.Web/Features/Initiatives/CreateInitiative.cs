using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

/// <summary>What a hub manager gives to start an initiative; <see cref="IdeaIds"/> may be empty (started directly).</summary>
public sealed record InitiativeInput(string? Title, string? Summary, string? Description, InitiativeVisibility? Visibility, int[]? IdeaIds);

/// <summary>A document another area hands over as the initiative's concept description.</summary>
public sealed record OriginDocument(string FileName, string ContentType, byte[] Content);

/// <summary>What another area gives to start an initiative of its making (see <see cref="CreateInitiative.AddFromOriginAsync"/>).</summary>
public sealed record InitiativeFromOrigin(Guid HubId, string Title, string Summary, string Description, string OriginTitle, string OriginPath,
    Guid OwnerId, IReadOnlyList<Guid> Members, IReadOnlyList<OriginDocument> Documents);

/// <summary>
/// A hub manager starts an initiative, from accepted ideas of the hub or directly. It enters the hub's first stage
/// with the manager as owner; the ideas' authors and co-authors are credited (the ideas link to it) and notified.
/// </summary>
public sealed class CreateInitiative(AgoraDbContext db, Viewers viewers, CurrentUser current, InnovationProcess process,
    Validator v, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<int>> CreateAsync(string hubSlug, InitiativeInput input, CancellationToken ct)
    {
        var hubId = await db.HubIdAsync(hubSlug, ct);
        if (hubId is not { } hub) return Result<int>.NotFound();
        var viewer = await viewers.ForHubAsync(hub, ct);
        if (!viewer.IsManager) return Result<int>.Forbidden();

        var title = v.Text("title", input.Title, InitiativeLimits.Title);
        var summary = v.Text("summary", input.Summary, InitiativeLimits.Summary, required: false, multiline: true);
        var description = v.Text("description", input.Description, InitiativeLimits.Description, required: false, multiline: true);
        var visibility = input.Visibility ?? InitiativeVisibility.HubInternal;
        if (!Enum.IsDefined(visibility)) v.Add("visibility", "Validation.Invalid");
        var ideaIds = (input.IdeaIds ?? []).Distinct().ToList();
        if (ideaIds.Count > InitiativeLimits.Ideas) v.Add("ideaIds", "Initiatives.TooManyIdeas", InitiativeLimits.Ideas);
        var ideas = ideaIds.Count == 0 || ideaIds.Count > InitiativeLimits.Ideas ? []
            : await db.Ideas.AsNoTracking().Where(i => ideaIds.Contains(i.Id) && i.HubId == hub)
                .Select(i => new { i.Id, i.Title, i.State, i.HiddenAt, i.MergedIntoId, i.AuthorId, Taken = db.InitiativeIdeas.Any(x => x.IdeaId == i.Id) })
                .ToListAsync(ct);
        foreach (var id in ideaIds.Take(InitiativeLimits.Ideas))
        {
            var idea = ideas.FirstOrDefault(i => i.Id == id);
            var number = id.ToString(CultureInfo.InvariantCulture);
            if (idea is null) v.Add("ideaIds", "Initiatives.IdeaNotInHub", number);
            else if (idea.State != IdeaState.Accepted || idea.HiddenAt is not null || idea.MergedIntoId is not null)
                v.Add("ideaIds", "Initiatives.IdeaNotAccepted", number, idea.Title);
            else if (idea.Taken) v.Add("ideaIds", "Initiatives.IdeaTaken", number, idea.Title);
        }
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var stages = await process.StagesAsync(hub, ct);
        var me = current.RequiredId;
        var now = clock.GetUtcNow();
        int created;
        try
        {
            created = await db.InTransactionAsync(async token =>
            {
                var initiative = new Initiative
                {
                    HubId = hub, Title = title, Summary = summary, Description = description, Visibility = visibility,
                    StageId = stages[0].Id, Status = InitiativeStatus.Active, OwnerId = me, CreatedById = me,
                    CreatedAt = now, UpdatedAt = now, StageEnteredAt = now,
                };
                db.Initiatives.Add(initiative);
                await db.SaveChangesAsync(token);
                db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = initiative.Id, UserId = me, Role = TeamRole.Owner, AddedAt = now });
                db.InitiativeIdeas.AddRange(ideas.Select(i => new InitiativeIdea { InitiativeId = initiative.Id, IdeaId = i.Id }));
                audit.Add(AuditActions.InitiativeCreated, hub, Subject(initiative.Id, title),
                    ideas.Count == 0 ? null : string.Join(", ", ideas.Select(i => IdeaLifecycle.Subject(i.Id, i.Title))));
                // Credit: every author and accepted co-author of the ideas hears that their idea goes on as this initiative.
                var ids = ideas.Select(i => i.Id).ToList();
                var coAuthors = await db.IdeaCoAuthors.Where(c => ids.Contains(c.IdeaId) && c.Status == CoAuthorStatus.Accepted)
                    .Select(c => new { c.IdeaId, c.UserId }).ToListAsync(token);
                foreach (var idea in ideas)
                {
                    var credited = coAuthors.Where(c => c.IdeaId == idea.Id).Select(c => c.UserId).Append(idea.AuthorId);
                    await notifier.AddAsync(new NotificationEvent(NotificationKind.IdeaBecameInitiative, hub, idea.Id, ActorId: me, Detail: title), credited, token);
                }
                await db.SaveChangesAsync(token);
                return initiative.Id;
            }, ct);
        }
        catch (DbUpdateException) when (ideas.Count > 0)
        {
            // The unique idea index: another manager put one of these ideas into an initiative at the same moment.
            db.ChangeTracker.Clear();
            return Result<int>.Conflict("ideaIds", v.Message("Initiatives.IdeaTakenMeanwhile"));
        }
        return Result<int>.Ok(created);
    }

    /// <summary>
    /// Another area starts an initiative of its own making (a hackathon team): at the hub's first stage, with the given
    /// owner and team, the origin on record (plain title and path, so Initiatives names no other area) and documents as
    /// its concept description. The calling area has decided the person may; the rows are staged and saved in the
    /// caller's transaction, so its own change and this one commit together.
    /// </summary>
    public async Task<int> AddFromOriginAsync(InitiativeFromOrigin input, CancellationToken ct)
    {
        var stages = await process.StagesAsync(input.HubId, ct);
        var now = clock.GetUtcNow();
        var me = current.RequiredId;
        var initiative = new Initiative
        {
            HubId = input.HubId, Title = Cut(input.Title, InitiativeLimits.Title), Summary = Cut(input.Summary, InitiativeLimits.Summary),
            Description = Cut(input.Description, InitiativeLimits.Description), Visibility = InitiativeVisibility.HubInternal,
            StageId = stages[0].Id, Status = InitiativeStatus.Active, OwnerId = input.OwnerId, CreatedById = me,
            CreatedAt = now, UpdatedAt = now, StageEnteredAt = now, OriginTitle = input.OriginTitle, OriginPath = input.OriginPath,
        };
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(ct);
        db.InitiativeMembers.AddRange(input.Members.Prepend(input.OwnerId).Distinct().Select(u => new InitiativeMember
        {
            InitiativeId = initiative.Id, UserId = u, Role = u == input.OwnerId ? TeamRole.Owner : TeamRole.Member, AddedAt = now,
        }));
        foreach (var document in input.Documents)
        {
            var file = new Platform.Files.StoredFile
            {
                Id = Guid.NewGuid(), FileName = document.FileName, ContentType = document.ContentType, Size = document.Content.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document.Content)), Content = document.Content,
                UploadedById = me, UploadedAt = now,
            };
            db.Files.Add(file);
            db.InitiativeDocuments.Add(new InitiativeDocument
            {
                InitiativeId = initiative.Id, FileId = file.Id, Kind = ArtefactKind.ConceptDescription, StageId = stages[0].Id, UploadedById = me, UploadedAt = now,
            });
        }
        audit.Add(AuditActions.InitiativeCreated, input.HubId, Subject(initiative.Id, initiative.Title), input.OriginTitle);
        await db.SaveChangesAsync(ct);
        return initiative.Id;
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];

    public static string Subject(int id, string title) => $"#{id.ToString(CultureInfo.InvariantCulture)} {title}";
}
