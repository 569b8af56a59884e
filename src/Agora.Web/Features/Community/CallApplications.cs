using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>An application: a motivation, answers by question id, and the applicant's consent to receive the role (and join the hub) if selected.</summary>
public sealed record ApplyInput(string? Motivation, IReadOnlyDictionary<int, string?>? Answers, bool Consent);

/// <summary>
/// Applying to a call, withdrawing before the deadline, and declining a selection (the role goes again and the first
/// person on the reserve list moves up). One application per person and call, kept by a unique index.
/// </summary>
public sealed class CallApplications(AgoraDbContext db, CallAccess access, CallDecisions decisions, Validator v, AuditLog audit, CallNotices notices,
    TimeProvider clock)
{
    public async Task<Result<int>> ApplyAsync(string hubSlug, int id, ApplyInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (scope.UserId is not { } me) return Result<int>.Forbidden();
        if (!scope.MayApply) return scope.Refuse<int>();
        var call = scope.Call;
        var now = clock.GetUtcNow();
        if (call.StateAt(now) != CallState.Open) return Result<int>.Conflict("", v.Message("Calls.NotOpen"));
        if (scope.Application is { Status: not ApplicationStatus.Withdrawn }) return Result<int>.Conflict("", v.Message("Calls.AlreadyApplied"));
        var motivation = v.Text("motivation", input.Motivation, CallLimits.Motivation, multiline: true);
        var questions = await db.CallQuestions.Where(q => q.CallId == id).OrderBy(q => q.Position).ToListAsync(ct);
        var given = input.Answers ?? new Dictionary<int, string?>();
        var answers = new List<CallAnswer>();
        foreach (var q in questions)
        {
            var text = v.Text($"answers.{q.Id}", given.GetValueOrDefault(q.Id), CallLimits.Answer, required: q.Required, multiline: true);
            if (text.Length > 0) answers.Add(new CallAnswer { QuestionId = q.Id, Text = text });
        }
        foreach (var unknown in given.Keys.Where(k => questions.All(q => q.Id != k))) v.Add($"answers.{unknown}", "Validation.Invalid");
        if (!input.Consent) v.Add("consent", "Calls.ConsentRequired");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        try
        {
            var applicationId = await db.InTransactionAsync(async token =>
            {
                var application = await db.CallApplications.SingleOrDefaultAsync(a => a.CallId == id && a.ApplicantId == me, token);
                if (application is null)
                {
                    application = new CallApplication { CallId = id, ApplicantId = me };
                    db.CallApplications.Add(application);
                }
                else if (application.Status != ApplicationStatus.Withdrawn) return 0;
                else await db.CallAnswers.Where(a => a.ApplicationId == application.Id).ExecuteDeleteAsync(token);
                application.Motivation = motivation;
                application.Status = ApplicationStatus.Submitted;
                application.SubmittedAt = now;
                application.Version++;
                await db.SaveChangesAsync(token);
                foreach (var a in answers) a.ApplicationId = application.Id;
                db.CallAnswers.AddRange(answers);
                audit.Add(AuditActions.CallApplied, call.HubId, CallSetup.Subject(call));
                await notices.TellAsync(call, hubSlug, "Applied", me, await notices.ManagersAsync(call.HubId, token), token);
                await db.SaveChangesAsync(token);
                return application.Id;
            }, ct);
            return applicationId == 0 ? Result<int>.Conflict("", v.Message("Calls.AlreadyApplied")) : Result<int>.Ok(applicationId);
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            // The unique (call, applicant) index: applied twice at once.
            return Result<int>.Conflict("", v.Message("Calls.AlreadyApplied"));
        }
    }

    /// <summary>The applicant withdraws before the deadline.</summary>
    public async Task<Result<int>> WithdrawAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (scope.Application is not { } application) return scope.UserId is null ? Result<int>.Forbidden() : scope.Refuse<int>();
        if (application.Status != ApplicationStatus.Submitted || scope.Call.StateAt(clock.GetUtcNow()) != CallState.Open)
            return Result<int>.Conflict("", v.Message("Calls.CannotWithdraw"));
        var ok = await db.InTransactionAsync(async token =>
        {
            var rows = await db.CallApplications.Where(a => a.Id == application.Id && a.Status == ApplicationStatus.Submitted)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Withdrawn).SetProperty(a => a.Version, a => a.Version + 1), token);
            if (rows == 0) return false;
            audit.Add(AuditActions.CallWithdrawn, scope.Call.HubId, CallSetup.Subject(scope.Call));
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return ok ? Result<int>.Ok(application.Id) : Result<int>.Conflict("", v.Message("Calls.ChangedMeanwhile"));
    }

    /// <summary>A selected person declines: the role they received goes, and the first on the reserve list is selected in their place.</summary>
    public async Task<Result<int>> DeclineAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (scope.Application is not { } application) return scope.UserId is null ? Result<int>.Forbidden() : scope.Refuse<int>();
        if (application.Status != ApplicationStatus.Selected) return Result<int>.Conflict("", v.Message("Calls.NotSelected"));
        var call = scope.Call;
        var ok = await db.InTransactionAsync(async token =>
        {
            // One decision on a call at a time: the version bump waits for any other to commit.
            await db.CommunityCalls.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), token);
            var rows = await db.CallApplications.Where(a => a.Id == application.Id && a.Status == ApplicationStatus.Selected)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Declined).SetProperty(a => a.Version, a => a.Version + 1), token);
            if (rows == 0) return false;
            audit.Add(AuditActions.CallDeclined, call.HubId, CallSetup.Subject(call));
            if (application.RoleGranted) await decisions.TakeRoleAsync(call, application.ApplicantId, "declined", token);
            await decisions.MoveUpAsync(call, hubSlug, application.ApplicantId, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return ok ? Result<int>.Ok(application.Id) : Result<int>.Conflict("", v.Message("Calls.ChangedMeanwhile"));
    }
}
