using Agora.Web.Features.Accounts;
using Agora.Web.Features.Events;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Files;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// Events: imIN-hub's share-con (past, with attendance, outcomes and the idea campaign it opened), Helseplattformen's
/// hackathon (full, with a waiting list and an agenda) and a hackaccelerator (several whole days), so every events page
/// has something to show.
/// </summary>
internal static class DemoEvents
{
    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var imin = hubs[DemoAccounts.IminHub];
        var helse = hubs[DemoAccounts.HelseplattformenHub];
        var iminManager = people[DemoAccounts.OtherManager].Id;
        var manager = people[DemoAccounts.Manager].Id;
        var today = now.UtcDateTime.Date;
        var campaign = await db.Campaigns.Where(c => c.HubId == imin.Id).OrderBy(c => c.CreatedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

        var shareCon = new Event
        {
            HubId = imin.Id, Format = EventFormat.ShareCon, Title = "Share-con imIN 2026: saúde digital para o cidadão",
            Summary = "Um dia para partilhar ideias e resultados entre profissionais, doentes, empresas e investigadores.",
            Description = "Apresentações curtas, mesas de trabalho por tema e uma campanha de ideias aberta durante o dia.",
            StartsAt = new DateTimeOffset(today.AddDays(-30).AddHours(9), TimeSpan.Zero), EndsAt = new DateTimeOffset(today.AddDays(-30).AddHours(17), TimeSpan.Zero),
            Mode = EventMode.OnSite, Address = "Rua Larga, Coimbra", Room = "Auditório", Accessibility = "Entrada sem degraus; intérprete de língua gestual a pedido.",
            Languages = "pt-PT,en", Audience = EventAudience.Public, State = EventState.Published, Sequence = 1, CreatedById = iminManager,
            CreatedAt = now.AddDays(-60), UpdatedAt = now.AddDays(-29), CampaignId = campaign, TeamsFormed = 4,
            Report = "Cerca de sessenta participantes trabalharam em quatro equipas; três ideias seguiram para a campanha de saúde digital.",
            ParticipantsEmployees = 28, ParticipantsCitizens = 12, ParticipantsCompanies = 9, ParticipantsResearchers = 11,
        };
        var hackathon = new Event
        {
            HubId = helse.Id, Format = EventFormat.Hackathon, Title = "Hackathon: safe discharge from hospital",
            Summary = "Two days to build tools that make going home from hospital safer.",
            Description = "Teams of clinicians, developers and patients work on challenges from the wards. A jury scores the results on the second day.",
            StartsAt = new DateTimeOffset(today.AddDays(21).AddHours(7), TimeSpan.Zero), EndsAt = new DateTimeOffset(today.AddDays(22).AddHours(16), TimeSpan.Zero),
            Mode = EventMode.Hybrid, Address = "Prinsens gate 1, Trondheim", Room = "Innovation lab", Accessibility = "Step-free access and a quiet room.",
            OnlineLink = "https://meet.example.org/discharge-hackathon", Languages = "en,nb-NO", Audience = EventAudience.Public, State = EventState.Published,
            Sequence = 1, CreatedById = manager, CreatedAt = now.AddDays(-10), UpdatedAt = now.AddDays(-10), OfferHours = 48,
        };
        var accelerator = new Event
        {
            HubId = helse.Id, Format = EventFormat.Hackaccelerator, Title = "Hackaccelerator: from prototype to pilot",
            Summary = "Three days with mentors for the hackathon's chosen teams.",
            Description = "Chosen teams plan a pilot with mentors, milestones and check-ins.",
            StartsAt = new DateTimeOffset(today.AddDays(40).AddHours(-1), TimeSpan.Zero), EndsAt = new DateTimeOffset(today.AddDays(43).AddHours(-1), TimeSpan.Zero),
            AllDay = true, Mode = EventMode.OnSite, Address = "Prinsens gate 1, Trondheim", Languages = "en,nb-NO", Audience = EventAudience.HubMembers,
            State = EventState.Published, Sequence = 1, CreatedById = manager, CreatedAt = now.AddDays(-5), UpdatedAt = now.AddDays(-5),
        };
        db.Events.AddRange(shareCon, hackathon, accelerator);
        await db.SaveChangesAsync(ct);

        var iminSeat = new TicketType { EventId = shareCon.Id, Name = "Participante", Capacity = 80, Position = 0 };
        var hackSeat = new TicketType { EventId = hackathon.Id, Name = "Participant", Capacity = 2, Position = 0 };
        var jury = new TicketType { EventId = hackathon.Id, Name = "Jury", Capacity = 3, Position = 1 };
        var accSeat = new TicketType { EventId = accelerator.Id, Name = "Team member", Capacity = 12, Position = 0 };
        db.TicketTypes.AddRange(iminSeat, hackSeat, jury, accSeat);
        db.EventOrganisers.Add(new EventOrganiser { EventId = hackathon.Id, UserId = people[DemoAccounts.Facilitator].Id });
        await db.SaveChangesAsync(ct);
        var question = new RegistrationQuestion { EventId = hackathon.Id, Text = "Which challenge would you like to work on?", Required = false, Position = 0 };
        db.RegistrationQuestions.Add(question);
        await db.SaveChangesAsync(ct);

        Registration Seat(Event ev, TicketType t, string email, RegistrationState state, int minutesAgo, bool attended = false, string answers = "{}") => new()
        {
            EventId = ev.Id, TicketTypeId = t.Id, UserId = people[email].Id, State = state, AnswersJson = answers,
            QueuedAt = state == RegistrationState.Waiting ? now.AddMinutes(-minutesAgo) : null, CheckInCode = Registrations.NewCheckInCode(),
            AttendedAt = attended ? ev.StartsAt.AddMinutes(20) : null, CreatedAt = now.AddMinutes(-minutesAgo), UpdatedAt = now.AddMinutes(-minutesAgo),
        };
        var challenge = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [question.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "Medication lists at discharge" });
        db.Registrations.AddRange(
            Seat(shareCon, iminSeat, DemoAccounts.Member, RegistrationState.Confirmed, 60 * 24 * 40, attended: true),
            Seat(shareCon, iminSeat, DemoAccounts.OtherManager, RegistrationState.Confirmed, 60 * 24 * 41, attended: true),
            Seat(hackathon, hackSeat, DemoAccounts.Agent, RegistrationState.Confirmed, 600, answers: challenge),
            Seat(hackathon, hackSeat, DemoAccounts.Member, RegistrationState.Confirmed, 500),
            Seat(hackathon, hackSeat, DemoAccounts.Fellow, RegistrationState.Waiting, 400, answers: challenge),
            Seat(hackathon, hackSeat, DemoAccounts.Mentor, RegistrationState.Waiting, 300),
            Seat(hackathon, jury, DemoAccounts.Evaluator, RegistrationState.Confirmed, 200),
            Seat(accelerator, accSeat, DemoAccounts.Agent, RegistrationState.Confirmed, 100));
        iminSeat.Taken = 2;
        hackSeat.Taken = 2;
        jury.Taken = 1;
        accSeat.Taken = 1;
        db.EventSessions.AddRange(
            new EventSession { EventId = hackathon.Id, Title = "Welcome and challenges", StartsAt = hackathon.StartsAt, EndsAt = hackathon.StartsAt.AddHours(1), Speaker = "Marta Manager", Room = "Innovation lab" },
            new EventSession { EventId = hackathon.Id, Title = "Team work", StartsAt = hackathon.StartsAt.AddHours(1), EndsAt = hackathon.StartsAt.AddHours(9) },
            new EventSession { EventId = hackathon.Id, Title = "Pitches and jury", StartsAt = hackathon.EndsAt.AddHours(-3), EndsAt = hackathon.EndsAt, Room = "Auditorium" },
            new EventSession { EventId = shareCon.Id, Title = "Abertura", StartsAt = shareCon.StartsAt, EndsAt = shareCon.StartsAt.AddMinutes(30), Speaker = "Inês Manager" });
        db.EventMaterials.Add(new EventMaterial { EventId = shareCon.Id, Title = "Apresentações do dia", Url = "https://example.org/share-con-2026/slides", AddedAt = shareCon.EndsAt });
        // A file material: the day's programme as a one-page PDF.
        var programme = Encoding.ASCII.GetBytes(DemoPdf);
        var file = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = "programa-share-con.pdf", ContentType = "application/pdf", Size = programme.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(programme)), Content = programme, UploadedById = shareCon.CreatedById, UploadedAt = shareCon.EndsAt,
        };
        db.Files.Add(file);
        db.EventMaterials.Add(new EventMaterial { EventId = shareCon.Id, Title = "Programa do share-con", FileId = file.Id, AddedAt = shareCon.EndsAt });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A minimal one-page PDF with one line of text.</summary>
    private const string DemoPdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
        + "4 0 obj<</Length 59>>stream\nBT /F1 24 Tf 72 760 Td (Share-con imIN-hub: programa) Tj ET\nendstream endobj\n"
        + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
}
