namespace Populus.Demography.Graduation;

/// <summary>How five-year counts are split into single years.</summary>
public enum GraduationMethod
{
    /// <summary>Sprague's fifth-difference osculatory formula [Sprague1880]; keeps group totals.</summary>
    Sprague,

    /// <summary>Beers' ordinary six-term formula [Beers1945]; keeps group totals, a little smoother than Sprague.</summary>
    BeersOrdinary,

    /// <summary>Beers' modified formula [Beers1945]: smooths the totals too, so group totals are NOT kept.</summary>
    BeersModified,
}
