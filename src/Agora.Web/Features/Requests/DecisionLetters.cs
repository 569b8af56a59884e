using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Agora.Web.Platform.Letters;
using Agora.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Requests;

/// <summary>The data permit a decision letter gives (one version of a <see cref="DataPermit"/>).</summary>
public sealed record LetterPermit(string Number, int Version, DateOnly ValidFrom, DateOnly ValidTo, string GrantedData, string Environment,
    string AuthorisedPeople, string Conditions);

/// <summary>
/// What a decision letter says: the hub, the applicant, the request, the decision with its reasons and conditions, who
/// decided, the data permit if one is issued, and the applicant's language (<see cref="Culture"/>: en, pt-PT or nb-NO;
/// any other is written in English). <see cref="RequestKindName"/> is the kind's name in that language.
/// </summary>
public sealed record LetterContent(string HubName, string ApplicantName, string? ApplicantOrganisation, int RequestId, string RequestTitle,
    string RequestKindName, DateOnly SubmittedOn, DateOnly DecidedOn, RequestState Decision, string? Reasons, string? Conditions,
    string DecidedBy, LetterPermit? Permit, string Culture);

/// <summary>
/// Decision letters, in the applicant's language, as a standalone HTML document and as an A4 PDF with the same content:
/// letterhead and date, the applicant, subject and reference, the decision, its reasons and conditions, the data
/// permit, the applicant's rights after a rejection, and who decided. Texts people wrote keep their line breaks.
/// </summary>
public sealed class DecisionLetters(IStringLocalizer<SharedResource> t)
{
    /// <summary>Encodes &lt;, &gt;, &amp;, quotes and the like, and leaves letters of every script as they are (the document is UTF-8).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly CultureInfo EnglishFormats = CultureInfo.GetCultureInfo("en-GB");

    private sealed record Field(string Label, string Value);

    private sealed record Section(string Heading, string? Intro, string? Text, IReadOnlyList<Field> Fields);

    /// <summary>The letter with its strings read and its dates written in the letter's language.</summary>
    private sealed record Composed(
        string Language,
        string Title,
        string Hub,
        string Date,
        DateOnly DateValue,
        IReadOnlyList<string> Recipient,
        string Subject,
        IReadOnlyList<Field> References,
        string Decision,
        IReadOnlyList<Section> Sections,
        string Closing,
        string Signer,
        string PageFormat,
        CultureInfo Formats);

