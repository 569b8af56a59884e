using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

/// <summary>
/// Who may do what with one initiative, decided once for every use case. Someone who may not know the initiative
/// exists is answered 404; someone who may see it but not do the thing, 403 (<see cref="Scope.Refuse{T}"/>).
/// </summary>
public sealed class InitiativeAccess(AgoraDbContext db, Viewers viewers, CurrentUser current)
{
    /// <summary>
    /// <see cref="IsTeam"/>: on the team and still holding the rights of a member of the hub (<see cref="HoldsTeamRights"/>);
    /// a team row alone is not a right.
    /// </summary>
    public sealed record Scope(Initiative Initiative, Viewer Viewer, Guid UserId, bool IsTeam, bool IsCredited)
    {
        /// <summary>The team and the hub's managers work on it: documents, benefits, measurements.</summary>
        public bool CanContribute => Viewer.IsManager || IsTeam;
        /// <summary>Its owner and the hub's managers change its texts, visibility and classification.</summary>
        public bool CanEdit => Viewer.IsManager || (Initiative.OwnerId == UserId && HoldsTeamRights(Viewer));
        public bool CanDecideGates => Viewer.May(InitiativeOperations.DecideGates);
        public bool CanEvaluate => Viewer.May(InitiativeOperations.Evaluate) && !IsTeam;
        /// <summary>The team, managers, gatekeepers and evaluators read its description, documents and gate rationales.</summary>
        public bool CanReadDocuments => CanContribute || Viewer.May(InitiativeOperations.ReadAll);
        /// <summary>
        /// Who may see its money (budget lines, planned and spent, in every page, chart, API answer and export): the
        /// team and those who see every initiative's budget (<see cref="SeesAllBudgets"/>); never the public or a plain member.
        /// </summary>
        public bool CanSeeMoney => SeesAllBudgets(Viewer) || IsTeam;
        /// <summary>Whether the person may know it exists: the public summary, the team, the hub's managers, gatekeepers and evaluators, the ideas' authors.</summary>
        public bool Knows => Initiative.Visibility == InitiativeVisibility.PublicSummary || CanReadDocuments || IsCredited;

        public Result<T> Refuse<T>() => Knows ? Result<T>.Forbidden() : Result<T>.NotFound();
    }

    /// <summary>
    /// Team seats and ownership are rights that come from membership of the hub: they hold only while the person is a
    /// member and not blocked there (<see cref="InitiativeRightsEnded"/> also ends the seats when the membership ends).
    /// </summary>
    public static bool HoldsTeamRights(Viewer viewer) => viewer.IsMember && !viewer.IsBlocked;

    /// <summary>The hub's managers, gatekeepers and evaluators see the budget of every initiative of the hub (they judge them all).</summary>
    public static bool SeesAllBudgets(Viewer viewer) => viewer.May(InitiativeOperations.ReadAll);

    /// <summary>
    /// The hub's initiatives whose money the person may see, as a filter: the same rule as <see cref="Scope.CanSeeMoney"/>
    /// for a whole hub (the portfolio, its charts and its export).
    /// </summary>
    public async Task<IQueryable<int>> MoneyVisibleAsync(Guid hubId, CancellationToken ct)
    {
        var viewer = await viewers.ForHubAsync(hubId, ct);
        if (SeesAllBudgets(viewer)) return db.Initiatives.Where(i => i.HubId == hubId).Select(i => i.Id);
        var me = HoldsTeamRights(viewer) ? current.Id ?? Guid.Empty : Guid.Empty;
        return db.InitiativeMembers.Where(m => m.UserId == me && db.Initiatives.Any(i => i.Id == m.InitiativeId && i.HubId == hubId))
            .Select(m => m.InitiativeId);
    }

    /// <summary>The initiative of the hub with the person's rights on it; null when there is none.</summary>
    public async Task<Scope?> LoadAsync(string hubSlug, int id, CancellationToken ct)
    {
        var initiative = await db.Initiatives.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == id && db.Hubs.Any(h => h.Id == i.HubId && h.Slug == hubSlug), ct);
        if (initiative is null) return null;
        var viewer = await viewers.ForHubAsync(initiative.HubId, ct);
        var me = current.Id ?? Guid.Empty;
        var team = me != Guid.Empty && HoldsTeamRights(viewer) && await db.InitiativeMembers.AnyAsync(m => m.InitiativeId == id && m.UserId == me, ct);
        var credited = me != Guid.Empty && await CreditedTo(db, me).ContainsAsync(id, ct);
        return new Scope(initiative, viewer, me, team, credited);
    }

    /// <summary>The initiatives made from an idea the person wrote or co-writes (accepted): they are credited and follow them.</summary>
    public static IQueryable<int> CreditedTo(AgoraDbContext db, Guid person) =>
        db.InitiativeIdeas.Where(x => db.Ideas.Any(d => d.Id == x.IdeaId && d.AuthorId == person)
                || db.IdeaCoAuthors.Any(c => c.IdeaId == x.IdeaId && c.UserId == person && c.Status == CoAuthorStatus.Accepted))
            .Select(x => x.InitiativeId);
}
