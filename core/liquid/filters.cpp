#include "core/liquid/filters.h"

#include "core/json.h"
#include "core/phone.h"

#include <QDateTime>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>

namespace LoyaltyDesk::Core::Liquid {

namespace {

// ---- conversions shared by the filters ----

QString str(const Value &v) { return v.toString(); }

// JavaScript's `+v || 0`, keeping integers integral.
Value toNumber(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Int:
    case Value::Type::Double: return v;
    case Value::Type::Bool: return qint64(v.toBool() ? 1 : 0);
    case Value::Type::String: {
        const QString t = v.string().trimmed();
        bool ok = false;
        const qint64 i = t.toLongLong(&ok);
        if (ok) return i;
        const double d = t.toDouble(&ok);
        if (ok && std::isfinite(d)) return d;
        return qint64(0);
    }
    default: return qint64(0);
    }
}

Value fromDouble(double d)
{
    if (d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) return qint64(d);
    return d;
}

// nil -> [], array -> itself, anything else -> [it].
Array toArray(const Value &v)
{
    if (v.isNil()) return {};
    if (v.isArray()) return v.array();
    return {v};
}

int compareForSort(const Value &a, const Value &b, bool caseInsensitive)
{
    if (a.isNil() && b.isNil()) return 0;
    if (a.isNil()) return 1;
    if (b.isNil()) return -1;
    if (a.isNumber() && b.isNumber()) {
        const double x = a.toDouble(), y = b.toDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.isString() && b.isString())
        return a.string().compare(b.string(), caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive);
    return 0;
}

Value sortBy(const Value &input, Args args, int argc, bool caseInsensitive)
{
    Array items = toArray(input);
    const QString property = argc > 0 ? str(args[0]) : QString();
    std::vector<std::pair<const Value *, size_t>> keyed;
    keyed.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i)
        keyed.emplace_back(property.isEmpty() ? &items[i] : lookupPath(items[i], property), i);
    static const Value nil;
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto &l, const auto &r) {
        return compareForSort(l.first ? *l.first : nil, r.first ? *r.first : nil, caseInsensitive) < 0;
    });
    Array out;
    out.reserve(items.size());
    for (const auto &k : keyed) out.push_back(items[k.second]);
    return out;
}

QString replaceAll(const QString &s, const QString &from, const QString &to, FilterEnv &env)
{
    const qint64 count = from.isEmpty() ? std::max<qint64>(s.size() - 1, 0) : s.count(from);
    if (!env.fits(s.size() + count * (qint64(to.size()) - from.size()))) return {};
    if (from.isEmpty()) {  // JavaScript: "abc".split("").join(to)
        QString out;
        for (qsizetype i = 0; i < s.size(); ++i) {
            if (i) out += to;
            out += s.at(i);
        }
        return out;
    }
    QString out = s;
    return out.replace(from, to);
}

QString replaceFirst(const QString &s, const QString &from, const QString &to)
{
    const qsizetype i = s.indexOf(from);
    if (i < 0) return s;
    return s.left(i) + to + s.mid(i + from.size());
}

qsizetype advanceCodePoints(const QString &s, qsizetype from, qint64 count)
{
    qsizetype i = from;
    for (qint64 n = 0; n < count && i < s.size(); ++n) i += s.at(i).isHighSurrogate() ? 2 : 1;
    return i;
}

qsizetype codePointLength(const QString &s) { return s.toUcs4().size(); }

// ---- standard filters ----

