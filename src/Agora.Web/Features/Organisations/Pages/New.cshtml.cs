using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organisations.Pages;

/// <summary>Anyone signed in may create an organisation (the fallback policy requires sign-in).</summary>
public sealed class NewModel(SaveOrganisation save, IStringLocalizer<SharedResource> t) : PageModel, IOrganisationFormPage
{
    [BindProperty] public OrganisationForm Input { get; set; } = new();
    public bool IsNew => true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.CreateAsync(Input.ToInput(), ct);
        return await this.AnswerAsync(result, t["Organisations.Created"].Value, created => $"/organisations/{created}",
            () => Task.FromResult<IActionResult>(Page()), refused: _ => Forbid());
    }
}
