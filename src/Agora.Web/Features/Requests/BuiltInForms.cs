namespace Agora.Web.Features.Requests;

/// <summary>One point a reviewer checks before signing off a request.</summary>
public sealed record ChecklistItem(string Key, LocalText Text);

/// <summary>
/// The forms, deadlines, sign-offs and review checklists of the four built-in kinds of request. The data-access form
/// follows the application of the European Health Data Space (Regulation (EU) 2025/327, Art. 67–68). Field keys are
/// stable: answers are stored under them, so a key is never renamed once released.
/// </summary>
public static class BuiltInForms
{
    private static readonly RequestForm ResearchForm = Participation(research: true);
    private static readonly RequestForm InnovationForm = Participation(research: false);
    private static readonly RequestForm DataAccessForm = HealthDataAccess();
    private static readonly RequestForm SandboxForm = SandboxTest();

    public static RequestForm For(RequestKind kind) => kind switch
    {
        RequestKind.ResearchParticipation => ResearchForm,
        RequestKind.InnovationParticipation => InnovationForm,
        RequestKind.HealthDataAccess => DataAccessForm,
        RequestKind.SandboxTest => SandboxForm,
        _ => throw NotBuiltIn(kind),
    };

    public static LocalText Name(RequestKind kind) => kind switch
    {
        RequestKind.ResearchParticipation => T(
            "Participation in a research project",
            "Participação num projeto de investigação",
            "Deltakelse i et forskningsprosjekt"),
        RequestKind.InnovationParticipation => T(
            "Participation in an innovation project",
            "Participação num projeto de inovação",
            "Deltakelse i et innovasjonsprosjekt"),
        RequestKind.HealthDataAccess => T(
            "Access to health data",
            "Acesso a dados de saúde",
            "Tilgang til helseopplysninger"),
        RequestKind.SandboxTest => T(
            "Testing a product in the sandbox",
            "Teste de um produto na sandbox",
            "Test av et produkt i sandkassen"),
        _ => throw NotBuiltIn(kind),
    };

    public static LocalText Description(RequestKind kind) => kind switch
    {
        RequestKind.ResearchParticipation => T(
            "Ask the hub to take part in your research project with staff time, data, premises, test users or expertise.",
            "Peça ao hub que participe no seu projeto de investigação com tempo da equipa, dados, instalações, utilizadores de teste ou conhecimentos especializados.",
            "Be huben om å delta i forskningsprosjektet ditt med arbeidstid, data, lokaler, testbrukere eller fagkompetanse."),
        RequestKind.InnovationParticipation => T(
            "Ask the hub to join your innovation project, for example to develop, pilot or scale a new service or product with you.",
            "Peça ao hub que se junte ao seu projeto de inovação, por exemplo para desenvolver, testar em piloto ou expandir consigo um novo serviço ou produto.",
            "Be huben om å bli med i innovasjonsprosjektet ditt, for eksempel for å utvikle, prøve ut eller skalere en ny tjeneste eller et nytt produkt sammen med deg."),
        RequestKind.HealthDataAccess => T(
            "Apply for health data for secondary use, such as research, innovation, statistics or public health, following the European Health Data Space (EHDS). Legal and privacy reviewers must approve before any data is made available.",
            "Candidate-se a dados de saúde para utilização secundária, como investigação, inovação, estatística ou saúde pública, segundo o Espaço Europeu de Dados de Saúde (EEDS). Os revisores jurídico e de proteção de dados têm de aprovar antes de qualquer dado ser disponibilizado.",
            "Søk om helseopplysninger til sekundærbruk, som forskning, innovasjon, statistikk eller folkehelsearbeid, etter reglene for det europeiske helsedataområdet (EHDS). Jurist og personvernrådgiver må godkjenne før noen data blir gjort tilgjengelig."),
        RequestKind.SandboxTest => T(
            "Ask to test a third-party product or service in the hub's sandbox. The sandbox holds synthetic data only, and a security review comes before the test.",
            "Peça para testar um produto ou serviço de terceiros na sandbox do hub. A sandbox contém apenas dados sintéticos, e o teste só começa depois de uma revisão de segurança.",
            "Be om å teste et produkt eller en tjeneste fra en leverandør i hubens sandkasse. Sandkassen inneholder bare syntetiske data, og en sikkerhetsvurdering kommer før testen."),
        _ => throw NotBuiltIn(kind),
    };

    /// <summary>Months within which the hub decides; three for data access as EHDS Art. 68 sets for data permits.</summary>
    public static int DecisionMonths(RequestKind kind) => kind switch
    {
        RequestKind.HealthDataAccess => 3,
        RequestKind.SandboxTest => 2,
        RequestKind.ResearchParticipation or RequestKind.InnovationParticipation => 2,
        _ => throw NotBuiltIn(kind),
    };

    /// <summary>The roles whose approval a decision needs; empty when any reviewer may recommend and the manager decides.</summary>
    public static IReadOnlyList<ReviewRole> RequiredSignOffs(RequestKind kind) => kind switch
    {
        RequestKind.HealthDataAccess => [ReviewRole.Legal, ReviewRole.Privacy],
        RequestKind.SandboxTest => [ReviewRole.Security],
        _ => [],
    };

    /// <summary>
    /// Whether the manager who decides may not be one of the reviewers who signed off: on for health-data access, where
    /// the access body must show that review and decision were separate.
    /// </summary>
    public static bool SeparateDecider(RequestKind kind) => kind == RequestKind.HealthDataAccess;

    /// <summary>What a reviewer in <paramref name="role"/> checks on a request of <paramref name="kind"/>.</summary>
    public static IReadOnlyList<ChecklistItem> Checklist(RequestKind kind, ReviewRole role) => kind switch
    {
        RequestKind.HealthDataAccess => DataAccessChecklist(role),
        RequestKind.SandboxTest => SandboxChecklist(role),
        RequestKind.ResearchParticipation or RequestKind.InnovationParticipation => ParticipationChecklist(role),
        _ => throw NotBuiltIn(kind),
    };

    private static ArgumentOutOfRangeException NotBuiltIn(RequestKind kind) =>
        new(nameof(kind), kind, "Only the four built-in kinds have a built-in form; a custom kind carries its own.");

    // ---------------------------------------------------------------- research and innovation participation

