using Agora.Web.Features.Hubs;
using Agora.Web.Features.Mentoring;
using Agora.Web.Platform.Data;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// imIN-hub's mentoring programme: two mentors (Inês, full with one mentee, and Tiago), three pairs with sessions (one
/// ended, with feedback from both sides) and a mentee waiting in the queue for Inês. The extra people are demo records
/// without a password (nobody signs in as them). Helseplattformen gets one pair (Magnus mentoring Mikkel) so the
/// mentoring pages of the scanned demo hub show content to its member and manager.
/// </summary>
internal static class DemoMentoring
{
    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var imin = hubs[DemoAccounts.IminHub];
        var ines = people[DemoAccounts.OtherManager].Id;
        var mikkel = people[DemoAccounts.Member].Id;
        var tiago = Person(db, "tiago.teixeira@imin.demo", "Tiago Teixeira", now);
        var sofia = Person(db, "sofia.sousa@imin.demo", "Sofia Sousa", now);
        var rui = Person(db, "rui.rocha@imin.demo", "Rui Rocha", now);
        var beatriz = Person(db, "beatriz.brito@imin.demo", "Beatriz Brito", now);
        await db.SaveChangesAsync(ct);
        var inesMembership = db.HubMemberships.Local.Single(m => m.HubId == imin.Id && m.UserId == ines);
        inesMembership.Roles |= HubRoles.Mentor;
        db.HubMemberships.Add(new HubMembership { HubId = imin.Id, UserId = tiago, Roles = HubRoles.Member | HubRoles.Mentor, JoinedAt = now.AddDays(-90) });
        foreach (var mentee in new[] { sofia, rui, beatriz })
            db.HubMemberships.Add(new HubMembership { HubId = imin.Id, UserId = mentee, Roles = HubRoles.Member, JoinedAt = now.AddDays(-80) });

        var inesProfile = new MentorProfile
        {
            HubId = imin.Id, UserId = ines, Expertise = "ehealth,ai", Languages = "en,pt-PT", Capacity = 1, ActiveCount = 1,
            Availability = "Quintas-feiras à tarde, em Lisboa ou por videochamada.", CreatedAt = now.AddDays(-70), UpdatedAt = now.AddDays(-70),
        };
        var tiagoProfile = new MentorProfile
        {
            HubId = imin.Id, UserId = tiago, Expertise = "ict,mobile", Languages = "en,pt-PT", Capacity = 3, ActiveCount = 1,
            Availability = "Two evenings a month, online.", CreatedAt = now.AddDays(-70), UpdatedAt = now.AddDays(-70),
        };
        db.MentorProfiles.AddRange(inesProfile, tiagoProfile);
        await db.SaveChangesAsync(ct);

        var sofiaRequest = new MentoringRequest
        {
            HubId = imin.Id, MenteeId = sofia, Goals = "Validar uma aplicação de telemonitorização com doentes cardíacos.", FocusArea = "ehealth",
            Language = "pt-PT", State = MentoringRequestState.Paired, CreatedAt = now.AddDays(-60), ClosedAt = now.AddDays(-60),
        };
        var beatrizRequest = new MentoringRequest
        {
            HubId = imin.Id, MenteeId = beatriz, Goals = "Preparar a candidatura de um assistente de triagem com IA a um programa de aceleração.",
            FocusArea = "ai", Language = "pt-PT", PreferredMentorId = ines, State = MentoringRequestState.Waiting, CreatedAt = now.AddDays(-5),
        };
        db.MentoringRequests.AddRange(sofiaRequest, beatrizRequest);
        await db.SaveChangesAsync(ct);

        var inesSofia = Pair(imin.Id, inesProfile, sofia, "Validar a aplicação de telemonitorização com doentes e preparar um piloto.", now.AddDays(-60), sofiaRequest.Id, null);
        var tiagoMikkel = Pair(imin.Id, tiagoProfile, mikkel, "Bring the medication reminder app to Portuguese pharmacies.", now.AddDays(-40), null, ines);
        var tiagoRui = Pair(imin.Id, tiagoProfile, rui, "Um primeiro protótipo móvel para o registo de quedas em lares.", now.AddDays(-120), null, ines);
        tiagoRui.State = PairState.Ended;
        tiagoRui.EndedAt = now.AddDays(-30);
        tiagoRui.EndedById = rui;
        tiagoRui.EndReason = PairEndReason.Ended;
        tiagoRui.EndNote = "O protótipo está pronto para o piloto.";
        db.MentoringPairs.AddRange(inesSofia, tiagoMikkel, tiagoRui);
        await db.SaveChangesAsync(ct);
        sofiaRequest.PairId = inesSofia.Id;

