namespace Populus.Planning.Scenarios;

/// <summary>A scenario's levels in one year (<see cref="ScenarioProjector{T}"/>): SRB as males per female and the urban
/// path as a share; the year's migrants of each state [state][sex][age] (the projector's states), before any drawn.</summary>
internal sealed record CentralYear<T>(double Tfr, double MaleE0, double FemaleE0, double Srb, double Graduates, double Retention,
    double NetMigration, double ExtraGraduates, double UrbanPath, T[] StateMigrants);
