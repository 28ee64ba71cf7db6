using System.Globalization;
using System.Text;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Parsing;
using Shinchoku.Core.Time;

namespace Shinchoku.Core.Values;

/// <summary>
/// Reads a KPI cell as people write it: numbers with units and qualifiers, ratios, counts of several kinds,
/// labelled parts with a stated total, states, unknowns, suspended reporting and direction-only targets,
/// with as-of notes and other notes kept. Never throws; a text it cannot read fails with messages that quote it.
/// Typos are refused, never guessed (延15,3728人 has a misplaced digit group).
/// </summary>
public static class KpiValueParser
{
    /// <summary>Qualifiers written after a unit, in the order they are printed back.</summary>
    internal static readonly (QuantityQualifiers Flag, string Word)[] SuffixQualifiers =
    [
        (QuantityQualifiers.AtLeast, "以上"),
        (QuantityQualifiers.AtMost, "以下"),
        (QuantityQualifiers.LessThan, "未満"),
        (QuantityQualifiers.MoreThan, "超"),
        (QuantityQualifiers.About, "程度"),
    ];

    private static readonly string[] UnknownWords =
        ["不明", "算出不可", "算定不可", "集計中", "調査中", "未定", "予定", "把握できない", "把握していない", "未集計", "確認中", "未確定", "非公表", "未公表"];

    private static readonly string[] EraNames = ["令和", "平成", "昭和", "大正", "明治"];

    /// <summary>Parses one cell. Empty text and lone dashes are <see cref="NoValue.Nothing"/>.</summary>
    public static ParseResult<KpiValue> Parse(string? text)
    {
        var original = text ?? string.Empty;
        var folded = JapaneseText.Fold(original);
        if (folded.Length == 0 || JapaneseText.IsLoneDash(folded))
        {
            return ParseResult<KpiValue>.Ok(NoValue.Nothing);
        }

        var reader = new CellReader(original);
        reader.Read(folded);
        return reader.Build();
    }

    /// <summary>Quotes a cell in a message, shortened when long, with line breaks shown as spaces.</summary>
    internal static string Quote(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return "「" + (oneLine.Length > 40 ? oneLine[..40] + "…" : oneLine) + "」";
    }

    private sealed class Part
    {
        public string? Label;
        public QuantityQualifiers Qualifiers;
        public decimal Number;
        public decimal? Denominator;
        public string Unit = string.Empty;
        public bool IsStatedTotal;
        public bool IsImplicit;

        public Quantity ToQuantity(AsOf? asOf = null, IReadOnlyList<string>? notes = null) =>
            new(Number, new Unit(Unit), Qualifiers | (IsImplicit ? QuantityQualifiers.Implicit : QuantityQualifiers.None), Label, asOf, notes);
    }

    /// <summary>One cell's reading state: the parts found, the pending label, notes, as-of and messages.</summary>
    private sealed class CellReader(string original)
    {
        private readonly List<Part> parts = [];
        private readonly List<string> notes = [];
        private readonly List<ParseMessage> messages = [];
        private readonly StringBuilder label = new();
        private readonly StringBuilder words = new();
        private bool enumeration;
        private string? asOfText;

        public AsOf? AsOf { get; private set; }

        private bool HasErrors => messages.Exists(m => m.IsError);

        private string Cell => Quote(original);

        public void Read(string folded)
        {
            var i = 0;
            var run = new StringBuilder();
            while (i < folded.Length)
            {
                var c = folded[i];
                var close = Closing(c);
                if (close != '\0')
                {
                    ReadRun(run.ToString());
                    run.Clear();
                    var end = FindClose(folded, i, c, close);
                    if (end < 0)
                    {
                        Warn(ParseProblem.UnbalancedBracket, $"{Cell}の括弧「{c}」が閉じられていません。括弧の中として読み取りました。");
                        ReadBracket(c, folded[(i + 1)..]);
                        i = folded.Length;
                    }
                    else
                    {
                        ReadBracket(c, folded[(i + 1)..end]);
                        i = end + 1;
                    }

                    continue;
                }

                if (c is ')' or '】' or '」' or ']')
                {
                    Warn(ParseProblem.UnbalancedBracket, $"{Cell}の閉じ括弧「{c}」に対応する開き括弧がありません。");
                    run.Append(' ');
                    i++;
                    continue;
                }

                run.Append(c);
                i++;
            }

            ReadRun(run.ToString());
        }

