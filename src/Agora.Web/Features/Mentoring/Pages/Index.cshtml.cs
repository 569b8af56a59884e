using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Mentoring.Pages;

/// <summary>A hub's mentoring for the person: their mentor profile and mentees, their mentor, their request and its place in the queue, the hub's mentors.</summary>
public sealed class IndexModel(HubQueries hubs, MentoringQueries queries, AskForMentor ask, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public MyMentoring Mine { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, int id, CancellationToken ct) =>
        await this.AnswerAsync(await ask.WithdrawAsync(slug, id, ct), t["Mentoring.Withdrawn"].Value, _ => $"/hubs/{slug}/mentoring",
            async () => await LoadAsync(slug, ct) ?? Page(), prefix: "");

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
