using System.Runtime.Intrinsics.X86;
using Populus.Demography;
using Populus.Demography.Stochastic;
using Populus.Planning.Data;

namespace Populus.Storage.Registry;

/// <summary>
/// A synthetic person registry calibrated to Wenzhou: age × sex from Zhejiang's 2020 census, counties by 2021 resident
/// population, urban/rural by 2021 county urbanization, education by age scaled to Zhejiang's 2020 shares, hukou
/// outside the city by Wenzhou's registered/resident gap, and valid GB 11643-1999 identity numbers. The same seed
/// gives the same persons, whatever the thread count.
/// </summary>
/// <remarks>
/// The persons are drawn in blocks of <see cref="StreamBlock"/>, block b from its own xoshiro256** stream
/// (<see cref="RandomStream(ulong, long)"/> with the seed and b), so blocks can be drawn on several threads at once and a
/// seed still gives one registry. Within a 5-year census group the
/// ages are spread evenly (100+ over 100–104); birth dates are uniform within the year of age at the reference date.
/// The sequence code is a running count per (address code, birth date, sex) in person order, issued in a short ordered
/// pass after the drawing, so numbers are unique.
/// Assumptions not taken from data (documented in docs/registry.md): the age profile of migrants, their provinces of
/// origin and permit status, 5% of local residents holding hukou in another Wenzhou county, and the education age pattern.
/// </remarks>
public sealed class RegistryGenerator
{
    /// <summary>The default reference date: the end of 2021, the year of the county populations.</summary>
    public static readonly DateOnly DefaultReferenceDate = new(2021, 12, 31);

    /// <summary>Events are generated from this date on: the 2020 census date, the registry's baseline.</summary>
    public static readonly DateOnly Baseline = new(2020, 11, 1);

    /// <summary>
    /// Persons drawn from one random stream: block b (persons b·16,384 + 1 … (b+1)·16,384 counted from the first)
    /// draws from <see cref="RandomStream(ulong, long)"/> (seed, b). Part of the registry's definition: another block
    /// size gives another registry for the same seed.
    /// </summary>
    public const int StreamBlock = 16_384;

    // Share of residents with local hukou whose hukou is in another Wenzhou county (assumption).
    private const double OtherCountyHukouShare = 0.05;

    // Moves into the city are dated within this many years before the reference date.
    private const int MoveYears = 10;

    // Relative propensity of having hukou outside the city by age (assumption: labour migrants are mostly 20–49).
    private static readonly (int From, double Factor)[] MigrantAgeFactor = [(0, 0.6), (15, 1.0), (20, 1.5), (50, 0.8), (60, 0.3)];

    // Provinces of origin of migrants (assumption: the main sending provinces), as a county-level code of each capital.
    private static readonly (int Code, double Weight)[] Origins =
    [
        (520102, 0.25), // 贵州 贵阳 南明区
        (360102, 0.20), // 江西 南昌 东湖区
        (510104, 0.15), // 四川 成都 锦江区
        (340102, 0.10), // 安徽 合肥 瑶海区
        (410102, 0.10), // 河南 郑州 中原区
        (420102, 0.07), // 湖北 武汉 江岸区
        (430102, 0.07), // 湖南 长沙 芙蓉区
        (530102, 0.06), // 云南 昆明 五华区
    ];

    private readonly double[] _ageSexCumulative;
    private readonly double[] _countyCumulative;
    private readonly double[] _originCumulative;
    private readonly double[][] _educationCumulative;
    private readonly double[] _migrantProbability;
    private readonly int[] _regionCodes;
    private readonly double[] _urbanShare;