        public ParseResult<KpiValue> Build()
        {
            var trailing = TakeLabel();
            if (trailing.Length > 0)
            {
                if (enumeration && !ContainsDigit(trailing))
                {
                    parts.Add(new Part { Number = 1, Unit = trailing, IsImplicit = true });
                }
                else if (parts.Exists(p => !p.IsImplicit))
                {
                    notes.Add(trailing);
                    Warn(ParseProblem.TrailingText, $"{Cell}の値の後の「{trailing}」は注記として扱いました。");
                }
            }

            if (HasErrors)
            {
                return ParseResult<KpiValue>.Fail(messages);
            }

            var numeric = parts.FindAll(p => !p.IsImplicit);
            if (numeric.Count == 0)
            {
                return BuildWords();
            }

            KpiValue value;
            var regular = parts.FindAll(p => !p.IsStatedTotal);
            var totals = parts.FindAll(p => p.IsStatedTotal);
            if (totals.Count > 1)
            {
                return Fail(ParseProblem.Unrecognised, $"{Cell}に合計（計）が複数あります。どれが合計か分かりません。");
            }

            if (regular.Count + totals.Count == 1)
            {
                var only = parts.Find(p => !p.IsImplicit)!;
                value = only.Denominator is { } den
                    ? new Ratio(only.Number, den, new Unit(only.Unit), only.Label, AsOf, notes)
                    : only.ToQuantity(AsOf, notes);
            }
            else
            {
                if (parts.Exists(p => p.Denominator is not null))
                {
                    return Fail(ParseProblem.Unrecognised, $"{Cell}は比率（○/○）と他の値が混ざっているため読み取れません。");
                }

                var quantities = regular.ConvertAll(p => p.ToQuantity());
                var statedTotal = totals.Count == 1 ? totals[0].ToQuantity() : null;
                var composite = new Composite(quantities, enumeration, statedTotal, null, AsOf, notes);
                if (statedTotal is not null && quantities.Count > 0 && !enumeration
                    && quantities.TrueForAll(q => q.Unit.BaseText == statedTotal.Unit.BaseText)
                    && quantities.Sum(q => q.Magnitude) != statedTotal.Magnitude)
                {
                    Warn(ParseProblem.TotalMismatch,
                        $"{Cell}の内訳の合計（{KpiValue.FormatNumber(quantities.Sum(q => q.Magnitude))}）が記載された計（{KpiValue.FormatNumber(statedTotal.Magnitude)}）と一致しません。記載された計を用います。");
                }

                value = composite;
            }

            // Each number is in range; what the cell stands for (a ratio's fraction, a total of parts) must be too.
            if (value.TryGetMagnitude(Unit.None, out var magnitude, out _) && Math.Abs(magnitude) >= KpiValue.MaxMagnitude)
            {
                return Fail(ParseProblem.OutOfRange, $"{Cell}の値（{value.Kind switch { KpiValueKind.Ratio => "比率", _ => "合計" }}）は1,000兆以上になります。{RangeAdvice}");
            }

            return ParseResult<KpiValue>.Ok(value, messages);
        }