    private static RequestForm Participation(bool research)
    {
        LocalText W(LocalText forResearch, LocalText forInnovation) => research ? forResearch : forInnovation;

        return Form(
            Section("project",
                W(T("The research project", "O projeto de investigação", "Forskningsprosjektet"),
                  T("The innovation project", "O projeto de inovação", "Innovasjonsprosjektet")),
                Text("projectTitle", T("Project title", "Título do projeto", "Prosjekttittel"), required: true, max: 200),
                Long("projectSummary",
                    W(T("Summary of the research", "Resumo da investigação", "Sammendrag av forskningen"),
                      T("Summary of the innovation", "Resumo da inovação", "Sammendrag av innovasjonen")),
                    W(T("The research question, the method and what the project wants to find out, in plain language.",
                        "A pergunta de investigação, o método e o que o projeto pretende descobrir, em linguagem simples.",
                        "Forskningsspørsmålet, metoden og hva prosjektet vil finne ut, i et enkelt språk."),
                      T("The need or problem, the solution the project develops and who will benefit, in plain language.",
                        "A necessidade ou o problema, a solução que o projeto desenvolve e quem beneficia, em linguagem simples.",
                        "Behovet eller problemet, løsningen prosjektet utvikler og hvem som får nytte av den, i et enkelt språk.")),
                    required: true, max: 4000),
                Text("projectOwner",
                    W(T("Project owner (research institution)", "Entidade responsável (instituição de investigação)", "Prosjekteier (forskningsinstitusjon)"),
                      T("Project owner (organisation or company)", "Entidade responsável (organização ou empresa)", "Prosjekteier (organisasjon eller bedrift)")),
                    required: true, max: 200),
                Text("projectLeadName",
                    W(T("Project leader (principal investigator)", "Responsável pelo projeto (investigador principal)", "Prosjektleder (ansvarlig forsker)"),
                      T("Project leader", "Responsável pelo projeto", "Prosjektleder")),
                    required: true, max: 200),
                Email("projectLeadEmail", T("Project leader's email", "Email do responsável pelo projeto", "Prosjektlederens e-postadresse"), required: true),
                Text("projectWebsite", T("Project website", "Sítio web do projeto", "Prosjektets nettside"), max: 300)),
            Section("partnership", T("Partners", "Parceiros", "Partnere"),
                Group("partners", T("Partners", "Parceiros", "Partnere"),
                    [
                        Text("partnerOrganisation", T("Organisation", "Organização", "Organisasjon"), required: true, max: 200),
                        Text("partnerRole", T("Role in the project", "Papel no projeto", "Rolle i prosjektet"), required: true, max: 300),
                    ],
                    T("Other institutions, companies or user organisations in the project, one row each.",
                      "Outras instituições, empresas ou organizações de utentes no projeto, uma linha por cada.",
                      "Andre institusjoner, bedrifter eller brukerorganisasjoner i prosjektet, én rad for hver."))),
            Section("request", T("What you ask of the hub", "O que pede ao hub", "Hva du ber huben om"),
                Multi("requestedSupport", T("The hub's contribution", "Contributo do hub", "Hubens bidrag"),
                    [
                        O("staffTime", "Staff time", "Tempo da equipa", "Arbeidstid fra ansatte"),
                        O("data", "Access to data", "Acesso a dados", "Tilgang til data"),
                        O("premises", "Premises", "Instalações", "Lokaler"),
                        O("testUsers", "Test users", "Utilizadores de teste", "Testbrukere"),
                        O("expertise", "Expertise", "Conhecimentos especializados", "Fagkompetanse"),
                        O("other", "Other", "Outro", "Annet"),
                    ],
                    T("Choose all that apply. Health data for research or innovation needs its own application for access to health data.",
                      "Escolha todas as opções que se aplicam. Os dados de saúde para investigação ou inovação exigem um pedido próprio de acesso a dados de saúde.",
                      "Velg alt som passer. Helseopplysninger til forskning eller innovasjon krever en egen søknad om tilgang til helseopplysninger."),
                    required: true),
                Long("requestDetails", T("Details of what you ask", "Pormenores do pedido", "Nærmere om hva du ber om"),
                    T("Who or what you need, how much, when and where; for test users, which groups and how many.",
                      "De quem ou do que precisa, quanto, quando e onde; para utilizadores de teste, que grupos e quantos.",
                      "Hvem eller hva du trenger, hvor mye, når og hvor; for testbrukere, hvilke grupper og hvor mange."),
                    required: true, max: 4000),
                Number("estimatedStaffHours", T("Estimated staff hours", "Estimativa de horas da equipa", "Anslått antall arbeidstimer"),
                    T("The hours of the hub's staff the project needs in total, if you ask for staff time.",
                      "O total de horas da equipa do hub de que o projeto precisa, se pedir tempo da equipa.",
                      "Det samlede antallet timer fra hubens ansatte prosjektet trenger, hvis du ber om arbeidstid."))),
            Section("timeline", T("Timeline", "Calendário", "Tidsplan"),
                Date("projectStart", T("Start date", "Data de início", "Startdato"), required: true),
                Date("projectEnd", T("End date", "Data de fim", "Sluttdato"), required: true)),
            Section("funding", T("Funding", "Financiamento", "Finansiering"),
                Choice("fundingStatus", T("Funding status", "Situação do financiamento", "Status for finansiering"),
                    [
                        O("funded", "Funded", "Financiado", "Finansiert"),
                        O("appliedFor", "Applied for", "Candidatura apresentada", "Søkt"),
                        O("notFunded", "Not funded", "Sem financiamento", "Ikke finansiert"),
                    ],
                    required: true),
                Text("funder", T("Funder", "Entidade financiadora", "Finansieringskilde"),
                    W(T("For example the Research Council of Norway, the Foundation for Science and Technology (FCT) or Horizon Europe.",
                        "Por exemplo, a Fundação para a Ciência e a Tecnologia (FCT), o Conselho de Investigação da Noruega ou o Horizonte Europa.",
                        "For eksempel Norges forskningsråd, Fundação para a Ciência e a Tecnologia (FCT) eller Horisont Europa."),
                      T("For example Innovation Norway, Portugal 2030 or the EU4Health programme.",
                        "Por exemplo, o Portugal 2030, a Innovation Norway ou o programa UE pela Saúde (EU4Health).",
                        "For eksempel Innovasjon Norge, Portugal 2030 eller EU4Health-programmet.")),
                    max: 200, requiredIf: When("fundingStatus", "funded", "appliedFor")),
                Number("fundingAmount", T("Amount", "Montante", "Beløp"),
                    T("Total funding of the project, in the hub's currency.", "Financiamento total do projeto, na moeda do hub.", "Samlet finansiering av prosjektet, i hubens valuta."))),
            Section("attachments", T("Attachments", "Anexos", "Vedlegg"),
                Upload("projectDescription", T("Project description", "Descrição do projeto", "Prosjektbeskrivelse"),
                    W(T("The research protocol or project description, if you have one.",
                        "O protocolo de investigação ou a descrição do projeto, se os tiver.",
                        "Forskningsprotokollen eller prosjektbeskrivelsen, hvis du har en."),
                      T("The project plan or description, if you have one.",
                        "O plano ou a descrição do projeto, se os tiver.",
                        "Prosjektplanen eller prosjektbeskrivelsen, hvis du har en.")))));
    }

    // ---------------------------------------------------------------- health data access (EHDS Art. 67–68)

