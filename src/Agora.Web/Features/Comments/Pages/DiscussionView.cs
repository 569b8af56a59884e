namespace Agora.Web.Features.Comments.Pages;

/// <summary>What the discussion partial renders: the page of comments, where its forms return to, and a draft to keep after an error.</summary>
public sealed record DiscussionView(CommentPage Page, string ReturnUrl, string? DraftBody = null, long? DraftParentId = null)
{
    public string Action(string? handler = null, long? commentId = null)
    {
        var url = $"/hubs/{Page.HubSlug}/ideas/{Page.IdeaId}/comments";
        var query = new List<string>();
        if (handler is not null) query.Add("handler=" + handler);
        if (commentId is not null) query.Add("commentId=" + commentId);
        query.Add("returnUrl=" + Uri.EscapeDataString(ReturnUrl));
        return url + "?" + string.Join("&", query);
    }
}
