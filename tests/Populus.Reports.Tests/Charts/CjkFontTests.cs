using Populus.Reports.Charts;

namespace Populus.Reports.Tests.Charts;

public sealed class CjkFontTests
{
    [Fact]
    public void Locate_NoFontInTheFolders_SaysToInstallFontsNotoCjk()
    {
        var empty = Directory.CreateTempSubdirectory("populus-nofont-").FullName;
        try
        {
            var ex = Assert.Throws<CjkFontNotFoundException>(() => CjkFont.Locate([empty, "/nonexistent"]));
            Assert.Contains("fonts-noto-cjk", ex.Message);
            Assert.Contains(empty, ex.Message);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void EnsureRegistered_FindsAnInstalledFontFile()
    {
        Assert.Equal("Noto Sans CJK SC", CjkFont.EnsureRegistered());
        Assert.True(File.Exists(CjkFont.RegularFile), CjkFont.RegularFile);
    }

    [Fact]
    public void OpenFace_PicksTheSimplifiedChineseFaceOfTheCollection()
    {
        using var face = CjkFont.OpenFace(CjkFont.RegularFile, "Noto Sans CJK SC");
        Assert.Equal("Noto Sans CJK SC", face.FamilyName);
        Assert.NotEqual((ushort)0, face.GetGlyph('温'));
    }

    [Fact]
    public void ScottPlot_ResolvesTheFamilyToTheCjkFace()
    {
        CjkFont.EnsureRegistered();
        var face = ScottPlot.Fonts.GetTypeface("Noto Sans CJK SC", bold: false, italic: false);
        Assert.NotEqual((ushort)0, face.GetGlyph('州'));
    }

    [Fact]
    public void BaselineDrop_IsAboutThreeQuartersOfAnEmForNotoCjk()
    {
        // Noto Sans CJK: yMin of the font box −1.048 em, descent −0.288 em (hhea), so 0.76 em.
        Assert.InRange(CjkFont.BaselineDrop(100), 60, 90);
    }
}
