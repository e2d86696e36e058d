using System.Globalization;

namespace Populus.Web.Services;

/// <summary>The day a services request names (?on=yyyy-mm-dd), else today in China Standard Time.</summary>
internal static class ServiceDays
{
    public static bool TryParse(string? on, ServiceDesk desk, out DateOnly day)
    {
        day = desk.Today;
        return string.IsNullOrWhiteSpace(on) || DateOnly.TryParseExact(on.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
