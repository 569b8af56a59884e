using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>Starting an assessment: the customer organisation and the hub by slug; the set follows the customer's type when left out.</summary>
public sealed record StartInput(string? Organisation, string? Hub, QuestionSet? Set, AssessmentWave? Wave);

/// <summary>The answers to one dimension's questions (question id to values, see <see cref="MaturityAnswers"/>), saved as a draft.</summary>
public sealed record SaveInput(int? Dimension, Dictionary<string, int[]>? Answers, int? Version);

public sealed record SubmitInput(int? Version);

/// <summary>
/// The assessment's way: started (T0 at first contact; T1 only once that customer's T0 with the same hub is
/// submitted), saved as a draft dimension by dimension and resumed any time, then submitted once every scored question
/// is answered, when its scores are computed and stored. Each step is audited; a save or submit names the version it
/// was made from, and one made from a stale version answers 409.
/// </summary>
public sealed class MaturityAssessments(AgoraDbContext db, MaturityAccess access, CurrentUser current, Validator v, AuditLog audit, TimeProvider clock)
{
    public static string Subject(MaturityAssessment a) => $"#{a.Id.ToString(CultureInfo.InvariantCulture)} {a.Wave} {a.Set}";

    public static string PathOf(int id) => $"/maturity/assessments/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The JRC set for a customer: public sector organisations answer the PSO set, everyone else the SME set.</summary>
    public static QuestionSet SetFor(CustomerType type) => type == CustomerType.PublicSector ? QuestionSet.Pso : QuestionSet.Sme;

