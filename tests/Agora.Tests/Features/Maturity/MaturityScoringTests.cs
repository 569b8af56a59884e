using Agora.Web.Features.Maturity;

namespace Agora.Tests.Features.Maturity;

/// <summary>The JRC scoring rules, question type by question type, against values computed by hand.</summary>
public sealed class MaturityScoringTests
{
    private const int Precision = 6;

    /// <summary>One answer per question of the SME set; the comments give the hand computation.</summary>
    private static MaturityAnswers SmeAnswers() => new()
    {
        // M2.1: plan-or-done rows 1,1,½,1,0,0,½,0,1 = 5/9; checkbox 5 of 10 = ½ → (5/9 + ½)/2 × 100 = 52.7777…
        ["Q15"] = [2, 2, 1, 3, 0, 0, 1, 0, 2],
        ["Q16"] = [1, 2, 3, 4, 5],
        // M2.2: checkbox 4 of 10 = 0.4; scale (5+0+3+0+2+0+4)/35 = 0.4 → 40
        ["Q17"] = [1, 2, 6, 10],
        ["Q18"] = [5, 0, 3, 0, 2, 0, 4],
        // M2.3: all 7 = 1; nothing applies = 0 → 50
        ["Q19"] = [1, 2, 3, 4, 5, 6, 7],
        ["Q20"] = [],
        // M2.4: options 3 and 5 of the 7 scoring ones (2 "not collected digitally" earns nothing) = 2/7; all 6 = 1
        //       → (2/7 + 1)/2 × 100 = 64.2857…
        ["Q21"] = [2, 3, 5],
        ["Q22"] = [1, 2, 3, 4, 5, 6],
        // M2.5: one question, scale (5+5+0+0+0)/25 = 0.4 → 40
        ["Q23"] = [5, 5, 0, 0, 0],
        // M2.6: checkbox 2 of 10 = 0.2; matrix yes, partially, no, yes, partially = (1+½+0+1+½)/5 = 0.6 → 40
        ["Q24"] = [1, 10],
        ["Q25"] = [2, 1, 0, 2, 1],
    };

    /// <summary>One answer per question of the public sector set.</summary>
    private static MaturityAnswers PsoAnswers() => new()
    {
        // M2.1: checkbox all 10 = 1; plan-or-done 4 invested + 2 planned of 8 = 5/8 → (1 + 0.625)/2 × 100 = 81.25
        ["Q15"] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        ["Q16"] = [2, 2, 2, 2, 1, 1, 0, 0],
        // M2.2: checkbox 3 of 9 = 1/3; scale 8 × 1 of 40 = 0.2 → (1/3 + 0.2)/2 × 100 = 26.6666…
        ["Q17"] = [1, 2, 3],
        ["Q18"] = [1, 1, 1, 1, 1, 1, 1, 1],
        // M2.3: nothing = 0; 5 of 10 = ½ → 25
        ["Q19"] = [],
        ["Q20"] = [1, 2, 3, 4, 5],
        // M2.4: 2 of 9 (option 2 "no paper forms" scores in this set); 3 of 6 = ½ → (2/9 + ½)/2 × 100 = 36.1111…
        ["Q21"] = [2, 9],
        ["Q22"] = [1, 2, 3],
        // M2.5: one question; 8 rows implemented (one of them also planned: 3 counts as implemented), 4 only planned,
        //       4 nothing: (8 × 1 + 4 × ½)/16 = 0.625 → 62.5
        ["Q23"] = [2, 2, 2, 2, 2, 2, 2, 3, 1, 1, 1, 1, 0, 0, 0, 0],
        // M2.6: all 9 = 1; yes × 5 = 1 → 100
        ["Q24"] = [1, 2, 3, 4, 5, 6, 7, 8, 9],
        ["Q25"] = [2, 2, 2, 2, 2],
    };

    [Fact]
    public void Score_SmeFixedAnswers_EqualsHandComputedDimensionsOverallAndBand()
    {
        var scores = MaturityScoring.Score(Questionnaire.Sme, SmeAnswers());

        double[] expected = [100.0 * 19 / 36, 40, 50, 900.0 / 14, 40, 40];
        Assert.Equal(6, scores.Dimensions.Count);
        for (var i = 0; i < 6; i++) Assert.Equal(expected[i], scores.Dimensions[i], Precision);
        Assert.Equal(47.843915, scores.Overall, 5);
        Assert.Equal(MaturityBand.Average, scores.Band);
    }