    public string Html(LetterContent letter)
    {
        var c = Compose(letter);
        var h = new StringBuilder(4096);
        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(c.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"author\" content=\"").Append(E(c.Hub)).Append("\">\n")
            .Append("<meta name=\"generator\" content=\"Agora\">\n")
            .Append("<title>").Append(E(c.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<article>\n");
        h.Append("<header>\n<p class=\"hub\">").Append(E(c.Hub)).Append("</p>\n<p class=\"date\"><time datetime=\"")
            .Append(c.DateValue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">").Append(E(c.Date)).Append("</time></p>\n</header>\n");
        h.Append("<address>").Append(string.Join("<br>\n", c.Recipient.Select(E))).Append("</address>\n");
        h.Append("<h1>").Append(E(c.Subject)).Append("</h1>\n<dl class=\"references\">\n");
        foreach (var f in c.References) h.Append("<dt>").Append(E(f.Label)).Append("</dt><dd>").Append(E(f.Value)).Append("</dd>\n");
        h.Append("</dl>\n<p class=\"decision\">").Append(E(c.Decision)).Append("</p>\n");
        foreach (var s in c.Sections)
        {
            h.Append("<section>\n<h2>").Append(E(s.Heading)).Append("</h2>\n");
            if (s.Intro is not null) h.Append("<p>").Append(Lines(s.Intro)).Append("</p>\n");
            if (s.Text is not null) h.Append("<p>").Append(Lines(s.Text)).Append("</p>\n");
            if (s.Fields.Count > 0)
            {
                h.Append("<dl>\n");
                foreach (var f in s.Fields) h.Append("<dt>").Append(E(f.Label)).Append("</dt>\n<dd>").Append(Lines(f.Value)).Append("</dd>\n");
                h.Append("</dl>\n");
            }
            h.Append("</section>\n");
        }
        h.Append("<p class=\"closing\">").Append(E(c.Closing)).Append("</p>\n<p class=\"signature\">").Append(E(c.Signer)).Append("<br>\n")
            .Append(E(c.Hub)).Append("</p>\n</article>\n</body>\n</html>\n");
        return h.ToString();
    }

    public byte[] Pdf(LetterContent letter)
    {
        var c = Compose(letter);
        var p = new List<PdfParagraph>
        {
            new(c.Hub, PdfTextStyle.Title, RuleAfter: true),
            new(c.Date, AlignRight: true, SpaceBefore: 4),
            new(string.Join('\n', c.Recipient), SpaceBefore: 14),
            new(c.Subject, PdfTextStyle.Heading, SpaceBefore: 22),
        };
        foreach (var f in c.References) p.Add(new($"{f.Label}: {f.Value}", SpaceBefore: f == c.References[0] ? 4 : 0));
        p.Add(new(c.Decision, SpaceBefore: 12));
        foreach (var s in c.Sections)
        {
            p.Add(new(s.Heading, PdfTextStyle.Heading, SpaceBefore: 13, KeepWithNext: true));
            if (s.Intro is not null) p.Add(new(s.Intro, SpaceBefore: 4));
            if (s.Text is not null) p.Add(new(s.Text, SpaceBefore: 4));
            foreach (var f in s.Fields)
            {
                p.Add(new(f.Label, PdfTextStyle.Bold, SpaceBefore: 6, KeepWithNext: true));
                p.Add(new(f.Value, Indent: 14, SpaceBefore: 1));
            }
        }
        p.Add(new(c.Closing, SpaceBefore: 18, KeepWithNext: true));
        p.Add(new(c.Signer + "\n" + c.Hub, SpaceBefore: 18));

        var reference = c.References[0].Value;
        return PdfText.Write(new PdfInfo(c.Title, c.Hub, $"{c.Hub} {reference}"), p,
            (page, count) => $"{c.Hub} · {reference} · " + string.Format(c.Formats, c.PageFormat, page, count),
            DateTime.Now);
    }

    private static string E(string text) => Encoder.Encode(text);

    /// <summary>A text people wrote: encoded, its line breaks kept.</summary>
    private static string Lines(string text) => string.Join("<br>\n", PdfText.Clean(text).Split('\n').Select(E));

    private const string Style = """
        body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; background: #fff; max-width: 44em; margin: 2em auto; padding: 0 1.5em; }
        header { border-bottom: 1px solid #888; margin-bottom: 1.5em; }
        .hub { font-size: 1.5em; font-weight: bold; margin: 0 0 .2em; }
        .date { text-align: right; margin: 0 0 .3em; }
        address { font-style: normal; margin-bottom: 2em; }
        h1 { font-size: 1.15em; margin: 0 0 .3em; }
        h2 { font-size: 1.05em; margin: 1.6em 0 .3em; }
        dl.references { margin: 0 0 1.2em; }
        dl.references dt, dl.references dd { display: inline; margin: 0; }
        dl.references dt::after { content: ": "; }
        dl.references dd::after { content: ""; display: block; }
        section dt { font-weight: bold; margin-top: .6em; }
        section dd { margin: 0 0 0 1.5em; }
        .closing { margin-top: 2em; }
        .signature { margin-top: 1.5em; }
        @page { size: A4; margin: 20mm; }
        @media print { body { max-width: none; margin: 0; padding: 0; } }

        """;

    private Composed Compose(LetterContent letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        Validate(letter);
        var language = LocalizationSetup.IsSupported(letter.Culture) ? LocalizationSetup.Normalize(letter.Culture) : "en";
        var text = CultureInfo.GetCultureInfo(language);
        var formats = language == "en" ? EnglishFormats : text;

        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = text;
            CultureInfo.CurrentCulture = formats;
            var dateFormat = t["Letters.DateFormat"].Value;
            string Day(DateOnly d) => d.ToString(dateFormat, formats);

            var hub = PdfText.Clean(letter.HubName).Trim();
            var subject = t["Letters.Subject", Single(letter.RequestTitle)].Value;
            var recipient = new List<string> { Single(letter.ApplicantName) };
            if (!string.IsNullOrWhiteSpace(letter.ApplicantOrganisation)) recipient.Add(Single(letter.ApplicantOrganisation));
            var references = new List<Field>
            {
                new(t["Letters.Reference"].Value, "#" + letter.RequestId.ToString(CultureInfo.InvariantCulture)),
                new(t["Letters.Kind"].Value, Single(letter.RequestKindName)),
            };
            var submitted = Day(letter.SubmittedOn);
            var decision = letter.Decision switch
            {
                RequestState.Approved => t["Letters.Decision.Approved", submitted].Value,
                RequestState.ApprovedWithConditions => t["Letters.Decision.ApprovedWithConditions", submitted].Value,
                _ => t["Letters.Decision.Rejected", submitted].Value,
            };

            var sections = new List<Section>();
            if (!string.IsNullOrWhiteSpace(letter.Reasons))
                sections.Add(new(t["Letters.Reasons"].Value, null, Block(letter.Reasons), []));
            if (letter.Decision == RequestState.ApprovedWithConditions)
                sections.Add(new(t["Letters.Conditions"].Value, null, Block(letter.Conditions), []));
            if (letter.Permit is { } permit)
            {
                var fields = new List<Field>
                {
                    new(t["Letters.PermitNumber"].Value, t["Letters.PermitNumberVersion", Single(permit.Number), permit.Version].Value),
                    new(t["Letters.Validity"].Value, t["Letters.ValidFromTo", Day(permit.ValidFrom), Day(permit.ValidTo)].Value),
                    new(t["Letters.GrantedData"].Value, Block(permit.GrantedData)),
                    new(t["Letters.Environment"].Value, Block(permit.Environment)),
                    new(t["Letters.AuthorisedPeople"].Value, Block(permit.AuthorisedPeople)),
                };
                if (!string.IsNullOrWhiteSpace(permit.Conditions))
                    fields.Add(new(t["Letters.PermitConditions"].Value, Block(permit.Conditions)));
                sections.Add(new(t["Letters.Permit"].Value, t["Letters.PermitIntro"].Value, null, fields));
            }
            // Conditions are a partial refusal: the applicant may contest them as they may a rejection.
            if (letter.Decision is RequestState.Rejected or RequestState.ApprovedWithConditions)
                sections.Add(new(t["Letters.RightsHeading"].Value, null, t["Letters.Rights"].Value, []));

            return new Composed(language, subject, hub, Day(letter.DecidedOn), letter.DecidedOn, recipient, subject, references, decision,
                sections, t["Letters.Closing"].Value, Single(letter.DecidedBy), t["Letters.Page"].Value, formats);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static void Validate(LetterContent letter)
    {
        if (letter.Decision is not (RequestState.Approved or RequestState.ApprovedWithConditions or RequestState.Rejected))
            throw new ArgumentException($"A decision letter is for an approval, an approval with conditions or a rejection, not {letter.Decision}.", nameof(letter));
        if (letter.Decision == RequestState.Rejected && string.IsNullOrWhiteSpace(letter.Reasons))
            throw new ArgumentException("A rejection gives its reasons.", nameof(letter));
        if (letter.Decision == RequestState.ApprovedWithConditions && string.IsNullOrWhiteSpace(letter.Conditions))
            throw new ArgumentException("An approval with conditions states them.", nameof(letter));
        if (letter.Decision != RequestState.ApprovedWithConditions && !string.IsNullOrWhiteSpace(letter.Conditions))
            throw new ArgumentException($"Conditions belong to an approval with conditions, not to {letter.Decision}.", nameof(letter));
        if (letter.Decision == RequestState.Rejected && letter.Permit is not null)
            throw new ArgumentException("A rejection issues no data permit.", nameof(letter));
    }

    /// <summary>A one-line value (a name, a title): line breaks become spaces.</summary>
    private static string Single(string? value) => PdfText.Clean(value).Replace('\n', ' ').Trim();

    /// <summary>A text people wrote, line breaks kept, without blank lines around it.</summary>
    private static string Block(string? value) => PdfText.Clean(value).Trim('\n', ' ');
}
