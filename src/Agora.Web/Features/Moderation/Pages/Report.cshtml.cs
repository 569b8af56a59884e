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
        return await this.AnswerAsync(result, t["Moderation.Reported"].Value, _ => Back(slug), () => Task.FromResult<IActionResult>(Page()));
    }

    private string Back(string slug) => Target == ReportTarget.Idea
        ? $"/hubs/{slug}/ideas/{Id}"
        : $"/hubs/{slug}";
}
