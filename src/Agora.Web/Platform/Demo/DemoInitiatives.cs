using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// Helseplattformen's innovation process (the ISO 56002 stages), effect goals and scorecard, and three initiatives:
/// one made from its accepted idea in the second stage with a public summary, a team, budget, risks, partners,
/// milestones, a benefit and an evaluation; a hub-internal one; and one stopped with what was learned.
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
        var evaluator = people[DemoAccounts.Evaluator].Id;
        var entered = now.AddDays(-40);
        var initiative = new Initiative
        {
            HubId = hub.Id, Title = "Video follow-up in rural municipalities",
            Summary = "A pilot with two municipalities: follow-up consultations by video, with the municipal nurse present when needed.",
            Description = "Concept work with **two municipalities** and the outpatient clinics.\n\n- Which follow-ups suit video\n- Who books the nurse\n- How results reach the record",
            Visibility = InitiativeVisibility.PublicSummary, StageId = stages[1].Id, Status = InitiativeStatus.Active,
            OwnerId = owner, CreatedById = owner, CreatedAt = now.AddDays(-75), UpdatedAt = entered, StageEnteredAt = entered,
            Verganti = VergantiType.MeaningDriven, Kind = InnovationKind.Service,
            Stakeholders = StakeholderGroups.PatientsAndCitizens | StakeholderGroups.OwnersAndCustomers,
        };
        // Hub-internal: only the team, managers, gatekeepers and evaluators see it.
        var triage = new Initiative
        {
            HubId = hub.Id, Title = "AI support for referral triage", Summary = "Can a language model sort incoming referrals by urgency for the clinician to confirm?",
            Description = "Early exploration with the **radiology** department. Data stays in the hospital's own environment.",
            Visibility = InitiativeVisibility.HubInternal, StageId = stages[0].Id, Status = InitiativeStatus.Active,
            OwnerId = owner, CreatedById = owner, CreatedAt = now.AddDays(-20), UpdatedAt = now.AddDays(-20), StageEnteredAt = now.AddDays(-20),
            Verganti = VergantiType.TechnologyDriven, Kind = InnovationKind.Process, Stakeholders = StakeholderGroups.OwnersAndCustomers,
        };
        // Stopped at validation, with what was learned: the lessons page has something to show.
        var handover = new Initiative
        {
            HubId = hub.Id, Title = "Paper-free night shift handover", Summary = "Handover between night and day shifts on tablets instead of paper lists.",
            Visibility = InitiativeVisibility.PublicSummary, StageId = stages[2].Id, Status = InitiativeStatus.Stopped,
            OwnerId = owner, CreatedById = owner, CreatedAt = now.AddDays(-200), UpdatedAt = now.AddDays(-90), StageEnteredAt = now.AddDays(-120),
            Verganti = VergantiType.EverydayImprovement, Kind = InnovationKind.Process, Stakeholders = StakeholderGroups.OwnersAndCustomers,
        };
        db.Initiatives.AddRange(initiative, triage, handover);
        await db.SaveChangesAsync(ct);
        db.InitiativeIdeas.Add(new InitiativeIdea { InitiativeId = initiative.Id, IdeaId = idea.Id });
        foreach (var i in new[] { initiative, triage, handover })
            db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = i.Id, UserId = owner, Role = TeamRole.Owner, AddedAt = i.CreatedAt });
        db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = initiative.Id, UserId = idea.AuthorId, Role = TeamRole.ClinicalLead, AddedAt = now });
        db.GateDecisions.AddRange(
            new GateDecision
            {
                InitiativeId = initiative.Id, FromStageId = stages[0].Id, ToStageId = stages[1].Id, Outcome = GateOutcome.Go, DecidedById = owner, DecidedAt = entered,
                Rationale = "Forty follow-ups a week need a three-hour drive; both municipalities want to take part.",
            },
            new GateDecision
            {
                InitiativeId = handover.Id, FromStageId = stages[0].Id, ToStageId = stages[1].Id, Outcome = GateOutcome.Go, DecidedById = owner, DecidedAt = now.AddDays(-170),
                Rationale = "Paper lists get lost between shifts.",
            },
            new GateDecision
            {
                InitiativeId = handover.Id, FromStageId = stages[1].Id, ToStageId = stages[2].Id, Outcome = GateOutcome.Go, DecidedById = owner, DecidedAt = now.AddDays(-120),
                Rationale = "The concept was tested on paper with two wards.",
            },
            new GateDecision
            {
                InitiativeId = handover.Id, FromStageId = stages[2].Id, ToStageId = stages[2].Id, Outcome = GateOutcome.Stop, DecidedById = owner, DecidedAt = now.AddDays(-90),
                Rationale = "The new patient record system brings its own handover module next year.",
                Lessons = "Nurses wanted the handover at the bedside, not at a tablet in the office; involve the night shift from the start, and check the record system's road map first.",
            });
        db.BudgetLines.AddRange(
            new BudgetLine { InitiativeId = initiative.Id, Year = now.Year, Quarter = 3, Source = FundingSource.Internal, Planned = 250_000, Spent = 180_000, UpdatedAt = now },
            new BudgetLine { InitiativeId = initiative.Id, Year = now.Year, Quarter = 4, Source = FundingSource.NationalGrant, Planned = 400_000, Spent = 0, UpdatedAt = now },
            new BudgetLine { InitiativeId = triage.Id, Year = now.Year, Quarter = 4, Source = FundingSource.Internal, Planned = 120_000, Spent = 15_000, UpdatedAt = now },
            new BudgetLine { InitiativeId = handover.Id, Year = now.Year, Quarter = 1, Source = FundingSource.Internal, Planned = 80_000, Spent = 64_000, UpdatedAt = now });
        db.InitiativeRisks.AddRange(
            new InitiativeRisk
            {
                InitiativeId = initiative.Id, Description = "Poor mobile coverage in parts of the municipalities", Likelihood = 3, Impact = 4,
                Mitigation = "Test coverage at each patient's home first; fall back to a phone call.", CreatedAt = now, UpdatedAt = now,
            },
            new InitiativeRisk
            {
                InitiativeId = initiative.Id, Description = "Video solution not approved for health data", Likelihood = 2, Impact = 5,
                Mitigation = "Use the regional approved video service only.", CreatedAt = now, UpdatedAt = now,
            });
        db.InitiativePartners.AddRange(
            new InitiativePartner { InitiativeId = initiative.Id, Name = "Orkland kommune", Kind = PartnerKind.Municipality, Contribution = "Municipal nurses and test patients", AddedAt = now },
            new InitiativePartner { InitiativeId = initiative.Id, Name = "St. Olavs hospital", Kind = PartnerKind.Hospital, Contribution = "Outpatient clinics", AddedAt = now });
        db.Milestones.AddRange(
            new Milestone { InitiativeId = initiative.Id, Title = "Concept description approved", DueOn = DateOnly.FromDateTime(now.AddDays(-10).UtcDateTime), DoneOn = DateOnly.FromDateTime(now.AddDays(-12).UtcDateTime), CreatedAt = now },
            new Milestone { InitiativeId = initiative.Id, Title = "Validation plan ready", DueOn = DateOnly.FromDateTime(now.AddDays(30).UtcDateTime), CreatedAt = now });
        var benefit = new Benefit
        {
            InitiativeId = initiative.Id, EffectGoalId = null, Indicator = "Patients' travel time per follow-up", Unit = "minutes", Baseline = 180, Target = 20, CreatedAt = now,
        };
        db.Benefits.Add(benefit);
        await db.SaveChangesAsync(ct);
        benefit.EffectGoalId = await db.EffectGoals.Where(g => g.HubId == hub.Id && g.Position == 6).Select(g => (Guid?)g.Id).SingleAsync(ct);

        // One evaluator has scored the initiative at its current stage: the scorecard and the gate have a result to show.
        var criteria = InitiativeScorecards.DefaultCriteria(hub.Id);
        db.EvaluationCriteria.AddRange(criteria);
        var evaluation = new Evaluation
        {
            InitiativeId = initiative.Id, StageId = stages[1].Id, EvaluatorId = evaluator, Comment = "Clear value for patients far from the hospital; the data flow must be settled.",
            SubmittedAt = now.AddDays(-5),
        };
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync(ct);
        int[] scores = [5, 4, 4, 3, 4, 3, 3];
        db.EvaluationScores.AddRange(criteria.Select((c, i) => new EvaluationScore { EvaluationId = evaluation.Id, CriterionId = c.Id, Score = scores[i], Weight = c.Weight }));
        await db.SaveChangesAsync(ct);
    }
}