        private ParseResult<KpiValue> BuildWords()
        {
            var text = words.ToString().Trim();
            if (text.Length == 0)
            {
                return Fail(ParseProblem.Empty, $"{Cell}には値が書かれていません（時点や注記のみ）。");
            }

            if (text.Contains("停止", StringComparison.Ordinal) && (text.Contains("進捗", StringComparison.Ordinal) || text.Contains("管理", StringComparison.Ordinal) || text.Contains("報告", StringComparison.Ordinal)))
            {
                return Ok(NoValue.Suspended(text, AsOf));
            }

            foreach (var word in UnknownWords)
            {
                if (text.Contains(word, StringComparison.Ordinal))
                {
                    return Ok(NoValue.Unknown(text, AsOf));
                }
            }

            if (ReadDirection(text) is { } direction)
            {
                return Ok(new DirectionGoal(direction, text, null, AsOf));
            }

            return Ok(new StateValue(text, null, AsOf));
        }

        private static Direction? ReadDirection(string text)
        {
            var aims = text.Contains("目指", StringComparison.Ordinal) || text.Contains("めざ", StringComparison.Ordinal)
                || text.Length <= 4; // 増加, 減少, 維持, 現状維持 written alone
            if (!aims)
            {
                return text.Contains("維持", StringComparison.Ordinal) ? Direction.Maintain : null;
            }

            if (text.Contains("維持", StringComparison.Ordinal))
            {
                return Direction.Maintain;
            }

            if (text.Contains('減', StringComparison.Ordinal) || text.Contains('低', StringComparison.Ordinal) || text.Contains("抑制", StringComparison.Ordinal))
            {
                return Direction.Decrease;
            }

            if (text.Contains('増', StringComparison.Ordinal) || text.Contains("向上", StringComparison.Ordinal)
                || text.Contains("拡大", StringComparison.Ordinal) || text.Contains("拡充", StringComparison.Ordinal)
                || text.Contains("上昇", StringComparison.Ordinal))
            {
                return Direction.Increase;
            }

            return null;
        }

        private ParseResult<KpiValue> Ok(KpiValue value) => ParseResult<KpiValue>.Ok(value, messages);

        private ParseResult<KpiValue> Fail(ParseProblem problem, string message)
        {
            messages.Add(ParseMessage.Error(problem, message));
            return ParseResult<KpiValue>.Fail(messages);
        }

        private void Warn(ParseProblem problem, string message) => messages.Add(ParseMessage.Warning(problem, message));

        private void Error(ParseProblem problem, string message) => messages.Add(ParseMessage.Error(problem, message));

        private void ReadBracket(char open, string content)
        {
            content = content.Trim();
            if (content.Length == 0)
            {
                return;
            }

            if (open is '【' or '「')
            {
                AddLabelOrNote(open + content + Closing(open));
                return;
            }

            var asOf = AsOf.Parse(content);
            if (asOf.Success)
            {
                SetAsOf(asOf, content);
                return;
            }

            if (ContainsDigit(content))
            {
                // A bracket with a number: a stated total (4～12月計：65,791人), or a note that may carry a date (3878人：令和2年12月).
                var inner = new CellReader(original);
                inner.ReadRun(content);
                var trailing = inner.TakeLabel();
                if (!inner.HasErrors && inner.parts.Count == 1 && inner.parts[0].Label is { } l
                    && l.EndsWith('計') && trailing.Length == 0 && inner.AsOf is null)
                {
                    inner.parts[0].IsStatedTotal = true;
                    parts.Add(inner.parts[0]);
                    words.Append('(').Append(content).Append(')');
                    return;
                }

                if (inner.AsOf is not null && inner.asOfText is not null && AsOf is null)
                {
                    AsOf = inner.AsOf;
                    asOfText = inner.asOfText;
                    content = content.Replace(inner.asOfText, string.Empty, StringComparison.Ordinal).Trim(' ', ':');
                    if (content.Length == 0)
                    {
                        return;
                    }
                }
            }

            AddLabelOrNote("(" + content + ")");
        }

        private void AddLabelOrNote(string bracketed)
        {
            words.Append(bracketed);
            if (parts.Count == 0)
            {
                label.Append(bracketed);
            }
            else
            {
                notes.Add(bracketed[1..^1]);
            }
        }

