using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

public sealed record PartnerView(int Id, string Name, PartnerKind Kind, string Contribution);

public sealed record MilestoneView(int Id, string Title, DateOnly DueOn, DateOnly? DoneOn, bool Overdue);

/// <summary>An initiative's team, partner organisations and milestones, for those who read all of it.</summary>
public sealed record TeamView(int InitiativeId, IReadOnlyList<TeamMember> Members, IReadOnlyList<PartnerView> Partners,
    IReadOnlyList<MilestoneView> Milestones, bool CanManageTeam, bool CanContribute);

public sealed record MemberInput(string? Email, TeamRole? Role);

public sealed record PartnerInput(string? Name, PartnerKind? Kind, string? Contribution);

public sealed record MilestoneInput(string? Title, DateOnly? DueOn);

/// <summary>
/// The owner and the hub's managers choose the team (members of the hub, each with a role; one owner, who can be
/// handed over). The team adds partner organisations and milestones. Audited.
/// </summary>
public sealed class InitiativeTeam(AgoraDbContext db, InitiativeAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<TeamView?> GetAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null || !scope.CanReadDocuments) return null;
        var members = await (from m in db.InitiativeMembers.AsNoTracking()
                             join u in db.Users on m.UserId equals u.Id
                             where m.InitiativeId == id
                             orderby m.Role, u.DisplayName
                             select new TeamMember(m.UserId, u.DisplayName, m.Role)).ToListAsync(ct);
        var partners = await db.InitiativePartners.AsNoTracking().Where(p => p.InitiativeId == id).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new PartnerView(p.Id, p.Name, p.Kind, p.Contribution)).ToListAsync(ct);
        var today = Today;
        var milestones = (await db.Milestones.AsNoTracking().Where(m => m.InitiativeId == id).OrderBy(m => m.DueOn).ThenBy(m => m.Id).ToListAsync(ct))
            .Select(m => new MilestoneView(m.Id, m.Title, m.DueOn, m.DoneOn, m.DoneOn is null && m.DueOn < today)).ToList();
        return new TeamView(id, members, partners, milestones, scope.CanEdit, scope.CanContribute);
    }

    private async Task<(InitiativeAccess.Scope? Scope, Result<int>? Refused)> AllowedAsync(string hubSlug, int id, bool manageTeam, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return (null, Result<int>.NotFound());
        return (manageTeam ? scope.CanEdit : scope.CanContribute) ? (scope, null) : (null, scope.Refuse<int>());
    }

    /// <summary>Adds a member of the hub to the team, or changes their role; making someone owner hands ownership over.</summary>
    public async Task<Result<int>> SetMemberAsync(string hubSlug, int id, MemberInput input, CancellationToken ct)
    {
        var (scope, refused) = await AllowedAsync(hubSlug, id, manageTeam: true, ct);
        if (scope is null) return refused!;
        var initiative = scope.Initiative;
        var email = v.Text("email", input.Email, 256);
        if (input.Role is not { } role) v.Add("role", "Validation.Required");
        else if (!Enum.IsDefined(role)) v.Add("role", "Validation.Invalid");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var normalized = email.ToUpperInvariant();
        var person = await db.Users.Where(u => u.NormalizedEmail == normalized
                && db.HubMemberships.Any(m => m.UserId == u.Id && m.HubId == initiative.HubId))
            .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (person is null) return Result<int>.Invalid("email", v.Message("Initiatives.Team.NotHubMember"));

        var seen = await db.InitiativeMembers.AsNoTracking().Where(m => m.InitiativeId == id).ToListAsync(ct);
        var existing = seen.SingleOrDefault(m => m.UserId == person.Id);
        if (existing is null && seen.Count >= TeamRules.MaxMembers)
            return Result<int>.Invalid("email", v.Message("Initiatives.Team.TooMany", TeamRules.MaxMembers));
        if (existing is { Role: TeamRole.Owner } && input.Role != TeamRole.Owner)
            return Result<int>.Invalid("role", v.Message("Initiatives.Team.OwnerStays"));
        await db.InTransactionAsync(async token =>
        {
            // Staged in the attempt: a retried attempt starts from an empty tracker and stages it once more.
            var members = await db.InitiativeMembers.Where(m => m.InitiativeId == id).ToListAsync(token);
            var member = members.SingleOrDefault(m => m.UserId == person.Id);
            if (member is null)
            {
                member = new InitiativeMember { InitiativeId = id, UserId = person.Id, AddedAt = clock.GetUtcNow() };
                db.InitiativeMembers.Add(member);
            }
            member.Role = input.Role!.Value;
            audit.Add(AuditActions.InitiativeTeamChanged, initiative.HubId, CreateInitiative.Subject(id, initiative.Title), $"{person.DisplayName}: {member.Role}");
            if (input.Role == TeamRole.Owner && initiative.OwnerId != person.Id)
            {
                // One owner: the previous one stays on the team as a member.
                foreach (var previous in members.Where(m => m.Role == TeamRole.Owner && m != member)) previous.Role = TeamRole.Member;
                await db.Initiatives.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.OwnerId, person.Id)
                    .SetProperty(i => i.Version, i => i.Version + 1).SetProperty(i => i.UpdatedAt, clock.GetUtcNow()), token);
            }
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return Result<int>.Ok(id);
    }

    public async Task<Result<int>> RemoveMemberAsync(string hubSlug, int id, Guid userId, CancellationToken ct)
    {
        var (scope, refused) = await AllowedAsync(hubSlug, id, manageTeam: true, ct);
        if (scope is null) return refused!;
        var member = await db.InitiativeMembers.SingleOrDefaultAsync(m => m.InitiativeId == id && m.UserId == userId, ct);
        if (member is null) return Result<int>.NotFound();
        if (member.Role == TeamRole.Owner) return Result<int>.Invalid("", v.Message("Initiatives.Team.OwnerStays"));
        db.InitiativeMembers.Remove(member);
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        audit.Add(AuditActions.InitiativeTeamChanged, scope.Initiative.HubId, CreateInitiative.Subject(id, scope.Initiative.Title), $"{name}: removed");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(id);
    }

    public async Task<Result<int>> AddPartnerAsync(string hubSlug, int id, PartnerInput input, CancellationToken ct)
    {
        var (scope, refused) = await AllowedAsync(hubSlug, id, manageTeam: false, ct);
        if (scope is null) return refused!;
        var name = v.Text("name", input.Name, TeamRules.Name);
        var contribution = v.Text("contribution", input.Contribution, TeamRules.Text, required: false, multiline: true);
        if (input.Kind is not { } kind) v.Add("kind", "Validation.Required");
        else if (!Enum.IsDefined(kind)) v.Add("kind", "Validation.Invalid");
        if (await db.InitiativePartners.CountAsync(p => p.InitiativeId == id, ct) >= TeamRules.MaxPartners)
            v.Add("name", "Initiatives.Team.TooManyPartners", TeamRules.MaxPartners);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var partner = new InitiativePartner { InitiativeId = id, Name = name, Kind = input.Kind!.Value, Contribution = contribution, AddedAt = clock.GetUtcNow() };
        db.InitiativePartners.Add(partner);
        audit.Add(AuditActions.InitiativePartnersChanged, scope.Initiative.HubId, CreateInitiative.Subject(id, scope.Initiative.Title), $"added: {name}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(partner.Id);
    }

    public async Task<Result<int>> RemovePartnerAsync(string hubSlug, int id, int partnerId, CancellationToken ct)
    {
        var (scope, refused) = await AllowedAsync(hubSlug, id, manageTeam: false, ct);
        if (scope is null) return refused!;
        var partner = await db.InitiativePartners.SingleOrDefaultAsync(p => p.Id == partnerId && p.InitiativeId == id, ct);
        if (partner is null) return Result<int>.NotFound();
        db.InitiativePartners.Remove(partner);
        audit.Add(AuditActions.InitiativePartnersChanged, scope.Initiative.HubId, CreateInitiative.Subject(id, scope.Initiative.Title), $"removed: {partner.Name}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(partnerId);
    }

    public async Task<Result<int>> AddMilestoneAsync(string hubSlug, int id, MilestoneInput input, CancellationToken ct)
    {
        var (scope, refused) = await AllowedAsync(hubSlug, id, manageTeam: false, ct);
        if (scope is null) return refused!;
        var title = v.Text("title", input.Title, TeamRules.Name);
        if (input.DueOn is null) v.Add("dueOn", "Validation.Required");
        if (await db.Milestones.CountAsync(m => m.InitiativeId == id, ct) >= TeamRules.MaxMilestones)
            v.Add("title", "Initiatives.Team.TooManyMilestones", TeamRules.MaxMilestones);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var milestone = new Milestone { InitiativeId = id, Title = title, DueOn = input.DueOn!.Value, CreatedAt = clock.GetUtcNow() };
        db.Milestones.Add(milestone);
        audit.Add(AuditActions.InitiativeMilestonesChanged, scope.Initiative.HubId, CreateInitiative.Subject(id, scope.Initiative.Title),
            $"added: {title} ({milestone.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(milestone.Id);
    }

    /// <summary>Marks a milestone done on a date (not in the future), or open again when <paramref name="doneOn"/> is null.</summary>
    public async Task<Result<int>> CompleteMilestoneAsync(string hubSlug, int id, int milestoneId, DateOnly? doneOn, CancellationToken ct)
    {
        var (scope, refused) = await AllowedAsync(hubSlug, id, manageTeam: false, ct);
        if (scope is null) return refused!;
        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.InitiativeId == id, ct);
        if (milestone is null) return Result<int>.NotFound();
        if (doneOn > Today) return Result<int>.Invalid("doneOn", v.Message("Initiatives.Team.DoneInFuture"));
        milestone.DoneOn = doneOn;
        audit.Add(AuditActions.InitiativeMilestonesChanged, scope.Initiative.HubId, CreateInitiative.Subject(id, scope.Initiative.Title),
            doneOn is { } d ? $"done: {milestone.Title} ({d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : $"reopened: {milestone.Title}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(milestoneId);
    }

    public async Task<Result<int>> RemoveMilestoneAsync(string hubSlug, int id, int milestoneId, CancellationToken ct)
    {
        var (scope, refused) = await AllowedAsync(hubSlug, id, manageTeam: false, ct);
        if (scope is null) return refused!;
        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.InitiativeId == id, ct);
        if (milestone is null) return Result<int>.NotFound();
        db.Milestones.Remove(milestone);
        audit.Add(AuditActions.InitiativeMilestonesChanged, scope.Initiative.HubId, CreateInitiative.Subject(id, scope.Initiative.Title), $"removed: {milestone.Title}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(milestoneId);
    }
}
