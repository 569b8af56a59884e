using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Platform.Errors;

/// <summary>RFC 9457 problem details for the API, with titles in the person's language.</summary>
public static class Problems
{
    public static void AddAgoraProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var t = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (ctx.ProblemDetails.Title is null || ctx.ProblemDetails.Title == ReasonPhrase(status))
                ctx.ProblemDetails.Title = t["Problem.Status" + status].ResourceNotFound ? ctx.ProblemDetails.Title : t["Problem.Status" + status];
            ctx.ProblemDetails.Extensions.Remove("exception");
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
    }

    private static string? ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    public static async Task WriteAsync(HttpContext ctx, int status, string detailKey)
    {
        var t = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var service = ctx.RequestServices.GetRequiredService<IProblemDetailsService>();
        ctx.Response.StatusCode = status;
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = new ProblemDetails { Status = status, Detail = t[detailKey] },
        });
    }

    /// <summary>API errors are problem details; page errors show the friendly error page.</summary>
    public static void UseAgoraErrors(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", StatusCodeSelector = StatusFor });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
    }

    /// <summary>Malformed requests are the client's fault, not a server error.</summary>
    private static int StatusFor(Exception e) => e switch
    {
        BadHttpRequestException b => b.StatusCode,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        OperationCanceledException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
