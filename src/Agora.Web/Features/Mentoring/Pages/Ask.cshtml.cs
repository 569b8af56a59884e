using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Mentoring.Pages;

/// <summary>A member asks for a mentor: goals, focus area, language and, if they like, the mentor they would like.</summary>
public sealed class AskModel(HubQueries hubs, MentoringQueries queries, AskForMentor ask, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public MyMentoring Mine { get; private set; } = null!;

    public sealed class AskForm
    {
        public string? Goals { get; set; }
        public string? FocusArea { get; set; }
        public string? Language { get; set; }
        public Guid? PreferredMentorId { get; set; }
    }

    [BindProperty] public AskForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused) return refused;
        return Mine.MayAsk ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var result = await ask.AskAsync(slug, new AskInput(Input.Goals, Input.FocusArea, Input.Language, Input.PreferredMentorId), ct);
        var flash = result.Value?.PairId is null ? t["Mentoring.Queued"].Value : t["Mentoring.PairedNow"].Value;
        return await this.AnswerAsync(result, flash, a => a.PairId is { } pair ? $"/hubs/{slug}/mentoring/pairs/{pair}" : $"/hubs/{slug}/mentoring",
            async () => await LoadAsync(slug, ct) ?? Page());
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        var mine = await queries.MineAsync(slug, ct);
        if (!mine.IsOk) return this.Refusal(mine.Outcome);
        Hub = hub;
        Mine = mine.Value!;
        return null;
    }
}
