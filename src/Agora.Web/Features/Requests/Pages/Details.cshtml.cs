using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>One request: its answers, documents, dates and timeline, and what the reader may do with it now.</summary>
public sealed class DetailsModel(HubQueries hubs, RequestQueries queries, RequestWorkflow workflow, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public RequestDetail Item { get; private set; } = null!;

    public sealed class ReturnForm
    {
        public string? Missing { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class ExtendForm
    {
        public int? Months { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public ReturnForm Return { get; set; } = new();
    [BindProperty] public ExtendForm Extend { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReturnAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await workflow.ReturnAsync(slug, id, new ReturnInput(Return.Missing, Return.DueOn), ct), "Return", "Requests.Returned", ct);

    public async Task<IActionResult> OnPostAcceptAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await workflow.AcceptAsync(slug, id, ct), "", "Requests.Accepted", ct);

    public async Task<IActionResult> OnPostExtendAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await workflow.ExtendAsync(slug, id, new ExtendInput(Extend.Months, Extend.Reason), ct), "Extend", "Requests.ExtendedFlash", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, [FromRoute(Name = "request")] int id, CancellationToken ct) =>
        await AnswerAsync(slug, id, await workflow.WithdrawAsync(slug, id, ct), "", "Requests.WithdrawnFlash", ct);

    private async Task<IActionResult> AnswerAsync(string slug, int id, Result<int> result, string prefix, string flash, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Flash"] = t[flash].Value;
                return Redirect($"/hubs/{slug}/requests/{id}");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            default:
                ModelState.AddErrors(result.Errors, prefix);
                return await LoadAsync(slug, id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(string slug, int id, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return false;
        if (await queries.GetAsync(slug, id, ct) is not { } item) return false;
        Hub = hub;
        Item = item;
        return true;
    }
}
