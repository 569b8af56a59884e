using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Ideas.Pages;

/// <summary>"My ideas and what happened to them", with open co-author invitations to accept or decline.</summary>
public sealed class MineModel(IdeaQueries queries, IStringLocalizer<SharedResource> t) : IdeaPageModel
{
    public MyIdeas Mine { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Mine = await queries.MineAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int ideaId, [FromServices] AnswerCoAuthorInvitation answer, CancellationToken ct) =>
        await AnswerAsync(await answer.AnswerAsync(ideaId, true, ct), t["Ideas.CoAuthorAccepted"].Value, _ => "/ideas/mine", () => ShowAsync(ct));

    public async Task<IActionResult> OnPostDeclineAsync(int ideaId, [FromServices] AnswerCoAuthorInvitation answer, CancellationToken ct) =>
        await AnswerAsync(await answer.AnswerAsync(ideaId, false, ct), t["Ideas.CoAuthorDeclined"].Value, _ => "/ideas/mine", () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Mine = await queries.MineAsync(ct);
        return Page();
    }
}
