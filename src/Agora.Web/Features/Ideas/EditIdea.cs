using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>
/// Authors and accepted co-authors edit a draft or a published idea until review starts. An edit of a published
/// idea keeps the previous text as a version; an edit made from an older version is refused, never lost.
/// </summary>
public sealed class EditIdea(AgoraDbContext db, IdeaAccess access, IdeaContent content, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<IdeaRef>> EditAsync(int id, IdeaInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<IdeaRef>.NotFound();
        var v = content.Validator;
        if (!scope.IsAuthorOrCoAuthor) return Result<IdeaRef>.Forbidden();
        if (!IdeaRules.IsEditableState(scope.Idea.State)) return Result<IdeaRef>.Conflict("", v.Message("Ideas.NotEditable"));
        if (!scope.CanEdit) return Result<IdeaRef>.Forbidden();
        if (input.Version is not { } version) return Result<IdeaRef>.Invalid("version", v.Message("Validation.Required"));
        if (version != scope.Idea.Version) return Result<IdeaRef>.Conflict("version", v.Message("Ideas.StaleVersion"));
        var userId = scope.UserId!.Value;
        var now = clock.GetUtcNow();

        return await db.InTransactionAsync(async () =>
        {
            var idea = await db.Ideas.Include(i => i.Tags).Include(i => i.Answers).AsSplitQuery().SingleAsync(i => i.Id == id, ct);
            if (idea.Version != version) return (false, Result<IdeaRef>.Conflict("version", v.Message("Ideas.StaleVersion")));
            if (!IdeaRules.IsEditableState(idea.State)) return (false, Result<IdeaRef>.Conflict("", v.Message("Ideas.NotEditable")));
            var before = new IdeaVersion
            {
                IdeaId = idea.Id, Version = idea.Version, Title = idea.Title, Problem = idea.Problem, Solution = idea.Solution,
                Benefits = idea.Benefits, EditedById = userId, ReplacedAt = now,
            };
            await content.ApplyAsync(idea, input, scope.Campaign, complete: idea.State == IdeaState.Published, ct);
            if (!v.IsValid) return (false, Result<IdeaRef>.Invalid(v.Errors));
            var textChanged = before.Title != idea.Title || before.Problem != idea.Problem || before.Solution != idea.Solution || before.Benefits != idea.Benefits;
            if (idea.State == IdeaState.Published && textChanged) db.IdeaVersions.Add(before);
            db.Entry(idea).Property(i => i.Version).OriginalValue = version;
            idea.Version = version + 1;
            idea.UpdatedAt = now;
            if (idea.State == IdeaState.Published) audit.Add(AuditActions.IdeaEdited, idea.HubId, IdeaLifecycle.Subject(idea));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (false, Result<IdeaRef>.Conflict("version", v.Message("Ideas.StaleVersion")));
            }
            catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
            {
                // Two edits of the same version raced: the second one's version row collides.
                return (false, Result<IdeaRef>.Conflict("version", v.Message("Ideas.StaleVersion")));
            }
            return (true, Result<IdeaRef>.Ok(new IdeaRef(idea.Id, scope.Campaign.HubSlug, idea.State, idea.Version)));
        }, ct);
    }
}