    private static RequestForm HealthDataAccess() => Form(
        Section("applicant", T("Applicant and organisation", "Requerente e organização", "Søker og organisasjon"),
            Text("applicantName", T("Your name", "O seu nome", "Navnet ditt"), required: true, max: 200),
            Text("organisation", T("Organisation", "Organização", "Organisasjon"),
                T("The organisation that will be the health data user and answer for the processing.",
                  "A organização que será a utilizadora dos dados de saúde e responde pelo tratamento.",
                  "Organisasjonen som blir helsedatabruker og står ansvarlig for behandlingen."),
                required: true, max: 200),
            Text("organisationNumber", T("Organisation number", "Número de identificação de pessoa coletiva (NIPC)", "Organisasjonsnummer"), max: 40),
            Text("applicantRole", T("Your role in the organisation", "A sua função na organização", "Rollen din i organisasjonen"), required: true, max: 200),
            Email("applicantEmail", T("Email", "Email", "E-postadresse"), required: true),
            Text("applicantPhone", T("Phone", "Telefone", "Telefon"), max: 40)),
        Section("project", T("Project", "Projeto", "Prosjekt"),
            Text("projectTitle", T("Project title", "Título do projeto", "Prosjekttittel"), required: true, max: 200),
            Long("publicSummary", T("Public summary", "Resumo público", "Offentlig sammendrag"),
                T("Published in the public register of data permits (EHDS Art. 58). Write it for anyone to read and include no personal data.",
                  "É publicado no registo público de autorizações de dados (artigo 58.º do EEDS). Escreva-o para qualquer pessoa ler e não inclua dados pessoais.",
                  "Publiseres i det offentlige registeret over datatillatelser (EHDS art. 58). Skriv det slik at alle kan lese det, og ta ikke med personopplysninger."),
                required: true, max: 2000),
            Date("projectStart", T("Project start", "Início do projeto", "Prosjektstart"), required: true),
            Date("projectEnd", T("Project end", "Fim do projeto", "Prosjektslutt"),
                T("Access ends with the project: a data permit lasts only as long as the purpose needs (EHDS Art. 68).",
                  "O acesso termina com o projeto: a autorização de dados dura apenas o tempo de que a finalidade precisa (artigo 68.º do EEDS).",
                  "Tilgangen opphører når prosjektet slutter: en datatillatelse gjelder bare så lenge formålet krever (EHDS art. 68)."),
                required: true)),
        Section("purpose", T("Purpose", "Finalidade", "Formål"),
            Multi("purposes", T("Purposes of the processing", "Finalidades do tratamento", "Formål med behandlingen"),
                [
                    O("publicHealth",
                        "(a) The public interest in the areas of public or occupational health",
                        "a) Interesse público nos domínios da saúde pública ou da saúde no trabalho",
                        "a) Allmenn interesse innen folkehelse eller arbeidshelse"),
                    O("policyMaking",
                        "(b) Policymaking and regulatory activities in the health or care sector",
                        "b) Atividades de elaboração de políticas e de regulamentação no setor da saúde ou da prestação de cuidados",
                        "b) Politikkutforming og regulatorisk virksomhet i helse- og omsorgssektoren"),
                    O("statistics",
                        "(c) Statistics, such as official statistics, related to health or care sectors",
                        "c) Estatísticas, como as estatísticas oficiais, relacionadas com os setores da saúde ou da prestação de cuidados",
                        "c) Statistikk, for eksempel offisiell statistikk, om helse- og omsorgssektoren"),
                    O("education",
                        "(d) Education or teaching activities in health or care sectors at vocational or higher education level",
                        "d) Atividades de educação ou de ensino nos setores da saúde ou da prestação de cuidados, ao nível do ensino profissional ou superior",
                        "d) Utdanning eller undervisning innen helse og omsorg på fagskole- eller høyskole- og universitetsnivå"),
                    O("scientificResearch",
                        "(e) Scientific research related to health or care sectors, including development and innovation activities for products or services, and training, testing and evaluating of algorithms, including in medical devices and AI systems",
                        "e) Investigação científica relacionada com os setores da saúde ou da prestação de cuidados, incluindo atividades de desenvolvimento e inovação de produtos ou serviços, e treino, teste e avaliação de algoritmos, incluindo em dispositivos médicos e sistemas de IA",
                        "e) Vitenskapelig forskning knyttet til helse- og omsorgssektoren, herunder utvikling og innovasjon av produkter eller tjenester, og trening, testing og evaluering av algoritmer, også i medisinsk utstyr og KI-systemer"),
                    O("improvingCare",
                        "(f) Improving the delivery of care, the optimisation of treatment and the provision of healthcare, based on the electronic health data of other natural persons",
                        "f) Melhoria da prestação de cuidados, otimização de tratamentos e prestação de cuidados de saúde, com base nos dados de saúde eletrónicos de outras pessoas singulares",
                        "f) Bedre helsehjelp, optimalisering av behandling og yting av helsetjenester, basert på elektroniske helseopplysninger om andre fysiske personer"),
                ],
                T("The purposes for which health data may be made available for secondary use (EHDS Art. 53(1)). Choose all that apply.",
                  "As finalidades para as quais os dados de saúde podem ser disponibilizados para utilização secundária (artigo 53.º, n.º 1, do EEDS). Escolha todas as que se aplicam.",
                  "Formålene helseopplysninger kan gjøres tilgjengelige for ved sekundærbruk (EHDS art. 53 nr. 1). Velg alle som passer."),
                required: true),
            Long("purposeExplanation", T("How the project serves these purposes", "Como o projeto serve estas finalidades", "Hvordan prosjektet tjener disse formålene"),
                T("Explain why the data is needed for the purposes. Access is never granted for the prohibited uses of EHDS Art. 54, such as decisions to someone's detriment, insurance, marketing or harmful products.",
                  "Explique por que razão os dados são necessários para as finalidades. O acesso nunca é concedido para as utilizações proibidas do artigo 54.º do EEDS, como decisões em prejuízo de alguém, seguros, publicidade ou produtos nocivos.",
                  "Forklar hvorfor dataene trengs for formålene. Tilgang gis aldri til de forbudte formålene i EHDS art. 54, som beslutninger til skade for noen, forsikring, markedsføring eller skadelige produkter."),
                required: true, max: 4000)),
        Section("data", T("Requested data", "Dados pedidos", "Opplysninger det søkes om"),
            Long("variables", T("Variables", "Variáveis", "Variabler"),
                T("List each variable you need, with the source it comes from.",
                  "Indique cada variável de que precisa e a fonte de onde provém.",
                  "List opp hver variabel du trenger, med kilden den kommer fra."),
                required: true),
            Long("population", T("Population", "População", "Populasjon"),
                T("Whose data: for example all residents of a region, or the patients of a hospital with a given diagnosis.",
                  "De quem são os dados: por exemplo, todos os residentes de uma região, ou os utentes de um hospital com um dado diagnóstico.",
                  "Hvem opplysningene gjelder: for eksempel alle innbyggere i en region, eller pasientene ved et sykehus med en bestemt diagnose."),
                required: true, max: 4000),
            Long("inclusionCriteria", T("Inclusion criteria", "Critérios de inclusão", "Inklusjonskriterier"), required: true, max: 4000),
            Long("exclusionCriteria", T("Exclusion criteria", "Critérios de exclusão", "Eksklusjonskriterier"), max: 4000),
            Date("dataPeriodFrom", T("Data from", "Dados desde", "Data fra og med"),
                T("The first date of the period the data covers.", "A primeira data do período a que os dados se referem.", "Første dato i perioden opplysningene gjelder."),
                required: true),
            Date("dataPeriodTo", T("Data to", "Dados até", "Data til og med"),
                T("The last date of the period the data covers.", "A última data do período a que os dados se referem.", "Siste dato i perioden opplysningene gjelder."),
                required: true),
            Long("dataSources", T("Data sources and registries", "Fontes de dados e registos", "Datakilder og registre"),
                T("The registries, health records or other sources, and their data holders.",
                  "Os registos, processos clínicos ou outras fontes, e os respetivos detentores dos dados.",
                  "Registrene, journalene eller andre kilder, og hvem som er dataholder for dem."),
                required: true, max: 4000),
            Choice("linkage", T("Linkage with other sources", "Ligação a outras fontes", "Kobling med andre kilder"), YesNo(),
                T("Will the data be linked with other data sources, including data you already hold?",
                  "Os dados serão ligados a outras fontes de dados, incluindo dados que já detém?",
                  "Skal opplysningene kobles med andre datakilder, også data dere allerede har?"),
                required: true),
            Long("linkageDetails", T("Linkage details", "Pormenores da ligação", "Nærmere om koblingen"),
                T("Which sources, with which keys, and who performs the linkage.",
                  "Que fontes, com que chaves e quem faz a ligação.",
                  "Hvilke kilder, med hvilke koblingsnøkler, og hvem som utfører koblingen."),
                max: 4000, requiredIf: When("linkage", "yes")),
            Long("dataMinimisation", T("Data minimisation", "Minimização dos dados", "Dataminimering"),
                T("Why each variable, the population and the period are needed, and why less would not do.",
                  "Porque é necessária cada variável, a população e o período, e porque menos não bastaria.",
                  "Hvorfor hver variabel, populasjonen og perioden trengs, og hvorfor mindre ikke ville holde."),
                required: true)),
        Section("legalBasis", T("Legal basis", "Fundamento jurídico", "Behandlingsgrunnlag"),
            Choice("gdprArticle6", T("Legal basis under GDPR Art. 6", "Fundamento de licitude (RGPD, artigo 6.º)", "Behandlingsgrunnlag etter personvernforordningen art. 6"),
                [
                    O("consent", "Art. 6(1)(a): consent", "Artigo 6.º, n.º 1, alínea a): consentimento", "Art. 6 nr. 1 bokstav a: samtykke"),
                    O("legalObligation", "Art. 6(1)(c): legal obligation", "Artigo 6.º, n.º 1, alínea c): obrigação jurídica", "Art. 6 nr. 1 bokstav c: rettslig forpliktelse"),
                    O("publicTask", "Art. 6(1)(e): task in the public interest or exercise of official authority",
                        "Artigo 6.º, n.º 1, alínea e): funções de interesse público ou exercício da autoridade pública",
                        "Art. 6 nr. 1 bokstav e: oppgave i allmennhetens interesse eller utøvelse av offentlig myndighet"),
                    O("legitimateInterests", "Art. 6(1)(f): legitimate interests", "Artigo 6.º, n.º 1, alínea f): interesses legítimos", "Art. 6 nr. 1 bokstav f: berettigede interesser"),
                ],
                required: true),
            Choice("gdprArticle9", T("Condition for health data under GDPR Art. 9", "Condição para o tratamento de dados de saúde (RGPD, artigo 9.º)", "Unntak for helseopplysninger etter personvernforordningen art. 9"),
                [
                    O("explicitConsent", "Art. 9(2)(a): explicit consent", "Artigo 9.º, n.º 2, alínea a): consentimento explícito", "Art. 9 nr. 2 bokstav a: uttrykkelig samtykke"),
                    O("substantialPublicInterest", "Art. 9(2)(g): reasons of substantial public interest",
                        "Artigo 9.º, n.º 2, alínea g): motivos de interesse público importante",
                        "Art. 9 nr. 2 bokstav g: hensyn til viktige allmenne interesser"),
                    O("healthOrSocialCare", "Art. 9(2)(h): preventive or occupational medicine, diagnosis, health or social care",
                        "Artigo 9.º, n.º 2, alínea h): medicina preventiva ou do trabalho, diagnóstico, cuidados de saúde ou de ação social",
                        "Art. 9 nr. 2 bokstav h: forebyggende medisin eller arbeidsmedisin, diagnose, helse- eller sosialtjenester"),
                    O("publicHealth", "Art. 9(2)(i): reasons of public interest in the area of public health",
                        "Artigo 9.º, n.º 2, alínea i): motivos de interesse público no domínio da saúde pública",
                        "Art. 9 nr. 2 bokstav i: allmenne interesser på folkehelseområdet"),
                    O("researchOrStatistics", "Art. 9(2)(j): scientific research or statistical purposes",
                        "Artigo 9.º, n.º 2, alínea j): fins de investigação científica ou fins estatísticos",
                        "Art. 9 nr. 2 bokstav j: vitenskapelig forskning eller statistiske formål"),
                ],
                required: true),
            Long("legalBasisExplanation", T("Explanation of the legal basis", "Explicação do fundamento jurídico", "Begrunnelse for behandlingsgrunnlaget"),
                T("Explain how the basis applies, and name the national law that supplements it where one is needed (for example the Health Research Act in Norway, or Law 58/2019 in Portugal).",
                  "Explique como o fundamento se aplica e indique a lei nacional que o complementa, quando necessária (por exemplo, a Lei n.º 58/2019 em Portugal, ou a lei da investigação em saúde na Noruega).",
                  "Forklar hvordan grunnlaget gjelder, og oppgi det supplerende rettsgrunnlaget i nasjonal lov der det trengs (for eksempel helseforskningsloven i Norge eller lov 58/2019 i Portugal)."),
                required: true, max: 4000)),
        Section("dataProtection", T("Data protection", "Proteção de dados", "Personvern"),
            Choice("dataForm", T("Form of the data", "Forma dos dados", "Form på opplysningene"),
                [
                    O("anonymised", "Anonymised", "Anonimizados", "Anonymiserte"),
                    O("pseudonymised", "Pseudonymised", "Pseudonimizados", "Pseudonymiserte"),
                ],
                T("Data is made available anonymised unless the purpose cannot be reached with anonymised data (EHDS Art. 66).",
                  "Os dados são disponibilizados anonimizados, salvo se a finalidade não puder ser alcançada com dados anonimizados (artigo 66.º do EEDS).",
                  "Opplysningene gjøres tilgjengelige i anonymisert form, med mindre formålet ikke kan nås med anonymiserte data (EHDS art. 66)."),
                required: true, @default: "anonymised"),
            Long("pseudonymisationJustification", T("Why pseudonymised data is needed", "Porque são necessários dados pseudonimizados", "Hvorfor pseudonymiserte opplysninger trengs"),
                T("Explain why the purpose cannot be reached with anonymised data.",
                  "Explique porque a finalidade não pode ser alcançada com dados anonimizados.",
                  "Forklar hvorfor formålet ikke kan nås med anonymiserte opplysninger."),
                max: 4000, requiredIf: When("dataForm", "pseudonymised")),
            Choice("dpia", T("Data protection impact assessment (DPIA)", "Avaliação de impacto sobre a proteção de dados (AIPD)", "Personvernkonsekvensvurdering (DPIA)"),
                [
                    O("done", "Done", "Realizada", "Gjennomført"),
                    O("notNeeded", "Not needed", "Não necessária", "Ikke nødvendig"),
                ],
                T("Processing health data on a large scale normally requires a DPIA (GDPR Art. 35).",
                  "O tratamento de dados de saúde em grande escala exige normalmente uma AIPD (artigo 35.º do RGPD).",
                  "Behandling av helseopplysninger i stor skala krever normalt en DPIA (personvernforordningen art. 35)."),
                required: true),
            Upload("dpiaDocument", T("DPIA document", "Documento da AIPD", "DPIA-dokument"), requiredIf: When("dpia", "done")),
            Long("dpiaNotNeededReason", T("Why no DPIA is needed", "Porque não é necessária uma AIPD", "Hvorfor det ikke trengs en DPIA"),
                max: 2000, requiredIf: When("dpia", "notNeeded")),
            Long("dpoAssessment", T("Data protection officer's assessment", "Parecer do encarregado da proteção de dados", "Personvernombudets vurdering"),
                T("Write the assessment here or upload it below.",
                  "Escreva o parecer aqui ou carregue-o abaixo.",
                  "Skriv vurderingen her eller last den opp nedenfor."),
                max: 4000),
            Upload("dpoAssessmentDocument", T("Data protection officer's assessment (document)", "Parecer do encarregado da proteção de dados (documento)", "Personvernombudets vurdering (dokument)"))),
        Section("ethics", T("Research ethics", "Ética da investigação", "Forskningsetikk"),
            Choice("ethicsApproval", T("Ethics approval", "Parecer da comissão de ética", "Forskningsetisk godkjenning"),
                [
                    O("approved", "Approved", "Aprovado", "Godkjent"),
                    O("appliedFor", "Applied for", "Pedido apresentado", "Søkt"),
                    O("notNeeded", "Not needed", "Não necessário", "Ikke nødvendig"),
                ],
                required: true),
            Text("ethicsCommittee", T("Ethics committee", "Comissão de ética", "Etikkomité"),
                T("In Norway, the regional committee for medical and health research ethics (REK); in Portugal, the health ethics committee (CES) of the institution.",
                  "Em Portugal, a comissão de ética para a saúde (CES) da instituição; na Noruega, a comissão regional de ética em investigação médica e da saúde (REK).",
                  "I Norge den regionale komiteen for medisinsk og helsefaglig forskningsetikk (REK); i Portugal institusjonens etikkomité for helse (CES)."),
                max: 200, requiredIf: When("ethicsApproval", "approved", "appliedFor")),
            Text("ethicsReference", T("Reference number", "Número de referência", "Referansenummer"),
                T("The committee's case or reference number.", "O número de processo ou de referência da comissão.", "Komiteens saksnummer eller referansenummer."),
                max: 100, requiredIf: When("ethicsApproval", "approved")),
            Upload("ethicsApprovalDocument", T("Approval letter", "Documento de aprovação", "Godkjenningsbrev"), requiredIf: When("ethicsApproval", "approved"))),
        Section("access", T("Processing and access", "Tratamento e acesso", "Behandling og tilgang"),
            Choice("processingEnvironment", T("Secure processing environment", "Ambiente de tratamento seguro", "Sikkert behandlingsmiljø"),
                [
                    O("hdabEnvironment", "The health data access body's secure processing environment",
                        "O ambiente de tratamento seguro do organismo de acesso a dados de saúde",
                        "Det sikre behandlingsmiljøet til tilgangsorganet for helsedata"),
                    O("hubEnvironment", "The hub's secure processing environment", "O ambiente de tratamento seguro do hub", "Hubens sikre behandlingsmiljø"),
                    O("other", "Other", "Outro", "Annet"),
                ],
                T("Under the EHDS, data is accessed and processed only in a secure processing environment (Art. 73).",
                  "No EEDS, os dados só são acedidos e tratados num ambiente de tratamento seguro (artigo 73.º).",
                  "Etter EHDS får man bare tilgang til og behandler opplysningene i et sikkert behandlingsmiljø (art. 73)."),
                required: true),
            Long("processingEnvironmentDetails", T("About the processing environment", "Sobre o ambiente de tratamento", "Nærmere om behandlingsmiljøet"),
                T("Who runs it, where it is hosted, and how access and outputs are controlled.",
                  "Quem o gere, onde está alojado e como são controlados o acesso e os resultados.",
                  "Hvem som drifter det, hvor det driftes, og hvordan tilgang og uttak av resultater kontrolleres."),
                max: 4000, requiredIf: When("processingEnvironment", "other")),
            Group("dataUsers", T("People who will access the data", "Pessoas que vão aceder aos dados", "Personer som får tilgang til opplysningene"),
                [
                    Text("userName", T("Name", "Nome", "Navn"), required: true, max: 200),
                    Text("userOrganisation", T("Organisation", "Organização", "Organisasjon"), required: true, max: 200),
                    Text("userRole", T("Role in the project", "Função no projeto", "Rolle i prosjektet"), required: true, max: 200),
                    Email("userEmail", T("Email", "Email", "E-postadresse"), required: true),
                ],
                T("Everyone who will see the data, one row each. Only the people named here get access.",
                  "Todas as pessoas que vão ver os dados, uma linha por pessoa. Só as pessoas aqui indicadas terão acesso.",
                  "Alle som skal se opplysningene, én rad per person. Bare personene som er oppført her, får tilgang."),
                required: true),
            Choice("transferOutsideEea", T("Transfer outside the EU/EEA", "Transferência para fora da UE/EEE", "Overføring ut av EU/EØS"), YesNo(),
                T("Will any of the data, or access to it, leave the EU/EEA?",
                  "Algum dos dados, ou o acesso a eles, sairá da UE/EEE?",
                  "Vil noen av opplysningene, eller tilgang til dem, gå ut av EU/EØS?"),
                required: true),
            Long("transferDetails", T("Transfer details and safeguards", "Pormenores da transferência e garantias", "Nærmere om overføringen og garantier"),
                T("To which country and recipient, and under which safeguard of GDPR Chapter V (for example an adequacy decision or standard contractual clauses).",
                  "Para que país e destinatário, e com que garantia do capítulo V do RGPD (por exemplo, uma decisão de adequação ou cláusulas contratuais-tipo).",
                  "Til hvilket land og hvilken mottaker, og med hvilket grunnlag etter kapittel V i personvernforordningen (for eksempel en beslutning om tilstrekkelig beskyttelsesnivå eller standard personvernbestemmelser)."),
                max: 4000, requiredIf: When("transferOutsideEea", "yes"))),
        Section("benefits", T("Expected benefits", "Benefícios esperados", "Forventet nytte"),
            Long("expectedBenefits", T("Expected benefits", "Benefícios esperados", "Forventet nytte"),
                T("Who will benefit (patients, health professionals, the public) and how the results will be shared.",
                  "Quem beneficia (utentes, profissionais de saúde, o público) e como os resultados serão partilhados.",
                  "Hvem som får nytte av prosjektet (pasienter, helsepersonell, allmennheten), og hvordan resultatene skal deles."),
                required: true, max: 4000)));

