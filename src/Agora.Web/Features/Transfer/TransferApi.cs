using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Transfer;

/// <summary>/api/v1/hubs/{slug}/campaigns/{campaign}/export and /imports: a campaign's ideas out as a spreadsheet, in from CSV.</summary>
public static class TransferApi
{
    /// <summary>A queued import: its address in the API and its page.</summary>
    public sealed record ImportJobAnswer(Guid Id, ImportStatus Status, string Url, string Page);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/hubs/{slug}/campaigns/{campaign}").WithTags("Export and import");
        campaigns.MapGet("/export", Export).WithName("ExportCampaignIdeas").RequireScope(ApiScopes.IdeasRead)
            .WithSummary("Download the campaign's ideas (hub managers, facilitators, platform admins)")
            .WithDescription("format=csv (default; UTF-8 with BOM), xlsx or json. Drafts are left out; hidden ideas are included and marked. "
                + "Authors are named even for ideas anonymous to the public. One column (CSV, XLSX) or answers entry (JSON) per campaign question. "
                + "Spreadsheet cells starting with =, +, -, @, tab or CR get a leading single quote. Every export is recorded in the audit trail.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPost("/imports", Import).WithName("ImportCampaignIdeas").RequireScope(ApiScopes.IdeasWrite).DisableAntiforgery()
            .WithSummary("Import ideas from a CSV file (hub managers, platform admins)")
            .WithDescription("multipart/form-data with the file in the field \"file\": UTF-8, at most 20 MB and 50,000 rows, comma, semicolon or tab "
                + "separated, a header row naming the columns: title (required), problem, solution, benefits, author email (an existing account; "
                + "the importer when empty), language (en, pt-PT, nb-NO), origin, care level, setting, focus area, tags and who benefits "
                + "(separated by ;), anonymous (true/false), and one column per campaign question named by its label (multiple choices separated by ;). "
                + "With ?preview=true the rows are checked and nothing is kept: the first 20 rows as they would be stored and every refused row by "
                + "line. Otherwise a job is queued (202, Location: the job) that stores the good rows as published ideas.")
            .AcceptsFileForm("file")
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/imports/{jobId:guid}", Job).WithName("GetImportJob").RequireScope(ApiScopes.IdeasRead)
            .WithSummary("An import job: status, counts and refused rows by line (paged)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<ExportFileResult, ValidationProblem, ProblemHttpResult>> Export(string slug, string campaign, string? format,
        ExportIdeas export, CancellationToken ct) =>
        ApiResults.From(await export.ExportAsync(slug, campaign, format, ct), file => new ExportFileResult(file));

    /// <summary>The form is read by hand, not bound: a JSON or empty body is a missing file (400), not a 415.</summary>
    private static async Task<Results<Results<Ok<ImportPreview>, Accepted<ImportJobAnswer>>, ValidationProblem, ProblemHttpResult>> Import(string slug,
        string campaign, bool? preview, HttpRequest request, ImportIdeas import, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        ImportUpload? upload = null;
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(ct);
                upload = await ReadUploadAsync(form.Files.GetFile("file") ?? form.Files.FirstOrDefault(), ct);
            }
            catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
            {
                return ApiResults.Invalid("file", t["Validation.Invalid"]);
            }
        }
        if (preview == true)
            return ApiResults.From(await import.PreviewAsync(slug, campaign, upload, ct),
                p => (Results<Ok<ImportPreview>, Accepted<ImportJobAnswer>>)TypedResults.Ok(p));
        return ApiResults.From(await import.StartAsync(slug, campaign, upload, ct),
            job => (Results<Ok<ImportPreview>, Accepted<ImportJobAnswer>>)TypedResults.Accepted(job.Url, new ImportJobAnswer(job.Id, job.Status, job.Url, job.Page)));
    }

    /// <summary>Reads an upload, refusing one over the limit before reading it whole (the handler reports it).</summary>
    public static async Task<ImportUpload?> ReadUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) return null;
        if (file.Length > ImportSheet.MaxBytes) return new ImportUpload(file.FileName, [], TooLarge: true);
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        return new ImportUpload(file.FileName, ms.ToArray());
    }

    private static async Task<Results<Ok<ImportJobView>, ValidationProblem, ProblemHttpResult>> Job(string slug, string campaign, Guid jobId, int? page,
        int? pageSize, ImportQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var paging = ListQuery.Parse(page, pageSize ?? 50, null, ["line"], "line");
        var job = await q.GetAsync(slug, campaign, jobId, paging?.Page ?? 1, paging?.PageSize ?? 50, ct);
        if (job is null) return ApiResults.NotFound();
        if (paging is null) return ApiResults.BadQuery(t);
        return TypedResults.Ok(job);
    }
}
