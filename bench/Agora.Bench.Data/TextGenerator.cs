namespace Agora.Bench.Data;

/// <summary>Plausible health-innovation sentences in English, Portuguese and Norwegian from small word lists.</summary>
public sealed class TextGenerator
{
    public static readonly string[] Cultures = ["en", "pt-PT", "nb-NO"];

    private sealed record Words(
        string[] Subjects, string[] Troubles, string[] Objects, string[] Places, string[] Solutions, string[] TitleSolutions,
        string TitleFor, string ProposeFormat, string[] Benefits, string[] Openers, string[] Questions, string[] FirstNames, string[] LastNames,
        string[] CampaignTitles, string[] Regions);

    private static readonly Words English = new(
        ["Nurses", "Patients", "Doctors", "Relatives", "General practitioners", "Home care workers", "Paramedics", "Pharmacists", "Elderly people", "Lab technicians"],
        ["spend too much time on", "wait for weeks for", "have no access to", "must repeat", "struggle to find", "lose track of", "phone the hospital about", "print and scan"],
        ["appointment bookings", "lab results", "prescriptions", "health records", "paperwork", "discharge letters", "patient transport", "medication lists", "referrals", "video consultations"],
        ["on every shift", "every day", "in rural areas", "at night", "at the health centre", "in the emergency department", "after discharge", "between hospitals"],
        ["a shared mobile app", "a digital dashboard", "video consultations", "an assistant using artificial intelligence", "automatic text message reminders", "a single electronic record", "a self-service kiosk", "a sensor kit for the home"],
        ["Shared mobile app", "Digital dashboard", "Video consultations", "AI assistant", "Text message reminders", "Single electronic record", "Self-service kiosk", "Home sensor kit"],
        "for", "We propose {0} so that {1} can {2}.",
        ["save time", "shorten waiting lists", "improve patient safety", "avoid needless travel", "share information safely", "focus on care", "plan their week", "get answers sooner"],
        ["Great idea!", "I agree.", "We tried something similar last year.", "This would help our ward.", "Interesting.", "Good point.", "I am not sure about this.", "Thanks for sharing."],
        ["Have you talked to the IT department?", "How much would it cost?", "Could it work in rural areas too?", "Who would maintain it?", "Is there any evidence it works?", "What about data protection?"],
        ["Emma", "Oliver", "Sophie", "James", "Grace", "Harry", "Amelia", "Jack", "Lily", "Thomas"],
        ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker", "Wright", "Green"],
        ["Fewer trips to hospital", "Safer medication at home", "Digital first in primary care", "Care closer to home", "Less paperwork for clinicians"],
        ["Highlands", "Yorkshire", "Wales", "London", "Cornwall"]);

    private static readonly Words Portuguese = new(
        ["Os enfermeiros", "Os doentes", "Os médicos", "As famílias", "Os médicos de família", "Os cuidadores", "Os técnicos de emergência", "Os farmacêuticos", "Os idosos", "Os técnicos de laboratório"],
        ["perdem demasiado tempo com", "esperam semanas por", "não têm acesso a", "repetem", "têm dificuldade em encontrar", "perdem o controlo de", "telefonam para o hospital por causa de", "imprimem e digitalizam"],
        ["marcações de consultas", "resultados de análises", "receitas médicas", "registos clínicos", "papelada", "cartas de alta", "transportes de doentes", "listas de medicação", "referenciações", "teleconsultas"],
        ["em cada turno", "todos os dias", "nas zonas rurais", "durante a noite", "no centro de saúde", "no serviço de urgência", "depois da alta", "entre hospitais"],
        ["uma aplicação móvel partilhada", "um painel digital", "teleconsultas por vídeo", "um assistente com inteligência artificial", "lembretes automáticos por SMS", "um registo eletrónico único", "um quiosque de autoatendimento", "sensores em casa"],
        ["Aplicação móvel partilhada", "Painel digital", "Teleconsultas por vídeo", "Assistente de inteligência artificial", "Lembretes por SMS", "Registo eletrónico único", "Quiosque de autoatendimento", "Sensores em casa"],
        "para", "Propomos {0} para que {1} possam {2}.",
        ["poupar tempo", "reduzir as listas de espera", "melhorar a segurança dos doentes", "evitar deslocações desnecessárias", "partilhar informação com segurança", "dedicar-se aos cuidados", "planear a semana", "ter respostas mais cedo"],
        ["Excelente ideia!", "Concordo.", "Experimentámos algo parecido no ano passado.", "Isto ajudaria o nosso serviço.", "Interessante.", "Bem visto.", "Não tenho a certeza.", "Obrigado pela partilha."],
        ["Já falaram com a informática?", "Quanto custaria?", "Funcionaria também no interior?", "Quem faria a manutenção?", "Há evidência de que funciona?", "E a proteção de dados?"],
        ["Maria", "João", "Ana", "Pedro", "Inês", "Tiago", "Beatriz", "Rui", "Catarina", "Miguel"],
        ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa", "Gonçalves"],
        ["Menos idas ao hospital", "Medicação segura em casa", "Cuidados de saúde primários digitais", "Cuidados perto de casa", "Menos papelada para os profissionais"],
        ["Norte", "Centro", "Lisboa e Vale do Tejo", "Alentejo", "Algarve"]);

