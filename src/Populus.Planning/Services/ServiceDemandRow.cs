namespace Populus.Planning.Services;

/// <summary>Demand for one service in one region and year under one scenario.</summary>
/// <param name="Residents">Residents of the ages served.</param>
/// <param name="Demand">Residents × rate / per, in the standard's unit.</param>
public sealed record ServiceDemandRow(string Scenario, string Region, int Year, ServiceStandard Standard, double Residents, double Demand);
