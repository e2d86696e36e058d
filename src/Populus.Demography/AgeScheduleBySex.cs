namespace Populus.Demography;

/// <summary>One age schedule of counts for each sex, on one grid (a population, net migrants).</summary>
/// <typeparam name="TSchedule">The schedule kind: the pair can only hold two of the same kind.</typeparam>
public abstract class AgeScheduleBySex<TSchedule>
    where TSchedule : AgeSchedule
{
    /// <exception cref="ArgumentException">The two sexes' age groups differ.</exception>
    protected AgeScheduleBySex(TSchedule male, TSchedule female, string what)
    {
        Guard.NotNull(male);
        Guard.NotNull(female);
        male.Ages.RequireSame(female.Ages, what);
        Male = male;
        Female = female;
    }

    public AgeGroups Ages => Male.Ages;

    public TSchedule Male { get; }

    public TSchedule Female { get; }

    public TSchedule this[Sex sex] => sex == Sex.Male ? Male : Female;

    /// <summary>Both sexes together.</summary>
    public double Total() => Male.Total() + Female.Total();
}