    // ---------------------------------------------------------------- sandbox test

    private static RequestForm SandboxTest() => Form(
        Section("company", T("Company", "Empresa", "Bedrift"),
            Text("companyName", T("Company name", "Nome da empresa", "Bedriftens navn"), required: true, max: 200),
            Text("companyNumber", T("Organisation number", "Número de identificação de pessoa coletiva (NIPC)", "Organisasjonsnummer"), required: true, max: 40),
            Text("contactName", T("Contact person", "Pessoa de contacto", "Kontaktperson"), required: true, max: 200),
            Email("contactEmail", T("Contact email", "Email de contacto", "Kontaktpersonens e-postadresse"), required: true)),
        Section("product", T("Product or service", "Produto ou serviço", "Produkt eller tjeneste"),
            Text("productName", T("Name", "Nome", "Navn"), required: true, max: 200),
            Text("productVersion", T("Version", "Versão", "Versjon"), required: true, max: 100),
            Long("productDescription", T("Description", "Descrição", "Beskrivelse"),
                T("What the product does and for whom.", "O que faz o produto e para quem.", "Hva produktet gjør, og for hvem."),
                required: true, max: 4000)),
        Section("test", T("The test", "O teste", "Testen"),
            Long("intendedUse", T("Intended use", "Utilização prevista", "Tiltenkt bruk"),
                T("How the product would be used in health or care services, by whom and for which patients or users.",
                  "Como o produto seria utilizado nos serviços de saúde ou de cuidados, por quem e para que utentes ou utilizadores.",
                  "Hvordan produktet skal brukes i helse- og omsorgstjenesten, av hvem og for hvilke pasienter eller brukere."),
                required: true, max: 4000),
            Long("integrationPoints", T("Integration points", "Pontos de integração", "Integrasjonspunkter"),
                T("Which of the hub's systems and APIs the product connects to. All of them are sandbox copies: nothing connects to production systems.",
                  "A que sistemas e APIs do hub o produto se liga. Todos são cópias da sandbox: nada se liga a sistemas de produção.",
                  "Hvilke av hubens systemer og API-er produktet kobles til. Alle er kopier i sandkassen: ingenting kobles til produksjonssystemer."),
                required: true, max: 4000),
            Long("testPlan", T("Test plan", "Plano de testes", "Testplan"),
                T("What you will test, how, with whom, and how you will know the test succeeded.",
                  "O que vai testar, como, com quem e como saberá que o teste teve êxito.",
                  "Hva dere skal teste, hvordan, med hvem, og hvordan dere vet at testen lyktes."),
                required: true),
            Date("testStart", T("Test start", "Início do teste", "Teststart"), required: true),
            Date("testEnd", T("Test end", "Fim do teste", "Testslutt"), required: true)),
        Section("data", T("Test data", "Dados de teste", "Testdata"),
            Choice("dataNeeded", T("Data needed", "Dados necessários", "Data som trengs"),
                [O("syntheticOnly", "Synthetic data only", "Apenas dados sintéticos", "Bare syntetiske data")],
                T("The sandbox holds synthetic data only.", "A sandbox contém apenas dados sintéticos.", "Sandkassen inneholder bare syntetiske data."),
                required: true, @default: "syntheticOnly"),
            Long("dataDescription", T("Description of the data", "Descrição dos dados", "Beskrivelse av dataene"),
                T("Which kinds of synthetic records, and how many, the test needs.",
                  "Que tipos de registos sintéticos, e quantos, o teste exige.",
                  "Hvilke typer syntetiske data, og hvor mye, testen trenger."),
                required: true, max: 4000)),
        Section("documentation", T("Documentation", "Documentação", "Dokumentasjon"),
            Upload("securityDocumentation", T("Security documentation", "Documentação de segurança", "Sikkerhetsdokumentasjon"),
                T("For example an architecture overview, a penetration test report or an ISO/IEC 27001 certificate.",
                  "Por exemplo, uma descrição da arquitetura, um relatório de testes de intrusão ou um certificado ISO/IEC 27001.",
                  "For eksempel en arkitekturbeskrivelse, en rapport fra penetrasjonstest eller et ISO/IEC 27001-sertifikat."),
                required: true),
            Upload("privacyDocumentation", T("Privacy documentation", "Documentação de proteção de dados", "Personverndokumentasjon"),
                T("How the product processes personal data in real use, with a DPIA if one is needed.",
                  "Como o produto trata dados pessoais em utilização real, com uma AIPD se for necessária.",
                  "Hvordan produktet behandler personopplysninger ved reell bruk, med en DPIA hvis det trengs.")),
            Choice("medicalDeviceClass", T("Medical-device classification", "Classificação como dispositivo médico", "Klassifisering som medisinsk utstyr"),
                [
                    O("notMedicalDevice", "Not a medical device", "Não é um dispositivo médico", "Ikke medisinsk utstyr"),
                    O("classI", "Class I", "Classe I", "Klasse I"),
                    O("classIIa", "Class IIa", "Classe IIa", "Klasse IIa"),
                    O("classIIb", "Class IIb", "Classe IIb", "Klasse IIb"),
                    O("classIII", "Class III", "Classe III", "Klasse III"),
                    O("underAssessment", "Under assessment", "Em avaliação", "Under vurdering"),
                ],
                T("Under the Medical Device Regulation (EU) 2017/745; software that supports diagnosis or treatment is often class IIa or higher.",
                  "Segundo o Regulamento Dispositivos Médicos (UE) 2017/745; o software que apoia o diagnóstico ou o tratamento é muitas vezes de classe IIa ou superior.",
                  "Etter forordningen om medisinsk utstyr (EU) 2017/745; programvare som støtter diagnostikk eller behandling, er ofte klasse IIa eller høyere."),
                required: true),
            Text("notifiedBodyCertificate", T("Notified body and certificate", "Organismo notificado e certificado", "Teknisk kontrollorgan og sertifikat"),
                T("For class IIa and higher: the notified body and the certificate number.",
                  "Para a classe IIa e superiores: o organismo notificado e o número do certificado.",
                  "For klasse IIa og høyere: det tekniske kontrollorganet (notified body) og sertifikatnummeret."),
                max: 300)));

