using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Mentoring.Pages;

/// <summary>The programme for the hub's managers: figures, pairs (filtered, sorted, paged), the queue, the mentors' load, pairing by hand, export.</summary>
public sealed class ProgrammeModel(HubQueries hubs, MentoringQueries queries, PairByHand pairing, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public Programme Programme { get; private set; } = null!;
    public IReadOnlyList<MentorCard> FreeMentors { get; private set; } = [];

    [FromQuery(Name = "state")] public PairState? State { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public sealed class PairForm
    {
        public Guid? MenteeId { get; set; }
        public Guid? MentorId { get; set; }
        public string? Goals { get; set; }
    }

    [BindProperty] public PairForm Input { get; set; } = new();

    public static readonly string[] SortChoices = ["-startedAt", "startedAt", "mentor", "mentee", "-sessions", "state"];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(string slug, string? format, CancellationToken ct)
    {
        var export = await queries.ExportAsync(slug, State, format, ct);
        if (export.Outcome is Platform.Errors.Outcome.NotFound or Platform.Errors.Outcome.Forbidden) return this.Refusal(export.Outcome);
        if (!export.IsOk) return BadRequest();
        Response.Headers.CacheControl = "private, no-store";
        return File(export.Value!.Content, export.Value.ContentType, export.Value.FileName);
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct) =>
        await this.AnswerAsync(await pairing.PairAsync(slug, new PairInput(Input.MenteeId, Input.MentorId, Input.Goals), ct), t["Mentoring.PairedByHand"].Value,
            id => $"/hubs/{slug}/mentoring/pairs/{id}", async () => await LoadAsync(slug, ct) ?? Page());

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        var q = ListQuery.Parse(PageNumber, 20, Sort, MentoringQueries.PairSorts, "-startedAt");
        if (q is null) return BadRequest();
        var programme = await queries.ProgrammeAsync(slug, q, State, ct);
        if (!programme.IsOk) return this.Refusal(programme.Outcome);
        Hub = hub;
        Programme = programme.Value!;
        FreeMentors = await queries.MentorsAsync(hub.Id, ct);
        return null;
    }
}
