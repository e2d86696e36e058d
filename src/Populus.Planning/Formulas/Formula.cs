using System.Globalization;
using Populus.Demography;
using Populus.Planning.Data;

namespace Populus.Planning.Formulas;

/// <summary>
/// An indicator formula over named data series, parsed once when the catalogue loads, for example
/// <c>100 * (pop(age&lt;15) + pop(age&gt;=60)) / pop(age&gt;=15 &amp; age&lt;60)</c>.
/// </summary>
/// <remarks>
/// Grammar: <c>expr := term (('+'|'-') term)*; term := unary (('*'|'/') unary)*; unary := '-' unary | primary;
/// primary := number | '(' expr ')' | name '(' [arg ((','|'&amp;') arg)*] ')'; arg := key op value | word</c>.
/// Keys: <c>age</c> (&gt;=, &gt;, &lt;, &lt;=, =; conditions intersect), <c>sex</c> (= M/F), <c>region</c>
/// (= a listed region), <c>level</c> (&gt;= an education level). A bare word is the series name of
/// <c>series(...)</c>. The functions are in <see cref="FormulaFunction"/>.
/// </remarks>
public sealed class Formula
{
    private Formula(string text, FormulaNode root, IReadOnlyList<CallNode> calls)
    {
        Text = text;
        Root = root;
        Calls = calls;
    }

    public string Text { get; }

    /// <summary>The regions named in <c>region=</c> filters.</summary>
    public IEnumerable<string> NamedRegions => Calls.Where(c => c.Region is not null).Select(c => c.Region!).Distinct();

    /// <summary>The functions the formula calls.</summary>
    public IEnumerable<FormulaFunction> Functions => Calls.Select(c => c.Function).Distinct();

    internal FormulaNode Root { get; }

    internal IReadOnlyList<CallNode> Calls { get; }