Value fDefault(const Value &v, Args a, int, FilterEnv &)
{
    if (v.isString() || v.isArray()) return v.size() ? v : a[0];
    return v.truthy() ? v : a[0];
}
Value fUpcase(const Value &v, Args, int, FilterEnv &) { return str(v).toUpper(); }
Value fDowncase(const Value &v, Args, int, FilterEnv &) { return str(v).toLower(); }
Value fCapitalize(const Value &v, Args, int, FilterEnv &)
{
    const QString s = str(v);
    return s.left(1).toUpper() + s.mid(1).toLower();
}
Value fStrip(const Value &v, Args, int, FilterEnv &) { return str(v).trimmed(); }
Value fLstrip(const Value &v, Args, int, FilterEnv &)
{
    const QString s = str(v);
    qsizetype i = 0;
    while (i < s.size() && s.at(i).isSpace()) ++i;
    return s.mid(i);
}
Value fRstrip(const Value &v, Args, int, FilterEnv &)
{
    const QString s = str(v);
    qsizetype i = s.size();
    while (i > 0 && s.at(i - 1).isSpace()) --i;
    return s.left(i);
}
Value fStripNewlines(const Value &v, Args, int, FilterEnv &)
{
    QString s = str(v);
    s.remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
    return s;
}
Value fTruncate(const Value &v, Args a, int argc, FilterEnv &)
{
    const QString s = str(v);
    const qint64 length = argc > 0 ? clampToInt(toNumber(a[0]).toDouble()) : 50;
    const QString ellipsis = argc > 1 ? str(a[1]) : QStringLiteral("...");
    if (s.size() <= length || advanceCodePoints(s, 0, length) >= s.size()) return v;
    const qint64 keep = std::max<qint64>(length - codePointLength(ellipsis), 0);
    return s.left(advanceCodePoints(s, 0, keep)) + ellipsis;
}
Value fTruncatewords(const Value &v, Args a, int argc, FilterEnv &)
{
    const QString s = str(v);
    qint64 words = argc > 0 ? clampToInt(toNumber(a[0]).toDouble()) : 15;
    const QString ellipsis = argc > 1 ? str(a[1]) : QStringLiteral("...");
    if (words <= 0) words = 1;
    QStringList parts;
    qsizetype i = 0;
    while (i < s.size()) {
        while (i < s.size() && s.at(i).isSpace()) ++i;
        if (i >= s.size()) break;
        const qsizetype start = i;
        while (i < s.size() && !s.at(i).isSpace()) ++i;
        parts.append(s.mid(start, i - start));
    }
    if (parts.size() <= words) return parts.join(QLatin1Char(' '));
    return QStringList(parts.mid(0, words)).join(QLatin1Char(' ')) + ellipsis;
}
Value fReplace(const Value &v, Args a, int, FilterEnv &env) { return replaceAll(str(v), str(a[0]), str(a[1]), env); }
Value fReplaceFirst(const Value &v, Args a, int, FilterEnv &) { return replaceFirst(str(v), str(a[0]), str(a[1])); }
Value fRemove(const Value &v, Args a, int, FilterEnv &env) { return replaceAll(str(v), str(a[0]), QString(), env); }
Value fRemoveFirst(const Value &v, Args a, int, FilterEnv &) { return replaceFirst(str(v), str(a[0]), QString()); }
Value fAppend(const Value &v, Args a, int, FilterEnv &) { return str(v) + str(a[0]); }
Value fPrepend(const Value &v, Args a, int, FilterEnv &) { return str(a[0]) + str(v); }
Value fSplit(const Value &v, Args a, int, FilterEnv &)
{
    const QString s = str(v), sep = str(a[0]);
    Array out;
    if (sep.isEmpty()) {
        for (QChar c : s) out.emplace_back(QString(c));
    } else {
        for (const QString &part : s.split(sep)) out.emplace_back(part);
    }
    while (!out.empty() && out.back().string().isEmpty()) out.pop_back();
    return out;
}
Value fJoin(const Value &v, Args a, int argc, FilterEnv &env)
{
    const QString sep = argc > 0 && !a[0].isNil() ? str(a[0]) : QStringLiteral(" ");
    QString out;
    bool first = true;
    for (const Value &item : toArray(v)) {
        if (!first) out += sep;
        first = false;
        item.appendTo(out);
        if (!env.fits(out.size())) return {};
    }
    return out;
}
Value fFirst(const Value &v, Args, int, FilterEnv &)
{
    if (v.isArray()) return v.array().empty() ? Value() : v.array().front();
    if (v.isString()) return v.string().isEmpty() ? Value() : Value(v.string().left(1));
    return QString();
}
Value fLast(const Value &v, Args, int, FilterEnv &)
{
    if (v.isArray()) return v.array().empty() ? Value() : v.array().back();
    if (v.isString()) return v.string().isEmpty() ? Value() : Value(v.string().right(1));
    return QString();
}
Value fSize(const Value &v, Args, int, FilterEnv &) { return qint64(v.size()); }
Value fSort(const Value &v, Args a, int argc, FilterEnv &) { return sortBy(v, a, argc, false); }
Value fSortNatural(const Value &v, Args a, int argc, FilterEnv &) { return sortBy(v, a, argc, true); }
Value fReverse(const Value &v, Args, int, FilterEnv &)
{
    Array items = toArray(v);
    std::reverse(items.begin(), items.end());
    return items;
}
Value fCompact(const Value &v, Args, int, FilterEnv &)
{
    Array out;
    for (const Value &item : toArray(v))
        if (!item.isNil()) out.push_back(item);
    return out;
}
// Hashes scalars (numbers by value, so 1 and 1.0 are one); arrays and objects, rare
// here, are compared with the ones kept so far.
Value fUniq(const Value &v, Args, int, FilterEnv &)
{
    Array out;
    QSet<QString> seen;
    std::vector<const Value *> composites;
    for (const Value &item : toArray(v)) {
        if (item.isArray() || item.isObject()) {
            const bool dup = std::any_of(composites.begin(), composites.end(), [&](const Value *c) { return *c == item; });
            if (dup) continue;
            composites.push_back(&item);
        } else {
            const QChar tag = item.isNumber() ? QLatin1Char('n') : QLatin1Char(char('a' + int(item.type())));
            const QString key = tag + (item.isNumber() ? formatNumber(item.toDouble()) : item.toString());
            if (seen.contains(key)) continue;
            seen.insert(key);
        }
        out.push_back(item);
    }
    return out;
}
Value fMap(const Value &v, Args a, int, FilterEnv &)
{
    const QString property = str(a[0]);
    Array out;
    for (const Value &item : toArray(v)) {
        const Value *found = lookupPath(item, property);
        out.push_back(found ? *found : Value());
    }
    return out;
}
Value fWhere(const Value &v, Args a, int argc, FilterEnv &)
{
    const QString property = str(a[0]);
    Array out;
    for (const Value &item : toArray(v)) {
        const Value *found = lookupPath(item, property);
        const bool match = argc > 1 ? (found ? *found == a[1] : a[1].isNil()) : (found && found->truthy());
        if (match) out.push_back(item);
    }
    return out;
}