    /// <param name="calibration">The published figures (see <see cref="RegistryCalibration.Load"/>).</param>
    /// <param name="persons">Persons to generate (at least 1).</param>
    /// <param name="seed">The seed; the same seed gives the same registry.</param>
    /// <param name="referenceDate">The date ages refer to; defaults to <see cref="DefaultReferenceDate"/>.</param>
    /// <param name="firstPersonId">person_id of the first person; the others follow consecutively.</param>
    public RegistryGenerator(RegistryCalibration calibration, long persons, ulong seed, DateOnly? referenceDate = null, long firstPersonId = 1)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentOutOfRangeException.ThrowIfLessThan(persons, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstPersonId, 1);
        Persons = persons;
        Seed = seed;
        ReferenceDate = referenceDate ?? DefaultReferenceDate;
        FirstPersonId = firstPersonId;

        var ages = RegistryCalibration.MaxAge + 1;
        AgeSexWeights = new double[2, ages];
        var ageWeights = new double[ages];
        var groups = RegistryCalibration.GroupStarts;
        for (var g = 0; g < groups.Length; g++)
        {
            var end = g + 1 < groups.Length ? groups[g + 1] : ages;
            for (var age = groups[g]; age < end; age++)
            {
                for (var s = 0; s < 2; s++)
                {
                    AgeSexWeights[s, age] = calibration.AgeSexGroups[s, g] / (end - groups[g]);
                    ageWeights[age] += AgeSexWeights[s, age];
                }
            }
        }

        _ageSexCumulative = Cumulative(Enumerable.Range(0, 2 * ages).Select(i => AgeSexWeights[i / ages, i % ages]));
        _countyCumulative = Cumulative(calibration.Counties.Select(c => c.Population));
        _urbanShare = calibration.Counties.Select(c => c.UrbanShare).ToArray();
        _originCumulative = Cumulative(Origins.Select(o => o.Weight));
        _regionCodes = calibration.Counties.Select(c => c.Code).Concat(Origins.Select(o => o.Code)).ToArray();
        _educationCumulative = EducationProfile.Calibrated(ageWeights, calibration.TertiaryShare, calibration.SeniorSecondaryShare);