    // ---------------------------------------------------------------- checklists

    private static IReadOnlyList<ChecklistItem> DataAccessChecklist(ReviewRole role)
    {
        var safeProject = I("safeProject",
            "Safe project: the purpose is one of those allowed by EHDS Art. 53 and none of those forbidden by Art. 54",
            "Projeto seguro: a finalidade é uma das permitidas pelo artigo 53.º do EEDS e nenhuma das proibidas pelo artigo 54.º",
            "Trygt prosjekt: formålet er blant dem EHDS art. 53 tillater, og ingen av dem art. 54 forbyr");
        var safePeople = I("safePeople",
            "Safe people: everyone who will access the data is named, qualified and bound by confidentiality",
            "Pessoas seguras: todos os que vão aceder aos dados estão identificados, são qualificados e estão sujeitos a sigilo",
            "Trygge personer: alle som får tilgang, er navngitt, kvalifisert og underlagt taushetsplikt");
        var safeSetting = I("safeSetting",
            "Safe setting: the data is processed only in a secure processing environment",
            "Ambiente seguro: os dados são tratados apenas num ambiente de tratamento seguro",
            "Trygge omgivelser: opplysningene behandles bare i et sikkert behandlingsmiljø");
        var safeData = I("safeData",
            "Safe data: the data is anonymised, or pseudonymised with a sound justification",
            "Dados seguros: os dados são anonimizados, ou pseudonimizados com uma justificação sólida",
            "Trygge data: opplysningene er anonymiserte, eller pseudonymiserte med en holdbar begrunnelse");
        var safeOutputs = I("safeOutputs",
            "Safe outputs: only anonymous results leave the secure processing environment",
            "Resultados seguros: só saem do ambiente de tratamento seguro resultados anónimos",
            "Trygge resultater: bare anonyme resultater tas ut av det sikre behandlingsmiljøet");
        var legalBasis = I("legalBasis",
            "The legal basis under GDPR Art. 6 and Art. 9 is valid",
            "O fundamento jurídico ao abrigo dos artigos 6.º e 9.º do RGPD é válido",
            "Behandlingsgrunnlaget etter personvernforordningen art. 6 og art. 9 er gyldig");
        var minimisation = I("dataMinimisation",
            "Data minimisation: only the variables and period needed",
            "Minimização dos dados: apenas as variáveis e o período necessários",
            "Dataminimering: bare de variablene og den perioden som trengs");
        var secureEnvironment = I("secureEnvironment",
            "The secure processing environment meets the EHDS requirements (Art. 73) and is approved by the hub",
            "O ambiente de tratamento seguro cumpre os requisitos do EEDS (artigo 73.º) e está aprovado pelo hub",
            "Det sikre behandlingsmiljøet oppfyller kravene i EHDS (art. 73) og er godkjent av huben");
        var accessControl = I("accessControl",
            "Access control: personal accounts for the named people only, with strong authentication and logging",
            "Controlo de acesso: contas pessoais só para as pessoas indicadas, com autenticação forte e registo de acessos",
            "Tilgangsstyring: personlige kontoer bare for de navngitte personene, med sterk autentisering og logging");
        var noTransfer = I("noTransfer",
            "No transfer outside the EU/EEA unless lawful under GDPR Chapter V",
            "Nenhuma transferência para fora da UE/EEE, salvo se lícita nos termos do capítulo V do RGPD",
            "Ingen overføring ut av EU/EØS med mindre den er lovlig etter kapittel V i personvernforordningen");

        return role switch
        {
            ReviewRole.Legal or ReviewRole.Privacy => [safeProject, safePeople, safeSetting, safeData, safeOutputs, legalBasis, minimisation],
            ReviewRole.Ethics =>
            [
                I("ethicsApproval",
                    "Ethics approval (REK in Norway) is present and valid for this project and period",
                    "O parecer da comissão de ética (REK na Noruega) existe e é válido para este projeto e período",
                    "Forskningsetisk godkjenning (REK) foreligger og gjelder dette prosjektet og denne perioden"),
                safeProject,
                I("benefitsOutweighRisks",
                    "The expected benefits outweigh the risks to the people in the data",
                    "Os benefícios esperados superam os riscos para as pessoas a quem os dados dizem respeito",
                    "Den forventede nytten veier tyngre enn risikoen for personene opplysningene gjelder"),
            ],
            ReviewRole.Technical =>
            [
                secureEnvironment, accessControl, noTransfer,
                I("sourcesAvailable",
                    "The requested sources and variables exist and can be extracted and linked as described",
                    "As fontes e variáveis pedidas existem e podem ser extraídas e ligadas como descrito",
                    "Kildene og variablene det søkes om, finnes og kan hentes ut og kobles som beskrevet"),
            ],
            ReviewRole.Security => [secureEnvironment, accessControl, noTransfer, safeOutputs],
            ReviewRole.Clinical =>
            [
                I("clinicalRelevance",
                    "The variables and population fit the clinical question",
                    "As variáveis e a população são adequadas à questão clínica",
                    "Variablene og populasjonen passer til det kliniske spørsmålet"),
                I("criteriaSound",
                    "The inclusion and exclusion criteria are clinically sound",
                    "Os critérios de inclusão e de exclusão são clinicamente corretos",
                    "Inklusjons- og eksklusjonskriteriene er klinisk holdbare"),
                I("benefitsPlausible",
                    "The expected benefits for patients or care are plausible",
                    "Os benefícios esperados para os utentes ou para os cuidados são plausíveis",
                    "Den forventede nytten for pasienter eller helsehjelpen er sannsynlig"),
            ],
            ReviewRole.Business =>
            [
                I("applicantIdentified",
                    "The applicant organisation is identified and can accept the terms of a data permit",
                    "A organização requerente está identificada e pode aceitar os termos de uma autorização de dados",
                    "Søkerorganisasjonen er identifisert og kan godta vilkårene i en datatillatelse"),
                I("capacity",
                    "The hub can prepare the data within the decision period",
                    "O hub consegue preparar os dados dentro do prazo de decisão",
                    "Huben kan klargjøre dataene innen fristen for vedtak"),
                I("fees",
                    "The fees for making the data available are set and accepted",
                    "As taxas pela disponibilização dos dados estão fixadas e aceites",
                    "Gebyrene for å gjøre dataene tilgjengelige er fastsatt og akseptert"),
            ],
            _ => [],
        };
    }

