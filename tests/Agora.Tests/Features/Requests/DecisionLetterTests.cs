using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Agora.Web.Features.Requests;
using Agora.Web.Platform.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Requests;

/// <summary>Decision letters: in the applicant's language, values encoded, the same content as PDF (wrapped, paged, with metadata).</summary>
public sealed partial class DecisionLetterTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;
    private readonly DecisionLetters _letters;

    public DecisionLetterTests()
    {
        // The app's own localization (resources, counting localizer) and the requests module's registration.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAgoraLocalization();
        services.AddRequests();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scope = _services.CreateScope();
        _letters = _scope.ServiceProvider.GetRequiredService<DecisionLetters>();
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    private static readonly LetterPermit Permit = new("HP-2026-0007", 2, new DateOnly(2026, 12, 1), new DateOnly(2028, 11, 30),
        "Pseudonymiserte journaldata for pasienter med hjertesvikt, 2018–2025.\nKun variabler i vedlegget.",
        "Helsedataservices sikre behandlingsmiljø", "Åse Ærø\nBjørn Løvås", "Ingen data skal føres ut av miljøet.");

    private static LetterContent Letter(RequestState decision = RequestState.ApprovedWithConditions, string culture = "nb-NO",
        string? reasons = "Søknaden oppfyller formålet.", string? conditions = "Resultatene skal publiseres åpent.\nRapport hvert år.",
        LetterPermit? permit = null, string title = "Hjertesvikt og blåbær") =>
        new("Helseplattformen Ørsta", "Åse Ærø", "Blåbær Helse AS", 42, title, "Søknad om tilgang til helsedata",
            new DateOnly(2026, 9, 14), new DateOnly(2026, 11, 23), decision, reasons, conditions, "Kari Nordmann", permit, culture);

    [Fact]
    public void Html_InNorwegian_DecisionConditionsPermitAndLetters()
    {
        var html = _letters.Html(Letter(permit: Permit, reasons: "Godt begrunnet.\n<script>alert('x')</script> & mer"));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"nb-NO\">", html);
        Assert.Contains("<title>Vedtak om søknaden din: Hjertesvikt og blåbær</title>", html);
        Assert.Contains("Vi viser til søknaden din, sendt inn 14. september 2026. Vi har besluttet å innvilge søknaden på vilkårene nedenfor.", html);
        Assert.Contains("23. november 2026", html);
        Assert.Contains("Helseplattformen Ørsta", html);
        Assert.Contains("Åse Ærø", html);
        Assert.Contains("Blåbær Helse AS", html);
        // Multi-line texts keep their lines.
        Assert.Contains("Resultatene skal publiseres åpent.<br>\nRapport hvert år.", html);
        Assert.Contains("<h2>Vilkår</h2>", html);
        Assert.Contains("<h2>Dataløyve</h2>", html);
        Assert.Contains("HP-2026-0007, versjon 2", html);
        Assert.Contains("fra 1. desember 2026 til 30. november 2028", html);
        Assert.Contains("Åse Ærø<br>\nBjørn Løvås", html);
        Assert.Contains("Med vennlig hilsen", html);
        Assert.Contains("Kari Nordmann", html);
        // What people wrote is encoded: no script, no markup of theirs.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("&amp; mer", html);
        // Standalone: nothing loaded from elsewhere. Conditions can be contested, so the rights are stated; a plain approval has none.
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=", html);
        Assert.Contains("Dine rettigheter", html);
        Assert.DoesNotContain("Dine rettigheter", _letters.Html(Letter(RequestState.Approved, conditions: null)));
    }

    [Fact]
    public void Html_Rejection_InPortugueseAndEnglish_WithReasonsAndRights()
    {
        var pt = _letters.Html(Letter(RequestState.Rejected, "pt-PT", reasons: "Falta a aprovação da comissão de ética.", conditions: null));
        Assert.Contains("<html lang=\"pt-PT\">", pt);
        Assert.Contains("Decisão sobre o seu pedido: Hjertesvikt og blåbær", pt);
        Assert.Contains("submetido em 14 de setembro de 2026. Decidimos indeferi-lo", pt);
        Assert.Contains("<h2>Fundamentação</h2>", pt);
        Assert.Contains("Falta a aprovação da comissão de ética.", pt);
        Assert.Contains("<h2>Os seus direitos</h2>", pt);
        Assert.Contains("Com os melhores cumprimentos", pt);
        Assert.DoesNotContain("<h2>Condições</h2>", pt);

        var en = _letters.Html(Letter(RequestState.Rejected, "en", reasons: "The ethics approval is missing.", conditions: null));
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("We refer to your request submitted on 14 September 2026. We have decided to reject it", en);
        Assert.Contains("<h2>Your rights</h2>", en);
        Assert.Contains("#42", en);

        var approved = _letters.Html(Letter(RequestState.Approved, "en", reasons: null, conditions: null));
        Assert.Contains("We have decided to approve it.", approved);
        Assert.DoesNotContain("<h2>Reasons</h2>", approved);
        Assert.DoesNotContain("<h2>Conditions</h2>", approved);
        Assert.DoesNotContain("<h2>Your rights</h2>", approved);
    }

    [Fact]
    public void Letter_RestoresTheCallersCulture()
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("pt-PT");
            _letters.Html(Letter());
            _letters.Pdf(Letter());
            Assert.Equal("pt-PT", CultureInfo.CurrentUICulture.Name);
            Assert.Equal("pt-PT", CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(RequestState.Draft)]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.InReview)]
    [InlineData(RequestState.Returned)]
    [InlineData(RequestState.Withdrawn)]
    public void OnlyDecisions_HaveLetters(RequestState state)
    {
        Assert.Throws<ArgumentException>(() => _letters.Html(Letter(state, conditions: null)));
        Assert.Throws<ArgumentException>(() => _letters.Pdf(Letter(state, conditions: null)));
    }

    [Fact]
    public void InconsistentDecisions_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => _letters.Html(Letter(RequestState.Rejected, reasons: " ", conditions: null)));
        Assert.Throws<ArgumentException>(() => _letters.Html(Letter(RequestState.ApprovedWithConditions, conditions: null)));
        Assert.Throws<ArgumentException>(() => _letters.Html(Letter(RequestState.Rejected, conditions: null, permit: Permit)));
    }

    [Fact]
    public void Pdf_A4_WithTheEmbeddedFont_Metadata_AndThePermit()
    {
        var pdf = _letters.Pdf(Letter(RequestState.Approved, conditions: null, permit: Permit, title: "Heart failure"));

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length > 1024, $"{pdf.Length} bytes");
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Equal(1, Pages(raw));
        Assert.Matches(@"/MediaBox \[0 0 595(\.\d+)? 84[12](\.\d+)?\]", raw); // A4
        Assert.Contains("DejaVuSans", raw);
        Assert.Contains("DejaVuSans-Bold", raw);
        Assert.True(HasInfo(raw, "Title", "Vedtak om søknaden din: Heart failure"), "title metadata");
        Assert.True(HasInfo(raw, "Author", "Helseplattformen Ørsta"), "author metadata");
        Assert.Contains("/CreationDate (D:", raw);

        var text = PdfToText(pdf);
        if (text is not null)
        {
            Assert.Contains("HP-2026-0007", text);
            Assert.Contains("Vi har besluttet å innvilge søknaden", text);
        }
    }

    [Fact]
    public void Pdf_LongReasons_WrapOntoMorePages()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Søknaden beskriver ikke godt nok hvordan dataene skal behandles, lagres og slettes.", 12));
        var reasons = string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"{i}. {paragraph}"))
            + "\n" + new string('x', 400); // one word wider than the page is broken, not cut off
        var pdf = _letters.Pdf(Letter(RequestState.Rejected, "en", reasons: reasons, conditions: null, title: "A long one"));

        var raw = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", raw);
        Assert.True(Pages(raw) > 1, $"{Pages(raw)} page(s)");
        Assert.True(HasInfo(raw, "Title", "Decision on your request: A long one"), "title metadata");

        var text = PdfToText(pdf);
        if (text is not null)
        {
            Assert.Contains("30. Søknaden beskriver", text);
            Assert.Contains("Your rights", text);
            Assert.Contains($"Page {Pages(raw)} of {Pages(raw)}", text);
        }
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    private static int Pages(string raw) => PageObject().Matches(raw).Count;

    /// <summary>A document information entry, written as a literal string (ASCII) or as UTF-16BE hex with a byte order mark.</summary>
    private static bool HasInfo(string raw, string key, string value)
    {
        var literal = $"/{key} ({value.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")})";
        var hex = $"/{key} <FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value))}>";
        return raw.Contains(literal, StringComparison.Ordinal) || raw.Contains(hex, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The PDF's text by poppler's pdftotext when the machine has it (not installed for the tests); null otherwise.</summary>
    private static string? PdfToText(byte[] pdf)
    {
        const string tool = "/usr/bin/pdftotext";
        if (!File.Exists(tool)) return null;
        var file = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, [file, "-"]) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
