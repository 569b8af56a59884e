using Microsoft.AspNetCore.Mvc;

namespace Agora.Web.Features.Matchmaking.Suggestions;

/// <summary>
/// The best three suggestions of a profile, a need or a service, with a link to all of them, for the pages of other
/// areas that must not know matchmaking: <c>@await Component.InvokeAsync("MatchSuggestions", new { kind = "need", id })</c>.
/// Nothing for someone who may not see the item's suggestions.
/// </summary>
public sealed class MatchSuggestionsViewComponent(Suggestions suggestions) : ViewComponent
{
    public const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync(string kind, int id)
    {
        if (!Suggestions.TryItem(kind, id, out var item)) return Content("");
        var list = await suggestions.ListAsync(item, HttpContext.RequestAborted);
        if (!list.IsOk) return Content("");
        return View("~/Features/Matchmaking/Pages/Suggestions/_MatchSuggestions.cshtml", (list.Value!, Suggestions.PathOf(item)));
    }
}
