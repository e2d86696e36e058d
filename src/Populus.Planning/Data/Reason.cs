namespace Populus.Planning.Data;

/// <summary>
/// Why a figure is missing (or stands in for another), in English and in Chinese: the cockpit and the annual report
/// speak Chinese first, the command line, logs and the API's <c>note</c> English. A reason may rest on another — its
/// cause — as "the cumulative count needs every year 2021–2025 and lacks 2022: no figure reported by 市教育局" does; each
/// language joins the two in its own way.
/// </summary>
public sealed record Reason
{
    public Reason(string english, string chinese)
    {
        if (string.IsNullOrWhiteSpace(english) || string.IsNullOrWhiteSpace(chinese))
        {
            throw new ArgumentException("A reason needs its words in both languages.", string.IsNullOrWhiteSpace(english) ? nameof(english) : nameof(chinese));
        }

        English = english;
        Chinese = chinese;
    }

    public string English { get; }

    public string Chinese { get; }

    /// <summary>This reason resting on <paramref name="cause"/>: "reason: cause", "原因：缘由"; the cause alone when its
    /// words already name this reason in both languages ("温州市2024年的户籍人口" resting on "数据中没有温州市2024年的户籍人口"
    /// is the latter: the report's and the API's notes said the same thing twice).</summary>
    public Reason Because(Reason cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        if (cause.English.Contains(English, StringComparison.Ordinal) && cause.Chinese.Contains(Chinese, StringComparison.Ordinal))
        {
            return cause;
        }

        return new($"{English}: {cause.English}", $"{Chinese}：{cause.Chinese}");
    }

    /// <summary>Two reasons side by side: "a; b", "甲；乙".</summary>
    public Reason And(Reason other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new($"{English}; {other.English}", $"{Chinese}；{other.Chinese}");
    }

    /// <summary>The English words, as logs and messages show a reason.</summary>
    public override string ToString() => English;
}
