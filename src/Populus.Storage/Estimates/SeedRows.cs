namespace Populus.Storage.Estimates;

/// <summary>A population figure to write: reference date × region × sex × age × residence (education total).</summary>
internal sealed record PopulationRow(DateOnly ReferenceDate, string Region, string Sex, string Age, int AgeFrom, int? AgeTo, string Residence, double Persons, Provenance Provenance);

/// <summary>A survey total to write.</summary>
internal sealed record SurveyRow(int Year, string Region, string Survey, string Measure, double Value, Provenance Provenance);

/// <summary>A reported indicator to write.</summary>
internal sealed record IndicatorRow(int Year, string Region, string Indicator, double Value, string Unit, string Department, Provenance Provenance);