    [Fact]
    public void Score_PsoFixedAnswers_EqualsHandComputedDimensionsOverallAndBand()
    {
        var scores = MaturityScoring.Score(Questionnaire.Pso, PsoAnswers());

        double[] expected = [81.25, 80.0 / 3, 25, 650.0 / 18, 62.5, 100];
        for (var i = 0; i < 6; i++) Assert.Equal(expected[i], scores.Dimensions[i], Precision);
        Assert.Equal(55.254630, scores.Overall, 5);
        Assert.Equal(MaturityBand.ModeratelyAdvanced, scores.Band);
    }

    [Fact]
    public void Fraction_Checkbox_CountsEachScoringOptionOnceAndIgnoresTheAbsenceOption()
    {
        var q21 = Questionnaire.Sme.Find("Q21")!;
        Assert.Equal(0, MaturityScoring.Fraction(q21, [2]));
        Assert.Equal(1.0 / 7, MaturityScoring.Fraction(q21, [1, 1, 2]), Precision);
        Assert.Equal(1, MaturityScoring.Fraction(q21, [1, 3, 4, 5, 6, 7, 8]), Precision);
    }

    [Fact]
    public void Fraction_PlanOrDone_InvestedOneAndPlannedHalfAndBothOne()
    {
        var q15 = Questionnaire.Sme.Find("Q15")!;
        Assert.Equal(1.0 / 9, MaturityScoring.Fraction(q15, [2, 0, 0, 0, 0, 0, 0, 0, 0]), Precision);
        Assert.Equal(0.5 / 9, MaturityScoring.Fraction(q15, [1, 0, 0, 0, 0, 0, 0, 0, 0]), Precision);
        Assert.Equal(1.0 / 9, MaturityScoring.Fraction(q15, [3, 0, 0, 0, 0, 0, 0, 0, 0]), Precision);
    }

    [Fact]
    public void Score_NothingAnswered_ZeroAndBasic()
    {
        var scores = MaturityScoring.Score(Questionnaire.Pso, new MaturityAnswers());
        Assert.All(scores.Dimensions, d => Assert.Equal(0, d));
        Assert.Equal(MaturityBand.Basic, scores.Band);
    }

    [Theory]
    [InlineData(0, MaturityBand.Basic)]
    [InlineData(25, MaturityBand.Basic)]
    [InlineData(25.01, MaturityBand.Average)]
    [InlineData(50, MaturityBand.Average)]
    [InlineData(50.5, MaturityBand.ModeratelyAdvanced)]
    [InlineData(75, MaturityBand.ModeratelyAdvanced)]
    [InlineData(75.2, MaturityBand.Advanced)]
    [InlineData(100, MaturityBand.Advanced)]
    public void BandOf_Score_JrcBands(double score, MaturityBand expected) => Assert.Equal(expected, MaturityScoring.BandOf(score));

    [Fact]
    public void IsAnswered_MatrixNeedsEveryRowInRange_CheckboxMayBeEmpty()
    {
        var q25 = Questionnaire.Sme.Find("Q25")!;
        var q16 = Questionnaire.Sme.Find("Q16")!;
        Assert.True(MaturityScoring.IsAnswered(q25, [0, 1, 2, 2, 0]));
        Assert.False(MaturityScoring.IsAnswered(q25, [0, 1, 2, 2]));
        Assert.False(MaturityScoring.IsAnswered(q25, [0, 1, 3, 2, 0]));
        Assert.True(MaturityScoring.IsAnswered(q16, []));
        Assert.False(MaturityScoring.IsAnswered(q16, null));
        Assert.False(MaturityScoring.IsAnswered(q16, [11]));
    }

    [Fact]
    public void QuestionSets_EveryQuestionAndItemHasEnglishText()
    {
        var keys = File.ReadAllLines(Path.Combine(RepoRoot(), "src", "Agora.Web", "Resources", "strings", "maturity-questions.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(" | ")[0]).ToHashSet();
        foreach (var set in new[] { Questionnaire.Sme, Questionnaire.Pso })
        {
            Assert.Equal(6, set.Dimensions.Count);
            foreach (var d in set.Dimensions) Assert.Contains(set.DimensionKey(d.Number), keys);
            foreach (var q in set.Questions)
            {
                Assert.Contains(set.QuestionKey(q), keys);
                for (var i = 1; i <= q.Items; i++) Assert.Contains(set.ItemKey(q, i), keys);
                Assert.DoesNotContain(set.ItemKey(q, q.Items + 1), keys);
            }
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Agora.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }
}
