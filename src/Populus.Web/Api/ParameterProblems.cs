using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Populus.Planning.Data;
using Populus.Storage.Scenarios;
using Populus.Web.Plan;
using Populus.Web.Services;

namespace Populus.Web.Api;

/// <summary>
/// A query parameter the API cannot take, as one problem for every endpoint (docs/api.md): 400 naming the parameter,
/// the value given and what it takes, in English (<c>detail</c>) and Chinese (<c>detailZh</c>), with the services'
/// <c>errors</c> list ({field, value, reason}); an unknown scenario is 404 the same way. A value the API does not know is
/// refused, never read as a default or replaced by the nearest it knows.
/// </summary>
internal static partial class ParameterProblems
{
    /// <summary>400: <paramref name="name"/> = <paramref name="value"/> is not what it takes (<paramref name="expected"/>).</summary>
    /// <param name="title">What cannot be done ("Cannot seek this target"); by default a bad parameter.</param>
    public static ProblemHttpResult Invalid(string name, string? value, Reason expected, string title = "Bad parameter") =>
        Problem(StatusCodes.Status400BadRequest, title, name, value, expected);

    /// <summary>400 naming the allowed values when <paramref name="value"/> is given and not one of them; null otherwise.</summary>
    public static ProblemHttpResult? OneOf(string name, string? value, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value) || allowed.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var list = string.Join(", ", allowed);
        return Invalid(name, value, new($"one of {list}", $"应为以下之一：{list}"));
    }

    /// <summary>400 with the valid range and why it ends there when the year is given and outside it; null otherwise.</summary>
    /// <param name="why">What the range covers ("the plan's indicators are read from 2000 and projected to 2035").</param>
    public static ProblemHttpResult? Year(string name, int? year, int first, int last, Reason why) =>
        year is { } y && (y < first || y > last)
            ? Invalid(name, y.ToString(CultureInfo.InvariantCulture), new Reason($"a year from {first} to {last}", $"应为 {first}–{last} 年之间的年份").Because(why))
            : null;

    /// <summary>400 when an as-of year (or a series' end) is given outside the years the cockpit's views cover: from
    /// <see cref="CockpitViews.FirstYear"/>, where their search for a latest figure stops, to the plan's horizon, where
    /// the projection that judges targets ahead ends; null otherwise.</summary>
    public static ProblemHttpResult? PlanYear(string name, int? year) => Year(name, year, CockpitViews.FirstYear, ScenarioService.LastYear,
        new($"the cockpit reads figures from {CockpitViews.FirstYear} and the plan's projection ends in {ScenarioService.LastYear}",
            $"驾驶舱读取 {CockpitViews.FirstYear} 年起的数据，规划预测止于 {ScenarioService.LastYear} 年"));

    /// <summary>404 naming the scenarios there are when <paramref name="scenario"/> is given and not one of the monitor's; null otherwise.</summary>
    public static ProblemHttpResult? Scenario(string? scenario, PlanMonitor monitor)
    {
        if (string.IsNullOrWhiteSpace(scenario) || monitor.Scenarios.Any(s => s.Name == scenario))
        {
            return null;
        }

        var known = string.Join(", ", monitor.Scenarios.Select(s => s.Name));
        return Problem(StatusCodes.Status404NotFound, "Unknown scenario", "scenario", scenario,
            new($"no such scenario (data/scenarios); known: {known}", $"没有这个情景（data/scenarios）；已有：{known}"));
    }

    /// <summary>The problem of a query value the endpoint's parameter cannot take (a year "abc", a date "garbage"), from
    /// the host's binding failure ("Failed to bind parameter "Nullable&lt;int&gt; year" from "abc"."), or null for another bad request.</summary>
    public static ProblemDetails? Binding(BadHttpRequestException ex)
    {
        var match = BindingFailure().Match(ex.Message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var value = match.Groups["value"].Value;
        var expected = match.Groups["type"].Value switch
        {
            "int" => new Reason("a whole number", "应为整数"),
            "ulong" => new Reason("a whole number from 0", "应为不小于 0 的整数"),
            "double" => new Reason("a number", "应为数字"),
            "bool" => new Reason("true or false", "应为 true 或 false"),
            "DateOnly" => new Reason("a date written yyyy-mm-dd", "应为 yyyy-mm-dd 格式的日期"),
            var type => new Reason($"a value of type {type}", $"应为 {type} 类型的值"),
        };
        return Details(StatusCodes.Status400BadRequest, "Bad parameter", name, value, expected);
    }

    private static ProblemHttpResult Problem(int status, string title, string name, string? value, Reason reason) =>
        TypedResults.Problem(Details(status, title, name, value, reason));

    private static ProblemDetails Details(int status, string title, string name, string? value, Reason reason) => new()
    {
        Status = status,
        Title = title,
        Detail = $"{name} = '{value}': {reason.English}",
        Extensions =
        {
            [BilingualProblem.ChineseDetail] = $"参数 {name} = '{value}'：{reason.Chinese}",
            ["errors"] = new[] { new ServiceProblems.FieldProblem(name, value, reason.English, null, null, reason.Chinese) },
        },
    };

    [GeneratedRegex("""^Failed to bind parameter "(Nullable<(?<type>\w+)>|(?<type>\w+)\??) (?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();
}