        private void SetAsOf(ParseResult<AsOf> asOf, string text)
        {
            if (AsOf is not null)
            {
                notes.Add(text);
                Warn(ParseProblem.TrailingText, $"{Cell}に時点が複数あります。最初の時点を用い、「{text}」は注記としました。");
                return;
            }

            AsOf = asOf.Value;
            asOfText = text;
            foreach (var w in asOf.Messages)
            {
                messages.Add(ParseMessage.Warning(w.Problem, $"{Cell}: {w.Message}"));
            }
        }

        /// <summary>Reads text outside brackets: labels, numbers with units, separators, dates.</summary>
        private void ReadRun(string run)
        {
            var i = 0;
            while (i < run.Length)
            {
                var c = run[i];
                if ((i == 0 || run[i - 1] is ' ' or ':' or '、') && TryReadDate(run, ref i))
                {
                    continue;
                }

                if (char.IsAsciiDigit(c))
                {
                    if (label.Length > 0 && label[^1] is '▲' or '-' or '+' or '.')
                    {
                        // 延べ-5人, 約.5件: a sign or point that is not at the number's start is not guessed into it.
                        Error(ParseProblem.MalformedNumber, $"{Cell}の数値の直前の「{label[^1]}」を読み取れません。{SignAdvice}");
                    }

                    i = ReadNumber(run, i);
                    continue;
                }

                if (c is '▲' or '-' or '+' or '.' && (i == 0 || run[i - 1] is ' ' or ':') && SignedStart(run, i) is var digitAt && digitAt > i)
                {
                    var prefix = run[i..digitAt];
                    var signed = prefix is "-" or "+" or "▲" or "." or "-." or "+." or "▲.";
                    if (!signed)
                    {
                        // --5件, +-5件, ..5件: never read as 5.
                        Error(ParseProblem.MalformedNumber, $"{Cell}の数値の前の「{prefix}」を読み取れません。{SignAdvice}");
                    }

                    i = ReadNumber(run, signed ? i : digitAt);
                    continue;
                }

                switch (c)
                {
                    case ':':
                        i++;
                        continue;
                    case '、':
                        var pending = TakeLabel();
                        if (pending.Length > 0 && !ContainsDigit(pending))
                        {
                            parts.Add(new Part { Number = 1, Unit = pending, IsImplicit = true });
                        }
                        else if (pending.Length > 0)
                        {
                            label.Append(pending);
                        }

                        enumeration = true;
                        words.Append(c);
                        i++;
                        continue;
                    case ' ':
                        if (label.Length > 0)
                        {
                            label.Append(' ');
                        }

                        words.Append(c);
                        i++;
                        continue;
                    default:
                        label.Append(c);
                        words.Append(c);
                        i++;
                        continue;
                }
            }
        }

        private bool TryReadDate(string run, ref int i)
        {
            var end = run.IndexOf(' ', i);
            if (end < 0)
            {
                end = run.Length;
            }

            var chunk = run.AsSpan(i, end - i);
            var looksLikeDate = false;
            foreach (var era in EraNames)
            {
                looksLikeDate |= chunk.StartsWith(era, StringComparison.Ordinal);
            }

            looksLikeDate |= chunk.Length > 5 && char.IsAsciiDigit(chunk[0]) && char.IsAsciiDigit(chunk[1])
                && char.IsAsciiDigit(chunk[2]) && char.IsAsciiDigit(chunk[3]) && chunk[4] is '年';
            if (!looksLikeDate)
            {
                return false;
            }

            var text = chunk.ToString();
            var asOf = AsOf.Parse(text);
            if (!asOf.Success)
            {
                return false;
            }

            SetAsOf(asOf, text);
            i = end;
            return true;
        }

        private const string SignAdvice = "符号（-、▲）は数値の先頭に1つだけ、小数は0.5のように書いてください（推測はしません）。";

        /// <summary>Where the digits start after a run of signs and points at <paramref name="i"/>, or -1 when no digit follows.</summary>
        private static int SignedStart(string run, int i)
        {
            var j = i;
            while (j < run.Length && run[j] is '▲' or '-' or '+' or '.')
            {
                j++;
            }

            return j < run.Length && char.IsAsciiDigit(run[j]) ? j : -1;
        }

