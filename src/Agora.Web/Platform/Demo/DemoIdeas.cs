using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Html;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// Demo campaigns with ideas, votes, comments and followers in the three languages, so a newcomer sees a
/// living hub. Counters are set to what the rows say, as the handlers would have kept them.
/// </summary>
internal static class DemoIdeas
{
    private sealed record DemoIdea(string Author, string Language, string Title, string Problem, string Solution, string Benefits,
        IdeaState State, IdeaOrigin Origin, CareLevel CareLevel, CareSetting Setting, Beneficiaries Beneficiaries, string[] Tags,
        string[] Voters, (string Author, string Body)[] Comments, string? Answer = null);

    private sealed record DemoCampaign(string Hub, string Slug, string Language, string Title, string Summary, string Description,
        StrategicDriver Driver, CampaignAudience Audience, CampaignState State, bool Featured, string[] FocusAreas, DemoIdea[] Ideas);

    private static readonly DemoCampaign[] Campaigns =
    [
        new(DemoAccounts.HelseplattformenHub, "enklere-hverdag", "nb-NO",
            "En enklere hverdag for pasienter og ansatte",
            "Hvordan kan Helseplattformen gjøre hverdagen enklere for pasienter, pårørende og ansatte?",
            "Vi vil høre fra alle som bruker eller jobber med Helseplattformen: **ansatte i kommunene og på sykehusene, pasienter og pårørende**.\n\n"
            + "- Hva tar unødvendig tid i dag?\n- Hva kunne vært digitalt?\n- Hva savner du?\n\nDe beste ideene vurderes av innovasjonsenheten og kan bli et innovasjonsprosjekt.",
            StrategicDriver.InnovateOrganisation, CampaignAudience.Public, CampaignState.Open, Featured: true, ["ehealth", "ict"],
            [
                new(DemoAccounts.Member, "nb-NO", "Digital innsjekking på poliklinikken",
                    "Pasientene står i kø ved skranken for å melde seg ankomst, selv når de har fått innkalling digitalt.",
                    "La pasientene sjekke inn med mobilen når de kommer, og vis ventetiden på skjermen.",
                    "Kortere køer, mindre stress for pasientene og mer tid for sekretærene.",
                    IdeaState.Published, IdeaOrigin.SpecialistCareEmployee, CareLevel.Specialist, CareSetting.Both,
                    Beneficiaries.Patients | Beneficiaries.Staff, ["innsjekking", "poliklinikk"],
                    [DemoAccounts.Mentor, DemoAccounts.Evaluator, DemoAccounts.Agent],
                    [(DemoAccounts.Evaluator, "Dette hadde spart oss for mye tid på morgenen."), (DemoAccounts.Agent, "Kan det kobles til timebestillingen i Helsenorge?")]),
                new(DemoAccounts.Evaluator, "nb-NO", "Felles vaktplan for sykepleierne",
                    "Sykepleierne i kommunene og på sykehuset planlegger vaktene i hvert sitt system.",
                    "En felles vaktplan der ledige vakter kan deles mellom enheter.",
                    "Færre ubesatte vakter og mindre bruk av vikarbyrå.",
                    IdeaState.UnderReview, IdeaOrigin.PrimaryCareEmployee, CareLevel.Both, CareSetting.Both,
                    Beneficiaries.Staff | Beneficiaries.Organisation, ["vaktplan"],
                    [DemoAccounts.Member], []),
                new(DemoAccounts.Mentor, "en", "Video consultations for patients in rural municipalities",
                    "Patients in rural municipalities travel for hours to see a specialist for a short follow-up.",
                    "Offer follow-up consultations by video, with the municipal nurse present when needed.",
                    "Less travel for patients and relatives, and fewer cancelled appointments.",
                    IdeaState.Accepted, IdeaOrigin.Researcher, CareLevel.Both, CareSetting.Rural,
                    Beneficiaries.Patients | Beneficiaries.Relatives, ["video", "telemedicine"],
                    [DemoAccounts.Member, DemoAccounts.Evaluator], [(DemoAccounts.Member, "We tried this in Orkdal with good results.")],
                    Answer: "Accepted: the innovation unit will run a pilot with two municipalities this autumn."),
            ]),
        new(DemoAccounts.IminHub, "saude-digital-cidadao", "pt-PT",
            "Saúde digital para o cidadão",
            "Que serviços digitais tornariam o SNS mais próximo dos cidadãos?",
            "O imIN-hub procura ideias de **colaboradores, parceiros e cidadãos** para serviços digitais de saúde.\n\n"
            + "As melhores ideias serão apresentadas na próxima share-con.",
            StrategicDriver.InnovateSector, CampaignAudience.Public, CampaignState.Open, Featured: true, ["ehealth", "mobile", "ai"],
            [
                new(DemoAccounts.Fellow, "pt-PT", "Lembretes de consultas por SMS",
                    "Muitos utentes faltam às consultas porque se esquecem da marcação.",
                    "Enviar lembretes por SMS dois dias antes, com a opção de desmarcar.",
                    "Menos faltas e vagas reaproveitadas para outros utentes.",
                    IdeaState.Published, IdeaOrigin.PatientOrCitizen, CareLevel.Primary, CareSetting.Both,
                    Beneficiaries.Patients | Beneficiaries.Organisation, ["sms", "consultas"],
                    [DemoAccounts.OtherManager], [(DemoAccounts.OtherManager, "Boa ideia. Já existe algo semelhante no SNS 24?")]),
                new(DemoAccounts.Agent, "pt-PT", "Assistente virtual para a triagem",
                    "As linhas telefónicas ficam congestionadas nos picos de gripe.",
                    "Um assistente virtual que faz as primeiras perguntas de triagem e encaminha para o enfermeiro.",
                    "Menos tempo de espera ao telefone.",
                    IdeaState.Published, IdeaOrigin.Company, CareLevel.Primary, CareSetting.City,
                    Beneficiaries.Citizens, ["triagem", "ia"], [], []),
            ]),
        new(DemoAccounts.DihCentroHub, "test-before-invest", "en",
            "Test before invest: what should SMEs test first?",
            "Which digital health products should the centre's test beds prioritise this year?",
            "Members of DIH Centro vote on the proposals for the next round of test-before-invest services.",
            StrategicDriver.InnovateSector, CampaignAudience.HubMembers, CampaignState.Voting, Featured: false, ["robotics", "ai"],
            [
                new(DemoAccounts.OtherManager, "en", "A test bed for hospital logistics robots",
                    "SMEs building logistics robots cannot test them in a real hospital corridor.",
                    "Open a test corridor with realistic traffic at the regional hospital.",
                    "Faster certification and fewer failed pilots.",
                    IdeaState.Published, IdeaOrigin.Company, CareLevel.Specialist, CareSetting.City,
                    Beneficiaries.Staff | Beneficiaries.Organisation, ["robots", "logistics"], [], []),
            ]),
    ];

    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        IReadOnlyDictionary<string, int> focusAreas, DateTimeOffset now, CancellationToken ct)
    {
        var markdown = new MarkdownRenderer();
        var creator = people[DemoAccounts.Admin].Id;
        foreach (var c in Campaigns)
        {
            var hub = hubs[c.Hub];
            var campaign = new Campaign
            {
                Id = Guid.NewGuid(), HubId = hub.Id, Slug = c.Slug, Language = c.Language, Title = c.Title, Summary = c.Summary,
                Description = c.Description, Driver = c.Driver, Audience = c.Audience, State = c.State, Featured = c.Featured,
                CreatedById = creator, CreatedAt = now, UpdatedAt = now,
                Phases =
                [
                    new CampaignPhase { Kind = PhaseKind.Submission, Enabled = true },
                    new CampaignPhase { Kind = PhaseKind.Voting, Enabled = true },
                    new CampaignPhase { Kind = PhaseKind.Review, Enabled = true },
                ],
                FocusAreas = c.FocusAreas.Select(k => new CampaignFocusArea { FocusAreaId = focusAreas[k] }).ToList(),
            };
            db.Campaigns.Add(campaign);
            var ideas = new List<(Idea Idea, DemoIdea Demo)>();
            foreach (var d in c.Ideas)
            {
                var idea = new Idea
                {
                    HubId = hub.Id, CampaignId = campaign.Id, AuthorId = people[d.Author].Id, Language = d.Language, Title = d.Title,
                    Problem = d.Problem, Solution = d.Solution, Benefits = d.Benefits, Beneficiaries = d.Beneficiaries, Origin = d.Origin,
                    CareLevel = d.CareLevel, Setting = d.Setting, FocusAreaId = focusAreas[c.FocusAreas[0]], State = d.State, Answer = d.Answer,
                    CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now,
                    VoteCount = d.Voters.Length, CommentCount = d.Comments.Length,
                    Tags = d.Tags.Select(t => new IdeaTag { Tag = t }).ToList(),
                };
                db.Ideas.Add(idea);
                ideas.Add((idea, d));
            }
            campaign.IdeaCount = ideas.Count;
            await db.SaveChangesAsync(ct);

            foreach (var (idea, d) in ideas)
            {
                var followers = d.Voters.Append(d.Author).Concat(d.Comments.Select(x => x.Author)).Distinct().ToList();
                idea.FollowerCount = followers.Count;
                foreach (var f in followers) db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea.Id, UserId = people[f].Id, FollowedAt = now });
                foreach (var v in d.Voters) db.Votes.Add(new Vote { IdeaId = idea.Id, UserId = people[v].Id, CampaignId = campaign.Id, CastAt = now });
                foreach (var (author, body) in d.Comments)
                    db.Comments.Add(new Comment { IdeaId = idea.Id, AuthorId = people[author].Id, Body = body, BodyHtml = markdown.ToHtml(body), CreatedAt = now });
                db.IdeaEvents.Add(new IdeaEvent { IdeaId = idea.Id, FromState = IdeaState.Draft, ToState = IdeaState.Published, ActorId = idea.AuthorId, OccurredAt = now });
                if (d.State is IdeaState.UnderReview or IdeaState.Accepted)
                    db.IdeaEvents.Add(new IdeaEvent { IdeaId = idea.Id, FromState = IdeaState.Published, ToState = IdeaState.UnderReview, ActorId = creator, OccurredAt = now });
                if (d.State == IdeaState.Accepted)
                    db.IdeaEvents.Add(new IdeaEvent { IdeaId = idea.Id, FromState = IdeaState.UnderReview, ToState = IdeaState.Accepted, Answer = d.Answer, ActorId = creator, OccurredAt = now });
            }
            foreach (var voter in ideas.SelectMany(i => i.Demo.Voters).GroupBy(v => v))
                db.CampaignVoteBudgets.Add(new CampaignVoteBudget { CampaignId = campaign.Id, UserId = people[voter.Key].Id, Used = voter.Count() });
            await db.SaveChangesAsync(ct);
        }
    }
}
