using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

using Agora.Web.Features.Matchmaking.Suggestions;

namespace Agora.Web.Features.Matchmaking;

/// <summary>
/// Explained matches under /api/v1: the same rules as the pages (<see cref="Suggestions"/>). A suggestion list belongs
/// to the people who act on its item, so reading it needs organisations:read and giving feedback organisations:write.
/// </summary>
public static class SuggestionsApi
{
    private const string Tag = "Matchmaking suggestions";

    public sealed record FeedbackAnswer(string Counterpart, SuggestionVerdict? Verdict);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var s = api.MapGroup("/matchmaking/suggestions").WithTags(Tag);
        s.MapGet("/{kind}/{id:int}", List).WithName("ListMatchSuggestions").RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("Suggested counterparts of a partnering profile (kind profile), a customer's need (need) or a catalogue service (service), best first, each with its reasons in your language")
            .WithDescription("Counterparts are ranked by a reciprocal score (0–1, the harmonic mean of how much each side wants the other); "
                + "forward and backward are the two directions. The reasons come as the matcher's data and as sentences (words). "
                + "Suggestions you dismissed come apart, in dismissed. 404 for anyone who may not act on the item; 403 when the item is public.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        s.MapPut("/{kind}/{id:int}/feedback", Feedback).WithName("SetMatchSuggestionFeedback").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Mark one suggestion useful or dismiss it: {\"counterpart\": \"service:3\", \"verdict\": \"Useful\" | \"Dismissed\" | null (clears it)}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        s.MapGet("/report", Report).WithName("GetMatchSuggestionReport").RequireScope(ApiScopes.HubsRead)
            .WithSummary("How suggestions are received per kind of pair: shown, items, marked useful, dismissed, mean rank of the useful (network managers and platform admins)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Results<Ok<SuggestionList>, ValidationProblem, ProblemHttpResult>> List(string kind, int id, Suggestions.Suggestions s, CancellationToken ct) =>
        Suggestions.Suggestions.TryItem(kind, id, out var item) ? ApiResults.From(await s.ListAsync(item, ct)) : ApiResults.NotFound();

    private static async Task<Results<Ok<FeedbackAnswer>, ValidationProblem, ProblemHttpResult>> Feedback(string kind, int id, FeedbackInput input,
        Suggestions.Suggestions s, CancellationToken ct) =>
        Suggestions.Suggestions.TryItem(kind, id, out var item)
            ? ApiResults.From(await s.FeedbackAsync(item, input, ct), v => TypedResults.Ok(new FeedbackAnswer(input.Counterpart!, v)))
            : ApiResults.NotFound();

    private static async Task<Results<Ok<SuggestionReport>, ValidationProblem, ProblemHttpResult>> Report(Suggestions.Suggestions s, CancellationToken ct) =>
        ApiResults.From(await s.ReportAsync(ct));
}
