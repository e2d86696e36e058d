namespace Populus.Storage;

/// <summary>A named set of regions (中心城区, 市域主中心 …) whose figures are always the sum over its members.</summary>
public sealed record RegionGroup(string Name, string? NameEn, IReadOnlyList<GroupMember> Members);

/// <summary>One member of a <see cref="RegionGroup"/>, with the reason it is a member.</summary>
public sealed record GroupMember(string RegionCode, string? Note = null);

/// <summary>A published figure about a group (e.g. the plan's 2020 share), kept to compare with the sum over members.</summary>
public sealed record ReferenceFigure(string Group, int Year, string Indicator, double Value, string Unit, Provenance Provenance);