// ---- math ----

bool addInt(qint64 x, qint64 y, qint64 *r) { return __builtin_add_overflow(x, y, r); }
bool subInt(qint64 x, qint64 y, qint64 *r) { return __builtin_sub_overflow(x, y, r); }
bool mulInt(qint64 x, qint64 y, qint64 *r) { return __builtin_mul_overflow(x, y, r); }
double addDouble(double x, double y) { return x + y; }
double subDouble(double x, double y) { return x - y; }
double mulDouble(double x, double y) { return x * y; }

// plus, minus, times: integer arithmetic while both sides are integers and it does not overflow.
template <bool (*IntOp)(qint64, qint64, qint64 *), double (*DoubleOp)(double, double)>
Value fArithmetic(const Value &v, Args a, int, FilterEnv &)
{
    const Value x = toNumber(v), y = toNumber(a[0]);
    if (x.isInt() && y.isInt()) {
        qint64 r = 0;
        if (!IntOp(x.toInt(), y.toInt(), &r)) return r;
    }
    return DoubleOp(x.toDouble(), y.toDouble());
}
Value fDividedBy(const Value &v, Args a, int, FilterEnv &env)
{
    const Value x = toNumber(v), y = toNumber(a[0]);
    if (x.isInt() && y.isInt()) {
        if (y.toInt() == 0) {
            env.error = QStringLiteral("divided by 0");
            return {};
        }
        if (x.toInt() == std::numeric_limits<qint64>::min() && y.toInt() == -1) return -x.toDouble();
        // Integers divide to an integer, rounded down (as in Shopify's Liquid).
        qint64 q = x.toInt() / y.toInt();
        if ((x.toInt() % y.toInt() != 0) && ((x.toInt() < 0) != (y.toInt() < 0))) --q;
        return q;
    }
    return x.toDouble() / y.toDouble();
}
Value fModulo(const Value &v, Args a, int, FilterEnv &env)
{
    const Value x = toNumber(v), y = toNumber(a[0]);
    if (x.isInt() && y.isInt()) {
        if (y.toInt() == 0) {
            env.error = QStringLiteral("divided by 0");
            return {};
        }
        if (y.toInt() == -1) return qint64(0);
        return ((x.toInt() % y.toInt()) + y.toInt()) % y.toInt();
    }
    const double d = y.toDouble();
    return std::fmod(std::fmod(x.toDouble(), d) + d, d);
}
Value fAbs(const Value &v, Args, int, FilterEnv &)
{
    const Value x = toNumber(v);
    if (x.isInt() && x.toInt() != std::numeric_limits<qint64>::min()) return qint64(std::abs(x.toInt()));
    return std::fabs(x.toDouble());
}
Value fFloor(const Value &v, Args, int, FilterEnv &) { return fromDouble(std::floor(toNumber(v).toDouble())); }
Value fCeil(const Value &v, Args, int, FilterEnv &) { return fromDouble(std::ceil(toNumber(v).toDouble())); }

