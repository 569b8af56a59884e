using Agora.Web.Features.Hubs;
using Agora.Web.Features.Organisations;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// What the demo installation is made of: three hubs modelled on the source documents
/// (imIN-hub of SPMS, Helseplattformen in Central Norway, a Digital Innovation Hub of the
/// EDIH network), the organisations around them and one account per kind of person.
/// </summary>
internal static class DemoContent
{
    internal sealed record DemoHub(
        string Slug,
        string Languages,
        string Region,
        JoinPolicy JoinPolicy,
        string[] FocusAreas,
        IReadOnlyDictionary<string, (string Name, string Description)> Texts)
    {
        /// <summary>The currency of the hub's initiative budgets: kroner in Norway, euros elsewhere.</summary>
        public string Currency => Languages.StartsWith("nb", StringComparison.Ordinal) ? "NOK" : "EUR";
    }

    internal sealed record DemoOrganisation(string Slug, string Name, OrganisationType Type, string Country, string? Website, string Description);

    /// <summary>A demo person; <paramref name="Hubs"/> maps hub slugs to roles (Member is always added).</summary>
    internal sealed record DemoPerson(
        string Email,
        string DisplayName,
        bool PlatformAdmin,
        bool TwoFactor,
        string? Organisation,
        bool OrganisationAdmin,
        IReadOnlyDictionary<string, HubRoles> Hubs);

