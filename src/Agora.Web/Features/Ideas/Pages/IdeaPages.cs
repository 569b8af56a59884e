using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Ideas.Pages;

/// <summary>The idea form's fields as the pages post them; answers to campaign questions are read from the form by name.</summary>
public sealed class IdeaForm
{
    public string? Title { get; set; }
    public string? Language { get; set; }
    public string? Problem { get; set; }
    public string? Solution { get; set; }
    public string? Benefits { get; set; }
    public List<string> Beneficiaries { get; set; } = [];
    public string? Origin { get; set; }
    public string? CareLevel { get; set; }
    public string? Setting { get; set; }
    public string? FocusArea { get; set; }
    /// <summary>Tags separated by commas.</summary>
    public string? Tags { get; set; }
    public bool Anonymous { get; set; }
    public int? Version { get; set; }

    /// <summary>What was answered, to show the form again (not bound: read with <see cref="ReadAnswers"/>).</summary>
    [BindNever]
    public Dictionary<Guid, IReadOnlyList<string>> Answers { get; set; } = [];

    public static string AnswerName(Guid questionId) => "Input.Answers." + questionId.ToString("N");

    public static string AnswerId(Guid questionId) => PageSupport.FieldId(AnswerName(questionId));

    /// <summary>Reads the answers to the campaign's questions from the posted form.</summary>
    public void ReadAnswers(IFormCollection form, IReadOnlyList<CampaignQuestion> questions)
    {
        foreach (var q in questions)
            Answers[q.Id] = form[AnswerName(q.Id)].Where(v => v is not null).Select(v => v!).ToList();
    }

    /// <summary>The input of the use cases; <paramref name="withDetails"/> false sends only title and language (wizard step 1).</summary>
    public IdeaInput ToInput(IReadOnlyList<CampaignQuestion> questions, bool withDetails = true)
    {
        if (!withDetails) return new IdeaInput { Title = Title, Language = Language, Version = Version };
        return new IdeaInput
        {
            Title = Title, Language = Language, Problem = Problem ?? "", Solution = Solution ?? "", Benefits = Benefits ?? "",
            Beneficiaries = Beneficiaries, Origin = Origin, CareLevel = CareLevel, Setting = Setting, FocusArea = FocusArea ?? "",
            Tags = (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            Anonymous = Anonymous, Version = Version,
            Answers = questions.Select(q =>
            {
                var values = Answers.GetValueOrDefault(q.Id) ?? [];
                return q.Kind == QuestionKind.MultipleChoice
                    ? new IdeaAnswerInput(q.Id.ToString(), null, values.ToList())
                    : new IdeaAnswerInput(q.Id.ToString(), values.FirstOrDefault() ?? "", null);
            }).ToList(),
        };
    }

    public static IdeaForm From(IdeaDetail d) => new()
    {
        Title = d.Title, Language = d.Language, Problem = d.Problem, Solution = d.Solution, Benefits = d.Benefits,
        Beneficiaries = d.Beneficiaries.ToList(), Origin = d.Origin.ToString(), CareLevel = d.CareLevel.ToString(), Setting = d.Setting.ToString(),
        FocusArea = d.FocusArea, Tags = string.Join(", ", d.Tags), Anonymous = d.Anonymous, Version = d.Version,
        Answers = d.Answers.ToDictionary(a => a.QuestionId, a => a.Values),
    };
}

/// <summary>What the shared idea fields partial needs.</summary>
public sealed record IdeaFormView(IdeaForm Form, IReadOnlyList<CampaignQuestion> Questions, IReadOnlyList<string> FocusAreas, ModelStateDictionary ModelState)
{
    public bool HasError(string name) => ModelState.TryGetValue(name, out var e) && e.Errors.Count > 0;

