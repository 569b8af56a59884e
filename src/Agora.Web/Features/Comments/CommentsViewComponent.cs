using Agora.Web.Features.Comments.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Agora.Web.Features.Comments;

/// <summary>The first page of an idea's discussion, for the idea page: <c>@await Component.InvokeAsync("Comments", new { ideaId })</c>.</summary>
public sealed class CommentsViewComponent(CommentQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int ideaId)
    {
        var page = await queries.PageAsync(ideaId, 1, null, HttpContext.RequestAborted);
        if (page is null) return Content("");
        var here = HttpContext.Request.Path + HttpContext.Request.QueryString;
        return View("/Features/Comments/Pages/_Discussion.cshtml", new DiscussionView(page, here));
    }
}
