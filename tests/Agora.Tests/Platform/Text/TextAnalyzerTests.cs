using System.Globalization;
using System.Text;
using Agora.Web.Platform.Text;

namespace Agora.Tests.Platform.Text;

public sealed class TextAnalyzerTests
{
    private static readonly string[] Cultures = ["en", "pt-PT", "nb-NO", "fr", ""];

    public static TheoryData<string, string, string> InflectedForms => new()
    {
        { "en", "hospitals", "hospital" }, { "en", "nurses", "nurse" }, { "en", "walking", "walked" },
        { "en", "nurse's", "nurse" },
        { "pt-PT", "enfermeiras", "enfermeira" }, { "pt-PT", "hospitais", "hospital" }, { "pt-PT", "consultas", "consulta" },
        { "pt-PT", "saúde", "saude" }, { "pt-PT", "corações", "coração" }, { "pt-PT", "papéis", "papel" },
        { "pt-PT", "possíveis", "possível" }, { "pt-PT", "espanhóis", "espanhol" }, { "pt-PT", "Saúde", "SAUDE" },
        { "nb-NO", "sykehusene", "sykehus" }, { "nb-NO", "pasientene", "pasient" }, { "nb-NO", "sykepleierne", "sykepleier" },
        { "nb-NO", "sykepleieren", "sykepleier" }, { "nb-NO", "sykepleiere", "sykepleier" }, { "nb-NO", "lærerne", "lærer" },
        { "nb-NO", "sykehús", "sykehus" },
    };

    [Theory]
    [MemberData(nameof(InflectedForms))]
    public void Terms_InflectedForms_GiveTheSameTerm(string culture, string inflected, string other)
    {
        var terms = TextAnalyzer.Terms(inflected, culture);
        Assert.Single(terms);
        Assert.Equal(terms, TextAnalyzer.Terms(other, culture));
    }

    [Theory]
    [InlineData("nb-NO", "moderne", "modern")]
    [InlineData("nb-NO", "stjerne", "stjernen")]
    [InlineData("pt-PT", "heróis", "herói")]
    public void Terms_WordsThatOnlyLookPlural_KeepTheirStem(string culture, string word, string sameWord) =>
        Assert.Equal(TextAnalyzer.Terms(sameWord, culture), TextAnalyzer.Terms(word, culture));

    [Theory]
    [InlineData("en", "The nurses and the doctors of a hospital", "nurs doctor hospit")]
    [InlineData("pt-PT", "As enfermeiras e os médicos do hospital não são", "enfermeir medic hospital")]
    [InlineData("nb-NO", "Sykepleierne og legene på sykehuset er ikke", "sykeplei leg sykehus")]
    [InlineData("pt-PT", "Nao e voce", "")]
    public void Document_StopWords_AreLeftOut(string culture, string text, string document) =>
        Assert.Equal(document, TextAnalyzer.Document(text, culture));

    [Theory]
    [InlineData("pt", "pt-PT")]
    [InlineData("pt-BR", "pt-PT")]
    [InlineData("nb", "nb-NO")]
    [InlineData("no", "nb-NO")]
    [InlineData("NB_no", "nb-NO")]
    [InlineData("en-GB", "en")]
    public void Terms_CultureAlias_SameAsCanonicalCulture(string alias, string culture)
    {
        const string text = "hospitais hospitals sykehusene enfermeiras nurses pasientene";
        Assert.Equal(TextAnalyzer.Terms(text, culture), TextAnalyzer.Terms(text, alias));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData(null)]
    public void Terms_UnknownCulture_FoldsWithoutStemming(string? culture) =>
        Assert.Equal(["hospitals", "cafe", "sante"], TextAnalyzer.Terms("The hospitals: café, SANTÉ!", culture));

