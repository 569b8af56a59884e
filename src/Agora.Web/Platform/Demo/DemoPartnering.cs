using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Features.Network;
using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// Partnering profiles of the network's organisations, in their own languages (pt-PT from Portuguese organisations,
/// nb-NO from Norwegian ones, English otherwise), one of every kind: the Coimbra SME's remote patient monitoring offer
/// (TRL 6, class IIa, CE marking in progress, FHIR), a Portuguese hospital's request for remote monitoring (TRL 5–7),
/// St. Olavs hospital's clinical validation offer, Helseplattformen's data offer (a health-data permit needed), and
/// more; most published, one in review, one sent back with the reviewer's comment, and one expression of interest
/// accepted (St. Olavs in the Coimbra offer). Each profile is reviewed by a desk person who is not of its organisation.
/// </summary>
internal static class DemoPartnering
{
    /// <summary>A Portuguese hospital (fictional) that asks for remote monitoring.</summary>
    public const string Hospital = "hospital-do-mondego";

    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        if (await db.PartneringProfiles.AnyAsync(ct)) return;
        var orgs = await db.Organisations.ToDictionaryAsync(o => o.Slug, o => o.Id, ct);
        if (!orgs.ContainsKey(DemoNetworkRequests.CentroSme) || !orgs.ContainsKey(DemoNetworkRequests.AlentejoSme)) return;
        var centro = hubs[DemoAccounts.DihCentroHub].Id;
        var helse = hubs[DemoAccounts.HelseplattformenHub].Id;
        if (!await db.HubNetworkProfiles.AnyAsync(p => p.HubId == centro, ct) || !await db.HubNetworkProfiles.AnyAsync(p => p.HubId == helse, ct)) return;

