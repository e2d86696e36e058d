using System.Globalization;
using System.Text.RegularExpressions;
using Populus.Demography;

namespace Populus.Storage.Registry;

/// <summary>
/// A citizen identity number (公民身份号码) of GB 11643-1999: a 6-digit address code (GB/T 2260 region of first
/// registration), an 8-digit birth date yyyyMMdd, a 3-digit sequence whose parity gives the sex (odd = male) and an
/// ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
/// <remarks>
/// The number identifies a person, so <see cref="ToString"/> masks it (330302********123X): interpolating it into
/// a log line or an exception message never discloses it. Only <see cref="Disclose"/> and <see cref="WriteAscii"/>
/// give the full number, for the protector that enciphers it and for explicit exports.
/// The default value is no number at all; <see cref="IsDefault"/> tells it apart.
/// </remarks>
public readonly partial struct NationalIdNumber : IEquatable<NationalIdNumber>
{
    /// <summary>Characters in a number.</summary>
    public const int Length = 18;

    // Weights W(i) = 2^(17-i) mod 11 for positions i = 1..17 (GB 11643-1999 §7.1, ISO 7064 MOD 11-2).
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Check character indexed by (Σ a(i)·W(i)) mod 11.
    private const string CheckCharacters = "10X98765432";

    // Province-level codes of GB/T 2260 (the first two digits of every address code).
    private static ReadOnlySpan<byte> Provinces =>
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    // The first 17 digits as one number; the check character follows from them.
    private readonly long _first17;

    private NationalIdNumber(long first17) => _first17 = first17;

    /// <summary>True for the default value, which holds no number.</summary>
    public bool IsDefault => _first17 == 0;

    /// <summary>The 6-digit address code (GB/T 2260) of the place of first registration.</summary>
    public int RegionCode => (int)(_first17 / 100_000_000_000L);

    /// <summary>The birth date coded in digits 7–14.</summary>
    public DateOnly BirthDate
    {
        get
        {
            var ymd = (int)(_first17 / 1000 % 100_000_000);
            return new DateOnly(ymd / 10000, ymd / 100 % 100, ymd % 100);
        }
    }

    /// <summary>The 3-digit sequence code (digits 15–17).</summary>
    public int Sequence => (int)(_first17 % 1000);

    /// <summary>The sex coded by the parity of the sequence: odd for men, even for women.</summary>
    public Sex Sex => Sequence % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The check character (0–9 or X).</summary>
    public char CheckCharacter => IsDefault ? '\0' : CheckCharacterOf(_first17);

    /// <summary>
    /// Reads a number, checking length, characters, province, birth date (a real date, not after
    /// <paramref name="today"/>) and check character. A lower-case x is read as X; surrounding blanks are ignored.
    /// </summary>
    /// <param name="text">The number as written.</param>
    /// <param name="today">The date the number is checked on; births after it are refused.</param>
    public static NationalIdParseResult Parse(ReadOnlySpan<char> text, DateOnly today)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return NationalIdParseResult.Failure(NationalIdError.Empty, "the number is empty");
        }

        if (text.Length != Length)
        {
            return NationalIdParseResult.Failure(NationalIdError.WrongLength,
                $"the number has {text.Length} characters; GB 11643-1999 numbers have {Length}");
        }

        long first17 = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                return NationalIdParseResult.Failure(NationalIdError.NotDigits,
                    $"character {i + 1} is not a digit (the first 17 characters are digits)");
            }

            first17 = (first17 * 10) + (c - '0');
        }

        var last = char.ToUpperInvariant(text[Length - 1]);
        if (!char.IsAsciiDigit(last) && last != 'X')
        {
            return NationalIdParseResult.Failure(NationalIdError.NotDigits,
                "character 18 is neither a digit nor X");
        }

        var province = (byte)(first17 / 1_000_000_000_000_000L);
        if (!Provinces.Contains(province))
        {
            return NationalIdParseResult.Failure(NationalIdError.UnknownProvince,
                $"the address code starts with {province:00}, which is no province-level code of GB/T 2260");
        }

        var ymd = (int)(first17 / 1000 % 100_000_000);
        if (!DateOnly.TryParseExact(ymd.ToString("00000000", CultureInfo.InvariantCulture), "yyyyMMdd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return NationalIdParseResult.Failure(NationalIdError.InvalidBirthDate,
                "characters 7–14 are not a calendar date (yyyyMMdd)");
        }

        if (birth > today)
        {
            // Neither the coded date nor (below) the check character the digits require is named: shown beside the
            // masked number (address code and last four), they would give the whole number away.
            return NationalIdParseResult.Failure(NationalIdError.BirthDateInFuture,
                $"the birth date coded in characters 7–14 is after {today:yyyy-MM-dd}");
        }

        var expected = CheckCharacters[WeightedSum(first17) % 11];
        if (last != expected)
        {
            return NationalIdParseResult.Failure(NationalIdError.WrongCheckDigit,
                "wrong check character (ISO 7064 MOD 11-2 over the first 17 digits)");
        }

        return NationalIdParseResult.Success(new NationalIdNumber(first17));
    }

    /// <summary>True when the first two digits of a 6-digit region code name a province-level unit of GB/T 2260.</summary>
    public static bool IsProvinceOf(int regionCode) =>
        regionCode is >= 100_000 and <= 999_999 && Provinces.Contains((byte)(regionCode / 10_000));

    /// <summary>
    /// A text that may hold an identity number, masked for messages and logs: for 18 characters the same form as
    /// <see cref="ToString"/> (address code, eight stars, last four), for other lengths the first six and last four
    /// characters around stars (only stars for ten characters or fewer).
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        return t.Length > 10 ? string.Concat(t.AsSpan(0, 6), new string('*', t.Length - 10), t.AsSpan(t.Length - 4)) : new string('*', t.Length);
    }

    /// <summary>
    /// A text with every run of digits that may be an identity number masked as <see cref="Mask"/> does: 15 or more
    /// digits, an X allowed last (the 18-character numbers of GB 11643-1999, the 15-digit ones issued before it, and
    /// either with a digit too many or too few). Null stays null. No figure of a statistical table has that many digits.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? MaskNumbersIn(string? text) => text is null ? null : NumberLike().Replace(text, m => Mask(m.Value));

    [GeneratedRegex("(?<![0-9])[0-9]{14,}[0-9Xx]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    /// <summary>Reads a number; false (and the default value) when it is not valid. See <see cref="Parse"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, DateOnly today, out NationalIdNumber number)
    {
        var result = Parse(text, today);
        number = result.IsValid ? result.Value : default;
        return result.IsValid;
    }

    /// <summary>Builds the number of a person from its parts, computing the check character.</summary>
    /// <param name="regionCode">The 6-digit address code; its first two digits must be a province-level code.</param>
    /// <param name="birthDate">The birth date, years 1000–9999 (eight digits).</param>
    /// <param name="sequence">The sequence code 0–999; odd for men, even for women.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public static NationalIdNumber Create(int regionCode, DateOnly birthDate, int sequence)
    {
        if (regionCode is < 100_000 or > 999_999 || !Provinces.Contains((byte)(regionCode / 10_000)))
        {
            throw new ArgumentOutOfRangeException(nameof(regionCode), regionCode,
                "the address code must have 6 digits and start with a province-level code of GB/T 2260");
        }

        if (birthDate.Year < 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(birthDate), birthDate, "the birth year must have 4 digits");
        }

        if (sequence is < 0 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "the sequence code has 3 digits (0–999)");
        }

        return FromParts(regionCode, birthDate, sequence);
    }

    /// <summary>The check character of 17 leading digits (ISO 7064 MOD 11-2 as GB 11643-1999 uses it).</summary>
    /// <exception cref="ArgumentException">The text is not 17 digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != Length - 1 || first17Digits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("17 digits are expected", nameof(first17Digits));
        }

        long value = 0;
        foreach (var c in first17Digits)
        {
            value = (value * 10) + (c - '0');
        }

        return CheckCharacterOf(value);
    }

    /// <summary>The full 18-character number. Call only where the number must leave the protected store.</summary>
    public string Disclose()
    {
        Span<byte> ascii = stackalloc byte[Length];
        WriteAscii(ascii);
        return System.Text.Encoding.ASCII.GetString(ascii);
    }

    /// <summary>Writes the full number as 18 ASCII bytes (for the protector, without a string).</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 18 bytes.</exception>
    /// <exception cref="InvalidOperationException">This is the default value.</exception>
    public void WriteAscii(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"{Length} bytes are needed", nameof(destination));
        }

        if (IsDefault)
        {
            throw new InvalidOperationException("the default NationalIdNumber holds no number");
        }

        WriteAsciiParts(RegionCode, (int)(_first17 / 1000 % 100_000_000), Sequence, destination);
    }

    /// <summary>Writes the 18 ASCII characters of the number with these parts (no checks: the generator's hot loop).</summary>
    internal static void WriteAsciiParts(int regionCode, int yyyymmdd, int sequence, Span<byte> destination) =>
        WriteAsciiSequence(WriteAsciiPrefix(regionCode, yyyymmdd, destination), sequence, destination);

    /// <summary>
    /// Writes the first 14 characters (address code and birth date) and returns their share of the check sum, mod 11;
    /// <see cref="WriteAsciiSequence"/> finishes the number. The generator writes the prefix while drawing a block on any
    /// thread and the sequence code in its ordered pass, which then costs three digits and a check character.
    /// </summary>
    internal static int WriteAsciiPrefix(int regionCode, int yyyymmdd, Span<byte> destination)
    {
        WriteDigits(destination[..6], regionCode);
        WriteDigits(destination.Slice(6, 8), yyyymmdd);
        return WeightedDigits(destination, 0, 14) % 11;
    }

    /// <summary>Writes the sequence code and the check character after a prefix whose check-sum share is <paramref name="prefixSum"/>.</summary>
    internal static void WriteAsciiSequence(int prefixSum, int sequence, Span<byte> destination)
    {
        WriteDigits(destination.Slice(14, 3), sequence);
        destination[Length - 1] = (byte)CheckCharacters[(prefixSum + WeightedDigits(destination, 14, 3)) % 11];
    }

    private static int WeightedDigits(ReadOnlySpan<byte> digits, int start, int count)
    {
        var weights = Weights;
        var sum = 0;
        for (var i = start; i < start + count; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum;
    }

    /// <summary>The masked number: address code, eight stars, sequence and check character (330302********123X).</summary>
    public override string ToString()
    {
        if (IsDefault)
        {
            return "(no number)";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{RegionCode:000000}********{Sequence:000}{CheckCharacter}");
    }

    public bool Equals(NationalIdNumber other) => _first17 == other._first17;

    public override bool Equals(object? obj) => obj is NationalIdNumber other && Equals(other);

    public override int GetHashCode() => _first17.GetHashCode();

    public static bool operator ==(NationalIdNumber left, NationalIdNumber right) => left.Equals(right);

    public static bool operator !=(NationalIdNumber left, NationalIdNumber right) => !left.Equals(right);

    /// <summary>Builds a number from parts already known to be in range.</summary>
    internal static NationalIdNumber FromParts(int regionCode, DateOnly birthDate, int sequence) =>
        new((((regionCode * 100_000_000L) + (birthDate.Year * 10_000L) + (birthDate.Month * 100L) + birthDate.Day) * 1000L) + sequence);

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>The check character of the 17 leading digits read as one number.</summary>
    internal static char CheckCharacterOf(long first17) => CheckCharacters[WeightedSum(first17) % 11];

    private static int WeightedSum(long first17)
    {
        var sum = 0;
        for (var i = Length - 2; i >= 0; i--)
        {
            sum += (int)(first17 % 10) * Weights[i];
            first17 /= 10;
        }

        return sum;
    }
}
