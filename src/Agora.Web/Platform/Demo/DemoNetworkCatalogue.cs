using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// The joint service catalogue of the demo network, in English, Portuguese and Norwegian: imIN-hub tests AI in health
/// (with helseplattformen as partner; changed once since it was published), checks health data and the security of
/// connected devices, and drafts a funding service; helseplattformen offers clinical testing in the hospital's EHR
/// environment, FHIR training and a telemonitoring demonstration (its municipal matchmaking is withdrawn); dih-centro
/// tests robotics and IoT, assesses digital maturity and trains skills, but offers no AI testing (the demo's gap). The
/// hubs' network profiles come from the profiles' own demo content; minimal ones are made here only when none exist.
/// </summary>
internal static class DemoNetworkCatalogue
{
    private sealed record Text(string Title, string Summary, string Description);

    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        await EnsureProfilesAsync(db, hubs, now, ct);
        var imin = hubs[DemoAccounts.IminHub].Id;
        var helse = hubs[DemoAccounts.HelseplattformenHub].Id;
        var centro = hubs[DemoAccounts.DihCentroHub].Id;
        var iminManager = people[DemoAccounts.OtherManager].Id;
        var helseManager = people[DemoAccounts.Manager].Id;

        // imIN-hub: AI testing, published, then its price changed (two kept versions), with helseplattformen as partner.
        var ai = Service(imin, ServiceCategory.TestBeforeInvest, "testing", ServiceAudience.Sme | ServiceAudience.PublicSector, ["ai", "data"], ["health", "care"],
            4, 7, PriceModel.Subsidised, 3000m, DeliveryModes.OnSite | DeliveryModes.Remote | DeliveryModes.CrossBorder, ["pt-PT", "en"], 20, "pt-PT", now.AddDays(-60),
            new("Testing AI for health before you invest",
                "Test your AI solution with real, pseudonymised health data and clinical experts before you invest in scaling it.",
                "Together with SPMS and the Portuguese NHS, we test the performance, bias and safety of AI models on pseudonymised health data in a controlled environment.\n\nYou receive a test report that supports CE marking under the Medical Devices Regulation and the AI Act."),
            new("Testes de IA para a saúde antes de investir",
                "Teste a sua solução de inteligência artificial com dados de saúde reais e pseudonimizados e com peritos clínicos antes de investir na sua expansão.",
                "Em conjunto com a SPMS e o SNS, testamos o desempenho, o enviesamento e a segurança de modelos de IA em dados de saúde pseudonimizados, num ambiente controlado, incluindo soluções de telemonitorização.\n\nRecebe um relatório de testes que apoia a marcação CE ao abrigo do Regulamento dos Dispositivos Médicos e do Regulamento da IA."),
            new("Test av KI for helse før du investerer",
                "Test KI-løsningen din med ekte, pseudonymiserte helsedata og kliniske eksperter før du investerer i å skalere den.",
                "Sammen med SPMS og det portugisiske helsevesenet tester vi ytelse, skjevheter og sikkerhet i KI-modeller på pseudonymiserte helsedata i et kontrollert miljø.\n\nDu får en testrapport som støtter CE-merking etter forordningen om medisinsk utstyr og KI-forordningen."));
        ai.Partners.Add(new CatalogueServicePartner { HubId = helse });
        db.CatalogueServices.Add(ai);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, ai, iminManager, now.AddDays(-55), "", ct);
        var before = ServiceSnapshot.Of(ai, [DemoAccounts.HelseplattformenHub]).ToJson();
        db.CatalogueServiceVersions.Add(new CatalogueServiceVersion
        {
            ServiceId = ai.Id, Version = ai.Version, Snapshot = before, ChangedById = iminManager, ChangedAt = now.AddDays(-10),
            Note = "Price lowered: the 2027 EDIH subsidy now covers half of the test.",
        });
        ai.IndicativePrice = 1500m;
        ai.Version += 1;
        ai.UpdatedAt = now.AddDays(-10);
        await db.SaveChangesAsync(ct);

        await AddAsync(db, Service(imin, ServiceCategory.TestBeforeInvest, "integration", ServiceAudience.Sme | ServiceAudience.SmallMidCap, ["data"], ["health"],
            5, 8, PriceModel.Free, null, DeliveryModes.Remote, ["pt-PT", "en"], 10, "pt-PT", now.AddDays(-50),
            new("Health data interoperability check", "We check that your product exchanges data with the Portuguese NHS systems through HL7 FHIR and the national terminologies.",
                "A two-week remote check of your interfaces against the SPMS test platforms, with a list of what to fix."),
            new("Verificação de interoperabilidade de dados de saúde", "Verificamos se o seu produto troca dados com os sistemas do SNS através de HL7 FHIR e das terminologias nacionais.",
                "Uma verificação remota de duas semanas das suas interfaces nas plataformas de teste da SPMS, com a lista do que corrigir."),
            new("Sjekk av samhandling med helsedata", "Vi sjekker at produktet ditt utveksler data med det portugisiske helsevesenets systemer via HL7 FHIR og nasjonale terminologier.",
                "En fjernsjekk over to uker av grensesnittene dine mot SPMS sine testplattformer, med en liste over hva som må rettes.")), iminManager, ct);
        await AddAsync(db, Service(imin, ServiceCategory.TestBeforeInvest, "testing", ServiceAudience.Sme | ServiceAudience.PublicSector, ["cybersecurity", "iot"], ["health"],
            5, 9, PriceModel.Paid, 4000m, DeliveryModes.OnSite | DeliveryModes.Remote, ["pt-PT", "en"], 15, "pt-PT", now.AddDays(-40),
            new("Cybersecurity testing of connected medical devices", "Penetration testing and a security review of connected medical devices and their apps.",
                "Our team tests your device, app and cloud service against the MDCG 2019-16 guidance and the NIS2 requirements."),
            new("Testes de cibersegurança de dispositivos médicos ligados", "Testes de intrusão e revisão de segurança de dispositivos médicos ligados e das suas aplicações.",
                "A nossa equipa testa o seu dispositivo, a aplicação e o serviço na nuvem segundo a orientação MDCG 2019-16 e os requisitos da NIS2."),
            new("Test av cybersikkerhet i tilkoblet medisinsk utstyr", "Inntrengingstesting og sikkerhetsgjennomgang av tilkoblet medisinsk utstyr og appene deres.",
                "Teamet vårt tester utstyret, appen og skytjenesten din etter veiledningen MDCG 2019-16 og kravene i NIS2.")), iminManager, ct);
        // A draft: only imIN-hub's managers see it.
        db.CatalogueServices.Add(Service(imin, ServiceCategory.SupportToFindInvestment, "funding-guidance", ServiceAudience.Sme, ["ai", "data"], ["health"],
            3, 8, PriceModel.Free, null, DeliveryModes.Remote, ["pt-PT"], null, "pt-PT", now.AddDays(-3),
            new("Guidance on EU health funding", "Which calls of EU4Health, Horizon Europe and Digital Europe fit your project.", ""),
            new("Orientação sobre financiamento europeu para a saúde", "Que concursos do EU4Health, Horizonte Europa e Europa Digital se adequam ao seu projeto.", ""),
            null));
        await db.SaveChangesAsync(ct);

        // helseplattformen.
        await AddAsync(db, Service(helse, ServiceCategory.TestBeforeInvest, "testing", ServiceAudience.Sme | ServiceAudience.PublicSector, ["iot", "data"], ["health"],
            5, 8, PriceModel.Subsidised, 25000m, DeliveryModes.OnSite, ["nb-NO", "en"], 30, "nb-NO", now.AddDays(-45),
            new("Clinical testing in the hospital's EHR environment", "Test your solution with clinicians in the test environment of the regional electronic health record.",
                "St. Olavs hospital and the municipalities of Trøndelag open their EHR test environment and clinical staff to test integration, workflow and usability.\n\nPrice in Norwegian kroner."),
            new("Testes clínicos no ambiente do registo de saúde eletrónico do hospital", "Teste a sua solução com clínicos no ambiente de teste do registo de saúde eletrónico regional.",
                "O hospital St. Olavs e os municípios de Trøndelag abrem o seu ambiente de teste e o seu pessoal clínico para testar integração, fluxo de trabalho e usabilidade."),
            new("Klinisk testing i sykehusets journalmiljø", "Test løsningen din sammen med klinikere i testmiljøet til den regionale elektroniske pasientjournalen.",
                "St. Olavs hospital og kommunene i Trøndelag åpner testmiljøet og klinisk personell for å teste integrasjon, arbeidsflyt og brukervennlighet.\n\nPris i norske kroner."), "NOK"), helseManager, ct);
        await AddAsync(db, Service(helse, ServiceCategory.SkillsAndTraining, "technical-training", ServiceAudience.Sme | ServiceAudience.PublicSector, ["data"], ["health", "care"],
            1, 9, PriceModel.Free, null, DeliveryModes.Remote | DeliveryModes.CrossBorder, ["nb-NO", "en"], 5, "nb-NO", now.AddDays(-35),
            new("Course in health data and HL7 FHIR", "Six online sessions on health data standards, FHIR profiles and the Norwegian health register rules.",
                "For developers and product owners in companies and municipalities. Given in Norwegian and English."),
            new("Curso de dados de saúde e HL7 FHIR", "Seis sessões online sobre normas de dados de saúde, perfis FHIR e as regras dos registos de saúde noruegueses.",
                "Para programadores e responsáveis de produto em empresas e municípios. Em norueguês e inglês."),
            new("Kurs i helsedata og HL7 FHIR", "Seks nettsamlinger om standarder for helsedata, FHIR-profiler og reglene for norske helseregistre.",
                "For utviklere og produkteiere i bedrifter og kommuner. Gis på norsk og engelsk.")), helseManager, ct);
        await AddAsync(db, Service(helse, ServiceCategory.TestBeforeInvest, "demonstration", ServiceAudience.Sme | ServiceAudience.PublicSector, ["iot"], ["care"],
            3, 6, PriceModel.Free, null, DeliveryModes.OnSite, ["nb-NO"], 10, "nb-NO", now.AddDays(-30),
            new("Telemonitoring demonstration flat", "Show your remote monitoring solution to municipal care services in a furnished demonstration flat.",
                "Municipal nurses and patients try your sensors and apps in realistic home settings."),
            new("Apartamento de demonstração de telemonitorização", "Mostre a sua solução de monitorização remota aos serviços municipais de cuidados num apartamento de demonstração.",
                "Enfermeiros municipais e doentes experimentam os seus sensores e aplicações num ambiente doméstico realista."),
            new("Visningsleilighet for digital hjemmeoppfølging", "Vis løsningen din for fjernoppfølging til kommunale omsorgstjenester i en møblert visningsleilighet.",
                "Kommunale sykepleiere og pasienter prøver sensorene og appene dine i realistiske hjemmeomgivelser.")), helseManager, ct);
        var withdrawn = Service(helse, ServiceCategory.EcosystemAndNetworking, "matchmaking", ServiceAudience.Sme | ServiceAudience.PublicSector, [], ["public-administration", "care"],
            1, 9, PriceModel.Free, null, DeliveryModes.OnSite, ["nb-NO"], null, "nb-NO", now.AddDays(-90),
            new("Matchmaking with municipalities", "Meet the municipalities of Trøndelag that look for welfare technology.", ""),
            null,
            new("Matchmaking med kommuner", "Møt kommunene i Trøndelag som ser etter velferdsteknologi.", ""));
        await AddAsync(db, withdrawn, helseManager, ct);
        db.CatalogueServiceVersions.Add(new CatalogueServiceVersion
        {
            ServiceId = withdrawn.Id, Version = withdrawn.Version, Snapshot = ServiceSnapshot.Of(withdrawn, []).ToJson(), ChangedById = helseManager,
            ChangedAt = now.AddDays(-20), Note = "Replaced by the regional welfare technology programme.",
        });
        withdrawn.Status = ServiceStatus.Withdrawn;
        withdrawn.WithdrawnAt = now.AddDays(-20);
        withdrawn.Version += 1;
        withdrawn.UpdatedAt = now.AddDays(-20);
        await db.SaveChangesAsync(ct);

        // dih-centro: robotics and IoT, maturity, skills; no AI testing.
        await AddAsync(db, Service(centro, ServiceCategory.TestBeforeInvest, "testing", ServiceAudience.Sme | ServiceAudience.SmallMidCap, ["robotics", "iot"], ["manufacturing", "health"],
            4, 7, PriceModel.Subsidised, 1500m, DeliveryModes.OnSite, ["pt-PT", "en"], 15, "pt-PT", now.AddDays(-50),
            new("Robotics and IoT test bed", "Test collaborative robots and industrial IoT in the Centro region's test bed in Coimbra.",
                "With the University of Coimbra and the Pedro Nunes Institute: robot cells, sensor networks and a 5G private network."),
            new("Banco de testes de robótica e IoT", "Teste robôs colaborativos e IoT industrial no banco de testes da região Centro, em Coimbra.",
                "Com a Universidade de Coimbra e o Instituto Pedro Nunes: células robóticas, redes de sensores e uma rede 5G privada."),
            new("Testarena for robotikk og IoT", "Test samarbeidende roboter og industrielt IoT i testarenaen til Centro-regionen i Coimbra.",
                "Sammen med Universitetet i Coimbra og Instituto Pedro Nunes: robotceller, sensornettverk og et privat 5G-nett.")), iminManager, ct);
        await AddAsync(db, Service(centro, ServiceCategory.TestBeforeInvest, "maturity-assessment", ServiceAudience.Sme | ServiceAudience.PublicSector, [], ["manufacturing", "agrifood", "health"],
            1, 9, PriceModel.Free, null, DeliveryModes.OnSite | DeliveryModes.Remote, ["pt-PT"], 5, "pt-PT", now.AddDays(-48),
            new("Digital maturity assessment", "The EDIH digital maturity assessment, with a plan of next steps for your organisation.",
                "Takes half a day; repeated after a year to measure progress."),
            new("Avaliação de maturidade digital", "A avaliação de maturidade digital dos EDIH, com um plano de próximos passos para a sua organização.",
                "Demora meio dia; repete-se ao fim de um ano para medir o progresso."),
            new("Vurdering av digital modenhet", "EDIH-vurderingen av digital modenhet, med en plan for de neste stegene i virksomheten.",
                "Tar en halv dag; gjentas etter et år for å måle fremgang.")), iminManager, ct);
        await AddAsync(db, Service(centro, ServiceCategory.SkillsAndTraining, "bootcamp", ServiceAudience.Sme, ["data", "cloud"], ["manufacturing", "agrifood"],
            1, 9, PriceModel.Free, null, DeliveryModes.OnSite | DeliveryModes.Remote, ["pt-PT"], 20, "pt-PT", now.AddDays(-25),
            new("Data and cloud bootcamp for SMEs", "Five days of hands-on data and cloud skills for staff of small companies.",
                "Held in Coimbra and Aveiro, also online."),
            new("Bootcamp de dados e nuvem para PME", "Cinco dias de competências práticas de dados e nuvem para trabalhadores de pequenas empresas.",
                "Em Coimbra e Aveiro, também online."),
            new("Bootcamp i data og sky for SMB-er", "Fem dager med praktisk kompetanse i data og sky for ansatte i små bedrifter.",
                "Holdes i Coimbra og Aveiro, også på nett.")), iminManager, ct);
    }

    private static async Task EnsureProfilesAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.HubNetworkProfiles.AnyAsync(ct)) return;
        HubNetworkProfile Profile(string slug, string legalName, HubKind kind, string country, string[] technologies, string[] languages, params string[] regions)
        {
            var id = hubs[slug].Id;
            return new HubNetworkProfile
            {
                HubId = id, LegalName = legalName, Kind = kind, Country = country, Technologies = Tags.Join(technologies), Sectors = Tags.Join(["health", "care"]),
                Languages = Tags.Join(languages), Listed = true, CreatedAt = now, UpdatedAt = now,
                Regions = regions.Select(r => new HubServedRegion { HubId = id, RegionCode = r }).ToList(),
            };
        }
        db.HubNetworkProfiles.AddRange(
            Profile(DemoAccounts.IminHub, "SPMS – Serviços Partilhados do Ministério da Saúde, E.P.E.", HubKind.Other, "PT", ["ai", "data", "cybersecurity"], ["pt-PT", "en"], "PT1A", "PT1B"),
            Profile(DemoAccounts.HelseplattformenHub, "Helseplattformen AS", HubKind.Other, "NO", ["data", "iot"], ["nb-NO", "en"], "NO06"),
            Profile(DemoAccounts.DihCentroHub, "DIH Centro – Associação", HubKind.Edih, "PT", ["robotics", "iot", "data"], ["pt-PT", "en"], "PT19"));
        await db.SaveChangesAsync(ct);
    }

    private static CatalogueService Service(Guid hub, ServiceCategory category, string subType, ServiceAudience audiences, string[] technologies, string[] sectors,
        int trlMin, int trlMax, PriceModel price, decimal? amount, DeliveryModes delivery, string[] languages, int? leadTime, string defaultCulture,
        DateTimeOffset createdAt, Text? en, Text? pt, Text? nb, string currency = "EUR")
    {
        var s = new CatalogueService
        {
            HubId = hub, Status = ServiceStatus.Draft, Category = category, SubType = subType, Audiences = audiences, Technologies = Tags.Join(technologies),
            Sectors = Tags.Join(sectors), TrlMin = trlMin, TrlMax = trlMax, PriceModel = price, IndicativePrice = amount, Currency = currency, Delivery = delivery,
            Languages = Tags.Join(languages), LeadTimeDays = leadTime, DefaultCulture = defaultCulture, Version = 1, CreatedAt = createdAt, UpdatedAt = createdAt,
        };
        foreach (var (culture, text) in new[] { ("en", en), ("pt-PT", pt), ("nb-NO", nb) })
            if (text is not null) s.Texts.Add(new CatalogueServiceText { Culture = culture, Title = text.Title, Summary = text.Summary, Description = text.Description });
        return s;
    }

    /// <summary>Adds a service and publishes it a day later, keeping its draft as version 1.</summary>
    private static async Task AddAsync(AgoraDbContext db, CatalogueService s, Guid manager, CancellationToken ct)
    {
        db.CatalogueServices.Add(s);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, s, manager, s.CreatedAt.AddDays(1), "", ct);
    }

    private static async Task PublishAsync(AgoraDbContext db, CatalogueService s, Guid manager, DateTimeOffset at, string note, CancellationToken ct)
    {
        var partners = await db.Hubs.Where(h => s.Partners.Select(p => p.HubId).Contains(h.Id)).Select(h => h.Slug).ToListAsync(ct);
        db.CatalogueServiceVersions.Add(new CatalogueServiceVersion
        {
            ServiceId = s.Id, Version = s.Version, Snapshot = ServiceSnapshot.Of(s, partners).ToJson(), ChangedById = manager, ChangedAt = at, Note = note,
        });
        s.Status = ServiceStatus.Published;
        s.PublishedAt = at;
        s.Version += 1;
        s.UpdatedAt = at;
        await db.SaveChangesAsync(ct);
    }
}
