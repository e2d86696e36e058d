namespace Populus.Planning.Formulas;

/// <summary>The data functions a formula may call, and the filter keys each accepts.</summary>
/// <remarks>
/// Counting functions return persons (events for births and deaths) for the filtered ages, sex and region;
/// the evaluation region applies unless a <c>region=</c> filter names another. Rate functions compute a
/// demographic measure from the counts.
/// </remarks>
public enum FormulaFunction
{
    /// <summary><c>pop(age, sex, region)</c>: resident population.</summary>
    Pop,

    /// <summary><c>regpop(age, sex, region)</c>: registered (hukou) population.</summary>
    RegPop,

    /// <summary><c>urban(age, sex, region)</c>: urban resident population.</summary>
    Urban,

    /// <summary><c>births(age, sex, region)</c>: live births; age is the mother's, sex the child's.</summary>
    Births,

    /// <summary><c>deaths(age, sex, region)</c>: deaths.</summary>
    Deaths,

    /// <summary><c>edu(age, level, region)</c>: residents with at least the education level.</summary>
    Edu,

    /// <summary><c>schooling(age, region)</c>: total years of schooling (persons × years) of residents.</summary>
    Schooling,

    /// <summary><c>series(name, region)</c>: a scalar series of <see cref="Data.ScalarSeries"/>.</summary>
    Series,

    /// <summary><c>tfr(region)</c>: total fertility rate Σ n·births/women over the mother's age groups.</summary>
    Tfr,

    /// <summary><c>e0(sex, region)</c>: period life expectancy at birth from deaths and population.</summary>
    E0,

    /// <summary><c>srb(region)</c>: male births per 100 female births.</summary>
    Srb,
}

/// <summary>Names and accepted filters of <see cref="FormulaFunction"/>.</summary>
internal static class FormulaFunctions
{
    public static readonly IReadOnlyDictionary<string, (FormulaFunction Function, string[] Keys)> ByName =
        new Dictionary<string, (FormulaFunction, string[])>(StringComparer.Ordinal)
        {
            ["pop"] = (FormulaFunction.Pop, ["age", "sex", "region"]),
            ["regpop"] = (FormulaFunction.RegPop, ["age", "sex", "region"]),
            ["urban"] = (FormulaFunction.Urban, ["age", "sex", "region"]),
            ["births"] = (FormulaFunction.Births, ["age", "sex", "region"]),
            ["deaths"] = (FormulaFunction.Deaths, ["age", "sex", "region"]),
            ["edu"] = (FormulaFunction.Edu, ["age", "level", "region"]),
            ["schooling"] = (FormulaFunction.Schooling, ["age", "region"]),
            ["series"] = (FormulaFunction.Series, ["region"]),
            ["tfr"] = (FormulaFunction.Tfr, ["region"]),
            ["e0"] = (FormulaFunction.E0, ["sex", "region"]),
            ["srb"] = (FormulaFunction.Srb, ["region"]),
        };
}