    private static IReadOnlyList<ChecklistItem> SandboxChecklist(ReviewRole role)
    {
        var securityDocs = I("securityDocumentation",
            "The security documentation is reviewed and adequate",
            "A documentação de segurança foi revista e é adequada",
            "Sikkerhetsdokumentasjonen er gjennomgått og tilstrekkelig");
        var syntheticOnly = I("syntheticOnly",
            "Synthetic data only: no real personal or health data enters the sandbox",
            "Apenas dados sintéticos: nenhum dado pessoal ou de saúde real entra na sandbox",
            "Bare syntetiske data: ingen reelle personopplysninger eller helseopplysninger kommer inn i sandkassen");
        var isolated = I("integrationIsolated",
            "The integration points are isolated in the sandbox, with no connection to production systems",
            "Os pontos de integração estão isolados na sandbox, sem ligação a sistemas de produção",
            "Integrasjonspunktene er isolert i sandkassen, uten forbindelse til produksjonssystemer");
        var medicalDevice = I("medicalDeviceClass",
            "The medical-device classification is checked, with CE marking or a certificate where required",
            "A classificação como dispositivo médico foi verificada, com marcação CE ou certificado quando exigido",
            "Klassifiseringen som medisinsk utstyr er kontrollert, med CE-merking eller sertifikat der det kreves");
        var privacyDocs = I("privacyDocumentation",
            "The privacy documentation is reviewed, with a DPIA where one is needed",
            "A documentação de proteção de dados foi revista, com uma AIPD quando necessária",
            "Personverndokumentasjonen er gjennomgått, med en DPIA der det trengs");
        var agreement = I("testAgreement",
            "A test agreement covers confidentiality, liability and intellectual property",
            "Um acordo de teste cobre a confidencialidade, a responsabilidade e a propriedade intelectual",
            "En testavtale dekker konfidensialitet, ansvar og immaterielle rettigheter");
        var testUsers = I("testUsersInformed",
            "Test users take part voluntarily and are told what the test involves",
            "Os utilizadores de teste participam voluntariamente e são informados sobre o que o teste implica",
            "Testbrukerne deltar frivillig og får vite hva testen innebærer");
        var capacity = I("hubCapacity",
            "The hub's staff can support the test in the planned period",
            "A equipa do hub consegue apoiar o teste no período previsto",
            "Hubens ansatte kan følge opp testen i den planlagte perioden");

        return role switch
        {
            ReviewRole.Security =>
            [
                securityDocs, syntheticOnly, isolated,
                I("testAccounts",
                    "Test accounts are personal, limited to the test period and removed afterwards",
                    "As contas de teste são pessoais, limitadas ao período de teste e removidas no fim",
                    "Testkontoene er personlige, begrenset til testperioden og slettes etterpå"),
                I("cleanUp",
                    "The vendor's copies of sandbox data and logs are deleted after the test",
                    "As cópias de dados e registos da sandbox na posse do fornecedor são apagadas após o teste",
                    "Leverandørens kopier av data og logger fra sandkassen slettes etter testen"),
            ],
            ReviewRole.Privacy => [privacyDocs, syntheticOnly, testUsers],
            ReviewRole.Legal =>
            [
                agreement, medicalDevice, privacyDocs,
                I("procurementNeutral",
                    "The test gives the vendor no advantage in later procurement",
                    "O teste não dá ao fornecedor nenhuma vantagem em procedimentos de contratação futuros",
                    "Testen gir ikke leverandøren noen fordel i senere anskaffelser"),
            ],
            ReviewRole.Ethics =>
            [
                syntheticOnly, testUsers,
                I("noPatientsWithoutReview",
                    "No patients or vulnerable people take part without a separate ethics review",
                    "Nenhum utente ou pessoa vulnerável participa sem uma revisão ética própria",
                    "Ingen pasienter eller sårbare personer deltar uten en egen etisk vurdering"),
            ],
            ReviewRole.Technical =>
            [
                isolated, syntheticOnly, capacity,
                I("testPlanFeasible",
                    "The test plan fits the sandbox's systems and APIs",
                    "O plano de testes é compatível com os sistemas e as APIs da sandbox",
                    "Testplanen passer til sandkassens systemer og API-er"),
            ],
            ReviewRole.Clinical =>
            [
                I("intendedUseMeaningful",
                    "The intended use addresses a real clinical need",
                    "A utilização prevista responde a uma necessidade clínica real",
                    "Den tiltenkte bruken svarer på et reelt klinisk behov"),
                medicalDevice,
                I("patientSafety",
                    "The patient-safety risks of later real use are identified",
                    "Os riscos para a segurança dos utentes numa utilização real posterior estão identificados",
                    "Risikoene for pasientsikkerheten ved senere reell bruk er identifisert"),
            ],
            ReviewRole.Business =>
            [
                I("companyVerified",
                    "The company is registered and the contact person may act for it",
                    "A empresa está registada e a pessoa de contacto pode agir em seu nome",
                    "Bedriften er registrert, og kontaktpersonen kan opptre på dens vegne"),
                agreement, capacity,
                I("strategicFit",
                    "The product fits the hub's needs and focus areas",
                    "O produto corresponde às necessidades e às áreas de foco do hub",
                    "Produktet passer til hubens behov og satsingsområder"),
            ],
            _ => [],
        };
    }