        private int ReadNumber(string run, int start)
        {
            var negative = run[start] is '▲' or '-';
            var i = run[start] is '▲' or '-' or '+' ? start + 1 : start;
            var numberEnd = ScanNumber(run, i);
            var exponentEnd = ExponentEnd(run, numberEnd);
            if (exponentEnd > numberEnd)
            {
                // Excel's General format shows 1E+20; "E+" read as a unit would turn it into 1 silently.
                Error(ParseProblem.MalformedNumber,
                    $"{Cell}の数値「{run[start..exponentEnd]}」は指数表記です。桁をすべて数字で書いてください（推測はしません）。");
                return exponentEnd;
            }

            var token = run[i..numberEnd];
            var k = numberEnd;
            string? denominatorToken = null;
            if (k + 1 < run.Length && run[k] == '/' && char.IsAsciiDigit(run[k + 1]))
            {
                var denEnd = ScanNumber(run, k + 1);
                denominatorToken = run[(k + 1)..denEnd];
                k = denEnd;
            }

            var unitStart = k;
            while (k < run.Length && IsUnitChar(run, k))
            {
                k++;
            }

            var unit = run[unitStart..k];
            var peek = k;
            while (peek < run.Length && run[peek] == ' ')
            {
                peek++;
            }

            // A number followed by : or ～ names a period or part (4～5月：…), it is not the value.
            if (denominatorToken is null && peek < run.Length && run[peek] is ':' or '~')
            {
                label.Append(run, start, k - start);
                words.Append(run, start, k - start);
                return k;
            }

            words.Append(run, start, k - start);
            var part = new Part();
            if (!TryReadDecimal(token, out var number))
            {
                return k;
            }

            part.Number = negative ? -number : number;
            if (denominatorToken is not null)
            {
                if (!TryReadDecimal(denominatorToken, out var denominator))
                {
                    return k;
                }

                if (denominator == 0)
                {
                    Error(ParseProblem.InvalidRatio, $"{Cell}の比率「{token}/{denominatorToken}」の分母が0です。");
                    return k;
                }

                part.Denominator = denominator;
            }

            foreach (var (flag, word) in SuffixQualifiers)
            {
                if (unit.EndsWith(word, StringComparison.Ordinal))
                {
                    part.Qualifiers |= flag;
                    unit = unit[..^word.Length];
                }
            }

            if (Math.Abs(part.Number) * new Unit(unit).Scale >= KpiValue.MaxMagnitude)
            {
                Error(ParseProblem.OutOfRange, $"{Cell}の値「{run[start..k]}」は単位の倍率を掛けると1,000兆以上になります。{RangeAdvice}");
            }

            part.Unit = unit;
            var pending = TakeLabel();
            for (var round = 0; round < 2; round++)
            {
                if (pending.EndsWith('約'))
                {
                    part.Qualifiers |= QuantityQualifiers.Approximate;
                    pending = pending[..^1].TrimEnd();
                }
                else if (pending.EndsWith("延べ", StringComparison.Ordinal) || pending.EndsWith('延'))
                {
                    part.Qualifiers |= QuantityQualifiers.Cumulative;
                    pending = pending[..^(pending.EndsWith('べ') ? 2 : 1)].TrimEnd();
                }
            }

            part.Label = pending.Length == 0 ? null : pending;
            parts.Add(part);
            return k;
        }

        /// <summary>The most digits before the point: 15, as <see cref="KpiValue.MaxMagnitude"/> is 10^15.</summary>
        private const int IntegerDigits = 15;

        private const string RangeAdvice = "成果指標の値は絶対値1,000兆（10の15乗）未満、小数点以下6桁までで入力してください。";