    public static readonly DemoHub[] Hubs =
    [
        new(DemoAccounts.IminHub, "pt-PT,en", "Portugal", JoinPolicy.Open, ["ehealth", "ict", "mobile", "ai"],
            new Dictionary<string, (string, string)>
            {
                ["en"] = ("imIN-hub",
                    "imIN-hub envisions health services for the citizen of tomorrow. Modelled on the innovation hub of SPMS, "
                    + "Portugal's national health IT company, it crowdsources ideas from employees and outside stakeholders in "
                    + "eHealth, ICT, mobile and artificial intelligence, with two goals: to innovate the organisation itself "
                    + "and to innovate the public health sector."
                    + "\n\n"
                    + "Agents of change, facilitators, mentors and fellows bring internal and external voices together in "
                    + "workshops, share-cons, hackathons and mentoring sessions. Anyone can join and submit an idea, and the "
                    + "hub reports its recommendations every quarter."),
                ["pt-PT"] = ("imIN-hub",
                    "O imIN-hub imagina os serviços de saúde para o cidadão do amanhã. Inspirado no hub de inovação da SPMS, "
                    + "a empresa pública que assegura os sistemas de informação da saúde em Portugal, recolhe ideias de "
                    + "colaboradores e de parceiros externos nas áreas de eSaúde, TIC, móvel e inteligência artificial, com "
                    + "dois objetivos: inovar a própria organização e inovar o setor público da saúde."
                    + "\n\n"
                    + "Agentes de mudança, facilitadores, mentores e fellows juntam vozes internas e externas em workshops, "
                    + "sessões de partilha (share-con), hackathons e sessões de mentoria. Qualquer pessoa pode aderir e "
                    + "submeter uma ideia, e o hub apresenta as suas recomendações num relatório trimestral."),
                ["nb-NO"] = ("imIN-hub",
                    "imIN-hub ser for seg helsetjenestene for morgendagens innbygger. Knutepunktet er bygget etter modell av "
                    + "innovasjonshuben til SPMS, Portugals nasjonale IKT-selskap for helsesektoren, og samler inn ideer fra "
                    + "ansatte og eksterne aktører innen e-helse, IKT, mobil og kunstig intelligens. Målet er todelt: å fornye "
                    + "organisasjonen selv og å fornye den offentlige helsesektoren."
                    + "\n\n"
                    + "Endringsagenter, fasilitatorer, mentorer og stipendiater bringer interne og eksterne stemmer sammen i "
                    + "verksteder, delingssamlinger (share-con), hackathons og mentorsamtaler. Alle kan bli med og sende inn "
                    + "en idé, og knutepunktet legger fram anbefalingene sine hvert kvartal."),
            }),
        new(DemoAccounts.HelseplattformenHub, "nb-NO,en", "Midt-Norge", JoinPolicy.Approval, ["ehealth", "ict", "ai"],
            new Dictionary<string, (string, string)>
            {
                ["nb-NO"] = ("Helseplattformen",
                    "Helseplattformen er den felles pasientjournalen for kommune- og spesialisthelsetjenesten i Midt-Norge, "
                    + "med visjonen å være en ledende innovasjonspartner i digital samhandling. Med innovasjon mener vi noe "
                    + "nytt, nyttig og nyttiggjort, fra hverdagsforbedringer til radikale forandringer, styrt gjennom et "
                    + "ledelsessystem for innovasjon etter ISO 56002."
                    + "\n\n"
                    + "Her kan ansatte på sykehus og i kommuner, pasienter og innbyggere foreslå forbedringer. Forskere og "
                    + "leverandører kan be om å delta i forsknings- og innovasjonsprosjekter, søke om helsedata til forskning "
                    + "og innovasjon eller teste produkter og tjenester i sandkassen. Nye medlemmer godkjennes av lederne av "
                    + "knutepunktet."),
                ["en"] = ("Helseplattformen",
                    "Helseplattformen is the shared patient record of the municipal and specialist health services in "
                    + "Central Norway, and its vision is to be a leading innovation partner in digital collaboration. "
                    + "Innovation here means something new, useful and actually used, from everyday improvements to radical "
                    + "change, managed through an innovation management system based on ISO 56002."
                    + "\n\n"
                    + "Employees in hospitals and municipalities, patients and citizens propose improvements here. Researchers "
                    + "and suppliers can ask to take part in research and innovation projects, apply for health data for "
                    + "research and innovation, or test products and services in the sandbox. New members are approved by "
                    + "the hub managers."),
                ["pt-PT"] = ("Helseplattformen",
                    "A Helseplattformen é o processo clínico partilhado pelos serviços de saúde municipais e hospitalares "
                    + "da região central da Noruega, com a visão de ser um parceiro de referência em inovação na colaboração "
                    + "digital. Inovação significa algo novo, útil e efetivamente utilizado, das melhorias do dia a dia às "
                    + "mudanças radicais, gerida através de um sistema de gestão da inovação baseado na norma ISO 56002."
                    + "\n\n"
                    + "Aqui, profissionais de hospitais e municípios, doentes e cidadãos propõem melhorias. Investigadores e "
                    + "fornecedores podem pedir para participar em projetos de investigação e inovação, pedir acesso a dados "
                    + "de saúde para investigação e inovação ou testar produtos e serviços no ambiente de testes (sandbox). "
                    + "A adesão de novos membros é aprovada pelos gestores do hub."),
            }),
        new(DemoAccounts.DihCentroHub, "en,pt-PT,nb-NO", "Centro, Portugal", JoinPolicy.InvitationOnly, ["ict", "robotics", "ai", "mobile"],
            new Dictionary<string, (string, string)>
            {
                ["en"] = ("DIH Centro",
                    "DIH Centro is a regional digital innovation hub in the Centro region of Portugal and part of the "
                    + "European network of Digital Innovation Hubs. It helps SMEs, hospitals and other public bodies take up "
                    + "ICT, artificial intelligence, robotics and mobile solutions in health, and offers its services through "
                    + "a joint catalogue shared with the other hubs in the network."
                    + "\n\n"
                    + "Companies can test before they invest, find skills and training, meet partners at matchmaking sessions "
                    + "and round tables, and get support to find investment and to go international. A front desk routes "
                    + "every request to the right service or hub. Membership is by invitation."),
                ["pt-PT"] = ("DIH Centro",
                    "O DIH Centro é um polo regional de inovação digital (Digital Innovation Hub) na região Centro de Portugal, "
                    + "integrado na rede europeia de Digital Innovation Hubs. Ajuda PME, hospitais e outras entidades públicas "
                    + "a adotar soluções de TIC, inteligência artificial, robótica e móvel na saúde, e disponibiliza os seus "
                    + "serviços num catálogo conjunto partilhado com os restantes hubs da rede."
                    + "\n\n"
                    + "As empresas podem testar antes de investir, encontrar competências e formação, conhecer parceiros em "
                    + "sessões de matchmaking e mesas-redondas e obter apoio na procura de investimento e na "
                    + "internacionalização. Um balcão de atendimento encaminha cada pedido para o serviço ou o hub certo. A "
                    + "adesão é feita apenas por convite."),
                ["nb-NO"] = ("DIH Centro",
                    "DIH Centro er et regionalt knutepunkt for digital innovasjon (Digital Innovation Hub) i Centro-regionen "
                    + "i Portugal og en del av det europeiske nettverket av Digital Innovation Hubs. Knutepunktet hjelper små "
                    + "og mellomstore bedrifter, sykehus og andre offentlige virksomheter med å ta i bruk IKT, kunstig "
                    + "intelligens, robotikk og mobile løsninger i helse, og tilbyr tjenestene sine i en felles tjenestekatalog "
                    + "med de andre knutepunktene i nettverket."
                    + "\n\n"
                    + "Bedrifter kan teste før de investerer, finne kompetanse og opplæring, møte partnere på matchmaking-møter "
                    + "og rundebordsmøter, og få hjelp til å finne investorer og til å vokse internasjonalt. En frontdesk "
                    + "sender hver henvendelse videre til riktig tjeneste eller knutepunkt. Medlemskap skjer kun etter "
                    + "invitasjon."),
            }),
    ];