    public string? DescribedBy(string name, string? hint = null)
    {
        var ids = new[] { hint, HasError(name) ? PageSupport.FieldId(name) + "-error" : null }.Where(x => x is not null).ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}

/// <summary>The values of an idea list's filter form, as read from the query string.</summary>
public sealed record IdeaListRequest(
    string Sort, string? State, string? FocusArea, string? Origin, string? CareLevel, string? Setting, string? Tag,
    bool Mine, bool Followed, string? Campaign, int? Seed, int? Page, string? Text = null)
{
    public static IdeaListRequest Read(IQueryCollection q)
    {
        static string? S(IQueryCollection q, string key) => q.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        static int? I(IQueryCollection q, string key) => S(q, key) is { } s ? int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1 : null;
        return new IdeaListRequest(S(q, "sort") ?? IdeaQueries.DefaultSort, S(q, "state"), S(q, "focusArea"), S(q, "origin"),
            S(q, "careLevel"), S(q, "setting"), S(q, "tag"), S(q, "mine") == "true", S(q, "followed") == "true", S(q, "campaign"),
            I(q, "seed"), I(q, "page"), S(q, "q"));
    }

    public (ListQuery Query, IdeaFilter Filter)? Parse(int pageSize)
    {
        var query = ListQuery.Parse(Page, pageSize, Sort, IdeaQueries.Sorts, IdeaQueries.DefaultSort);
        var filter = IdeaFilter.Parse(State, FocusArea, Origin, CareLevel, Setting, Tag, Mine, Followed, Campaign, Seed, Text);
        return query is null || filter is null ? null : (query, filter);
    }

    public bool HasFilters => State is not null || FocusArea is not null || Origin is not null || CareLevel is not null
        || Setting is not null || Tag is not null || Mine || Followed || Campaign is not null || Text is not null;
}

/// <summary>What the idea list partial (_CampaignIdeas) needs: the page of ideas and the filter form's values.</summary>
public sealed record IdeaListView(
    string Path, IQueryCollection Query, PagedList<IdeaSummary> Ideas, IdeaListRequest Request, IReadOnlyList<string> FocusAreas,
    IReadOnlyList<CampaignOption>? Campaigns, bool SignedIn, bool ShowVoteSort, int NewSeed, string? NewIdeaUrl = null);

/// <summary>Builds idea lists for pages, so the campaign page can show the same list as the ideas page.</summary>
public static class IdeaLists
{
    public const int PageSize = 12;

    /// <summary>The list of a readable campaign for the request's query; null when the query is not valid (answer 400).</summary>
    public static async Task<IdeaListView?> ForCampaignAsync(IdeaQueries queries, CampaignContext campaign, HttpRequest request, CancellationToken ct)
    {
        var r = IdeaListRequest.Read(request.Query) with { Campaign = null };
        if (r.Parse(PageSize) is not { } parsed) return null;
        var page = await queries.ListForCampaignAsync(campaign, parsed.Query, parsed.Filter, ct);
        var focus = await queries.FocusAreaKeysAsync(campaign, ct);
        var signedIn = request.HttpContext.User.Identity?.IsAuthenticated == true;
        return new IdeaListView($"/hubs/{campaign.HubSlug}/campaigns/{campaign.Slug}/ideas", request.Query, page, r, focus, null, signedIn,
            CampaignRules.ShowVoteCounts(campaign.Policy, campaign.Viewer), Random.Shared.Next(1, IdeaFilter.MaxSeed),
            $"/hubs/{campaign.HubSlug}/campaigns/{campaign.Slug}/ideas/new");
    }
}

/// <summary>Answers of use cases turned into page results, the same way on every idea page.</summary>
public abstract class IdeaPageModel : PageModel
{
    /// <summary>The page answer of <see cref="PageAnswers.AnswerAsync{T}"/>, as every page gives it.</summary>
    protected Task<IActionResult> AnswerAsync<T>(Result<T> result, string? flash, Func<T, string> redirect,
        Func<Task<IActionResult>> showAgain, string prefix = "Input") =>
        PageAnswers.AnswerAsync(this, result, flash, redirect, showAgain, prefix);

    protected static string IdeaUrl(string hubSlug, int id) => $"/hubs/{hubSlug}/ideas/{id.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>What the attachments partial needs: the files and the route values of the page's handlers.</summary>
public sealed record AttachmentsView(IReadOnlyList<AttachmentView> Attachments, Dictionary<string, string> Route);
