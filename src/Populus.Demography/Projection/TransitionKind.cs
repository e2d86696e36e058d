namespace Populus.Demography.Projection;

/// <summary>How the values of a <see cref="StateTransitions"/> set are read.</summary>
public enum TransitionKind
{
    /// <summary>
    /// Probabilities that a survivor of the step ends it in the destination state (Rogers' out-migration
    /// probabilities, [Rogers1995]); flows scale with the origin's population.
    /// </summary>
    Rates,

    /// <summary>Persons moving during the step (an origin–destination table of counts); flows do not depend on the population.</summary>
    Counts,
}
