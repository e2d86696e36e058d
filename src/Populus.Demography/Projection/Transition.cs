namespace Populus.Demography.Projection;

/// <summary>One origin–destination pair of a <see cref="StateTransitions"/> set: the values are <paramref name="Scale"/> × <paramref name="Schedule"/>.</summary>
/// <param name="From">The origin state.</param>
/// <param name="To">The destination state.</param>
/// <param name="Schedule">The age–sex profile (rates or counts).</param>
/// <param name="Scale">The pair's level (1 when the schedule already holds the pair's values).</param>
public readonly record struct Transition(int From, int To, TransitionSchedule Schedule, double Scale = 1.0);
