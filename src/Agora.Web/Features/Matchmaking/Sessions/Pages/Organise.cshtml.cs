using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking.Sessions.Pages;

/// <summary>
/// The organiser's page: settings, slots and tables (existing rows and a few blank ones, no script needed), every
/// request and meeting, arranging a meeting, running the scheduler with its quality report, placing, locking and
/// moving meetings, and the outcome counts. Only organisers know this page (404 for everyone else).
/// </summary>
public sealed class OrganiseModel(SessionQueries q, SessionSetup setup, SessionMeetings meetings, MeetingRequests requests,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class SlotRow
    {
        public int? Id { get; set; }
        public string? StartsAt { get; set; }
        public string? EndsAt { get; set; }
        public bool IsBreak { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class TableRow
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public RoomKind Kind { get; set; }
        public string? OnlineLink { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class SetupForm
    {
        public RequestMode RequestMode { get; set; }
        public SchedulingMode SchedulingMode { get; set; }
        public int RequestExpiryHours { get; set; } = 48;
        public int MeetingMinutes { get; set; } = 20;
        public List<SlotRow> Slots { get; set; } = [];
        public List<TableRow> Tables { get; set; } = [];
    }

    public SessionView Session { get; private set; } = null!;
    public List<MeetingView> Meetings { get; private set; } = [];
    public List<RequestView> Requests { get; private set; } = [];
    public List<ParticipantView> Participants { get; private set; } = [];
    public OutcomeCounts? Outcomes { get; private set; }
    [BindProperty] public SetupForm Input { get; set; } = new();

    private async Task<bool> LoadAsync(string slug, int eventId, CancellationToken ct, bool fillForm = false)
    {
        var found = await q.GetAsync(slug, eventId, ct);
        if (!found.IsOk || !found.Value!.CanOrganise) return false;
        Session = found.Value!;
        Meetings = (await q.MeetingsAsync(slug, eventId, ct)).Value ?? [];
        Requests = (await q.RequestsAsync(slug, eventId, ct)).Value ?? [];
        Participants = (await q.ParticipantsAsync(slug, eventId, ct)).Value ?? [];
        Outcomes = (await q.OutcomesAsync(slug, eventId, ct)).Value;
        if (fillForm)
        {
            var zone = ZonedTime.Find(Session.TimeZone);
            Input = new SetupForm
            {
                RequestMode = Session.RequestMode, SchedulingMode = Session.SchedulingMode, RequestExpiryHours = Session.RequestExpiryHours,
                MeetingMinutes = Session.MeetingMinutes,
                Slots = Session.Slots.Select(x => new SlotRow
                {
                    Id = x.Id, StartsAt = ZonedTime.ToLocal(x.StartsAt, zone).ToString("yyyy-MM-ddTHH:mm"),
                    EndsAt = ZonedTime.ToLocal(x.EndsAt, zone).ToString("yyyy-MM-ddTHH:mm"), IsBreak = x.IsBreak,
                }).ToList(),
                Tables = Session.Tables.Select(x => new TableRow { Id = x.Id, Name = x.Name, Kind = x.Kind, OnlineLink = x.OnlineLink }).ToList(),
            };
        }
        while (Input.Slots.Count(r => r.Id is null) < BlankRows) Input.Slots.Add(new SlotRow());
        while (Input.Tables.Count(r => r.Id is null) < BlankRows) Input.Tables.Add(new TableRow());
        return true;
    }

    private const int BlankRows = 3;

    public string Time(DateTimeOffset at) => ZonedTime.Text(at, Session.TimeZone);

    public string SlotText(SlotView s) => $"{Time(s.StartsAt)}–{ZonedTime.ToLocal(s.EndsAt, ZonedTime.Find(Session.TimeZone)):HH:mm}";

    public async Task<IActionResult> OnGetAsync(string slug, int eventId, CancellationToken ct) =>
        await LoadAsync(slug, eventId, ct, fillForm: true) ? Page() : NotFound();

    private async Task<IActionResult> AgainAsync(string slug, int eventId, CancellationToken ct) =>
        await LoadAsync(slug, eventId, ct) ? Page() : NotFound();

    private string Here(string slug, int eventId) => SessionPaths.Organise(slug, eventId);

    public async Task<IActionResult> OnPostSetupAsync(string slug, int eventId, CancellationToken ct)
    {
        var slots = Input.Slots.Where(r => !r.Remove && (r.Id is not null || !string.IsNullOrWhiteSpace(r.StartsAt) || !string.IsNullOrWhiteSpace(r.EndsAt)))
            .Select(r => new SlotInput(r.Id, r.StartsAt, r.EndsAt, r.IsBreak)).ToList();
        var tables = Input.Tables.Where(r => !r.Remove && (r.Id is not null || !string.IsNullOrWhiteSpace(r.Name)))
            .Select(r => new TableInput(r.Id, r.Name, r.Kind, r.OnlineLink)).ToList();
        var result = await setup.SaveAsync(slug, eventId,
            new SetupInput(Input.RequestMode, Input.SchedulingMode, Input.RequestExpiryHours, Input.MeetingMinutes, slots, tables), ct);
        return await this.AnswerAsync(result, t["MatchSession.SetUpFlash"].Value, _ => Here(slug, eventId), () => AgainAsync(slug, eventId, ct),
            refused: _ => NotFound());
    }

    public async Task<IActionResult> OnPostScheduleAsync(string slug, int eventId, CancellationToken ct) =>
        await this.AnswerAsync(await meetings.QueueScheduleAsync(slug, eventId, ct), t["MatchSession.ScheduleQueuedFlash"].Value, _ => Here(slug, eventId),
            () => AgainAsync(slug, eventId, ct), refused: _ => NotFound());

    public async Task<IActionResult> OnPostPlaceAsync(string slug, int eventId, int meetingId, int? slotId, int? tableId, bool locked, CancellationToken ct) =>
        await this.AnswerAsync(await meetings.PlaceAsync(slug, eventId, meetingId, new PlaceInput(slotId, tableId, locked), ct), t["MatchSession.PlacedFlash"].Value,
            _ => Here(slug, eventId), () => AgainAsync(slug, eventId, ct), prefix: "Place", refused: _ => NotFound());

    public async Task<IActionResult> OnPostUnlockAsync(string slug, int eventId, int meetingId, CancellationToken ct) =>
        await this.AnswerAsync(await meetings.UnlockAsync(slug, eventId, meetingId, ct), t["MatchSession.UnlockedFlash"].Value,
            _ => Here(slug, eventId), () => AgainAsync(slug, eventId, ct), prefix: "Place", refused: _ => NotFound());

    public async Task<IActionResult> OnPostArrangeAsync(string slug, int eventId, int? a, int? b, CancellationToken ct) =>
        await this.AnswerAsync(await requests.ArrangeAsync(slug, eventId, new ArrangeInput(a, b), ct), t["MatchSession.ArrangedFlash"].Value,
            _ => Here(slug, eventId), () => AgainAsync(slug, eventId, ct), prefix: "Arrange", refused: _ => NotFound());
}
