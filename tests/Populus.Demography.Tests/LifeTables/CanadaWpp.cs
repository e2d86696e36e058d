using System.Globalization;
using Populus.Demography.LifeTables;

namespace Populus.Demography.Tests.LifeTables;

/// <summary>
/// The WPP 2019 Canada life tables of ccmppWPP (single ages 0–100+, 1950–1954 and 2019, male/female/both) and their
/// summary indicators, read from /work/shared/data/testvectors.
/// </summary>
internal static class CanadaWpp
{
    public sealed record Table(int Year, string Sex, double[] Mx, double[] Ax, double[] Qx, double[] Lx, double[] Dx,
        double[] NLx, double[] Tx, double[] Ex, double[] Sx)
    {
        /// <summary>The sex whose a0 coefficients WPP used: both-sexes tables used the male ones.</summary>
        public Sex RuleSex => Sex == "female" ? Populus.Demography.Sex.Female : Populus.Demography.Sex.Male;

        /// <summary>WPP closed the both-sexes tables with a Kannisto extension, the single-sex ones with 1/m.</summary>
        public OpenAgeClosure Closure => Sex == "both" ? OpenAgeClosure.Kannisto() : OpenAgeClosure.Reciprocal;

        public override string ToString() => $"{Year} {Sex}";
    }

    public static readonly AgeGroups Ages = AgeGroups.SingleYear(100);

    private static readonly Lazy<IReadOnlyList<Table>> LazyTables = new(Load);

    private static readonly Lazy<IReadOnlyDictionary<(int, string, string), double>> LazySummary = new(LoadSummary);

    public static IReadOnlyList<Table> Tables => LazyTables.Value;

    /// <summary>(year, sex, indicator such as "lt_e60") → value.</summary>
    public static IReadOnlyDictionary<(int Year, string Sex, string Indicator), double> Summary => LazySummary.Value;

    public static TheoryData<int, string> Keys()
    {
        var data = new TheoryData<int, string>();
        foreach (var t in Tables)
        {
            data.Add(t.Year, t.Sex);
        }

        return data;
    }

    public static Table Get(int year, string sex) => Tables.Single(t => t.Year == year && t.Sex == sex);

    private static IReadOnlyList<Table> Load()
    {
        var lines = File.ReadAllLines(TestData.SharedPath("data/testvectors/ccmppwpp_canada_single_age_lt_1950_1954_2019.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        return rows
            .GroupBy(r => (Year: int.Parse(r[Col("year")], CultureInfo.InvariantCulture), Sex: r[Col("sex")]))
            .Select(g =>
            {
                var byAge = g.OrderBy(r => int.Parse(r[Col("age")], CultureInfo.InvariantCulture)).ToArray();
                if (byAge.Length != 101)
                {
                    throw new InvalidDataException($"{g.Key}: {byAge.Length} ages, 101 expected.");
                }

                double[] Column(string name) => byAge.Select(r => double.Parse(r[Col(name)], CultureInfo.InvariantCulture)).ToArray();
                return new Table(g.Key.Year, g.Key.Sex, Column("lt_nMx"), Column("lt_nAx"), Column("lt_nqx"), Column("lt_lx"),
                    Column("lt_ndx"), Column("lt_nLx"), Column("lt_Tx"), Column("lt_ex"), Column("lt_Sx"));
            })
            .OrderBy(t => t.Year).ThenBy(t => t.Sex, StringComparer.Ordinal)
            .ToArray();
    }

    private static IReadOnlyDictionary<(int, string, string), double> LoadSummary()
    {
        var lines = File.ReadAllLines(TestData.SharedPath("data/testvectors/ccmppwpp_canada_lt_summary.csv"));
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            r => (int.Parse(r[0], CultureInfo.InvariantCulture), r[1], r[2]),
            r => double.Parse(r[3], CultureInfo.InvariantCulture));
    }
}