// Moves the decimal point of `n` by `exponent` places exactly, through its decimal text.
double shiftDecimal(double n, qint64 exponent)
{
    const QString text = formatNumber(n);
    const qsizetype e = text.indexOf(QLatin1Char('e'));
    const QString mantissa = e < 0 ? text : text.left(e);
    const qint64 power = e < 0 ? 0 : text.mid(e + 1).toLongLong();
    return QString(mantissa + QLatin1Char('e') + QString::number(power + exponent)).toDouble();
}
Value fRound(const Value &v, Args a, int argc, FilterEnv &)
{
    const double x = toNumber(v).toDouble();
    const qint64 places = std::clamp<qint64>(argc > 0 ? clampToInt(toNumber(a[0]).toDouble()) : 0, -400, 400);
    const double scaled = shiftDecimal(std::fabs(x), places);
    if (!(scaled <= 9007199254740991.0)) return toNumber(v);
    const double rounded = shiftDecimal(std::floor(scaled + 0.5), -places);
    return fromDouble(x < 0 ? -rounded : rounded);
}
Value fAtLeast(const Value &v, Args a, int, FilterEnv &)
{
    const Value x = toNumber(v), y = toNumber(a[0]);
    return x.toDouble() >= y.toDouble() ? x : y;
}
Value fAtMost(const Value &v, Args a, int, FilterEnv &)
{
    const Value x = toNumber(v), y = toNumber(a[0]);
    return x.toDouble() <= y.toDouble() ? x : y;
}

// ---- HTML and URLs ----

Value fEscape(const Value &v, Args, int, FilterEnv &)
{
    QString out;
    if (v.isString()) {
        appendEscaped(out, v.string());
    } else {
        appendEscaped(out, v.toString());
    }
    return out;
}
Value fEscapeOnce(const Value &v, Args a, int argc, FilterEnv &env)
{
    QString s = str(v);
    static const std::pair<const char *, char> kEntities[] = {
        {"&lt;", '<'}, {"&gt;", '>'}, {"&#34;", '"'}, {"&#39;", '\''}, {"&amp;", '&'}};
    QString plain;
    plain.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        bool matched = false;
        if (s.at(i) == QLatin1Char('&')) {
            for (const auto &[entity, ch] : kEntities) {
                if (QStringView(s).mid(i).startsWith(QLatin1String(entity))) {
                    plain += QLatin1Char(ch);
                    i += qsizetype(qstrlen(entity)) - 1;
                    matched = true;
                    break;
                }
            }
        }
        if (!matched) plain += s.at(i);
    }
    return fEscape(Value(plain), a, argc, env);
}
Value fUrlEncode(const Value &v, Args, int, FilterEnv &)
{
    // encodeURIComponent, then spaces as '+'.
    const QByteArray utf8 = str(v).toUtf8();
    QString out;
    out.reserve(utf8.size());
    static const char kHex[] = "0123456789ABCDEF";
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || std::strchr("-_.!~*'()", c) != nullptr) {
            out += QLatin1Char(char(c));
        } else if (c == ' ') {
            out += QLatin1Char('+');
        } else {
            out += QLatin1Char('%');
            out += QLatin1Char(kHex[c >> 4]);
            out += QLatin1Char(kHex[c & 15]);
        }
    }
    return out;
}
Value fNewlineToBr(const Value &v, Args, int, FilterEnv &)
{
    QString s = str(v);
    s.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return s.replace(QLatin1String("\n"), QLatin1String("<br />\n"));
}
Value fStripHtml(const Value &v, Args, int, FilterEnv &)
{
    const QString s = str(v);
    std::vector<std::pair<QLatin1StringView, QLatin1StringView>> blocks = {
        {QLatin1StringView("<script"), QLatin1StringView("</script>")},
        {QLatin1StringView("<style"), QLatin1StringView("</style>")},
        {QLatin1StringView("<!--"), QLatin1StringView("-->")},
        {QLatin1StringView("<"), QLatin1StringView(">")},
    };
    QString out;
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype lt = s.indexOf(QLatin1Char('<'), i);
        if (lt < 0) return out + s.mid(i);
        out += QStringView(s).mid(i, lt - i);
        for (auto it = blocks.begin(); it != blocks.end();) {
            if (!QStringView(s).mid(lt).startsWith(it->first)) {
                ++it;
                continue;
            }
            const qsizetype e = s.indexOf(it->second, lt + it->first.size());
            if (e >= 0) {
                i = e + it->second.size();
                break;
            }
            it = blocks.erase(it);
        }
        if (i <= lt) return out + s.mid(lt);
    }
    return out;
}
Value fRaw(const Value &v, Args, int, FilterEnv &) { return v; }