        var factor = Enumerable.Range(0, ages).Select(a => MigrantAgeFactor.Last(f => f.From <= a).Factor).ToArray();
        var meanFactor = ageWeights.Zip(factor, (w, f) => w * f).Sum() / ageWeights.Sum();
        _migrantProbability = factor.Select(f => Math.Min(1, calibration.OutsideHukouShare * f / meanFactor)).ToArray();
    }

    public long Persons { get; }

    public ulong Seed { get; }

    public DateOnly ReferenceDate { get; }

    public long FirstPersonId { get; }

    /// <summary>The expected persons by sex (row) and single year of age 0–104 (column), before scaling to <see cref="Persons"/>.</summary>
    internal double[,] AgeSexWeights { get; }

    /// <summary>Generates the registry as objects (tests, exports); a person may come with one event.</summary>
    public IEnumerable<(Person Person, PersonEvent? Event)> Generate()
    {
        IPersonBatchSource run = new Run(this);
        var batch = new PersonBatch(ProtectedLoad.BlockSize);
        var events = new Dictionary<long, PersonEvent>();
        while (run.FillNext(batch))
        {
            events.Clear();
            for (var e = 0; e < batch.EventCount; e++)
            {
                events[batch.EventPersonId[e]] = new PersonEvent(batch.EventPersonId[e], (PersonEventKind)batch.EventKind[e],
                    batch.EventDate[e], batch.EventFromRegion[e] == 0 ? null : batch.EventFromRegion[e],
                    batch.EventToRegion[e] == 0 ? null : batch.EventToRegion[e]);
            }

            for (var i = 0; i < batch.Count; i++)
            {
                yield return (ToPerson(batch, i), events.GetValueOrDefault(batch.PersonId[i]));
            }
        }
    }

    /// <summary>A fresh pass over the registry for the bulk loader.</summary>
    internal IPersonBatchSource CreateSource() => new Run(this);

    private static Person ToPerson(PersonBatch batch, int i)
    {
        var id = NationalIdNumber.Parse(System.Text.Encoding.ASCII.GetString(batch.Id(i)), DateOnly.MaxValue).Value;
        return new Person(batch.PersonId[i], id, (Sex)batch.Sex[i], batch.BirthDate[i], batch.HukouRegion[i], batch.ResidenceRegion[i],
            (UrbanRural)batch.UrbanRural[i], (EducationLevel)batch.Education[i], (ResidencePermitStatus)batch.ResidencePermit[i],
            batch.DeathDate[i]);
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var cumulative = weights.ToArray();
        for (var i = 1; i < cumulative.Length; i++)
        {
            cumulative[i] += cumulative[i - 1];
        }

        var total = cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            cumulative[i] /= total;
        }

        cumulative[^1] = 1.0;
        return cumulative;
    }

    /// <summary>Index of the first cumulative share above <paramref name="u"/> (in [0, 1); the last share is 1).</summary>
    /// <remarks>A plain bisection: <see cref="Array.BinarySearch{T}(T[], T)"/> compares through a comparer and was 40% of the drawing time.</remarks>
    private static int Draw(double[] cumulative, double u)
    {
        var low = 0;
        var high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (cumulative[middle] > u)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>
    /// One pass: blocks of <see cref="StreamBlock"/> persons, each drawn from its own stream on any thread
    /// (<see cref="Fill"/>, which also writes the address code and birth date of each number), then given their
    /// sequence codes in block order from the counters (<see cref="Complete"/>).
    /// </summary>
    private sealed class Run(RegistryGenerator g) : IPersonBatchSource
    {
        private const int SequencesPerSex = 499;

        // Persons ahead whose sequence counter the ordered pass fetches into the cache.
        private const int PrefetchAhead = 16;

        private readonly int _firstDay = g.ReferenceDate.AddYears(-(RegistryCalibration.MaxAge + 1)).DayNumber;
        private readonly ushort[] _issued = new ushort[g._regionCodes.Length * 2 *
            (g.ReferenceDate.DayNumber - g.ReferenceDate.AddYears(-(RegistryCalibration.MaxAge + 1)).DayNumber + 1)];

        // Birth dates of a person aged a on the reference date: _birthDays[a] days from _earliestBirth[a].
        private readonly int[] _earliestBirth = Enumerable.Range(0, RegistryCalibration.MaxAge + 1)
            .Select(a => g.ReferenceDate.AddYears(-(a + 1)).AddDays(1).DayNumber).ToArray();

        private readonly int[] _birthDays = Enumerable.Range(0, RegistryCalibration.MaxAge + 1)
            .Select(a => g.ReferenceDate.AddYears(-a).DayNumber - g.ReferenceDate.AddYears(-(a + 1)).DayNumber).ToArray();

        // yyyyMMdd of every possible birth date, for the identity numbers.
        private readonly int[] _yyyymmdd = Enumerable.Range(0, g.ReferenceDate.DayNumber - g.ReferenceDate.AddYears(-(RegistryCalibration.MaxAge + 1)).DayNumber + 1)
            .Select(d => DateOnly.FromDayNumber(g.ReferenceDate.AddYears(-(RegistryCalibration.MaxAge + 1)).DayNumber + d))
            .Select(d => (d.Year * 10000) + (d.Month * 100) + d.Day).ToArray();

        private long _taken;

        public long? Count => g.Persons;

        public bool Next(PersonBatch batch)
        {
            if (batch.Capacity < StreamBlock)
            {
                throw new ArgumentException($"a generated block holds {StreamBlock:N0} persons; this batch holds {batch.Capacity:N0}", nameof(batch));
            }

            batch.Clear();
            if (_taken >= g.Persons)
            {
                return false;
            }

            batch.Index = _taken / StreamBlock;
            batch.Count = (int)Math.Min(StreamBlock, g.Persons - _taken);
            _taken += batch.Count;
            return true;
        }

        public void Fill(PersonBatch batch)
        {
            var random = new RandomStream(g.Seed, batch.Index);
            var ages = RegistryCalibration.MaxAge + 1;
            var counties = g._urbanShare.Length;
            var days = _issued.Length / (g._regionCodes.Length * 2);
            var reference = g.ReferenceDate;
            var movesFrom = reference.AddYears(-MoveYears).DayNumber;
            var firstPersonId = g.FirstPersonId + (batch.Index * StreamBlock);
            for (var i = 0; i < batch.Count; i++)
            {
                var personId = firstPersonId + i;
                var cell = Draw(g._ageSexCumulative, random.NextUniform());
                var sex = cell / ages;
                var age = cell % ages;
                var birth = DateOnly.FromDayNumber(_earliestBirth[age] + random.NextInt(_birthDays[age]));
                var county = Draw(g._countyCumulative, random.NextUniform());
                var urban = random.NextUniform() < g._urbanShare[county];
                var hukou = county;
                var permit = ResidencePermitStatus.NotRequired;
                if (random.NextUniform() < g._migrantProbability[age])
                {
                    hukou = counties + Draw(g._originCumulative, random.NextUniform());
                    var p = random.NextUniform();
                    permit = p < 0.8 ? ResidencePermitStatus.Valid : p < 0.9 ? ResidencePermitStatus.Expired : ResidencePermitStatus.NotHeld;
                }
                else if (random.NextUniform() < OtherCountyHukouShare)
                {
                    hukou = (county + 1 + random.NextInt(counties - 1)) % counties;
                }

                var education = Draw(g._educationCumulative[age], random.NextUniform());

                batch.SequenceCounter[i] = (((hukou * 2) + sex) * days) + (birth.DayNumber - _firstDay);
                batch.IdPrefixSum[i] = (byte)NationalIdNumber.WriteAsciiPrefix(g._regionCodes[hukou], _yyyymmdd[birth.DayNumber - _firstDay], batch.Id(i));
                batch.PersonId[i] = personId;
                batch.Sex[i] = (byte)sex;
                batch.BirthDate[i] = birth;
                batch.HukouRegion[i] = g._regionCodes[hukou];
                batch.ResidenceRegion[i] = g._regionCodes[county];
                batch.UrbanRural[i] = (byte)(urban ? UrbanRural.Urban : UrbanRural.Rural);
                batch.Education[i] = (byte)education;
                batch.ResidencePermit[i] = (byte)permit;
                batch.DeathDate[i] = null;

                if (birth >= Baseline)
                {
                    batch.AddEvent(personId, PersonEventKind.Birth, birth, 0, g._regionCodes[county]);
                }
                else if (hukou != county)
                {
                    var from = Math.Max(birth.DayNumber, movesFrom);
                    var moved = DateOnly.FromDayNumber(from + random.NextInt(reference.DayNumber - from + 1));
                    batch.AddEvent(personId, PersonEventKind.MoveIn, moved, g._regionCodes[hukou], g._regionCodes[county]);
                }
            }
        }

        public unsafe void Complete(PersonBatch batch)
        {
            var counters = batch.SequenceCounter;
            fixed (ushort* issuedCounts = _issued)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    // The counters (3 MB) are hit in random order; fetching a later person's counter ahead hides the cache miss.
                    if (i + PrefetchAhead < batch.Count && Sse.IsSupported)
                    {
                        Sse.Prefetch0(issuedCounts + counters[i + PrefetchAhead]);
                    }

                    var issued = ++_issued[counters[i]];
                    if (issued > SequencesPerSex)
                    {
                        throw new InvalidOperationException(
                            $"more than {SequencesPerSex} persons of one sex share address code {batch.HukouRegion[i]} and birth date {batch.BirthDate[i]:yyyy-MM-dd}: too many persons for unique identity numbers");
                    }

                    var sequence = batch.Sex[i] == (byte)Sex.Male ? (2 * issued) - 1 : 2 * issued;
                    NationalIdNumber.WriteAsciiSequence(batch.IdPrefixSum[i], sequence, batch.Id(i));
                }
            }
        }
    }
}