    private static IReadOnlyList<ChecklistItem> ParticipationChecklist(ReviewRole role)
    {
        var resources = I("resourcesAvailable",
            "The resources asked of the hub are available in the period",
            "Os recursos pedidos ao hub estão disponíveis no período",
            "Ressursene huben blir bedt om, er tilgjengelige i perioden");
        var agreement = I("agreementNeeded",
            "It is clear whether an agreement or contract is needed, and who signs it",
            "Está claro se é necessário um acordo ou contrato, e quem o assina",
            "Det er klart om det trengs en avtale eller kontrakt, og hvem som signerer");
        var privacy = I("privacyReviewed",
            "Any data or premises involved are reviewed by privacy",
            "Quaisquer dados ou instalações envolvidos foram revistos do ponto de vista da proteção de dados",
            "Eventuelle data eller lokaler som inngår, er vurdert med tanke på personvern");
        var participants = I("participantsInformed",
            "Staff, patients or test users who take part are informed and take part voluntarily",
            "Os profissionais, utentes ou utilizadores de teste que participam são informados e participam voluntariamente",
            "Ansatte, pasienter eller testbrukere som deltar, er informert og deltar frivillig");
        var strategicFit = I("strategicFit",
            "The project fits the hub's strategy and focus areas",
            "O projeto enquadra-se na estratégia e nas áreas de foco do hub",
            "Prosjektet passer med hubens strategi og satsingsområder");

        return role switch
        {
            ReviewRole.Legal =>
            [
                agreement,
                I("ipAndPublication",
                    "Intellectual property and publication rights are settled",
                    "Os direitos de propriedade intelectual e de publicação estão definidos",
                    "Immaterielle rettigheter og publiseringsrett er avklart"),
                I("fundingTerms",
                    "The funder's terms are compatible with the hub's role",
                    "As condições do financiador são compatíveis com o papel do hub",
                    "Vilkårene fra finansieringskilden passer med hubens rolle"),
                privacy,
            ],
            ReviewRole.Privacy =>
            [
                privacy,
                I("separateDataAccess",
                    "Health data, if needed, is asked for in a separate application for access to health data",
                    "Os dados de saúde, se necessários, são pedidos num pedido próprio de acesso a dados de saúde",
                    "Helseopplysninger søkes det eventuelt om i en egen søknad om tilgang til helseopplysninger"),
                participants,
            ],
            ReviewRole.Ethics =>
            [
                I("ethicsApproval",
                    "Ethics approval (REK in Norway) is in place where the project needs it",
                    "O parecer da comissão de ética (REK na Noruega) existe quando o projeto o exige",
                    "Forskningsetisk godkjenning (REK) foreligger der prosjektet trenger det"),
                participants,
                I("publicBenefit",
                    "The project serves patients or the public",
                    "O projeto serve os utentes ou o público",
                    "Prosjektet kommer pasienter eller allmennheten til gode"),
            ],
            ReviewRole.Technical =>
            [
                resources,
                I("technicalFit",
                    "The systems or expertise asked for exist at the hub",
                    "Os sistemas ou conhecimentos pedidos existem no hub",
                    "Systemene eller kompetansen det bes om, finnes i huben"),
                privacy,
            ],
            ReviewRole.Security =>
            [
                I("premisesAccess",
                    "Access to premises is agreed and limited to what the project needs",
                    "O acesso às instalações está acordado e limitado ao que o projeto precisa",
                    "Tilgang til lokaler er avtalt og begrenset til det prosjektet trenger"),
                I("systemsAccess",
                    "No access to the hub's systems beyond what the project needs",
                    "Nenhum acesso aos sistemas do hub além do que o projeto precisa",
                    "Ingen tilgang til hubens systemer utover det prosjektet trenger"),
                privacy,
            ],
            ReviewRole.Clinical =>
            [
                I("clinicalTime",
                    "The clinical staff time asked for can be released without harm to patient care",
                    "O tempo de profissionais clínicos pedido pode ser disponibilizado sem prejuízo dos cuidados aos utentes",
                    "Arbeidstiden fra klinisk personell kan frigjøres uten at det går ut over pasientbehandlingen"),
                I("clinicalRelevance",
                    "The project answers a real clinical or care need",
                    "O projeto responde a uma necessidade clínica ou de cuidados real",
                    "Prosjektet svarer på et reelt klinisk behov eller omsorgsbehov"),
                participants,
            ],
            ReviewRole.Business =>
            [
                resources, agreement, strategicFit,
                I("costsCovered",
                    "The funding covers the hub's costs, or the hub accepts to bear them",
                    "O financiamento cobre os custos do hub, ou o hub aceita suportá-los",
                    "Finansieringen dekker hubens kostnader, eller huben godtar å bære dem selv"),
            ],
            _ => [],
        };
    }

