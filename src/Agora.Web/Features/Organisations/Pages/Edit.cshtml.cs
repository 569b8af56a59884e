using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organisations.Pages;

/// <summary>Editing the profile: its admins or a platform admin; anyone else sees 404.</summary>
public sealed class EditModel(OrganisationQueries organisations, OrganisationAccess access, SaveOrganisation save, IStringLocalizer<SharedResource> t)
    : PageModel, IOrganisationFormPage
{
    [BindProperty] public OrganisationForm Input { get; set; } = new();
    public bool IsNew => false;
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var organisation = await organisations.GetAsync(slug, ct);
        if (organisation is null || !await access.CanManageAsync(organisation.Id, ct)) return NotFound();
        Input = OrganisationForm.From(organisation);
        Slug = organisation.Slug;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var result = await save.UpdateAsync(slug, Input.ToInput(), ct);
        return await this.AnswerAsync(result, t["Common.Saved"].Value, saved => $"/organisations/{saved}", () =>
        {
            Input.Slug = slug;
            Slug = slug;
            return Task.FromResult<IActionResult>(Page());
        }, refused: _ => NotFound());
    }
}