// ---- dates ----

const char *const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char *const kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::optional<QDateTime> parseDate(const Value &v, FilterEnv &env)
{
    // JavaScript's Date range: ±8.64e15 ms around the epoch.
    constexpr double kMaxMs = 8.64e15;
    const auto fromSeconds = [&](double seconds) -> std::optional<QDateTime> {
        const double ms = seconds * 1000;
        if (!(std::fabs(ms) <= kMaxMs)) return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(qint64(ms), QTimeZone::utc());
    };
    if (v.isNumber()) return fromSeconds(v.toDouble());
    if (!v.isString()) return std::nullopt;
    const QString &s = v.string();
    if (s == QLatin1String("now") || s == QLatin1String("today")) return env.now();
    bool isDigits = !s.isEmpty();
    for (QChar c : s) isDigits = isDigits && c.isDigit();
    if (isDigits) return fromSeconds(s.toDouble());
    const QString t = s.trimmed();
    // ISO 8601 with fractions of a second, which Json::parseTime leaves out.
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (dt.isValid()) {
        if (dt.timeSpec() == Qt::LocalTime) dt.setTimeZone(QTimeZone::utc());
        return dt;
    }
    if (const auto seconds = Json::parseTime(t)) return QDateTime::fromSecsSinceEpoch(*seconds, QTimeZone::utc());
    return std::nullopt;
}

QString pad(const QString &s, int width, QChar with)
{
    if (s.size() >= width) return s;
    if (with == QLatin1Char('0') && s.startsWith(QLatin1Char('-')))
        return QLatin1Char('-') + s.mid(1).rightJustified(width - 1, with);
    return s.rightJustified(width, with);
}

int weekOfYear(const QDate &d, int firstWeekday)  // 0: Sunday-based (%U), 1: Monday-based (%W)
{
    const int jan1 = QDate(d.year(), 1, 1).dayOfWeek() % 7;  // 0 = Sunday
    const int offset = (7 + jan1 - firstWeekday) % 7;
    return (d.dayOfYear() - 1 + offset) / 7;
}

