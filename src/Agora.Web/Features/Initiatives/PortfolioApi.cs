using Agora.Web.Features.Accounts;
using Agora.Web.Features.Transfer;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agora.Web.Features.Initiatives;

/// <summary>/api/v1/hubs/{slug}/portfolio and /indicators: the same figures as the portfolio and indicators pages.</summary>
public static class PortfolioApi
{
    private const string Filters = "Filters (all optional): from, to (yyyy-MM-dd; default the current calendar year), stage (its id or position), "
        + "status (Active, OnHold, Used, Stopped), verganti (EverydayImprovement, TechnologyDriven, MeaningDriven, Epiphany), "
        + "kind (Product, Service, Process, Organisational, BusinessModel), origin, careLevel, setting (as for ideas). "
        + "An initiative is in the period when it started before its end and was not stopped or marked used before its start. "
        + "Only initiatives you may know are counted: hub managers see all; others those with a public summary, those they are on the team of "
        + "and those made from their ideas. A bad value or from after to answers 400.";

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var hub = api.MapGroup("/hubs/{slug}").WithTags("Initiatives");
        hub.MapGet("/portfolio", Get).WithName("GetPortfolio").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("The hub's innovation portfolio: initiatives by stage, Verganti type, origin, care level and setting, the funnel and time in stage")
            .WithDescription(Filters + " Verganti bubbles carry the planned budget (sum of budget lines, in the hub's currency) when you may see the initiative's money "
                + "(its team, the hub's managers, gatekeepers and evaluators), null otherwise; sizedByBudget says whether you see every bubble's. The funnel counts "
                + "ideas published in the period, accepted, in an initiative, then those initiatives reaching each stage and in use. "
                + "Time in stage: days between entering a stage and leaving it, each initiative's stays added up; the current stage of active initiatives counts up to now.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/portfolio/export", Export).WithName("ExportPortfolio").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("Download the filtered portfolio: one row per initiative you may know")
            .WithDescription("format=csv (default; UTF-8 with BOM) or xlsx. " + Filters
                + " Columns: id, title, stage, status, visibility, verganti, kind, origins, care levels, settings, planned budget, spent budget, currency, "
                + "benefits, created, stage entered. The budget cells are empty for initiatives whose money you may not see (only their team and "
                + "the hub's managers, gatekeepers and evaluators see it).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/indicators", GetIndicators).WithName("GetInnovationIndicators").RequireScope(ApiScopes.HubsRead)
            .WithSummary("The hub's ISO 56002 innovation indicators for a period (hub managers and gatekeepers)")
            .WithDescription("from, to: yyyy-MM-dd (default the current calendar year). Input: ideas submitted, initiatives started, people taking part "
                + "(published an idea, commented or voted in the hub), share of the hub's members taking part. Throughput: conversion from each stage to "
                + "the next of initiatives entering it in the period, median days from entering a stage to the gate decision on it, experiments run "
                + "(validation and pilot reports attached). Output: initiatives deployed (entered the last stage), marked used, benefits whose latest "
                + "measurement reached the target (direction-aware), stopped with lessons written down. Percentages are null when there is nothing to divide by.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<PortfolioView>, ValidationProblem, ProblemHttpResult>> Get(string slug, [AsParameters] PortfolioQuery q, Portfolio portfolio, CancellationToken ct) =>
        ApiResults.From(await portfolio.GetAsync(slug, q, ct));

    private static async Task<Results<ExportFileResult, ValidationProblem, ProblemHttpResult>> Export(string slug, [AsParameters] PortfolioQuery q, string? format, Portfolio portfolio, CancellationToken ct) =>
        ApiResults.From(await portfolio.ExportAsync(slug, q, format, ct), file => new ExportFileResult(file));

    private static async Task<Results<Ok<IndicatorSet>, ValidationProblem, ProblemHttpResult>> GetIndicators(string slug, string? from, string? to, Indicators indicators, CancellationToken ct) =>
        ApiResults.From(await indicators.ComputeAsync(slug, from, to, ct));
}
