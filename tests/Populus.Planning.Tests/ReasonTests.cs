using Populus.Planning.Data;

namespace Populus.Planning.Tests;

public class ReasonTests
{
    [Fact]
    public void AReasonRestingOnACause_JoinsThemInEachLanguage()
    {
        var reason = new Reason("cannot recompute", "无法重新计算").Because(new Reason("no births of 温州市 in 2024 in the data", "数据中没有温州市2024年的出生数"));

        Assert.Equal(("cannot recompute: no births of 温州市 in 2024 in the data", "无法重新计算：数据中没有温州市2024年的出生数"), (reason.English, reason.Chinese));
    }

    [Fact]
    public void ACauseThatAlreadyNamesTheReason_StandsAlone_OnlyWhenBothLanguagesNameIt()
    {
        var missing = new Reason("no births of 温州市 in 2024 in the data", "数据中没有温州市2024年的出生数");

        Assert.Same(missing, new Reason("births of 温州市 in 2024", "温州市2024年的出生数").Because(missing));
        var englishOnly = new Reason("births of 温州市 in 2024", "温州市2024年的出生人口").Because(missing);
        Assert.Equal("温州市2024年的出生人口：数据中没有温州市2024年的出生数", englishOnly.Chinese);
    }
}