QString strftime(const QDateTime &t, const QString &format)
{
    const QDate d = t.date();
    const QTime tm = t.time();
    QString out;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c != QLatin1Char('%') || i + 1 >= format.size()) {
            out += c;
            continue;
        }
        qsizetype j = i + 1;
        QString flags;
        while (j < format.size() && QStringLiteral("-_0^#:").contains(format.at(j))) flags += format.at(j++);
        qsizetype w = j;
        while (w < format.size() && format.at(w).isDigit()) ++w;
        // A width pads the field; beyond kMaxWidth it could only be a way to flood the output.
        constexpr int kMaxWidth = 256;
        const int width = std::min(format.mid(j, std::min<qsizetype>(w - j, 4)).toInt(), kMaxWidth);
        j = w;
        if (j < format.size() && (format.at(j) == QLatin1Char('E') || format.at(j) == QLatin1Char('O'))) ++j;
        if (j >= format.size()) {
            out += format.mid(i);
            break;
        }
        const char conv = format.at(j).toLatin1();
        QString value;
        int padWidth = 0;
        bool spacePad = false;
        const int hour12 = tm.hour() % 12 == 0 ? 12 : tm.hour() % 12;
        const int offsetSeconds = t.offsetFromUtc();
        switch (conv) {
        case 'a': value = QLatin1String(kDays[d.dayOfWeek() % 7]).left(3); spacePad = true; break;
        case 'A': value = QLatin1String(kDays[d.dayOfWeek() % 7]); spacePad = true; break;
        case 'b': case 'h': value = QLatin1String(kMonths[d.month() - 1]).left(3); spacePad = true; break;
        case 'B': value = QLatin1String(kMonths[d.month() - 1]); spacePad = true; break;
        case 'c': value = strftime(t, QStringLiteral("%a %b %e %H:%M:%S %Y")); break;
        case 'C': value = QString::number(d.year() / 100); padWidth = 2; break;
        case 'd': value = QString::number(d.day()); padWidth = 2; break;
        case 'e': value = QString::number(d.day()); padWidth = 2; spacePad = true; break;
        case 'H': value = QString::number(tm.hour()); padWidth = 2; break;
        case 'I': value = QString::number(hour12); padWidth = 2; break;
        case 'j': value = QString::number(d.dayOfYear()); padWidth = 3; break;
        case 'k': value = QString::number(tm.hour()); padWidth = 2; spacePad = true; break;
        case 'l': value = QString::number(hour12); padWidth = 2; spacePad = true; break;
        case 'L': value = QString::number(tm.msec()); padWidth = 3; break;
        case 'N': value = pad(QString::number(tm.msec()), 3, QLatin1Char('0')).left(width ? width : 9).leftJustified(width ? width : 9, QLatin1Char('0')); break;
        case 'm': value = QString::number(d.month()); padWidth = 2; break;
        case 'M': value = QString::number(tm.minute()); padWidth = 2; break;
        case 'p': value = tm.hour() < 12 ? QStringLiteral("AM") : QStringLiteral("PM"); spacePad = true; break;
        case 'P': value = tm.hour() < 12 ? QStringLiteral("am") : QStringLiteral("pm"); spacePad = true; break;
        case 's': value = QString::number(t.toSecsSinceEpoch()); break;
        case 'S': value = QString::number(tm.second()); padWidth = 2; break;
        case 'u': value = QString::number(d.dayOfWeek()); break;
        case 'U': value = QString::number(weekOfYear(d, 0)); padWidth = 2; break;
        case 'w': value = QString::number(d.dayOfWeek() % 7); break;
        case 'W': value = QString::number(weekOfYear(d, 1)); padWidth = 2; break;
        case 'x': value = strftime(t, QStringLiteral("%m/%d/%y")); break;
        case 'X': value = strftime(t, QStringLiteral("%H:%M:%S")); break;
        case 'y': value = QString::number(d.year() % 100); padWidth = 2; break;
        case 'Y': value = QString::number(d.year()); padWidth = 4; break;
        case 'z': case 'Z': {
            const int abs = std::abs(offsetSeconds) / 60;
            value = QLatin1String(offsetSeconds < 0 ? "-" : "+") + pad(QString::number(abs / 60), 2, QLatin1Char('0')) +
                    (flags.contains(QLatin1Char(':')) ? QStringLiteral(":") : QString()) +
                    pad(QString::number(abs % 60), 2, QLatin1Char('0'));
            break;
        }
        case 't': value = QStringLiteral("\t"); break;
        case 'n': value = QStringLiteral("\n"); break;
        case '%': value = QStringLiteral("%"); break;
        default:
            out += format.mid(i, j - i + 1);
            i = j;
            continue;
        }
        QChar padChar = spacePad ? QLatin1Char(' ') : QLatin1Char('0');
        if (width) padWidth = width;
        if (flags.contains(QLatin1Char('^'))) value = value.toUpper();
        else if (flags.contains(QLatin1Char('#'))) value = value == value.toUpper() ? value.toLower() : value.toUpper();
        if (flags.contains(QLatin1Char('_'))) padChar = QLatin1Char(' ');
        else if (flags.contains(QLatin1Char('0'))) padChar = QLatin1Char('0');
        if (flags.contains(QLatin1Char('-'))) padWidth = 0;
        out += pad(value, padWidth, padChar);
        i = j;
    }
    return out;
}

Value fDate(const Value &v, Args a, int argc, FilterEnv &env)
{
    const auto parsed = parseDate(v, env);
    if (!parsed) return v;
    const QString format =
        argc > 0 && !a[0].isNil() ? str(a[0]) : QStringLiteral("%A, %B %-e, %Y at %-l:%M %P %z");
    return strftime(parsed->toTimeZone(env.options.timeZone), format);
}

// ---- ours: money, plural, phone ----

