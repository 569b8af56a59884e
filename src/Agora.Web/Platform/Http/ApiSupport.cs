using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Agora.Web.Platform.Http;

/// <summary>Marks endpoints of the /api/v1 group.</summary>
public sealed class ApiMarker;

/// <summary>One page of a list, with the total so clients can page.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Paging and sorting as asked for by a page or a client, checked against an allowlist.</summary>
public sealed record ListQuery(int Page, int PageSize, string Sort, bool Descending)
{
    public const int MaxPageSize = 100;

    /// <summary>Parses "name" or "-name"; null when the field is not allowed.</summary>
    public static ListQuery? Parse(int? page, int? pageSize, string? sort, string[] allowedSorts, string defaultSort)
    {
        var p = page ?? 1;
        var size = pageSize ?? 20;
        if (p < 1 || p > 100_000 || size < 1 || size > MaxPageSize) return null;
        var s = string.IsNullOrWhiteSpace(sort) ? defaultSort : sort.Trim();
        var desc = s.StartsWith('-');
        var field = desc ? s[1..] : s;
        if (!allowedSorts.Contains(field, StringComparer.Ordinal)) return null;
        return new ListQuery(p, size, field, desc);
    }

    public int Skip => (Page - 1) * PageSize;
}

public static class ApiResults
{
    /// <summary>Maps a use-case result to the HTTP answer: 200/201, 400 with field errors, 403, 404, 409 or 429 (with Retry-After).</summary>
    public static IResult From<T>(Result<T> result, Func<T, IResult>? ok = null) => result.Outcome switch
    {
        Outcome.Ok => ok is null ? TypedResults.Ok(result.Value) : ok(result.Value!),
        Outcome.Invalid => TypedResults.ValidationProblem(result.Errors),
        Outcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden),
        Outcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: result.Errors.Values.SelectMany(v => v).FirstOrDefault()),
        Outcome.TooMany => new TooManyResult(result.RetryAfter ?? TimeSpan.FromMinutes(1), result.Errors.Values.SelectMany(v => v).FirstOrDefault()),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound),
    };

    /// <summary>429 problem details (RFC 9457) with a Retry-After header in whole seconds (RFC 9110).</summary>
    private sealed class TooManyResult(TimeSpan retryAfter, string? detail) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var seconds = (long)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, detail: detail).ExecuteAsync(httpContext);
        }
    }

    public static ValidationProblem BadQuery(Microsoft.Extensions.Localization.IStringLocalizer t) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [t["Validation.Paging"]] });
}

public static class OpenApiSetup
{
    /// <summary>
    /// Documents a request body of multipart/form-data with one required file field. The endpoints that take files
    /// read the form themselves (Accepts() would answer other bodies with 415 before the route's own checks).
    /// </summary>
    public static RouteHandlerBuilder AcceptsFileForm(this RouteHandlerBuilder endpoint, string field) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { field },
                            Properties = new Dictionary<string, IOpenApiSchema> { [field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
}

public static class CultureEndpoint
{
    /// <summary>POST /culture from the language switcher on every page; remembers the choice.</summary>
    public static void MapCultureEndpoint(this WebApplication app)
    {
        app.MapPost("/culture", async (HttpContext ctx, [FromForm] string culture, [FromForm] string? returnUrl,
                Microsoft.AspNetCore.Identity.UserManager<AgoraUser> users,
                Microsoft.AspNetCore.Identity.SignInManager<AgoraUser> signIn) =>
            {
                if (!LocalizationSetup.IsSupported(culture)) return Results.BadRequest();
                culture = LocalizationSetup.Normalize(culture);
                ctx.Response.Cookies.Append(LocalizationSetup.CookieName,
                    Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = ctx.Request.IsHttps, IsEssential = true });
                // The profile wins over the cookie, so a signed-in person's choice is saved there too.
                if (ctx.User.Identity?.IsAuthenticated == true && !ctx.User.HasClaim(c => c.Type == Auth.AgoraClaims.TokenId)
                    && await users.GetUserAsync(ctx.User) is { } user)
                {
                    user.PreferredLanguage = culture;
                    await users.UpdateAsync(user);
                    await signIn.RefreshSignInAsync(user);
                }
                return Results.LocalRedirect(LocalUrl.Safe(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