    /// <exception cref="FormulaException">The text is not a formula of the grammar, names an unknown function,
    /// filter key, value or series, or gives an empty age range.</exception>
    public static Formula Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var root = parser.ParseAll();
        return new Formula(text, root, parser.Calls);
    }

    public override string ToString() => Text;

    private sealed class Parser(string text)
    {
        private int _pos;

        public List<CallNode> Calls { get; } = [];

        public FormulaNode ParseAll()
        {
            SkipSpace();
            if (_pos >= text.Length)
            {
                throw Error("the formula is empty");
            }

            var node = Expr();
            SkipSpace();
            if (_pos < text.Length)
            {
                throw Error($"unexpected '{text[_pos]}'; expected an operator or the end");
            }

            return node;
        }

        private FormulaNode Expr()
        {
            var left = Term();
            while (TryOperator('+', '-', out var op))
            {
                left = new BinaryNode(op, left, Term());
            }

            return left;
        }

        private FormulaNode Term()
        {
            var left = Unary();
            while (TryOperator('*', '/', out var op))
            {
                left = new BinaryNode(op, left, Unary());
            }

            return left;
        }

        private FormulaNode Unary()
        {
            SkipSpace();
            if (Peek() == '-')
            {
                _pos++;
                return new NegateNode(Unary());
            }

            return Primary();
        }

        private FormulaNode Primary()
        {
            SkipSpace();
            var c = Peek();
            if (c == '(')
            {
                _pos++;
                var inner = Expr();
                Expect(')');
                return inner;
            }

            if (char.IsAsciiDigit(c) || c == '.')
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '.'))
                {
                    _pos++;
                }

                var literal = text[start.._pos];
                if (!double.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
                {
                    throw Error($"'{literal}' is not a number", start);
                }

                return new NumberNode(v);
            }

            if (IsWordChar(c))
            {
                var start = _pos;
                var name = Word();
                if (!FormulaFunctions.ByName.TryGetValue(name, out var spec))
                {
                    throw Error($"unknown data function '{name}'; known: {string.Join(", ", FormulaFunctions.ByName.Keys)}", start);
                }

                Expect('(');
                var call = Arguments(spec.Function, name, spec.Keys, start);
                Calls.Add(call);
                return call;
            }

            throw Error(c == '\0' ? "the formula ends where a number, '(' or a function was expected" : $"unexpected '{c}'; expected a number, '(' or a function");
        }

        private CallNode Arguments(FormulaFunction function, string name, string[] keys, int callStart)
        {
            int? from = null;
            int? to = null;
            Sex? sex = null;
            string? region = null;
            string? series = null;
            var level = EducationLevel.None;
            SkipSpace();
            var first = true;
            while (Peek() != ')')
            {
                if (!first)
                {
                    SkipSpace();
                    if (Peek() is not ('&' or ','))
                    {
                        throw Error($"expected '&', ',' or ')' in the arguments of {name}()");
                    }

                    _pos++;
                }

                first = false;
                SkipSpace();
                var keyStart = _pos;
                if (!IsWordChar(Peek()))
                {
                    throw Error($"expected a filter such as age>=60 in the arguments of {name}()");
                }

                var key = Word();
                SkipSpace();
                var op = Comparison();
                if (op is null)
                {
                    if (function == FormulaFunction.Series && series is null)
                    {
                        if (!ScalarSeries.IsKnown(key))
                        {
                            throw Error($"unknown data series '{key}'; known: {string.Join(", ", ScalarSeries.Units.Keys)}", keyStart);
                        }

                        series = key;
                        SkipSpace();
                        continue;
                    }

                    throw Error($"'{key}' needs a comparison such as {key}>=...", keyStart);
                }

                if (!keys.Contains(key))
                {
                    throw Error($"{name}() takes no '{key}' filter; it takes {(keys.Length == 0 ? "none" : string.Join(", ", keys))}", keyStart);
                }

                SkipSpace();
                var valueStart = _pos;
                var value = Word();
                if (value.Length == 0)
                {
                    throw Error($"'{key}{op}' needs a value", valueStart);
                }

                switch (key)
                {
                    case "age":
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age))
                        {
                            throw Error($"age '{value}' is not a whole number of years", valueStart);
                        }

                        if (op is ">=" or ">" or "=")
                        {
                            from = Max(from, op == ">" ? age + 1 : age);
                        }

                        if (op is "<" or "<=" or "=")
                        {
                            to = Min(to, op == "<" ? age : age + 1);
                        }

                        if (to is { } t && t <= (from ?? 0))
                        {
                            throw Error($"the age conditions of {name}() leave no age", valueStart);
                        }

                        break;
                    case "sex":
                        if (op != "=" || !SexCodes.TryParse(value, out var s))
                        {
                            throw Error($"sex filter must be sex=M or sex=F, not sex{op}{value}", keyStart);
                        }

                        sex = s;
                        break;
                    case "region":
                        if (op != "=")
                        {
                            throw Error($"region filter must be region=NAME, not region{op}{value}", keyStart);
                        }

                        region = value;
                        break;
                    case "level":
                        if (op != ">=" || !EducationLevels.TryParse(value, out var l))
                        {
                            throw Error($"level filter must be level>=LEVEL with one of {string.Join(", ", EducationLevels.All.Select(x => x.Code()))}; got level{op}{value}", keyStart);
                        }

                        level = l;
                        break;
                }

                SkipSpace();
            }

            _pos++;
            if (function == FormulaFunction.Series && series is null)
            {
                throw Error($"series() needs a series name: one of {string.Join(", ", ScalarSeries.Units.Keys)}", callStart);
            }

            return new CallNode(function, new AgeRange(from ?? 0, to), sex, region, level, series);
        }

        private static int Max(int? a, int b) => a is { } x ? Math.Max(x, b) : b;

        private static int Min(int? a, int b) => a is { } x ? Math.Min(x, b) : b;

        private string? Comparison()
        {
            foreach (var op in (string[])[">=", "<=", ">", "<", "="])
            {
                if (string.CompareOrdinal(text, _pos, op, 0, op.Length) == 0)
                {
                    _pos += op.Length;
                    return op;
                }
            }

            return null;
        }

        private bool TryOperator(char a, char b, out char op)
        {
            SkipSpace();
            op = Peek();
            if (op == a || op == b)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                throw Error(Peek() == '\0' ? $"the formula ends where '{c}' was expected" : $"expected '{c}', found '{Peek()}'");
            }

            _pos++;
        }

        private string Word()
        {
            var start = _pos;
            while (_pos < text.Length && IsWordChar(text[_pos]))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        /// <summary>Letters (CJK region names included), digits and '_'.</summary>
        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

        private char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private FormulaException Error(string reason, int? at = null) => new(text, at ?? _pos, reason);
    }
}
