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

/// <summary>
/// The one way a use case's <see cref="Result{T}"/> becomes an API answer. Every handler declares a TypedResults union
/// (<c>Results&lt;Ok&lt;T&gt;, ValidationProblem, ProblemHttpResult&gt;</c>), so OpenAPI learns the success answer from its type;
/// errors are RFC 9457 problem details, documented by <see cref="ApiDocument"/>.
/// </summary>
public static class ApiResults
{
    /// <summary>200 with the value, or the error (400 with field errors, 403, 404, 409; 429 without Retry-After: see <see cref="FromLimited"/>).</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> From<T>(Result<T> result) => From(result, TypedResults.Ok);

    /// <summary>The success answer <paramref name="ok"/> makes from the value, or the error as problem details.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> From<T, TOk>(Result<T> result, Func<T, TOk> ok) where TOk : IResult =>
        result.Outcome switch
        {
            Outcome.Ok => ok(result.Value!),
            Outcome.Invalid => TypedResults.ValidationProblem(result.Errors),
            _ => Problem(result),
        };

    /// <summary>For use cases under a submission limit: as <see cref="From{T, TOk}"/>, and 429 with a Retry-After header.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult, TooManyRequestsProblem> FromLimited<T, TOk>(Result<T> result, Func<T, TOk> ok)
        where TOk : IResult =>
        result.Outcome switch
        {
            Outcome.Ok => ok(result.Value!),
            Outcome.Invalid => TypedResults.ValidationProblem(result.Errors),
            Outcome.TooMany => new TooManyRequestsProblem(result.RetryAfter ?? TimeSpan.FromMinutes(1), FirstError(result)),
            _ => Problem(result),
        };

    /// <summary>403, 404, 409 or 429 problem details for a result that is not Ok or Invalid.</summary>
    private static ProblemHttpResult Problem<T>(Result<T> result) => result.Outcome switch
    {
        Outcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden),
        Outcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: FirstError(result)),
        Outcome.TooMany => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, detail: FirstError(result)),
        _ => NotFound(),
    };

    private static string? FirstError<T>(Result<T> result) => result.Errors.Values.SelectMany(v => v).FirstOrDefault();

    /// <summary>404 as problem details: never an empty body.</summary>
    public static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);

    /// <summary>
    /// The multipart form of an upload endpoint; when there is none, the problem to answer instead: 415 for another
    /// content type, 400 for a form that cannot be read.
    /// </summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType));
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (InvalidDataException)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>400 for query values out of range (paging, sort, filters).</summary>
    public static ValidationProblem BadQuery(Microsoft.Extensions.Localization.IStringLocalizer t) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [t["Validation.Paging"]] });

    /// <summary>A field error as a 400 answer.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>429 problem details (RFC 9457) with a Retry-After header in whole seconds (RFC 9110).</summary>
public sealed class TooManyRequestsProblem(TimeSpan retryAfter, string? detail) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status429TooManyRequests;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var seconds = (long)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, detail: detail).ExecuteAsync(httpContext);
    }
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
