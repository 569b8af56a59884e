using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Mentoring.Pages;

/// <summary>
/// One pair: goals, sessions (the pair plans them and writes notes and agreed actions, theirs alone), ending it, and each
/// side's feedback once it ended. Managers see the sessions held and the ratings, not notes or feedback text.
/// </summary>
public sealed class PairModel(HubQueries hubs, MentoringQueries queries, PairSessions sessions, EndPair end, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public PairView Pair { get; private set; } = null!;

    public sealed class PlanForm
    {
        public DateTime? At { get; set; }
        public string? Place { get; set; }
    }

    public sealed class EndForm
    {
        public string? Note { get; set; }
    }

    public sealed class FeedbackForm
    {
        public int? Rating { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty] public PlanForm Plan { get; set; } = new();
    [BindProperty] public EndForm End { get; set; } = new();
    [BindProperty] public FeedbackForm Feedback { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, int pair, CancellationToken ct) => await LoadAsync(slug, pair, ct) ?? Page();

    public async Task<IActionResult> OnPostPlanAsync(string slug, int pair, CancellationToken ct)
    {
        // The form's time is the hub's wall-clock time: the use case converts it in the hub's zone.
        return await AnswerAsync(await sessions.PlanAsync(slug, pair, new SessionInput(null, Plan.Place, Plan.At), ct), "Mentoring.SessionPlanned", "Plan", slug, pair, ct);
    }

    public async Task<IActionResult> OnPostNotesAsync(string slug, int pair, int session, string? notes, string? newAction, CancellationToken ct) =>
        await AnswerAsync(await sessions.WriteAsync(slug, pair, session, new NotesInput(notes, newAction is null ? [] : [newAction]), ct),
            "Mentoring.NotesSaved", "", slug, pair, ct);

    public async Task<IActionResult> OnPostActionAsync(string slug, int pair, int action, bool done, CancellationToken ct) =>
        await AnswerAsync(await sessions.SetDoneAsync(slug, pair, action, done, ct), "Mentoring.ActionSaved", "", slug, pair, ct);

    public async Task<IActionResult> OnPostEndAsync(string slug, int pair, CancellationToken ct) =>
        await AnswerAsync(await end.EndAsync(slug, pair, new EndInput(End.Note), ct), "Mentoring.PairEndedFlash", "End", slug, pair, ct);

    public async Task<IActionResult> OnPostFeedbackAsync(string slug, int pair, CancellationToken ct) =>
        await AnswerAsync(await end.FeedbackAsync(slug, pair, new FeedbackInput(Feedback.Rating, Feedback.Text), ct), "Mentoring.FeedbackSaved", "Feedback", slug, pair, ct);

    private Task<IActionResult> AnswerAsync(Result<int> result, string flash, string prefix, string slug, int pair, CancellationToken ct) =>
        this.AnswerAsync(result, t[flash].Value, _ => $"/hubs/{slug}/mentoring/pairs/{pair}", async () => await LoadAsync(slug, pair, ct) ?? Page(), prefix,
            prefix.Length == 0 ? (_, _) => "" : null);

    private async Task<IActionResult?> LoadAsync(string slug, int pair, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        var view = await queries.PairAsync(slug, pair, ct);
        if (!view.IsOk) return this.Refusal(view.Outcome);
        Hub = hub;
        Pair = view.Value!;
        return null;
    }
}