        private bool TryReadDecimal(string token, out decimal number)
        {
            number = 0;
            var point = token.IndexOf('.', StringComparison.Ordinal);
            if (point >= 0 && token.IndexOf('.', point + 1) >= 0)
            {
                Error(ParseProblem.MalformedNumber, $"{Cell}の数値「{token}」に小数点が複数あります。");
                return false;
            }

            var integer = point >= 0 ? token[..point] : token;
            if (point >= 0 && token[(point + 1)..].Contains(',', StringComparison.Ordinal))
            {
                Error(ParseProblem.DigitGrouping, $"{Cell}の数値「{token}」は小数点の後に桁区切り（,）があります。");
                return false;
            }

            if (integer.Contains(',', StringComparison.Ordinal))
            {
                var groups = integer.Split(',');
                var valid = groups[0].Length is >= 1 and <= 3;
                for (var g = 1; g < groups.Length && valid; g++)
                {
                    valid = groups[g].Length == 3;
                }

                if (!valid)
                {
                    Error(ParseProblem.DigitGrouping,
                        $"{Cell}の数値「{token}」は桁区切り（,）の位置が正しくありません。3桁ごとに区切って入力してください（誤記の可能性があるため推測はしません）。");
                    return false;
                }
            }

            // Checked on the text, before decimal.Parse could round 0.0000000000000000000000000000001 to 0.0.
            var places = point >= 0 ? token.Length - point - 1 : 0;
            if (places > KpiValue.MaxDecimalPlaces)
            {
                Error(ParseProblem.OutOfRange,
                    $"{Cell}の数値「{token}」は小数点以下が{places}桁あります。{RangeAdvice}（丸めると別の値になるため読み取りません）");
                return false;
            }

            if (integer.Replace(",", string.Empty, StringComparison.Ordinal).TrimStart('0').Length > IntegerDigits)
            {
                Error(ParseProblem.OutOfRange, $"{Cell}の数値「{token}」は大きすぎます。{RangeAdvice}");
                return false;
            }

            if (!decimal.TryParse((point == 0 ? "0" : "") + token.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
            {
                Error(ParseProblem.MalformedNumber, $"{Cell}の数値「{token}」を読み取れません。");
                return false;
            }

            return true;
        }

        private string TakeLabel()
        {
            var text = label.ToString().Trim().TrimEnd(':').Trim();
            label.Clear();
            return text;
        }

        /// <summary>Where an exponent (E+20, e-7, E3) written right after a number at <paramref name="i"/> ends; <paramref name="i"/> when there is none.</summary>
        private static int ExponentEnd(string s, int i)
        {
            if (i >= s.Length || s[i] is not ('E' or 'e'))
            {
                return i;
            }

            var j = i + 1;
            if (j < s.Length && s[j] is '+' or '-')
            {
                j++;
            }

            if (j >= s.Length || !char.IsAsciiDigit(s[j]))
            {
                return i;
            }

            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            return j;
        }

        private static int ScanNumber(string s, int i)
        {
            while (i < s.Length && (char.IsAsciiDigit(s[i])
                || (s[i] is ',' or '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))))
            {
                i++;
            }

            return i;
        }

        private static bool IsUnitChar(string s, int i)
        {
            var c = s[i];
            if (c == '/')
            {
                return i + 1 < s.Length && !char.IsAsciiDigit(s[i + 1]) && s[i + 1] != ' ' && IsUnitChar(s, i + 1);
            }

            return !char.IsWhiteSpace(c) && !char.IsAsciiDigit(c) && c is not (':' or '~' or '、' or '。' or ',' or ';' or '(' or ')' or '【' or '】' or '「' or '」' or '[' or ']');
        }

        private static int FindClose(string s, int openAt, char open, char close)
        {
            var depth = 0;
            for (var j = openAt; j < s.Length; j++)
            {
                if (s[j] == open)
                {
                    depth++;
                }
                else if (s[j] == close && --depth == 0)
                {
                    return j;
                }
            }

            return -1;
        }

        private static char Closing(char open) => open switch
        {
            '(' => ')',
            '【' => '】',
            '「' => '」',
            '[' => ']',
            _ => '\0',
        };
    }

    private static bool ContainsDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
