using System.Text;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking.Sessions.Pages;

/// <summary>
/// A participant's personal agenda: their meetings in time order with the table or the online room's link, printable
/// (the print stylesheet drops the site's header and forms), the iCalendar download, and after a meeting the form to
/// record its outcome. Only the participant themselves reaches it (404 for everyone else).
/// </summary>
public sealed class AgendaModel(SessionQueries q, SessionCalendar calendar, SessionMeetings meetings, IStringLocalizer<SharedResource> t,
    TimeProvider clock) : PageModel
{
    public Agenda Agenda { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    private async Task<bool> LoadAsync(string slug, int eventId, CancellationToken ct)
    {
        var found = await q.AgendaAsync(slug, eventId, ct);
        if (!found.IsOk) return false;
        Agenda = found.Value!;
        Now = clock.GetUtcNow();
        return true;
    }

    public string Time(DateTimeOffset at) => ZonedTime.Text(at, Agenda.TimeZone);

    public async Task<IActionResult> OnGetAsync(string slug, int eventId, CancellationToken ct) =>
        await LoadAsync(slug, eventId, ct) ? Page() : this.Hidden();

    /// <summary>The agenda as an iCalendar file.</summary>
    public async Task<IActionResult> OnGetIcsAsync(string slug, int eventId, CancellationToken ct)
    {
        var ics = await calendar.AgendaAsync(slug, eventId, ct);
        if (!ics.IsOk) return this.Hidden();
        return File(Encoding.UTF8.GetBytes(ics.Value!), SessionCalendar.ContentType, $"agenda-{eventId}.ics");
    }

    public async Task<IActionResult> OnPostOutcomeAsync(string slug, int eventId, int meetingId, MeetingOutcomeKind? outcome, string? note, CancellationToken ct) =>
        await this.AnswerAsync(await meetings.RecordOutcomeAsync(slug, eventId, meetingId, new OutcomeInput(outcome, note), ct), t["MatchSession.OutcomeFlash"].Value,
            _ => SessionPaths.Agenda(slug, eventId), async () => await LoadAsync(slug, eventId, ct) ? Page() : this.Hidden(), prefix: "Outcome");
}