        var s1 = Session(inesSofia.Id, now.AddDays(-45), "SPMS, Lisboa, sala 2", sofia,
            "Revimos o protocolo do estudo de usabilidade; faltam o consentimento e o contacto com a cardiologia.", now);
        var s2 = Session(inesSofia.Id, now.AddDays(10), "https://meet.example.org/imin-mentoria", ines, "", now);
        var s3 = Session(tiagoMikkel.Id, now.AddDays(-20), "https://meet.example.org/imin-tiago", mikkel,
            "Mapped the pharmacies' ordering systems; two candidates for a pilot.", now);
        var s4 = Session(tiagoRui.Id, now.AddDays(-100), "Porto, Health Cluster Portugal", tiago, "Definimos o âmbito do protótipo e os sensores.", now);
        var s5 = Session(tiagoRui.Id, now.AddDays(-50), "https://meet.example.org/imin-tiago", rui, "Testes com dois lares; ajustes ao alarme.", now);
        db.MentoringSessions.AddRange(s1, s2, s3, s4, s5);
        await db.SaveChangesAsync(ct);
        db.MentoringActions.AddRange(
            new MentoringAction { SessionId = s1.Id, Text = "Enviar o consentimento informado à comissão de ética", Done = true, CreatedById = sofia, CreatedAt = s1.At },
            new MentoringAction { SessionId = s1.Id, Text = "Marcar reunião com a cardiologia", CreatedById = ines, CreatedAt = s1.At },
            new MentoringAction { SessionId = s3.Id, Text = "Call the two pilot pharmacies", CreatedById = mikkel, CreatedAt = s3.At },
            new MentoringAction { SessionId = s5.Id, Text = "Rever o som do alarme", Done = true, CreatedById = tiago, CreatedAt = s5.At });
        db.MentoringFeedback.AddRange(
            new MentoringFeedback { PairId = tiagoRui.Id, AuthorId = rui, Rating = 5, Text = "O Tiago ajudou-me a chegar a um protótipo em três meses.", At = now.AddDays(-29) },
            new MentoringFeedback { PairId = tiagoRui.Id, AuthorId = tiago, Rating = 4, Text = "Um mentorando empenhado; o piloto merece apoio.", At = now.AddDays(-28) });

        // Helseplattformen: Magnus mentors Mikkel.
        var helse = hubs[DemoAccounts.HelseplattformenHub];
        var magnus = people[DemoAccounts.Mentor].Id;
        var magnusProfile = new MentorProfile
        {
            HubId = helse.Id, UserId = magnus, Expertise = "ehealth,ict", Languages = "en,nb-NO", Capacity = 2, ActiveCount = 1,
            Availability = "Tirsdager etter kl. 14, på Øya helsehus eller digitalt.", CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-30),
        };
        db.MentorProfiles.Add(magnusProfile);
        await db.SaveChangesAsync(ct);
        var magnusMikkel = Pair(helse.Id, magnusProfile, mikkel, "Teste medisinpåminneren med hjemmetjenesten i Trondheim.", now.AddDays(-25), null, people[DemoAccounts.Manager].Id);
        db.MentoringPairs.Add(magnusMikkel);
        await db.SaveChangesAsync(ct);
        var h1 = Session(magnusMikkel.Id, now.AddDays(-14), "Øya helsehus, møterom 3", magnus, "Gikk gjennom kravene fra hjemmetjenesten og personvernet.", now);
        var h2 = Session(magnusMikkel.Id, now.AddDays(7), "https://meet.example.org/helse-mentor", mikkel, "", now);
        db.MentoringSessions.AddRange(h1, h2);
        await db.SaveChangesAsync(ct);
        db.MentoringActions.Add(new MentoringAction { SessionId = h1.Id, Text = "Skriv en kort DPIA-vurdering", CreatedById = mikkel, CreatedAt = h1.At });
        await db.SaveChangesAsync(ct);
    }

    private static Guid Person(AgoraDbContext db, string email, string name, DateTimeOffset now)
    {
        var user = new AgoraUser
        {
            Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, DisplayName = name, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true, CreatedAt = now.AddDays(-100),
        };
        db.Users.Add(user);
        return user.Id;
    }

    private static MentoringPair Pair(Guid hub, MentorProfile profile, Guid mentee, string goals, DateTimeOffset started, int? request, Guid? pairedBy) => new()
    {
        HubId = hub, ProfileId = profile.Id, MentorId = profile.UserId, MenteeId = mentee, Goals = goals, State = PairState.Active,
        StartedAt = started, RequestId = request, PairedById = pairedBy,
    };

    private static MentoringSession Session(int pair, DateTimeOffset at, string place, Guid by, string notes, DateTimeOffset now) => new()
    {
        PairId = pair, At = new DateTimeOffset(at.UtcDateTime.Date.AddHours(at < now ? 14 : 16), TimeSpan.Zero), Place = place, Notes = notes,
        NotesById = notes.Length > 0 ? by : null, CreatedById = by, CreatedAt = at.AddDays(-7) < now ? at.AddDays(-7) : now,
    };
}