    public static readonly DemoOrganisation[] Organisations =
    [
        new("spms", "SPMS – Serviços Partilhados do Ministério da Saúde", OrganisationType.GovernmentAgency, "Portugal",
            "https://www.spms.min-saude.pt",
            "Portugal's public shared-services company of the Ministry of Health, in charge of the national health "
            + "service's information systems and ICT. Its innovation hub, imIN-hub, brings employees and outside "
            + "stakeholders together to innovate the company and the public health sector."),
        new("st-olavs-hospital", "St. Olavs hospital", OrganisationType.Hospital, "Norway",
            "https://www.stolav.no",
            "The university hospital in Trondheim, one of the first to go live on Helseplattformen in 2022. Its "
            + "clinicians and innovation advisers bring everyday improvements and data-driven ideas to the hub."),
        new("trondheim-kommune", "Trondheim kommune", OrganisationType.Municipality, "Norway",
            "https://www.trondheim.kommune.no",
            "The municipality of Trondheim, co-owner of Helseplattformen AS (40 %), using the shared patient record in "
            + "its home care, nursing homes and other municipal health and care services."),
        new("ntnu", "NTNU – Norwegian University of Science and Technology", OrganisationType.University, "Norway",
            "https://www.ntnu.no",
            "Norway's largest university, based in Trondheim. Its Faculty of Medicine and Health Sciences works with "
            + "Helseplattformen on research, the secondary use of health data and the innovation strategy."),
        new("helseplattformen-as", "Helseplattformen AS", OrganisationType.Other, "Norway",
            "https://helseplattformen.no",
            "The company delivering \"one citizen – one record\" for the health services of Central Norway. Owned by "
            + "Helse Midt-Norge RHF (60 %) and Trondheim kommune (40 %), it is the first company founded jointly by "
            + "Norway's specialist and municipal health services."),
        new("health-cluster-portugal", "Health Cluster Portugal", OrganisationType.Cluster, "Portugal",
            "https://healthportugal.com",
            "The national health cluster, bringing together companies, hospitals, universities and research centres "
            + "to make Portugal a competitive player in health research, technology and services."),
        new("nordlys-helseteknologi", "Nordlys Helseteknologi AS", OrganisationType.Company, "Norway", null,
            "A fictional small company in Trondheim that makes home-monitoring apps for people with chronic "
            + "conditions. It tests its integrations in the Helseplattformen sandbox and looks for partners in Portugal."),
        new("pasientforeningen-trondelag", "Pasientforeningen Trøndelag", OrganisationType.PatientAssociation, "Norway", null,
            "A fictional association of people living with chronic conditions, and their families, in Trøndelag. Its "
            + "representatives propose ideas and sit on evaluation panels so that patients have a say in what is built."),
    ];

    private static Dictionary<string, HubRoles> In(string hub, HubRoles roles) => new() { [hub] = roles };

    private static readonly Dictionary<string, HubRoles> None = [];

    public static readonly DemoPerson[] People =
    [
        new(DemoAccounts.Admin, "Ada Admin", PlatformAdmin: true, TwoFactor: true, null, false, None),
        new(DemoAccounts.Manager, "Marta Manager", false, TwoFactor: true, "st-olavs-hospital", OrganisationAdmin: true,
            In(DemoAccounts.HelseplattformenHub, HubRoles.HubManager)),
        new(DemoAccounts.OtherManager, "Inês Manager", false, TwoFactor: true, "spms", OrganisationAdmin: true,
            new Dictionary<string, HubRoles> { [DemoAccounts.IminHub] = HubRoles.HubManager, [DemoAccounts.DihCentroHub] = HubRoles.HubManager }),
        new(DemoAccounts.Member, "Mikkel Member", false, false, "nordlys-helseteknologi", OrganisationAdmin: true,
            new Dictionary<string, HubRoles> { [DemoAccounts.HelseplattformenHub] = HubRoles.Member, [DemoAccounts.IminHub] = HubRoles.Member }),
        new(DemoAccounts.Agent, "Astrid Agent", false, false, "trondheim-kommune", OrganisationAdmin: true,
            In(DemoAccounts.HelseplattformenHub, HubRoles.AgentOfChange)),
        new(DemoAccounts.Facilitator, "Frida Facilitator", false, false, "helseplattformen-as", OrganisationAdmin: true,
            In(DemoAccounts.HelseplattformenHub, HubRoles.Facilitator)),
        new(DemoAccounts.Mentor, "Magnus Mentor", false, false, "ntnu", OrganisationAdmin: true,
            In(DemoAccounts.HelseplattformenHub, HubRoles.Mentor)),
        new(DemoAccounts.Fellow, "Filipa Fellow", false, false, "health-cluster-portugal", OrganisationAdmin: true,
            In(DemoAccounts.HelseplattformenHub, HubRoles.Fellow)),
        new(DemoAccounts.Evaluator, "Eva Evaluator", false, false, "pasientforeningen-trondelag", OrganisationAdmin: true,
            In(DemoAccounts.HelseplattformenHub, HubRoles.Evaluator | HubRoles.PrivacyReviewer)),
        new(DemoAccounts.Reviewer, "Rune Reviewer", false, false, "helseplattformen-as", OrganisationAdmin: false,
            In(DemoAccounts.HelseplattformenHub, HubRoles.LegalReviewer | HubRoles.SecurityReviewer)),
        new(DemoAccounts.Citizen, "Chris Citizen", false, false, null, false, None),
    ];
}