    // ---------------------------------------------------------------- building blocks

    private static LocalText T(string en, string pt, string nb) => new(en, pt, nb);

    private static ChecklistItem I(string key, string en, string pt, string nb) => new(key, new LocalText(en, pt, nb));

    private static FieldOption O(string key, string en, string pt, string nb) => new(key, new LocalText(en, pt, nb));

    private static FieldOption[] YesNo() => [O("yes", "Yes", "Sim", "Ja"), O("no", "No", "Não", "Nei")];

    private static RequiredWhen When(string field, params string[] values) => new(field, Array.AsReadOnly(values));

    // Read-only wrappers: the forms are shared by every request, so no caller may change them through a cast.
    private static RequestForm Form(params FormSection[] sections) => new(Array.AsReadOnly(sections));

    private static FormSection Section(string key, LocalText title, params RequestField[] fields) => new(key, title, Array.AsReadOnly(fields));

    private static RequestField Text(string key, LocalText label, LocalText? help = null, bool required = false,
        int max = RequestFormRules.TextLength, RequiredWhen? requiredIf = null) =>
        new(key, FieldKind.Text, label, help, required, MaxLength: max, RequiredIf: requiredIf);

    // 254 characters is the longest address SMTP delivers (RFC 5321 path limit less the brackets).
    private static RequestField Email(string key, LocalText label, bool required = false) =>
        new(key, FieldKind.Text, label, Required: required, MaxLength: 254);

    private static RequestField Long(string key, LocalText label, LocalText? help = null, bool required = false,
        int max = RequestFormRules.LongTextLength, RequiredWhen? requiredIf = null) =>
        new(key, FieldKind.LongText, label, help, required, MaxLength: max, RequiredIf: requiredIf);

    private static RequestField Choice(string key, LocalText label, FieldOption[] options, LocalText? help = null,
        bool required = false, string? @default = null) =>
        new(key, FieldKind.Choice, label, help, required, Array.AsReadOnly(options), Default: @default);

    private static RequestField Multi(string key, LocalText label, FieldOption[] options, LocalText? help = null, bool required = false) =>
        new(key, FieldKind.MultiChoice, label, help, required, Array.AsReadOnly(options));

    private static RequestField Date(string key, LocalText label, LocalText? help = null, bool required = false) =>
        new(key, FieldKind.Date, label, help, required);

    private static RequestField Number(string key, LocalText label, LocalText? help = null, bool required = false) =>
        new(key, FieldKind.Number, label, help, required);

    private static RequestField Upload(string key, LocalText label, LocalText? help = null, bool required = false, RequiredWhen? requiredIf = null) =>
        new(key, FieldKind.File, label, help, required, RequiredIf: requiredIf);

    private static RequestField Group(string key, LocalText label, RequestField[] fields, LocalText? help = null, bool required = false) =>
        new(key, FieldKind.Group, label, help, required, Fields: Array.AsReadOnly(fields));
}
