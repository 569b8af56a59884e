using Agora.Web.Features.Matchmaking.Suggestions;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking.Pages.Suggestions;

/// <summary>
/// The suggested counterparts of a profile, a need or a service, best first, each with its reasons in words, for the
/// people who act on it; each can be marked useful or dismissed (dismissed ones move to their own list and can come back).
/// </summary>
public sealed class SuggestionsModel(Matchmaking.Suggestions.Suggestions s, IStringLocalizer<SharedResource> t) : PageModel
{
    public SuggestionList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken ct)
    {
        if (!Matchmaking.Suggestions.Suggestions.TryItem(kind, id, out var item)) return NotFound();
        var list = await s.ListAsync(item, ct);
        if (!list.IsOk) return this.Refusal(list.Outcome);
        List = list.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int id, string? counterpart, string? verdict, CancellationToken ct)
    {
        if (!Matchmaking.Suggestions.Suggestions.TryItem(kind, id, out var item)) return NotFound();
        SuggestionVerdict? v = Enum.TryParse<SuggestionVerdict>(verdict, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var saved = await s.FeedbackAsync(item, new FeedbackInput(counterpart, v), ct);
        var flash = v switch
        {
            SuggestionVerdict.Useful => t["Suggestions.MarkedUseful"].Value,
            SuggestionVerdict.Dismissed => t["Suggestions.DismissedFlash"].Value,
            _ => t["Suggestions.Restored"].Value,
        };
        return await this.AnswerAsync(saved, flash, _ => Matchmaking.Suggestions.Suggestions.PathOf(item), async () => await OnGetAsync(kind, id, ct));
    }
}