    [Theory]
    [InlineData("Blåbær øl café não", "blåbær øl cafe nao")]
    [InlineData("ÅRSTID Ærlig Øvre", "årstid ærlig øvre")]
    [InlineData("Ångström cœur façade", "ångstrom cœur facade")]
    [InlineData("Ελληνικά Tiếng Việt", "ελληνικα tieng viet")]
    [InlineData("a\u030Angstro\u0308m", "ångstrom")]
    public void Document_Folding_RemovesAccentsButKeepsNorwegianLetters(string text, string document) =>
        Assert.Equal(document, TextAnalyzer.Document(text, "xx"));

    [Theory]
    [InlineData("e-health", "health")]
    [InlineData("COVID-19 5G 2025", "covid 19 5g 2025")]
    [InlineData("a b c 1 2 x", "")]
    [InlineData("nurse's don't", "nurs")]
    [InlineData("hospital\u00A0sau\u0301de", "hospit saud")]
    [InlineData("ｈｏｓｐｉｔａｌｓ ﬁnancing", "hospit financ")]
    [InlineData("covid19 covid2019s", "covid19 covid2019s")]
    public void Document_Tokenisation_SplitsOnAnythingButLettersAndDigits(string text, string document) =>
        Assert.Equal(document, TextAnalyzer.Document(text, "en"));

    [Fact]
    public void Terms_VeryLongWord_IsDropped()
    {
        var text = "hospital " + new string('a', TextAnalyzer.MaxWordLength + 1) + " nurse";
        Assert.Equal(["hospit", "nurs"], TextAnalyzer.Terms(text, "en"));
    }

