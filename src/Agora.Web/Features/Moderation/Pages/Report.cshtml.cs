using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Moderation.Pages;

/// <summary>Report an idea or a comment to the hub's moderators.</summary>
public sealed class ReportModel(ReportContent report, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromRoute] public ReportTarget Target { get; set; }
    [FromRoute] public long Id { get; set; }
    [BindProperty] public ReportForm Input { get; set; } = new();

    public sealed class ReportForm
    {
        public ReportReason? Reason { get; set; }
        public string? Details { get; set; }
    }

    public string Slug { get; private set; } = "";

    public IActionResult OnGet(string slug)
    {
        if (!Enum.IsDefined(Target) || Id <= 0) return NotFound();
        Slug = slug;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        Slug = slug;
        if (!Enum.IsDefined(Target) || Id <= 0) return NotFound();
        if (Input.Reason is null)
        {
            ModelState.AddModelError("Input.Reason", t["Validation.Required"]);
            return Page();
        }
        var result = await report.HandleAsync(Target, Id, Input.Reason.Value, Input.Details, ct);
        switch (result.Outcome)
        {
            case Outcome.NotFound or Outcome.Forbidden:
                return this.Refusal(result.Outcome);
            case Outcome.Invalid or Outcome.TooMany:
                ModelState.AddErrors(result.Errors);
                return Page();
        }
        TempData["Flash"] = t["Moderation.Reported"].Value;
        return Redirect(await BackAsync(slug));
    }

    private Task<string> BackAsync(string slug) => Task.FromResult(Target == ReportTarget.Idea
        ? $"/hubs/{slug}/ideas/{Id}"
        : $"/hubs/{slug}");
}
