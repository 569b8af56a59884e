using Agora.Web.Features.Matchmaking.Matching;
using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Features.Network;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking.Suggestions;

/// <summary>
/// The matcher's reasons in plain words, in the reader's language: "Offers what you seek: Internet of Things, remote
/// patient monitoring", "TRL 6 fits your 5–7", "Both in health", "They seek a partner in Portugal".
/// </summary>
public sealed class ReasonWords(IStringLocalizer<SharedResource> t)
{
    public IReadOnlyList<string> Describe(IEnumerable<MatchReason> reasons) => reasons.Select(Describe).ToList();

    public string Describe(MatchReason r) => r.Kind switch
    {
        MatchReasonKind.OffersWhatYouSeek => t["Suggestions.Reason.OffersWhatYouSeek", Terms(r.Terms)],
        MatchReasonKind.SeeksWhatYouOffer => t["Suggestions.Reason.SeeksWhatYouOffer", Terms(r.Terms)],
        MatchReasonKind.ReadinessFits => t["Suggestions.Reason.ReadinessFits", r.Trl!, r.Range!.Value.Min, r.Range.Value.Max],
        MatchReasonKind.ReadinessNear => t[r.Distance == 1 ? "Suggestions.Reason.ReadinessNear.One" : "Suggestions.Reason.ReadinessNear",
            r.Trl!, r.Distance, r.Range!.Value.Min, r.Range.Value.Max],
        MatchReasonKind.SameSector => t["Suggestions.Reason.SameSector", List(r.Sectors.Select(s => t["Network.Sector." + s].Value))],
        MatchReasonKind.InYourCountries => t["Suggestions.Reason.InYourCountries", NetworkNames.Country(r.Country!)],
        MatchReasonKind.TheySeekYourCountry => t["Suggestions.Reason.TheySeekYourCountry", NetworkNames.Country(r.Country!)],
        _ => r.Kind.ToString(),
    };

    public string Term(MatchTerm term) => term.Kind switch
    {
        TermKind.Technology => t["Network.Technology." + term.Key],
        TermKind.Category => t["Network.Category." + term.Key],
        TermKind.SubType => t["Network.SubType." + term.Key],
        TermKind.ProfileKind => SuggestionSources.KindOf(term.Key) is { } kind ? Kind(kind) : term.Key,
        TermKind.Audience => t["Network.CustomerType." + term.Key],
        TermKind.Region => NetworkNames.Region(term.Key),
        _ => term.Key,
    };

    /// <summary>A profile kind in words ("Technology offer").</summary>
    public string Kind(ProfileKind kind) => t["Suggestions.Kind." + kind];

    private string Terms(IEnumerable<MatchTerm> terms) => List(terms.Select(Term));

    private static string List(IEnumerable<string> items) => string.Join(", ", items);
}
