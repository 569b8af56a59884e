using Agora.Web;
using Agora.Web.Platform.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddAgora();

var app = builder.Build();
app.MapAgora();

if (args.Contains("--migrate-only"))
{
    // Applies pending migrations (and nothing else) as a separate deployment step.
    await app.Services.MigrateDatabaseAsync();
    return;
}

app.Run();
