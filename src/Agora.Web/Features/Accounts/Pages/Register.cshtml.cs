using System.Globalization;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Accounts.Pages;

[AllowAnonymous]
public sealed class RegisterModel(RegisterAccount register) : PageModel
{
    [BindProperty] public RegisterForm Input { get; set; } = new();
    public bool Done { get; private set; }

    public sealed class RegisterForm
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await register.RegisterAsync(new RegisterInput(Input.DisplayName, Input.Email, Input.Password, Input.ConfirmPassword),
            CultureInfo.CurrentUICulture.Name, ct);
        if (result.Outcome == Outcome.Ok)
        {
            Done = true;
            return Page();
        }
        ModelState.AddErrors(result.Errors);
        Input.Password = Input.ConfirmPassword = null;
        return Page();
    }
}