    public async Task<Result<int>> StartAsync(StartInput input, CancellationToken ct)
    {
        if (!current.IsAuthenticated || current.Id is not { } me) return Result<int>.Forbidden();
        var customer = await db.NetworkCustomers.AsNoTracking()
            .Where(c => db.Organisations.Any(o => o.Id == c.OrganisationId && o.Slug == input.Organisation))
            .Select(c => new { c.OrganisationId, c.Type }).SingleOrDefaultAsync(ct);
        var hubId = (input.Hub is null ? null : await db.HubIdAsync(input.Hub, ct));
        if (customer is null) v.Add("organisation", string.IsNullOrWhiteSpace(input.Organisation) ? "Validation.Required" : "Validation.Invalid");
        if (hubId is null) v.Add("hub", string.IsNullOrWhiteSpace(input.Hub) ? "Validation.Required" : "Validation.Invalid");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        // Someone who may not fill for this customer with this hub learns nothing more than a wrong slug would tell.
        if (!await access.MayFillAsync(customer!.OrganisationId, hubId!.Value, ct)) return Result<int>.Invalid("organisation", v.Message("Validation.Invalid"));

        var wave = input.Wave ?? AssessmentWave.T0;
        if (!Enum.IsDefined(wave)) return Result<int>.Invalid("wave", v.Message("Validation.Invalid"));
        if (input.Set is { } s && !Enum.IsDefined(s)) return Result<int>.Invalid("set", v.Message("Validation.Invalid"));
        var existing = await db.MaturityAssessments.AsNoTracking().Where(a => a.OrganisationId == customer.OrganisationId && a.HubId == hubId)
            .Select(a => new { a.Id, a.Wave, a.Status, a.Set }).ToListAsync(ct);
        if (existing.Any(a => a.Wave == wave)) return Result<int>.Conflict("wave", v.Message("Maturity.AlreadyStarted"));
        var set = input.Set ?? SetFor(customer.Type);
        if (wave == AssessmentWave.T1)
        {
            var t0 = existing.FirstOrDefault(a => a.Wave == AssessmentWave.T0);
            if (t0 is null || t0.Status != AssessmentStatus.Submitted) return Result<int>.Invalid("wave", v.Message("Maturity.T1NeedsT0"));
            if (input.Set is not null && input.Set != t0.Set) return Result<int>.Invalid("set", v.Message("Maturity.SameSetAsT0"));
            set = t0.Set;
        }

        var now = clock.GetUtcNow();
        var assessment = new MaturityAssessment
        {
            OrganisationId = customer.OrganisationId, HubId = hubId.Value, Set = set, Wave = wave, Status = AssessmentStatus.Draft,
            StartedById = me, StartedAt = now, UpdatedById = me, UpdatedAt = now,
        };
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                db.MaturityAssessments.Add(assessment);
                await db.SaveChangesAsync(token);
                audit.Add(AuditActions.MaturityAssessmentStarted, assessment.HubId, Subject(assessment));
                await db.SaveChangesAsync(token);
                return Result<int>.Ok(assessment.Id);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Two people started the same wave at once: the unique index let one in.
            db.ChangeTracker.Clear();
            return Result<int>.Conflict("wave", v.Message("Maturity.AlreadyStarted"));
        }
    }

    public async Task<Result<int>> SaveAsync(int id, SaveInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (!s.CanFill) return s.Refuse<int>();
        if (!s.IsDraft) return Result<int>.Conflict("", v.Message("Maturity.AlreadySubmitted"));
        var a = s.Assessment;
        var set = Questionnaire.For(a.Set);
        var dimension = set.Dimensions.FirstOrDefault(d => d.Number == input.Dimension);
        if (dimension is null) return Result<int>.Invalid("dimension", v.Message("Validation.Invalid"));
        var answers = a.ReadAnswers();
        foreach (var (questionId, values) in input.Answers ?? [])
        {
            var q = dimension.Questions.FirstOrDefault(x => x.Id == questionId);
            if (q is null || values is null || !IsDraftValue(q, values)) v.Add(questionId, "Validation.Invalid");
            else answers[q.Id] = q.Type == QuestionType.Checkbox ? [.. values.Distinct().Order()] : values;
        }
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var version = input.Version ?? a.Version;
        var now = clock.GetUtcNow();
        var json = MaturityAssessment.WriteAnswers(answers);
        return await db.InTransactionAsync(async token =>
        {
            var changed = await db.MaturityAssessments.Where(x => x.Id == id && x.Version == version && x.Status == AssessmentStatus.Draft)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Answers, json).SetProperty(x => x.UpdatedAt, now)
                    .SetProperty(x => x.UpdatedById, (Guid?)s.UserId).SetProperty(x => x.Version, version + 1), token);
            if (changed == 0) return Result<int>.Conflict("", v.Message("Maturity.Stale"));
            audit.Add(AuditActions.MaturityAssessmentSaved, a.HubId, Subject(a), $"dimension {dimension.Number.ToString(CultureInfo.InvariantCulture)}");
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(version + 1);
        }, ct);
    }

    /// <summary>A draft may leave rows of a matrix open (-1); a submitted assessment may not.</summary>
    private static bool IsDraftValue(Question q, int[] values) => q.Type == QuestionType.Checkbox
        ? values.All(x => x >= 1 && x <= q.Items)
        : values.Length == q.Items && values.All(x => x >= -1 && x <= q.MaxValue);

    public async Task<Result<MaturityScores>> SubmitAsync(int id, SubmitInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<MaturityScores>.NotFound();
        if (!s.CanFill) return s.Refuse<MaturityScores>();
        if (!s.IsDraft) return Result<MaturityScores>.Conflict("", v.Message("Maturity.AlreadySubmitted"));
        var a = s.Assessment;
        var set = Questionnaire.For(a.Set);
        var answers = a.ReadAnswers();
        foreach (var q in set.Questions.Where(q => !MaturityScoring.IsAnswered(q, answers.GetValueOrDefault(q.Id))))
            v.Add(q.Id, "Maturity.Unanswered");
        if (!v.IsValid) return Result<MaturityScores>.Invalid(v.Errors);

        var scores = MaturityScoring.Score(set, answers);
        var d = scores.Dimensions;
        var version = input.Version ?? a.Version;
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async token =>
        {
            var changed = await db.MaturityAssessments.Where(x => x.Id == id && x.Version == version && x.Status == AssessmentStatus.Draft)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, AssessmentStatus.Submitted)
                    .SetProperty(x => x.Score1, (double?)d[0]).SetProperty(x => x.Score2, (double?)d[1]).SetProperty(x => x.Score3, (double?)d[2])
                    .SetProperty(x => x.Score4, (double?)d[3]).SetProperty(x => x.Score5, (double?)d[4]).SetProperty(x => x.Score6, (double?)d[5])
                    .SetProperty(x => x.Overall, (double?)scores.Overall).SetProperty(x => x.Band, (MaturityBand?)scores.Band)
                    .SetProperty(x => x.SubmittedAt, (DateTimeOffset?)now).SetProperty(x => x.SubmittedById, (Guid?)s.UserId)
                    .SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, version + 1), token);
            if (changed == 0) return Result<MaturityScores>.Conflict("", v.Message("Maturity.Stale"));
            audit.Add(AuditActions.MaturityAssessmentSubmitted, a.HubId, Subject(a),
                $"overall {scores.Overall.ToString("0.0", CultureInfo.InvariantCulture)} {scores.Band}");
            await db.SaveChangesAsync(token);
            return Result<MaturityScores>.Ok(scores);
        }, ct);
    }
}