struct CurrencyFormat {
    const char *code;
    const char *symbol;
    bool symbolFirst;
    char16_t group;    // thousands separator
    char16_t decimal;
    int digits;
};

// Russian-style currencies separate groups with a no-break space (U+00A0) and put the
// symbol after a no-break space, so "1 234,50 ₽" never wraps inside a number.
constexpr CurrencyFormat kCurrencies[] = {
    {"RUB", "\u20BD", false, u'\u00A0', u',', 2}, {"USD", "$", true, u',', u'.', 2},
    {"EUR", "\u20AC", false, u'\u00A0', u',', 2}, {"GBP", "\u00A3", true, u',', u'.', 2},
    {"KZT", "\u20B8", false, u'\u00A0', u',', 2}, {"BYN", "Br", false, u'\u00A0', u',', 2},
    {"UAH", "\u20B4", false, u'\u00A0', u',', 2}, {"JPY", "\u00A5", true, u',', u'.', 0},
    {"CNY", "\u00A5", true, u',', u'.', 2},
};

Value fMoney(const Value &v, Args a, int argc, FilterEnv &env)
{
    const QString code = argc > 0 ? str(a[0]).toUpper() : env.options.currency.toUpper();
    CurrencyFormat f{nullptr, nullptr, false, u'\u00A0', u',', 2};
    for (const auto &c : kCurrencies)
        if (code == QLatin1String(c.code)) f = c;
    const Value n = toNumber(v);
    const qint64 minor = n.isInt() ? n.toInt() : clampToInt(std::round(n.toDouble()));
    qint64 scale = 1;
    for (int i = 0; i < f.digits; ++i) scale *= 10;
    const quint64 absMinor = minor < 0 ? quint64(0) - quint64(minor) : quint64(minor);
    const QString whole = QString::number(absMinor / quint64(scale));
    QString grouped;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += QChar(f.group);
        grouped += whole.at(i);
    }
    if (f.digits > 0)
        grouped += QChar(f.decimal) + QString::number(absMinor % quint64(scale)).rightJustified(f.digits, QLatin1Char('0'));
    const QString sign = minor < 0 ? QStringLiteral("-") : QString();
    if (!f.code) return sign + grouped + QChar(u'\u00A0') + code;
    const QString symbol = QString::fromUtf8(f.symbol);
    if (f.symbolFirst) return sign + symbol + grouped;
    return sign + grouped + QChar(u'\u00A0') + symbol;
}

// `n | plural: "one", "few", "many"` (Russian) or `n | plural: "one", "other"` (English).
Value fPlural(const Value &v, Args a, int argc, FilterEnv &)
{
    const Value n = toNumber(v);
    if (argc == 2) return n.isInt() && std::abs(n.toInt()) == 1 ? a[0] : a[1];
    if (!n.isInt()) return a[1];  // fractions take the "few" form: 1,5 балла
    const quint64 abs = n.toInt() < 0 ? quint64(0) - quint64(n.toInt()) : quint64(n.toInt());
    const quint64 mod10 = abs % 10, mod100 = abs % 100;
    if (mod10 == 1 && mod100 != 11) return a[0];
    if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return a[1];
    return a[2];
}

Value fPhone(const Value &v, Args, int, FilterEnv &)
{
    const QString s = str(v).trimmed();
    if (!s.startsWith(QLatin1Char('+'))) return v;
    const QString formatted = PhoneNormalizer::formatInternational(s);
    return formatted.isEmpty() ? v : Value(formatted);
}

