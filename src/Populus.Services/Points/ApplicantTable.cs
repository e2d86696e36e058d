namespace Populus.Services.Points;

/// <summary>
/// Many applicants' <see cref="PointsFacts"/> in columns (one array per fact, dated facts flattened with offsets), so
/// that scoring hundreds of thousands of applications is a few passes over arrays without allocating per applicant.
/// </summary>
public sealed class ApplicantTable
{
    private ApplicantTable(int count)
    {
        Ids = new string[count];
        Education = new byte[count];
        Title = new byte[count];
        Skill = new byte[count];
        Housing = new byte[count];
        ShortSupply = new bool[count];
        Investment = new double[count];
        ResidenceSince = new int[count];
        InsuranceStart = new int[count + 1];
        EventStart = new int[count + 1];
    }

    public int Count => Ids.Length;

    internal string[] Ids { get; }

    internal byte[] Education { get; }

    internal byte[] Title { get; }

    internal byte[] Skill { get; }

    internal byte[] Housing { get; }

    internal bool[] ShortSupply { get; }

    internal double[] Investment { get; }

    /// <summary>DayNumber of the first day of residence; -1 when not resident.</summary>
    internal int[] ResidenceSince { get; }

    internal int[] InsuranceStart { get; }

    internal int[] InsuranceMonths { get; private set; } = [];

    internal int[] EventStart { get; }

    internal int[] EventKind { get; private set; } = [];

    internal int[] EventDay { get; private set; } = [];

    internal double[] EventQuantity { get; private set; } = [];

    /// <summary>Event kinds in order of first appearance; <see cref="EventKind"/> indexes it.</summary>
    internal List<string> EventKinds { get; } = [];

    public string Id(int index) => Ids[index];

    public static ApplicantTable From(IReadOnlyList<(string Id, PointsFacts Facts)> applicants)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        var table = new ApplicantTable(applicants.Count);
        var months = new List<int>();
        var kinds = new List<int>();
        var days = new List<int>();
        var quantities = new List<double>();
        var kindIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < applicants.Count; i++)
        {
            var (id, f) = applicants[i];
            table.Ids[i] = id;
            table.Education[i] = (byte)f.Education;
            table.Title[i] = (byte)f.Title;
            table.Skill[i] = (byte)f.Skill;
            table.Housing[i] = (byte)f.Housing;
            table.ShortSupply[i] = f.ShortSupply;
            table.Investment[i] = f.InvestmentCny;
            table.ResidenceSince[i] = f.ResidenceSince?.DayNumber ?? -1;
            table.InsuranceStart[i] = months.Count;
            months.AddRange(f.InsuranceMonths);
            table.EventStart[i] = kinds.Count;
            foreach (var e in f.Events)
            {
                if (!kindIndex.TryGetValue(e.Kind, out var k))
                {
                    k = kindIndex[e.Kind] = table.EventKinds.Count;
                    table.EventKinds.Add(e.Kind);
                }

                kinds.Add(k);
                days.Add(e.Date.DayNumber);
                quantities.Add(e.Quantity);
            }
        }

        table.InsuranceStart[applicants.Count] = months.Count;
        table.EventStart[applicants.Count] = kinds.Count;
        table.InsuranceMonths = [.. months];
        table.EventKind = [.. kinds];
        table.EventDay = [.. days];
        table.EventQuantity = [.. quantities];
        return table;
    }
}