    private static readonly Words Norwegian = new(
        ["Sykepleierne", "Pasientene", "Legene", "Pårørende", "Fastlegene", "Hjemmetjenesten", "Ambulansearbeiderne", "Farmasøytene", "Eldre", "Bioingeniørene"],
        ["bruker for mye tid på", "venter i ukevis på", "mangler tilgang til", "må gjenta", "sliter med å finne", "mister oversikten over", "ringer sykehuset om", "skriver ut og skanner"],
        ["timebestillinger", "prøvesvar", "resepter", "journaler", "papirarbeid", "epikriser", "pasienttransport", "medisinlister", "henvisninger", "videokonsultasjoner"],
        ["på hver vakt", "hver dag", "i distriktene", "om natten", "på legekontoret", "i akuttmottaket", "etter utskrivning", "mellom sykehusene"],
        ["en felles mobilapp", "et digitalt dashbord", "videokonsultasjoner", "en assistent med kunstig intelligens", "automatiske SMS-påminnelser", "en felles elektronisk journal", "en selvbetjeningsautomat", "sensorer i hjemmet"],
        ["Felles mobilapp", "Digitalt dashbord", "Videokonsultasjoner", "KI-assistent", "SMS-påminnelser", "Felles elektronisk journal", "Selvbetjeningsautomat", "Sensorer i hjemmet"],
        "for", "Vi foreslår {0} slik at {1} kan {2}.",
        ["spare tid", "korte ned ventelistene", "bedre pasientsikkerheten", "unngå unødvendige reiser", "dele informasjon trygt", "bruke tiden på pasientene", "planlegge uken", "få svar raskere"],
        ["Flott idé!", "Enig.", "Vi prøvde noe lignende i fjor.", "Dette ville hjulpet avdelingen vår.", "Spennende.", "Godt poeng.", "Jeg er usikker på dette.", "Takk for at du deler."],
        ["Har dere snakket med IT-avdelingen?", "Hva vil det koste?", "Fungerer det i distriktene også?", "Hvem skal vedlikeholde det?", "Finnes det dokumentasjon på effekt?", "Hva med personvernet?"],
        ["Ingrid", "Ola", "Nora", "Jakob", "Emma", "Filip", "Sara", "Henrik", "Maja", "Lars"],
        ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Berg"],
        ["Færre reiser til sykehuset", "Trygg medisinering hjemme", "Digitalt først i primærhelsetjenesten", "Helsehjelp nær hjemmet", "Mindre papirarbeid for helsepersonell"],
        ["Nord-Norge", "Midt-Norge", "Vestlandet", "Østlandet", "Sørlandet"]);

    private static Words For(string culture) => culture switch
    {
        "pt-PT" => Portuguese,
        "nb-NO" => Norwegian,
        _ => English,
    };

    private static string Pick(Random r, string[] words) => words[r.Next(words.Length)];

    private static string Lower(string s) => s.StartsWith("AI", StringComparison.Ordinal) || s.StartsWith("KI", StringComparison.Ordinal)
        ? s : char.ToLowerInvariant(s[0]) + s[1..];

    public static string Name(Random r, string culture)
    {
        var w = For(culture);
        return $"{Pick(r, w.FirstNames)} {Pick(r, w.LastNames)}";
    }

    public static string Region(Random r, string culture) => Pick(r, For(culture).Regions);

    public static string CampaignTitle(Random r, string culture, int n) => $"{Pick(r, For(culture).CampaignTitles)} {n}";

    public static string IdeaTitle(Random r, string culture)
    {
        var w = For(culture);
        return $"{Pick(r, w.TitleSolutions)} {w.TitleFor} {Pick(r, w.Objects)} {Pick(r, w.Places)}";
    }

    /// <summary>A problem statement: one to three sentences.</summary>
    public static string Problem(Random r, string culture)
    {
        var w = For(culture);
        var n = 1 + r.Next(3);
        var parts = new string[n];
        for (var i = 0; i < n; i++) parts[i] = $"{Pick(r, w.Subjects)} {Pick(r, w.Troubles)} {Pick(r, w.Objects)} {Pick(r, w.Places)}.";
        return string.Join(' ', parts);
    }

    public static string Solution(Random r, string culture)
    {
        var w = For(culture);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, w.ProposeFormat,
            Pick(r, w.Solutions), Lower(Pick(r, w.Subjects)), Pick(r, w.Benefits));
    }

    public static string Benefits(Random r, string culture)
    {
        var w = For(culture);
        return $"{Pick(r, w.Subjects)}: {Pick(r, w.Benefits)}, {Pick(r, w.Benefits)}.";
    }

    public static string Comment(Random r, string culture)
    {
        var w = For(culture);
        return r.Next(3) switch
        {
            0 => Pick(r, w.Openers),
            1 => $"{Pick(r, w.Openers)} {Pick(r, w.Questions)}",
            _ => $"{Pick(r, w.Openers)} {Pick(r, w.Subjects)} {Pick(r, w.Troubles)} {Pick(r, w.Objects)} {Pick(r, w.Places)}.",
        };
    }
}
