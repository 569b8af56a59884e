using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking.Sessions.Pages;

/// <summary>
/// The session page for participants: the session's modes and slots, the join form (organisation, profile,
/// introduction, table preference, availability), the participants with "request a meeting", the person's requests in
/// and out with accept (picking a slot where participants pick) and decline, and the link to their agenda.
/// </summary>
[AllowAnonymous]
public sealed class SessionModel(SessionQueries q, Participation participation, MeetingRequests requests, AgoraDbContext db, CurrentUser current,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class JoinForm
    {
        public string? Organisation { get; set; }
        public int? ProfileId { get; set; }
        public string? Introduction { get; set; }
        public MeetingMode MeetingMode { get; set; }
        public List<int> Slots { get; set; } = [];
    }

    public SessionView Session { get; private set; } = null!;
    public List<ParticipantView> Participants { get; private set; } = [];
    public List<RequestView> Requests { get; private set; } = [];
    public JoinChoices Choices { get; private set; } = new([], []);
    [BindProperty] public JoinForm Input { get; set; } = new();

    private async Task<bool> LoadAsync(string slug, int eventId, CancellationToken ct, bool fillForm = false)
    {
        var found = await q.GetAsync(slug, eventId, ct);
        if (!found.IsOk) return false;
        Session = found.Value!;
        if ((await q.ParticipantsAsync(slug, eventId, ct)) is { IsOk: true } p && Session.Me is not null) Participants = p.Value!;
        if (Session.Me is not null && (await q.RequestsAsync(slug, eventId, ct)) is { IsOk: true } r) Requests = r.Value!;
        if (current.Id is { } me && (Session.CanJoin || Session.Me is not null)) Choices = await SessionChoices.ForAsync(db, me, ct);
        if (fillForm && Session.Me is { } mine)
            Input = new JoinForm { Organisation = mine.Organisation, ProfileId = mine.ProfileId, Introduction = mine.Introduction, MeetingMode = mine.MeetingMode, Slots = [.. mine.Slots] };
        return true;
    }

    public string Time(DateTimeOffset at) => ZonedTime.Text(at, Session.TimeZone);
    public string SlotText(int slotId) => Session.Slots.FirstOrDefault(s => s.Id == slotId) is { } s ? SlotSpan(s) : "";
    public string SlotSpan(SlotView s) => $"{ZonedTime.ToLocal(s.StartsAt, ZonedTime.Find(Session.TimeZone)):HH:mm}–{ZonedTime.ToLocal(s.EndsAt, ZonedTime.Find(Session.TimeZone)):HH:mm}";

    public async Task<IActionResult> OnGetAsync(string slug, int eventId, CancellationToken ct) =>
        await LoadAsync(slug, eventId, ct, fillForm: true) ? Page() : this.Hidden();

    private async Task<IActionResult> AgainAsync(string slug, int eventId, CancellationToken ct) =>
        await LoadAsync(slug, eventId, ct) ? Page() : this.Hidden();

    private string Here(string slug, int eventId) => SessionPaths.Session(slug, eventId);

    public async Task<IActionResult> OnPostJoinAsync(string slug, int eventId, CancellationToken ct) =>
        await this.AnswerAsync(await participation.JoinAsync(slug, eventId,
                new JoinInput(Input.Organisation, Input.ProfileId, Input.Introduction, Input.MeetingMode, Input.Slots), ct),
            t["MatchSession.JoinedFlash"].Value, _ => Here(slug, eventId), () => AgainAsync(slug, eventId, ct));

    public async Task<IActionResult> OnPostLeaveAsync(string slug, int eventId, CancellationToken ct) =>
        await this.AnswerAsync(await participation.LeaveAsync(slug, eventId, ct), t["MatchSession.LeftFlash"].Value, _ => Here(slug, eventId),
            () => AgainAsync(slug, eventId, ct));

    public async Task<IActionResult> OnPostRequestAsync(string slug, int eventId, int to, string? message, CancellationToken ct) =>
        await this.AnswerAsync(await requests.RequestAsync(slug, eventId, new RequestInput(to, message), ct), t["MatchSession.RequestedFlash"].Value,
            _ => Here(slug, eventId), () => AgainAsync(slug, eventId, ct), prefix: "Request");

    public async Task<IActionResult> OnPostAcceptAsync(string slug, int eventId, int requestId, int? slotId, CancellationToken ct) =>
        await this.AnswerAsync(await requests.AcceptAsync(slug, eventId, requestId, new AcceptInput(slotId), ct), t["MatchSession.AcceptedFlash"].Value,
            _ => Here(slug, eventId), () => AgainAsync(slug, eventId, ct), prefix: "Answer");

    public async Task<IActionResult> OnPostDeclineAsync(string slug, int eventId, int requestId, CancellationToken ct) =>
        await this.AnswerAsync(await requests.DeclineAsync(slug, eventId, requestId, ct), t["MatchSession.DeclinedFlash"].Value,
            _ => Here(slug, eventId), () => AgainAsync(slug, eventId, ct), prefix: "Answer");

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, int eventId, int requestId, CancellationToken ct) =>
        await this.AnswerAsync(await requests.WithdrawAsync(slug, eventId, requestId, ct), t["MatchSession.WithdrawnFlash"].Value,
            _ => Here(slug, eventId), () => AgainAsync(slug, eventId, ct), prefix: "Answer");
}
