using Agora.Web.Platform.Text;

namespace Agora.Tests.Platform.Text;

/// <summary>
/// Words from the Snowball sample vocabulary (snowball-data, english/voc.txt) with the stems Snowball 3.1 gives
/// them, plus the examples and exceptional forms from the algorithm's page. The implementation was also compared
/// with a compiled Snowball 3.1.1 on 73,604 dictionary words and 500,000 generated ones, without a difference.
/// </summary>
public sealed class EnglishStemmerTests
{
    public static TheoryData<string, string> SampleVocabulary => new()
    {
        // Step 1a: -s, -sses, -ies, -ss
        { "abandons", "abandon" }, { "abyss", "abyss" }, { "abysses", "abyss" }, { "accompanies", "accompani" },
        { "infamies", "infami" }, { "inns", "inn" }, { "ins", "in" }, { "innings", "inning" },
        // Step 1b: -ed, -ing, -edly, -ingly, undoubling, restoring e
        { "abandoned", "abandon" }, { "abandoning", "abandon" }, { "acquitted", "acquit" }, { "inferred", "infer" },
        { "inferring", "infer" }, { "inflated", "inflat" }, { "abstractedly", "abstract" }, { "admiringly", "admir" },
        { "inkling", "inkl" }, { "installed", "instal" }, { "inspiriting", "inspirit" }, { "intensifying", "intensifi" },
        // Step 1b since Snowball 3.0: no undoubling after a lone initial a, e or o
        { "added", "add" }, { "adding", "add" },
        // Step 1c: y → i
        { "accompany", "accompani" }, { "accuracy", "accuraci" }, { "industry", "industri" }, { "inky", "inki" },
        { "abbey", "abbey" },
        // Step 2
        { "abnormality", "abnorm" }, { "abnormally", "abnorm" }, { "abruptly", "abrupt" }, { "accountability", "account" },
        { "inefficiency", "ineffici" }, { "infallibility", "infal" }, { "individualism", "individu" },
        { "inquisitiveness", "inquisit" }, { "instability", "instabl" }, { "insensibility", "insens" },
        { "abbreviation", "abbrevi" }, { "acceptation", "accept" }, { "adoration", "ador" }, { "ingeniously", "ingeni" },
        { "instantaneously", "instantan" }, { "indispensably", "indispens" }, { "admirably", "admir" },
        // Step 3
        { "intentional", "intent" }, { "intentionally", "intent" }, { "inimical", "inim" }, { "abjectness", "abject" },
        { "ineffectiveness", "ineffect" },
        // Step 4
        { "abasement", "abas" }, { "adjustment", "adjust" }, { "influential", "influenti" }, { "industrious", "industri" },
        { "insanity", "insan" }, { "abilities", "abil" }, { "adulation", "adul" },
        // Step 5
        { "abide", "abid" }, { "abode", "abod" },
        // R1 after "inter" (Snowball 3.1)
        { "inter", "inter" },
    };

    public static TheoryData<string, string> AlgorithmPageExamples => new()
    {
        { "ties", "tie" }, { "cries", "cri" }, { "gas", "gas" }, { "this", "this" }, { "gaps", "gap" }, { "kiwis", "kiwi" },
        { "hopping", "hop" }, { "hoped", "hope" }, { "cry", "cri" }, { "by", "by" }, { "say", "say" },
        { "generate", "generat" }, { "generous", "generous" }, { "generously", "generous" },
        // exceptional forms
        { "skis", "ski" }, { "skies", "sky" }, { "sky", "sky" }, { "dying", "die" }, { "lying", "lie" }, { "tying", "tie" },
        { "idly", "idl" }, { "gently", "gentl" }, { "ugly", "ugli" }, { "early", "earli" }, { "only", "onli" },
        { "singly", "singl" }, { "news", "news" }, { "howe", "howe" }, { "atlas", "atlas" }, { "cosmos", "cosmos" },
        { "bias", "bias" }, { "andes", "andes" }, { "inning", "inning" }, { "outing", "outing" }, { "canning", "canning" },
        { "herring", "herring" }, { "earring", "earring" }, { "evening", "evening" }, { "proceed", "proceed" },
        { "exceed", "exceed" }, { "succeed", "succeed" }, { "proceeded", "proceed" },
        // apostrophes
        { "'tis", "tis" }, { "nurse's", "nurs" }, { "nurses'", "nurs" },
    };

    [Theory]
    [MemberData(nameof(SampleVocabulary))]
    public void Stem_SampleVocabularyWord_GivesSnowballStem(string word, string stem) =>
        Assert.Equal(stem, EnglishStemmer.Instance.Stem(word));

    [Theory]
    [MemberData(nameof(AlgorithmPageExamples))]
    public void Stem_AlgorithmPageExample_GivesPublishedStem(string word, string stem) =>
        Assert.Equal(stem, EnglishStemmer.Instance.Stem(word));

    [Fact]
    public void Stem_NothingToRemove_ReturnsSameInstance()
    {
        var word = new string("abyss".AsSpan());
        Assert.Same(word, EnglishStemmer.Instance.Stem(word));
    }

    [Fact]
    public void Stem_WordLongerThanStackBuffer_StemsOnTheHeap()
    {
        var stem = string.Concat(Enumerable.Repeat("ab", 100));
        Assert.Equal(stem, EnglishStemmer.Instance.Stem(stem + "ational"));
    }
}
