using Agora.Web.Features.Accounts;
using Agora.Web.Features.Events;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Features.Matchmaking.Sessions;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Demo;

/// <summary>
/// A matchmaking session at Helseplattformen in two weeks: eight meeting slots and a break, three tables and an online
/// room, eight demo people with confirmed registrations taking part, requests pending, accepted and declined, and the
/// accepted meetings placed by the scheduler (the same engine and check the organiser's job uses), with its report.
/// </summary>
internal static class DemoMatchmaking
{
    public static async Task SeedAsync(AgoraDbContext db, IReadOnlyDictionary<string, Hub> hubs, IReadOnlyDictionary<string, AgoraUser> people,
        DateTimeOffset now, CancellationToken ct)
    {
        var helse = hubs[DemoAccounts.HelseplattformenHub];
        var manager = people[DemoAccounts.Manager].Id;
        var day = new DateTimeOffset(now.UtcDateTime.Date.AddDays(14), TimeSpan.Zero);
        var ev = new Event
        {
            HubId = helse.Id, Format = EventFormat.Matchmaking, Title = "Health innovation matchmaking day",
            Summary = "Short 1:1 meetings between hospitals, municipalities, researchers and health-tech companies.",
            Description = "Register, tell the others what you offer and seek, ask for meetings and meet at the tables or online.",
            StartsAt = day.AddHours(8), EndsAt = day.AddHours(12), Mode = EventMode.Hybrid, Address = "Prinsens gate 1, Trondheim", Room = "Atrium",
            OnlineLink = "https://meet.example.org/matchmaking-day", Languages = "en,nb-NO", Audience = EventAudience.Public, State = EventState.Published,
            Sequence = 1, CreatedById = manager, CreatedAt = now.AddDays(-7), UpdatedAt = now.AddDays(-7),
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync(ct);

        string[] emails =
        [
            DemoAccounts.Member, DemoAccounts.Agent, DemoAccounts.Facilitator, DemoAccounts.Mentor,
            DemoAccounts.Fellow, DemoAccounts.Evaluator, DemoAccounts.Reviewer, DemoAccounts.Citizen,
        ];
        var seat = new TicketType { EventId = ev.Id, Name = "Participant", Capacity = 40, Taken = emails.Length, Position = 0 };
        db.TicketTypes.Add(seat);
        db.MatchmakingSessions.Add(new MatchmakingSession
        {
            EventId = ev.Id, RequestMode = RequestMode.Participants, SchedulingMode = SchedulingMode.Organiser, RequestExpiryHours = 72,
            MeetingMinutes = 20, CreatedAt = now.AddDays(-7), UpdatedAt = now.AddDays(-7),
        });
        // Eight meeting slots of 20 minutes from 09:00 (UTC), with a break after the fourth.
        var slots = new List<SessionSlot>();
        for (var i = 0; i < 9; i++)
            slots.Add(new SessionSlot { EventId = ev.Id, StartsAt = day.AddHours(9).AddMinutes(20 * i), EndsAt = day.AddHours(9).AddMinutes(20 * (i + 1)), IsBreak = i == 4 });
        db.MatchmakingSlots.AddRange(slots);
        var tables = new List<SessionTable>
        {
            new() { EventId = ev.Id, Name = "Table 1", Kind = RoomKind.OnSite },
            new() { EventId = ev.Id, Name = "Table 2", Kind = RoomKind.OnSite },
            new() { EventId = ev.Id, Name = "Table 3", Kind = RoomKind.OnSite },
            new() { EventId = ev.Id, Name = "Online room", Kind = RoomKind.Online, OnlineLink = "https://meet.example.org/matchmaking-room" },
        };
        db.MatchmakingTables.AddRange(tables);
        await db.SaveChangesAsync(ct);

        string[] intros =
        [
            "Nurse at St. Olavs; looking for tools that make discharge safer.",
            "Agent of change in the municipality; we test welfare technology in home care.",
            "I run the hub's test beds and can help with clinical validation.",
            "Mentor for start-ups in remote patient monitoring.",
            "Researcher in medical AI; seeking hospital partners for a pilot.",
            "Evaluator of digital health services; interested in outcome measures.",
            "Legal and privacy reviewer; happy to talk about health-data permits.",
            "Patient representative; wants to bring the patient's view to new products.",
        ];
        var participants = new List<SessionParticipant>();
        for (var i = 0; i < emails.Length; i++)
        {
            var user = people[emails[i]].Id;
            db.Registrations.Add(new Registration
            {
                EventId = ev.Id, TicketTypeId = seat.Id, UserId = user, State = RegistrationState.Confirmed, CheckInCode = Registrations.NewCheckInCode(),
                CreatedAt = now.AddDays(-6).AddMinutes(i), UpdatedAt = now.AddDays(-6).AddMinutes(i),
            });
            var organisation = await db.OrganisationMembers.Where(m => m.UserId == user).OrderBy(m => m.OrganisationId).Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(ct);
            participants.Add(new SessionParticipant
            {
                EventId = ev.Id, UserId = user, OrganisationId = organisation, Introduction = intros[i], JoinedAt = now.AddDays(-6).AddMinutes(i),
                MeetingMode = i == 3 ? MeetingMode.Online : MeetingMode.Any,
            });
        }
        db.MatchmakingParticipants.AddRange(participants);
        await db.SaveChangesAsync(ct);

        // Everyone is available all morning, except two who leave early and one who comes late.
        var meetingSlots = slots.Where(s => !s.IsBreak).ToList();
        for (var i = 0; i < participants.Count; i++)
        {
            var mine = i switch { 1 or 6 => meetingSlots.Take(5), 7 => meetingSlots.Skip(2), _ => meetingSlots };
            foreach (var s in mine) db.MatchmakingAvailability.Add(new ParticipantSlot { ParticipantId = participants[i].Id, SlotId = s.Id });
        }
        await db.SaveChangesAsync(ct);

        (int From, int To, MeetingRequestState State, string Message)[] asked =
        [
            (4, 0, MeetingRequestState.Accepted, "Could your ward try our discharge checklist?"),
            (4, 2, MeetingRequestState.Accepted, "We need a test site for a clinical validation."),
            (1, 2, MeetingRequestState.Accepted, "Can the test bed host a home-care pilot?"),
            (3, 4, MeetingRequestState.Accepted, "Let us talk about your start-up's next step."),
            (7, 0, MeetingRequestState.Accepted, "I would like to share how patients experience discharge."),
            (5, 1, MeetingRequestState.Accepted, "Which outcomes do you measure in home care?"),
            (6, 4, MeetingRequestState.Accepted, "Your pilot will need a health-data permit."),
            (0, 3, MeetingRequestState.Pending, "Do you mentor clinicians with an idea?"),
            (2, 5, MeetingRequestState.Pending, "Could you evaluate our test-bed results?"),
            (7, 6, MeetingRequestState.Declined, "Questions about consent for patient stories."),
        ];
        var requests = asked.Select((a, i) => new MeetingRequest
        {
            EventId = ev.Id, FromId = participants[a.From].Id, ToId = participants[a.To].Id, Message = a.Message, State = a.State,
            SentAt = now.AddDays(-5).AddHours(i), ExpiresAt = now.AddDays(-5).AddHours(i + 72),
            AnsweredAt = a.State == MeetingRequestState.Pending ? null : now.AddDays(-4).AddHours(i),
        }).ToList();
        foreach (var r in requests.Where(r => r.State == MeetingRequestState.Pending)) r.ExpiresAt = now.AddHours(60);
        db.MeetingRequests.AddRange(requests);
        await db.SaveChangesAsync(ct);
        var meetings = requests.Where(r => r.State == MeetingRequestState.Accepted)
            .Select(r => new SessionMeeting { EventId = ev.Id, RequestId = r.Id, CreatedAt = r.AnsweredAt!.Value }).ToList();
        db.MatchmakingMeetings.AddRange(meetings);
        await db.SaveChangesAsync(ct);

        // The schedule, computed by the scheduler and saved only when the checker finds nothing wrong.
        var index = slots.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var availability = await db.MatchmakingAvailability.Where(a => participants.Select(p => p.Id).Contains(a.ParticipantId)).ToListAsync(ct);
        var modes = participants.ToDictionary(p => p.Id, p => p.MeetingMode);
        var people2 = meetings.ToDictionary(m => m.Id, m => requests.Where(r => r.Id == m.RequestId).Select(r => new[] { r.FromId, r.ToId }).Single());
        var input = new ScheduleInput(
            slots.Select(s => new ScheduleSlot(s.IsBreak)).ToList(),
            tables.Select(t => new ScheduleTable(t.Id, t.Kind)).ToList(),
            participants.Select(p => new ScheduleParticipant(p.Id, availability.Where(a => a.ParticipantId == p.Id).Select(a => index[a.SlotId]).ToHashSet())).ToList(),
            meetings.Select(m => new ScheduleMeeting(m.Id, people2[m.Id], Placement.ModeOf(people2[m.Id].Select(x => modes[x])))).ToList());
        var result = MeetingScheduler.Schedule(input, new ScheduleOptions { DeterministicTimeLimit = 2, TimeLimit = TimeSpan.FromSeconds(10) });
        if (ScheduleChecker.Verify(input, result).Count > 0) return;
        foreach (var a in result.Assignments)
        {
            var m = meetings.Single(x => x.Id == a.MeetingId);
            m.SlotId = slots[a.Slot].Id;
            m.TableId = a.TableId;
            foreach (var p in people2[m.Id]) db.MeetingBookings.Add(new MeetingBooking { ParticipantId = p, SlotId = m.SlotId.Value, MeetingId = m.Id });
        }
        var q = result.Quality;
        var session = await db.MatchmakingSessions.SingleAsync(s => s.EventId == ev.Id, ct);
        session.ScheduleState = ScheduleRunState.Saved;
        session.ScheduledAt = now.AddDays(-1);
        session.SchedulePlaced = q.Placed;
        session.ScheduleTotal = q.Total;
        session.ScheduleBound = q.PlacementBound;
        session.IdleTotal = q.TotalIdle;
        session.IdleMax = q.MaxIdle;
        session.IdleMean = q.MeanIdle;
        session.SolverStatus = q.Status.ToString();
        session.ElapsedMs = (int)q.Elapsed.TotalMilliseconds;
        await db.SaveChangesAsync(ct);
    }
}
