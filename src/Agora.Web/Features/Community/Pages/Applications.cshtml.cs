using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Community.Pages;

/// <summary>
/// A call's applications: for its managers ranked by weighted average score with reviews and excluded reviewers, and
/// the decision on each; for its reviewers the applications to review (never anyone's scores here).
/// </summary>
public sealed class ApplicationsModel(CallAccess access, CommunityQueries queries, CallDecisions decisions, CallReviewing reviewing,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public CallDetail Call { get; private set; } = null!;
    public IReadOnlyList<RankedApplication> Ranking { get; private set; } = [];
    public IReadOnlyList<ReviewTask> Tasks { get; private set; } = [];
    /// <summary>The reader: their own application shows no decision (another manager takes it).</summary>
    public Guid? Me { get; private set; }
    public int ReserveCount => Ranking.Count(a => a.Status == ApplicationStatus.Reserve);

    private async Task<bool> LoadAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(slug, id, ct);
        if (scope is null || !(scope.IsManager || scope.IsReviewer) || await queries.GetAsync(slug, id, ct) is not { } call) return false;
        Call = call;
        Me = scope.UserId;
        if (scope.IsManager) Ranking = await decisions.RankAsync(id, ct);
        if (scope.IsReviewer) Tasks = await reviewing.TasksAsync(scope, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "call")] int id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(string slug, [FromRoute(Name = "call")] int id, int application, string? decision, CancellationToken ct)
    {
        var result = await decisions.DecideAsync(slug, id, application, new DecideInput(decision), ct);
        return await this.AnswerAsync(result, t["Calls.DecisionSaved"].Value, _ => $"/hubs/{slug}/calls/{id}/applications",
            async () => await LoadAsync(slug, id, ct) ? Page() : NotFound(), "", (_, _) => "");
    }

    public async Task<IActionResult> OnPostMoveAsync(string slug, [FromRoute(Name = "call")] int id, int application, int? position, CancellationToken ct)
    {
        var result = await decisions.MoveOnReserveAsync(slug, id, application, new ReserveMove(position), ct);
        return await this.AnswerAsync(result, t["Calls.ReserveMoved"].Value, _ => $"/hubs/{slug}/calls/{id}/applications",
            async () => await LoadAsync(slug, id, ct) ? Page() : NotFound(), "", (_, _) => "");
    }
}
