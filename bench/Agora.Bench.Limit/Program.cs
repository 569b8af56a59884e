// The measured limit (issue 4): the question Agora's idea list answers, "the first page of 20 ideas of a campaign,
// newest first, with author name, vote and comment count", answered with one hand-written SQL query and direct HTML
// encoding, on the same database. Nothing else: no authentication, localisation, layout, antiforgery or EF Core.
// A page of Agora is compared with this ceiling.
//
//   dotnet Agora.Bench.Limit.dll --provider Sqlite|Postgres --connection "..." --urls http://127.0.0.1:5190
//   GET /hubs/{hub}/campaigns/{campaign}/ideas
using System.Data.Common;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Data.Sqlite;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var provider = builder.Configuration["provider"] ?? "Sqlite";
var connection = builder.Configuration["connection"] ?? throw new InvalidOperationException("--connection is required");
var postgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

// The same rows as Agora's list for a signed-out reader: published (not draft, not withdrawn), not hidden, not
// merged; newest first by publication, then by id. Anonymous authors are not named.
const string Sql = """
    SELECT i."Id", i."Title", CASE WHEN i."Anonymous" THEN NULL ELSE u."DisplayName" END, i."VoteCount", i."CommentCount"
    FROM "Ideas" i
    JOIN "AspNetUsers" u ON u."Id" = i."AuthorId"
    WHERE i."CampaignId" = (SELECT c."Id" FROM "Campaigns" c JOIN "Hubs" h ON h."Id" = c."HubId" WHERE h."Slug" = @hub AND c."Slug" = @campaign)
      AND i."State" NOT IN ('Draft', 'Withdrawn') AND i."HiddenAt" IS NULL AND i."MergedIntoId" IS NULL
    ORDER BY COALESCE(i."PublishedAt", i."CreatedAt") DESC, i."Id" DESC
    LIMIT 20
    """;

var dataSource = postgres ? NpgsqlDataSource.Create(connection) : null;
if (!postgres) SQLitePCL.Batteries_V2.Init();

DbConnection Open()
{
    if (dataSource is not null) return dataSource.OpenConnection();
    var c = new SqliteConnection(connection);
    c.Open();
    return c;
}

var app = builder.Build();
app.MapGet("/hubs/{hub}/campaigns/{campaign}/ideas", async (string hub, string campaign, HttpContext http) =>
{
    await using var db = Open();
    await using var cmd = db.CreateCommand();
    cmd.CommandText = Sql;
    Add(cmd, "hub", hub);
    Add(cmd, "campaign", campaign);
    var html = new StringBuilder(8192);
    var e = HtmlEncoder.Default;
    html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ideas</title></head><body><main><h1>Ideas</h1><ol>");
    await using (var r = await cmd.ExecuteReaderAsync(http.RequestAborted))
    {
        while (await r.ReadAsync(http.RequestAborted))
        {
            html.Append("<li><a href=\"/hubs/").Append(e.Encode(hub)).Append("/ideas/").Append(r.GetInt32(0)).Append("\">")
                .Append(e.Encode(r.GetString(1))).Append("</a> <span>")
                .Append(r.IsDBNull(2) ? "Anonymous" : e.Encode(r.GetString(2))).Append("</span> <span>")
                .Append(r.GetInt32(3)).Append(" votes</span> <span>").Append(r.GetInt32(4)).Append(" comments</span></li>");
        }
    }
    html.Append("</ol></main></body></html>");
    return Results.Content(html.ToString(), "text/html; charset=utf-8");
});
app.Run();

static void Add(DbCommand cmd, string name, string value)
{
    var p = cmd.CreateParameter();
    p.ParameterName = name;
    p.Value = value;
    cmd.Parameters.Add(p);
}
