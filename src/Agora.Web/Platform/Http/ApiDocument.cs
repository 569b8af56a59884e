using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Agora.Web.Platform.Http;

/// <summary>
/// The /openapi/v1.json contract: every operation named (WithName), the token it needs declared from its
/// <see cref="RequiredScope"/>, and every error answer documented as RFC 9457 problem details.
/// tests/Agora.Tests/Platform/OpenApiTests.cs lints it and generates a client from it.
/// </summary>
public static class ApiDocument
{
    public const string SecurityScheme = "token";
    private const string ProblemJson = "application/problem+json";

    /// <summary>Tag descriptions; every area's WithTags name must be here (the lint test fails on a tag without one).</summary>
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Profile"] = "The signed-in person: profile, memberships, personal access tokens, personal-data export and account deletion.",
        ["Administration"] = "Platform administration.",
        ["Hubs"] = "Hubs, their members, roles, join requests and invitations.",
        ["Audit"] = "Append-only audit trails of the platform and of a hub.",
        ["Organisations"] = "Organisations and their members.",
        ["Campaigns"] = "Campaigns of a hub: phases, questions, state, cover and followers.",
        ["Ideas"] = "Ideas, votes, followers, attachments, co-authors and triage.",
        ["Comments"] = "Discussions on ideas.",
        ["Search"] = "Full-text search and similar ideas.",
        ["Moderation"] = "Reports, hidden content and blocked people.",
        ["Notifications"] = "Your notifications and how you hear about events.",
        ["Export and import"] = "Spreadsheet export of a campaign's ideas and CSV import jobs.",
        ["Initiatives"] = "The innovation process and portfolio: initiatives, stages and gates, scorecards, budgets, risks, benefits and indicators.",
        ["Requests"] = "Requests with legal and privacy review, their forms, reviews, decisions and data permits.",
        ["Mentoring"] = "Mentor profiles, requests for a mentor and the queue, pairs with sessions and feedback, and the programme.",
        ["Network catalogue"] = "The hub network's joint service catalogue: hub managers maintain their services with versions; everyone searches the published services of every hub, with filters and full text in three languages, and exports them.",
        ["Events"] = "Events of a hub: registration with waiting lists, agenda, organisers, check-in, outcomes and calendar feeds.",
        ["Hackathons"] = "Hackathons and hackaccelerators of an event: challenges, teams, submissions, jury scores normalised per judge, results, the accelerator and teams that become initiatives.",
        ["Community calls"] = "Calls for community roles (agents of change, facilitators, mentors, fellows): applications, blind reviews with conflicts of interest, ranking, selections and reserve lists, and the hub's community figures.",
        ["Network profiles"] = "The network of hubs: hub network profiles with the NUTS-2 regions they serve, front-desk contacts shown with their consent, partners, and the hubs of the network by region and specialisation.",
        ["Network figures"] = "The hub network's reporting figures per period (customers served, services delivered, referrals, first-answer times, feedback) and the gap analysis of regions × service categories.",
        ["Network requests"] = "Customers of the hub network, their service requests, the front desk's answers, referrals between hubs, service deliveries and the customers' feedback.",
        ["Digital maturity"] = "Digital maturity assessments of the network's customers (the JRC method of the EDIH network, for SMEs and public sector organisations): started with a hub at T0 and T1, saved as a draft per dimension, submitted and scored per dimension on 0–100 with the overall mean and its band, compared, and exported as CSV for the network's reporting.",
        ["Matchmaking suggestions"] = "Explained matches: for each partnering profile, customer need and catalogue service, counterparts ranked by a reciprocal score (both sides must want each other), each with its reasons in plain words; people mark suggestions useful or dismiss them, and the network sees how they are received.",
        ["Matchmaking sessions"] = "The 1:1 meetings of a matchmaking event: the organiser's slots, tables and modes, participants with their availability and profile, meeting requests with expiry, meetings placed by the participants or by the scheduler (organiser locks kept, never double-booked), personal agendas with iCalendar, and outcomes.",
        ["Partnering profiles"] = "Partnering profiles (the Enterprise Europe Network's offers and requests, with health fields): written by an organisation's members, reviewed by a hub before publication, published without who is behind them, renewed, withdrawn; expressions of interest accepted or declined, after which both sides see each other's contact.",
        ["Network harvesting"] = "Harvest sources (other Agora installations' open catalogue feeds) and the services harvested from them.",
    };

    public static void AddAgoraOpenApi(this OpenApiOptions o)
    {
        // Only /api/v1 belongs to the public contract; pages are not part of it.
        o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
        o.AddOperationTransformer(DeclareSecurity);
        o.AddDocumentTransformer((doc, context, _) =>
        {
            // The public address (Agora:BaseUrl, required in Production), never the request's; without it, the server that sent the document.
            var baseUrl = context.ApplicationServices.GetRequiredService<IOptions<AgoraSettings>>().Value.BaseUrl?.TrimEnd('/');
            var configured = !string.IsNullOrWhiteSpace(baseUrl);
            doc.Info = new OpenApiInfo
            {
                Title = "Agora API",
                Version = "v1",
                Description = "Hubs, memberships, organisations, campaigns, ideas, votes, comments, search, notifications, moderation, export and import, initiatives, requests, and the signed-in profile. Authenticate with the browser session or a personal access token (Authorization: Bearer agora_...); each operation names the token scope it needs. Errors are RFC 9457 problem details.",
                Contact = configured ? new OpenApiContact { Name = "Agora", Url = new Uri(baseUrl + "/") } : null,
            };
            doc.Servers = [new OpenApiServer { Url = configured ? baseUrl : "/" }];
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[SecurityScheme] = TokenScheme();
            foreach (var tag in doc.Tags ?? new HashSet<OpenApiTag>())
                if (tag.Name is { } name && Tags.TryGetValue(name, out var description)) tag.Description = description;
            DescribeProblems(doc);
            return Task.CompletedTask;
        });
    }

    private static OpenApiSecurityScheme TokenScheme() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        Description = "Personal access token created under Account > API tokens. An operation's security requirement names the scope the token needs.",
    };

    /// <summary>
    /// A signed-in-only operation requires the token (or the session) with its scope and may answer 401 and 403.
    /// A public one may be called without it, or with a token holding the scope (a token without it answers 403).
    /// </summary>
    private static Task DeclareSecurity(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RequiredScope>().LastOrDefault() is not { } scope) return Task.CompletedTask;
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(SecurityScheme, TokenScheme());
        var token = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [scope.Scope] };
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        operation.Security = anonymous ? [new OpenApiSecurityRequirement(), token] : [token];
        operation.Responses ??= new OpenApiResponses();
        if (!anonymous) operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in: no session, or a missing, expired or revoked token." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Forbidden: the token lacks the scope, or you may not do this." });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Documents the error answers every operation can give: 400 when it takes query values or a body (invalid input),
    /// 404 when its address names a resource; and makes every 4xx answer's content RFC 9457 problem details.
    /// </summary>
    private static void DescribeProblems(OpenApiDocument doc)
    {
        doc.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        doc.Components.Schemas.TryAdd("ProblemDetails", ProblemSchema(validation: false));
        doc.Components.Schemas.TryAdd("HttpValidationProblemDetails", ProblemSchema(validation: true));
        foreach (var path in doc.Paths)
        {
            foreach (var (_, operation) in path.Value.Operations ?? [])
            {
                operation.Responses ??= new OpenApiResponses();
                var parameters = operation.Parameters ?? [];
                if (operation.RequestBody is not null || parameters.Any(p => p.In == ParameterLocation.Query))
                    operation.Responses.TryAdd("400", new OpenApiResponse { Description = "Invalid input: the field errors, in the person's language." });
                if (parameters.Any(p => p.In == ParameterLocation.Path))
                    operation.Responses.TryAdd("404", new OpenApiResponse { Description = "Not found, or not visible to you." });
                foreach (var (status, response) in operation.Responses)
                {
                    if (!status.StartsWith('4') || response is not OpenApiResponse problem) continue;
                    if (string.IsNullOrEmpty(problem.Description)) problem.Description = "Problem details (RFC 9457).";
                    if (problem.Content is { Count: > 0 }) continue;
                    var schema = status == "400" ? "HttpValidationProblemDetails" : "ProblemDetails";
                    problem.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, doc) },
                    };
                }
            }
        }
    }

    private static OpenApiSchema ProblemSchema(bool validation)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        };
        if (validation)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        return new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties };
    }
}
