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
    /// <summary>Helseplattformen's eleven effect goals (innovation strategy 2022), in English, Portuguese and the original Norwegian.</summary>
    private static readonly (string En, string Pt, string Nb)[] EffectGoals =
    [
        ("Higher quality of treatment and fewer patient injuries", "Maior qualidade dos tratamentos e menos danos aos doentes", "Høyere behandlingskvalitet og færre pasientskader"),
        ("Access to continuously updated clinical knowledge based on best practice", "Acesso a conhecimento clínico continuamente atualizado, baseado nas melhores práticas", "Tilgang til kontinuerlig oppdatert klinisk kunnskap basert på beste praksis"),
        ("Citizens of Central Norway get access to their own record and more say over their own course of treatment", "Os cidadãos da Noruega Central têm acesso ao próprio processo clínico e mais influência sobre o seu percurso de tratamento", "Innbyggerne i Midt-Norge får tilgang til egen journal og større mulighet til å påvirke eget behandlingsforløp"),
        ("Better collaboration within and between primary and specialist care", "Melhor colaboração dentro e entre os cuidados primários e hospitalares", "Bedre samhandling i og mellom primær- og spesialisthelsetjenesten"),
        ("Better data and information for research and innovation", "Melhores dados e informação para a investigação e a inovação", "Bedre data- og informasjonsgrunnlag for forskning og innovasjon"),
        ("Greater efficiency and better use of resources", "Maior eficiência e melhor uso dos recursos", "Økt effektivitet og bedre ressursbruk"),
        ("Better management information for quality and improvement work in daily operations", "Melhor informação de gestão para o trabalho de qualidade e melhoria no dia a dia", "Bedre styringsinformasjon som grunnlag for kvalitets- og forbedringsarbeid i daglig drift"),
        ("Less time spent on documentation and searching for health information", "Menos tempo gasto em documentação e à procura de informação de saúde", "Redusert tidsbruk på dokumentasjon og leting etter helseopplysninger"),
        ("National requirements and standards met", "Cumprimento dos requisitos e normas nacionais", "Tilfredsstillende nasjonale krav og standarder"),
        ("Citizens of Central Norway can live longer in their own homes", "Os cidadãos da Noruega Central podem viver mais tempo nas suas casas", "Innbyggerne i Midt-Norge skal gis mulighet til å bo lengre i egen bolig"),
        ("Less need for public services, as services offered through generic pathways cover a holistic assessment of function", "Menor necessidade de serviços públicos, porque os serviços prestados em percursos genéricos asseguram uma avaliação funcional global", "Behovet for offentlig tjenesteyting skal reduseres ved at tjenester som tilbys gjennom generiske forløp ivaretar en helhetlig funksjonsvurdering"),
    ];

    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var hub = hubs[DemoAccounts.HelseplattformenHub];
        var stages = InnovationProcess.DefaultStages(hub.Id);
        db.EffectGoals.AddRange(EffectGoals.Select((g, i) => new EffectGoal
        {
            Id = Guid.NewGuid(), HubId = hub.Id, Position = i + 1, NameEn = g.En, NamePt = g.Pt, NameNb = g.Nb,
        }));
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