constexpr FilterDef kFilters[] = {
    {QLatin1StringView("abs"), fAbs, 0, 0},
    {QLatin1StringView("append"), fAppend, 1, 1},
    {QLatin1StringView("at_least"), fAtLeast, 1, 1},
    {QLatin1StringView("at_most"), fAtMost, 1, 1},
    {QLatin1StringView("capitalize"), fCapitalize, 0, 0},
    {QLatin1StringView("ceil"), fCeil, 0, 0},
    {QLatin1StringView("compact"), fCompact, 0, 0},
    {QLatin1StringView("date"), fDate, 0, 1},
    {QLatin1StringView("default"), fDefault, 1, 1},
    {QLatin1StringView("divided_by"), fDividedBy, 1, 1},
    {QLatin1StringView("downcase"), fDowncase, 0, 0},
    {QLatin1StringView("escape"), fEscape, 0, 0},
    {QLatin1StringView("escape_once"), fEscapeOnce, 0, 0},
    {QLatin1StringView("first"), fFirst, 0, 0},
    {QLatin1StringView("floor"), fFloor, 0, 0},
    {QLatin1StringView("join"), fJoin, 0, 1},
    {QLatin1StringView("last"), fLast, 0, 0},
    {QLatin1StringView("lstrip"), fLstrip, 0, 0},
    {QLatin1StringView("map"), fMap, 1, 1},
    {QLatin1StringView("minus"), (fArithmetic<subInt, subDouble>), 1, 1},
    {QLatin1StringView("modulo"), fModulo, 1, 1},
    {QLatin1StringView("money"), fMoney, 0, 1},
    {QLatin1StringView("newline_to_br"), fNewlineToBr, 0, 0},
    {QLatin1StringView("phone"), fPhone, 0, 0},
    {QLatin1StringView("plural"), fPlural, 2, 3},
    {QLatin1StringView("plus"), (fArithmetic<addInt, addDouble>), 1, 1},
    {QLatin1StringView("prepend"), fPrepend, 1, 1},
    {QLatin1StringView("raw"), fRaw, 0, 0},
    {QLatin1StringView("remove"), fRemove, 1, 1},
    {QLatin1StringView("remove_first"), fRemoveFirst, 1, 1},
    {QLatin1StringView("replace"), fReplace, 2, 2},
    {QLatin1StringView("replace_first"), fReplaceFirst, 2, 2},
    {QLatin1StringView("reverse"), fReverse, 0, 0},
    {QLatin1StringView("round"), fRound, 0, 1},
    {QLatin1StringView("rstrip"), fRstrip, 0, 0},
    {QLatin1StringView("size"), fSize, 0, 0},
    {QLatin1StringView("sort"), fSort, 0, 1},
    {QLatin1StringView("sort_natural"), fSortNatural, 0, 1},
    {QLatin1StringView("split"), fSplit, 1, 1},
    {QLatin1StringView("strip"), fStrip, 0, 0},
    {QLatin1StringView("strip_html"), fStripHtml, 0, 0},
    {QLatin1StringView("strip_newlines"), fStripNewlines, 0, 0},
    {QLatin1StringView("times"), (fArithmetic<mulInt, mulDouble>), 1, 1},
    {QLatin1StringView("truncate"), fTruncate, 0, 2},
    {QLatin1StringView("truncatewords"), fTruncatewords, 0, 2},
    {QLatin1StringView("uniq"), fUniq, 0, 0},
    {QLatin1StringView("upcase"), fUpcase, 0, 0},
    {QLatin1StringView("url_encode"), fUrlEncode, 0, 0},
    {QLatin1StringView("where"), fWhere, 1, 2},
};

}  // namespace

void appendJsonEscaped(QString &out, QStringView text)
{
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\t': out += QLatin1String("\\t"); break;
        default:
            if (c < 0x20 || c == 0x2028 || c == 0x2029) out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
            else out += ch;
        }
    }
}

void appendEscaped(QString &out, QStringView text)
{
    qsizetype plainFrom = 0;
    const qsizetype n = text.size();
    const QChar *data = text.data();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = data[i].unicode();
        if (c > '>' || (c != '&' && c != '<' && c != '>' && c != '"' && c != '\'')) continue;
        out.append(data + plainFrom, i - plainFrom);
        switch (c) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&#34;"); break;
        default: out += QLatin1String("&#39;"); break;
        }
        plainFrom = i + 1;
    }
    out.append(data + plainFrom, n - plainFrom);
}

bool FilterEnv::fits(qint64 length)
{
    if (length <= options.limits.maxOutputSize) return true;
    error = QStringLiteral("the result would be longer than the limit of %1 characters").arg(options.limits.maxOutputSize);
    limit = true;
    return false;
}

QDateTime FilterEnv::now() const
{
    return options.now ? *options.now : QDateTime::currentDateTimeUtc();
}

const FilterDef *findFilter(QStringView name)
{
    for (const FilterDef &f : kFilters)
        if (name == f.name) return &f;
    return nullptr;
}

const Value *lookupPath(const Value &item, const QString &dottedPath)
{
    const Value *current = &item;
    for (QStringView part : QStringView(dottedPath).split(QLatin1Char('.'))) {
        current = current->member(part.toString());
        if (!current) return nullptr;
    }
    return current;
}

}  // namespace LoyaltyDesk::Core::Liquid
