using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

public sealed class TokensModel(ApiTokens tokens, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public TokenForm Input { get; set; } = new();
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public CreatedToken? Created { get; private set; }

    public sealed class TokenForm
    {
        public string? Name { get; set; }
        public List<string> Scopes { get; set; } = [];
        public int? ExpiresInDays { get; set; } = 30;
    }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await tokens.CreateAsync(new CreateTokenInput(Input.Name, Input.Scopes, Input.ExpiresInDays), ct);
        if (result.Outcome == Outcome.Forbidden) return this.Refusal(result.Outcome);
        if (result.IsOk)
        {
            // Shown in this response only; never stored or redirected with.
            Created = result.Value;
            Input = new TokenForm();
            ModelState.Clear();
        }
        else ModelState.AddErrors(result.Errors);
        Tokens = await tokens.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(id, ct);
        if (!result.IsOk) return NotFound();
        TempData["Flash"] = t["Accounts.TokenRevokedFlash"].Value;
        return RedirectToPage();
    }
}