    [Fact]
    public void Terms_LongText_StopsAtMaxTerms()
    {
        var text = string.Join(' ', Enumerable.Repeat("hospital nurse", TextAnalyzer.MaxTermsPerText));
        Assert.Equal(TextAnalyzer.MaxTermsPerText, TextAnalyzer.Terms(text, "en").Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t\n ")]
    [InlineData("!!! ... ---")]
    public void Terms_NothingToIndex_Empty(string? text)
    {
        Assert.Empty(TextAnalyzer.Terms(text, "en"));
        Assert.Equal("", TextAnalyzer.Document(text, "en"));
        Assert.Empty(TextAnalyzer.QueryTerms(text, "en"));
    }

    public static TheoryData<string> HostileInputs => new()
    {
        "\"OR\" NEAR( hospital * : & | ! NOT AND",
        "'; DROP TABLE ideas; -- \"x\" OR 1=1",
        "title:secret body:* ^first",
        "a & b | !c <-> d:* 'e':AB (f)",
        "\u0000x\u0007y\u001b[31mred\u001b[0m\ttab\r\nline",
        string.Concat(Enumerable.Repeat("Ærøå😀ção", 5000)),
        "😀 👍🏽 👩‍⚕️ 🏥hospital🏥",
        "\u202Eevil\u202C \u200Fright\u200E zero\u200Bwidth \uFEFFbom",
        "\uD800lone\uDC00 surrogates\uD83D",
        "Z̵̡̢a̷͚l̶̙g̵̣o̸͇ h̷̛e̵l̴l̶o",
        "ℕ𝕆𝕋 𝔸ℕ𝔻 ＯＲ ＮＥＡＲ 𝐀𝐍𝐃",
        "½ ² ⅻ ① ﷺ ㈱",
        "<script>alert('x')</script> &amp; %27 %00",
        "हिन्दी العربية עברית 日本語 Ελληνικά 𠀀𠀁",
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Terms_HostileInput_OnlyLowerCaseLettersAndDigits(string text)
    {
        foreach (var culture in Cultures)
        {
            var terms = TextAnalyzer.Terms(text, culture);
            Assert.All(terms, AssertSafe);
            Assert.True(terms.Count <= TextAnalyzer.MaxTermsPerText);
            Assert.DoesNotContain("  ", TextAnalyzer.Document(text, culture));
        }
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void QueryTerms_HostileInput_OnlyLowerCaseLettersAndDigits(string query)
    {
        foreach (var culture in Cultures)
        {
            var groups = TextAnalyzer.QueryTerms(query, culture);
            Assert.True(groups.Count <= TextAnalyzer.MaxQueryWords);
            Assert.All(groups, g => Assert.NotEmpty(g));
            Assert.All(groups.SelectMany(g => g), AssertSafe);
        }
    }

    // [\p{L}\p{N}]+ by code point (a .NET Regex would see the halves of 𠀀 as surrogates, not a letter).
    private static void AssertSafe(string term)
    {
        Assert.NotEmpty(term);
        Assert.All(term.EnumerateRunes(), r => Assert.True(
            Rune.IsLetter(r) || Rune.GetUnicodeCategory(r) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber,
            $"U+{r.Value:X4} in \"{term}\""));
        Assert.Equal(term.ToLowerInvariant(), term);
        Assert.True(term.Length <= TextAnalyzer.MaxWordLength, term);
    }

    [Fact]
    public void QueryTerms_Words_OneGroupPerWordWithEachLanguagesStem()
    {
        var groups = TextAnalyzer.QueryTerms("Hospitals sykehusene", "en");

        Assert.Equal(2, groups.Count);
        // English first, then Portuguese, Norwegian and the unstemmed word, without repeats
        Assert.Equal(["hospit", "hospitals", "hospital"], groups[0]);
        Assert.Equal(["sykehusen", "sykehus", "sykehusene"], groups[1]);
    }

    [Theory]
    [InlineData("en", "hospitai")]
    [InlineData("pt-PT", "hospital")]
    [InlineData("nb-NO", "hospitais")]
    [InlineData(null, "hospitai")]
    public void QueryTerms_PreferredCulture_ComesFirst(string? culture, string first) =>
        Assert.Equal(first, TextAnalyzer.QueryTerms("hospitais", culture)[0][0]);

    [Theory]
    [InlineData("en", "man")]
    [InlineData("nb-NO", "the")]
    [InlineData("pt-PT", "the man for")]
    public void QueryTerms_StopWords_DroppedOnlyForPreferredCulture(string culture, string kept)
    {
        var groups = TextAnalyzer.QueryTerms("the man for", culture);
        Assert.Equal(kept.Split(' '), groups.Select(g => g.Last()));
    }

    [Fact]
    public void QueryTerms_FormsOfOneWord_OneGroup()
    {
        var group = Assert.Single(TextAnalyzer.QueryTerms("nurse nurses Nurse", "en"));
        Assert.Equal(["nurs", "nurse", "nurses"], group);
    }

    [Fact]
    public void QueryTerms_LongQuery_KeepsFirstTwelveWords()
    {
        var query = string.Join(' ', Enumerable.Range(10, 30).Select(n => n.ToString(CultureInfo.InvariantCulture)));
        var groups = TextAnalyzer.QueryTerms(query, "en");
        Assert.Equal(TextAnalyzer.MaxQueryWords, groups.Count);
        Assert.Equal(["10"], groups[0]);
        Assert.Equal(["21"], groups[^1]);
    }

    [Theory]
    [InlineData("pt-PT", "As enfermeiras dos hospitais públicos", "enfermeira hospital publico")]
    [InlineData("nb-NO", "Sykepleierne på sykehusene", "sykepleier sykehus")]
    [InlineData("en", "Nurses walked to the hospitals", "nurse walking hospital")]
    [InlineData("fr", "Les hôpitaux", "hopitaux")]
    public void QueryTerms_AnyPreferredCulture_EveryGroupMeetsTheIndexedDocument(string documentCulture, string text, string query)
    {
        var indexed = TextAnalyzer.Terms(text, documentCulture);
        foreach (var preferred in new[] { "en", "pt-PT", "nb-NO", null })
        {
            var groups = TextAnalyzer.QueryTerms(query, preferred);
            Assert.NotEmpty(groups);
            Assert.All(groups, g => Assert.Contains(g, indexed.Contains));
        }
    }
}
