using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// Helseplattformen's innovation process (the ISO 56002 stages) and one initiative made from its accepted idea, in
/// the second stage, with a public summary: the board, the initiative page and the idea's link have something to show.
/// </summary>
internal static class DemoInitiatives
{
    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var hub = hubs[DemoAccounts.HelseplattformenHub];
        var stages = InnovationProcess.DefaultStages(hub.Id);
        db.InnovationStages.AddRange(stages);
        var idea = await db.Ideas.Where(i => i.HubId == hub.Id && i.State == IdeaState.Accepted).OrderBy(i => i.Id).FirstAsync(ct);
        var owner = people[DemoAccounts.Manager].Id;
        var initiative = new Initiative
        {
            HubId = hub.Id, Title = "Video follow-up in rural municipalities",
            Summary = "A pilot with two municipalities: follow-up consultations by video, with the municipal nurse present when needed.",
            Description = "Concept work with **two municipalities** and the outpatient clinics.\n\n- Which follow-ups suit video\n- Who books the nurse\n- How results reach the record",
            Visibility = InitiativeVisibility.PublicSummary, StageId = stages[1].Id, Status = InitiativeStatus.Active,
            OwnerId = owner, CreatedById = owner, CreatedAt = now, UpdatedAt = now, StageEnteredAt = now,
        };
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(ct);
        db.InitiativeIdeas.Add(new InitiativeIdea { InitiativeId = initiative.Id, IdeaId = idea.Id });
        db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = initiative.Id, UserId = owner, Role = TeamRole.Owner, AddedAt = now });
        db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = initiative.Id, UserId = idea.AuthorId, Role = TeamRole.Member, AddedAt = now });
        await db.SaveChangesAsync(ct);
    }
}