        // The hospital, a customer of DIH Centro, and its innovation officer (an author only: no password, no sign-in).
        var hospital = new Organisation
        {
            Id = Guid.NewGuid(), Slug = Hospital, Name = "Hospital do Mondego, EPE", Type = OrganisationType.Hospital, Country = "Portugal",
            Description = "A fictional public hospital in the Centro region, with a cardiology service that follows patients with heart failure at home.",
            CreatedAt = now.AddDays(-70),
        };
        db.Organisations.Add(hospital);
        db.NetworkCustomers.Add(new NetworkCustomer
        {
            OrganisationId = hospital.Id, Type = CustomerType.PublicSector, Size = CompanySize.Large, Sector = "health", Country = "PT", RegionCode = "PT19",
            RegisteredAt = now.AddDays(-60), RegisteredById = people[DemoAccounts.OtherManager].Id, UpdatedAt = now.AddDays(-60),
        });
        const string officerEmail = "inovacao@hospital-do-mondego.demo";
        var officer = new AgoraUser
        {
            Id = Guid.NewGuid(), UserName = officerEmail, NormalizedUserName = officerEmail.ToUpperInvariant(), Email = officerEmail,
            NormalizedEmail = officerEmail.ToUpperInvariant(), EmailConfirmed = true, DisplayName = "Teresa Inovação", OrganisationId = hospital.Id,
            LockoutEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = now.AddDays(-70),
        };
        db.Users.Add(officer);
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = hospital.Id, UserId = officer.Id, IsAdmin = true, JoinedAt = now.AddDays(-70) });
        await db.SaveChangesAsync(ct);
        orgs[Hospital] = hospital.Id;

        var fellow = people[DemoAccounts.Fellow].Id;
        var member = people[DemoAccounts.Member].Id;
        var manager = people[DemoAccounts.Manager].Id;
        var iminManager = people[DemoAccounts.OtherManager].Id;
        var facilitator = people[DemoAccounts.Facilitator].Id;
        var mentor = people[DemoAccounts.Mentor].Id;

        PartneringProfile Profile(string org, Guid author, Guid hub, ProfileKind kind, string language, string title, string summary, string description,
            ProfileStatus status, Guid? reviewer, int daysAgo, Action<PartneringProfile>? more = null)
        {
            var created = now.AddDays(-daysAgo);
            var p = new PartneringProfile
            {
                OrganisationId = orgs[org], AuthorId = author, HubId = hub, Kind = kind, Language = language, Title = title, Summary = summary,
                Description = description, Status = status, CreatedAt = created, UpdatedAt = created.AddDays(2),
                SubmittedAt = status == ProfileStatus.Draft ? null : created.AddDays(1),
            };
            if (status == ProfileStatus.Published)
            {
                p.PublishedAt = created.AddDays(2);
                p.ReviewedById = reviewer;
                p.ExpiresAt = PartneringProfiles.ExpiryFrom(p.PublishedAt.Value, null);
                p.Version = 3;
            }
            more?.Invoke(p);
            if (p.ExpiresAt is not null) p.ExpiresAt = PartneringProfiles.ExpiryFrom(p.PublishedAt!.Value, p.Deadline);
            db.PartneringProfiles.Add(p);
            return p;
        }

        var rpm = Profile(DemoNetworkRequests.CentroSme, fellow, centro, ProfileKind.TechnologyOffer, "pt-PT",
            "Plataforma de monitorização remota de doentes com insuficiência cardíaca",
            "Sensores vestíveis, uma ponte HL7 FHIR e um painel para enfermeiros: acompanhamento em casa de doentes crónicos, testado em dois hospitais.",
            "A plataforma recolhe peso, tensão arterial, frequência cardíaca e saturação de oxigénio em casa do doente e envia alertas à equipa de "
            + "enfermagem quando os valores saem dos limites definidos pelo médico. Integra-se no processo clínico por HL7 FHIR. "
            + "Procuramos hospitais e serviços de cuidados domiciliários para a validar em contexto real e parceiros comerciais fora de Portugal.",
            ProfileStatus.Published, iminManager, 40, p =>
            {
                p.Keywords = Tags.Join(["telemonitorização", "insuficiência cardíaca", "cuidados domiciliários"]);
                p.Technologies = Tags.Join(["iot", "ai", "cloud"]);
                p.Sectors = Tags.Join(["health", "care"]);
                p.Trl = 6;
                p.Stage = DevelopmentStage.FieldTested;
                p.IntellectualProperty = IntellectualProperty.Copyright;
                p.PartnerSought = "Hospitais ou serviços de cuidados domiciliários para validação clínica; distribuidores na Noruega e em Espanha.";
                p.Partnerships = PartnershipTypes.Commercial | PartnershipTypes.ClinicalTrial | PartnershipTypes.TechnicalCooperation;
                p.CountriesSought = Tags.Join(["PT", "NO", "ES"]);
                p.DeviceClass = DeviceClass.ClassIIa;
                p.CeMarking = CeMarking.InProgress;
                p.NeedsClinicalData = true;
                p.Standards = HealthStandards.Fhir;
            });

        Profile(Hospital, officer.Id, centro, ProfileKind.TechnologyRequest, "pt-PT",
            "Procura-se solução de monitorização remota para doentes cardíacos",
            "O serviço de cardiologia procura uma solução de monitorização remota, com marcação CE ou perto dela, para acompanhar 200 doentes em casa.",
            "Queremos reduzir os reinternamentos de doentes com insuficiência cardíaca. A solução deve integrar-se no nosso processo clínico por "
            + "HL7 FHIR, cumprir o RGPD e estar pronta para um piloto de 12 meses (TRL 5 a 7). Podemos disponibilizar uma equipa clínica para a validação.",
            ProfileStatus.Published, iminManager, 25, p =>
            {
                p.Keywords = Tags.Join(["telemonitorização", "reinternamentos", "cardiologia"]);
                p.Technologies = Tags.Join(["iot", "data"]);
                p.Sectors = Tags.Join(["health"]);
                p.TrlSoughtMin = 5;
                p.TrlSoughtMax = 7;
                p.PartnerSought = "Uma empresa com uma solução de monitorização remota validada em ambiente relevante, disposta a um piloto.";
                p.Partnerships = PartnershipTypes.Commercial | PartnershipTypes.ClinicalTrial;
                p.CountriesSought = Tags.Join(["PT"]);
                p.RegionsSought = Tags.Join(["PT19"]);
                p.DeviceClass = DeviceClass.ClassIIa;
                p.NeedsClinicalData = true;
                p.Standards = HealthStandards.Fhir;
            });

        Profile("st-olavs-hospital", manager, helse, ProfileKind.ClinicalValidationOffer, "nb-NO",
            "Klinisk validering av hjemmeoppfølging ved St. Olavs hospital",
            "Vi tilbyr en testarena for digital hjemmeoppfølging: klinikere, pasienter og integrasjon mot Helseplattformen i et kontrollert miljø.",
            "Hjerteavdelingen og innovasjonsavdelingen ved St. Olavs hospital tar imot løsninger for digital hjemmeoppfølging av kronisk syke til "
            + "klinisk validering. Vi har etisk veiledning, personvernombud og et testmiljø for integrasjon via HL7 FHIR.",
            ProfileStatus.Published, facilitator, 30, p =>
            {
                p.Keywords = Tags.Join(["testarena", "hjemmeoppfølging", "klinisk validering"]);
                p.Technologies = Tags.Join(["iot", "data"]);
                p.Sectors = Tags.Join(["health", "care"]);
                p.TrlSoughtMin = 5;
                p.TrlSoughtMax = 8;
                p.PartnerSought = "Selskaper med CE-merkede eller nesten ferdige løsninger for hjemmeoppfølging.";
                p.Partnerships = PartnershipTypes.ClinicalTrial | PartnershipTypes.ResearchCooperation;
                p.Standards = HealthStandards.Fhir | HealthStandards.OpenEhr;
                p.NeedsClinicalData = true;
            });

        Profile("nordlys-helseteknologi", member, helse, ProfileKind.BusinessRequest, "nb-NO",
            "Distributør for hjemmeoppfølgingsapper søkes i Portugal",
            "Nordlys Helseteknologi søker en distributør eller forretningspartner som kjenner det portugisiske helsevesenet.",
            "Vi lager apper for hjemmeoppfølging av kroniske sykdommer, testet i Helseplattformens sandkasse. Vi ser etter en partner som kan "
            + "selge og tilpasse løsningen til portugisiske sykehus og kommuner.",
            ProfileStatus.Published, manager, 20, p =>
            {
                p.Technologies = Tags.Join(["cloud"]);
                p.Sectors = Tags.Join(["health", "care"]);
                p.Trl = 8;
                p.Stage = DevelopmentStage.OnTheMarket;
                p.Partnerships = PartnershipTypes.Commercial;
                p.CountriesSought = Tags.Join(["PT"]);
                p.DeviceClass = DeviceClass.ClassI;
                p.CeMarking = CeMarking.Marked;
            });

        Profile("ntnu", mentor, helse, ProfileKind.ResearchCooperation, "en",
            "Partners sought for a Horizon Europe proposal on secondary use of health data",
            "NTNU's Faculty of Medicine and Health Sciences seeks SMEs and hospitals for a consortium on privacy-preserving analytics in the EHDS.",
            "The project will build and test federated analytics on shared patient records under the European Health Data Space. We look for "
            + "a hospital outside Norway, an SME with data-platform experience and a patient organisation.",
            ProfileStatus.Published, facilitator, 15, p =>
            {
                p.Keywords = Tags.Join(["ehds", "federated learning", "horizon europe"]);
                p.Technologies = Tags.Join(["ai", "data", "cybersecurity"]);
                p.Sectors = Tags.Join(["health"]);
                p.Trl = 3;
                p.Stage = DevelopmentStage.Concept;
                p.Partnerships = PartnershipTypes.ResearchCooperation;
                p.CountriesSought = Tags.Join(["PT", "ES", "DE", "NL"]);
                p.Deadline = DateOnly.FromDateTime(now.AddDays(120).UtcDateTime);
                p.NeedsHealthDataPermit = true;
            });

        Profile("helseplattformen-as", facilitator, helse, ProfileKind.DataOffer, "en",
            "Synthetic and pseudonymised patient-record extracts for research and testing",
            "Helseplattformen offers synthetic test data freely and pseudonymised extracts under a health-data permit for approved projects.",
            "Synthetic patient records (openEHR and FHIR) are available for testing integrations. Pseudonymised extracts from the shared record of "
            + "Central Norway are available for research under a permit from the health-data access body; the application is made with us.",
            ProfileStatus.Published, manager, 12, p =>
            {
                p.Technologies = Tags.Join(["data"]);
                p.Sectors = Tags.Join(["health", "public-administration"]);
                p.Partnerships = PartnershipTypes.ResearchCooperation | PartnershipTypes.License;
                p.NeedsHealthDataPermit = true;
                p.NeedsClinicalData = true;
                p.Standards = HealthStandards.OpenEhr | HealthStandards.Fhir | HealthStandards.SnomedCt;
            });

        Profile("health-cluster-portugal", fellow, centro, ProfileKind.BusinessOffer, "en",
            "Market access support for health-tech companies entering Portugal",
            "Health Cluster Portugal introduces foreign health-tech companies to Portuguese hospitals, distributors and procurement bodies.",
            "We organise visits, meetings with hospital boards and procurement units, and help with regulatory questions for companies entering "
            + "the Portuguese national health service.",
            ProfileStatus.InReview, null, 3, p =>
            {
                p.Sectors = Tags.Join(["health"]);
                p.Partnerships = PartnershipTypes.Commercial;
                p.CountriesSought = Tags.Join(["NO", "SE", "DK", "FI"]);
            });

        var evora = Profile(DemoNetworkRequests.AlentejoSme, member, centro, ProfileKind.TechnologyOffer, "pt-PT",
            "Sensores ambientais para lares e cuidados domiciliários",
            "Sensores de qualidade do ar e de quedas para lares de idosos, com alertas por telemóvel.",
            "Os sensores detetam quedas e medem temperatura e humidade.",
            ProfileStatus.ChangesRequested, null, 6, p =>
            {
                p.Technologies = Tags.Join(["iot"]);
                p.Sectors = Tags.Join(["care"]);
                p.Trl = 7;
                p.DeviceClass = DeviceClass.NotADevice;
            });
        await db.SaveChangesAsync(ct);

        db.ProfileReviewNotes.Add(new ProfileReviewNote
        {
            ProfileId = evora.Id, Kind = ReviewNoteKind.ChangesRequested, AuthorId = iminManager, At = now.AddDays(-4),
            Text = "Obrigada pelo perfil. Descreva melhor o que já foi testado e onde (TRL 7 pede um piloto em ambiente real), e indique se a deteção "
                + "de quedas é um dispositivo médico: nesse caso, a classe e o estado da marcação CE.",
        });
        // St. Olavs is interested in the Coimbra offer; the SME accepted: both now see each other's contact.
        db.ExpressionsOfInterest.Add(new ExpressionOfInterest
        {
            ProfileId = rpm.Id, SenderId = manager, SenderOrganisationId = orgs["st-olavs-hospital"], Message =
                "St. Olavs hospital would like to validate your platform with our heart failure outpatients. Could we meet at the next matchmaking session?",
            State = InterestState.Accepted, SentAt = now.AddDays(-10), AnsweredAt = now.AddDays(-8), AnsweredById = fellow,
            AnswerNote = "Com todo o gosto: we will bring the FHIR integration guide.",
        });
        await db.SaveChangesAsync(ct);
    }
}
