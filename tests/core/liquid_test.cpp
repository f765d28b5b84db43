#include "core/liquid/template.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <thread>
#include <vector>

using namespace LoyaltyDesk::Core;
using namespace LoyaltyDesk::Core::Liquid;

namespace LoyaltyDesk::Core::Liquid {
void PrintTo(const Diagnostic &d, std::ostream *os)
{
    *os << d.toString().toStdString();
}
}  // namespace LoyaltyDesk::Core::Liquid

namespace {

Value json(const char *text)
{
    return Value::fromJson(QJsonDocument::fromJson(QByteArray(text)).object());
}

const Value &sample()
{
    static const Value data = json(R"({
        "customer": {"first_name": "Анна", "points": 1234, "phone": "+79161234567", "tier": "gold",
                     "tags": ["vip", "coffee"], "nickname": null},
        "lines": [{"name": "Кофе", "price": 25000, "qty": 2}, {"name": "Чай", "price": 18050, "qty": 1}],
        "html": "<b>Tom & \"Jerry\"</b>",
        "ts": "2025-03-01T21:15:30Z"
    })");
    return data;
}

// Renders or returns "<error: message>"; a test sees both outcomes as text.
QString render(const QString &source, const RenderOptions &options = {}, const Value &data = sample())
{
    auto t = Template::parse(source);
    if (!t) return QStringLiteral("<error: ") + t.error().message + QLatin1Char('>');
    auto r = t->render(data, options);
    if (!r) return QStringLiteral("<error: ") + r.error().message + QLatin1Char('>');
    return r->text;
}

RenderOptions strict()
{
    RenderOptions o;
    o.strict = true;
    return o;
}

RenderOptions withLimits(const Limits &limits)
{
    RenderOptions o;
    o.limits = limits;
    return o;
}

struct Case {
    const char *source;
    const char *expected;
};

void expectAll(std::initializer_list<Case> cases, const RenderOptions &options = {})
{
    for (const Case &c : cases)
        EXPECT_EQ(render(QString::fromUtf8(c.source), options), QString::fromUtf8(c.expected)) << c.source;
}

Diagnostic parseError(const QString &source, const ParseOptions &options = {})
{
    auto t = Template::parse(source, options);
    EXPECT_FALSE(t.ok()) << qPrintable(source);
    if (t.ok()) return {};
    EXPECT_EQ(t.error().kind, ErrorKind::Validation);
    return diagnosticOf(t.error()).value_or(Diagnostic{});
}

Diagnostic renderError(const QString &source, const RenderOptions &options, const Value &data = sample())
{
    auto t = Template::parse(source);
    EXPECT_TRUE(t.ok()) << qPrintable(source);
    if (!t.ok()) return {};
    auto r = t->render(data, options);
    EXPECT_FALSE(r.ok()) << qPrintable(source);
    if (r.ok()) return {};
    return diagnosticOf(r.error()).value_or(Diagnostic{});
}

}  // namespace

TEST(LiquidTags, IfElsifElseUnless)
{
    expectAll({
        {"{% if customer.points > 1000 %}a{% elsif customer.points > 10 %}b{% else %}c{% endif %}", "a"},
        {"{% if customer.points > 5000 %}a{% elsif customer.points > 10 %}b{% else %}c{% endif %}", "b"},
        {"{% if customer.points > 5000 %}a{% elsif customer.points > 2000 %}b{% else %}c{% endif %}", "c"},
        {"{% unless customer.nickname %}no nickname{% endunless %}", "no nickname"},
        {"{% unless customer.tier %}x{% else %}tier{% endunless %}", "tier"},
        {"{% if 0 %}0 is truthy{% endif %}{% if '' %}, so is ''{% endif %}", "0 is truthy, so is ''"},
        {"{% if customer.tags contains 'vip' and customer.tier == 'gold' %}ok{% endif %}", "ok"},
        // Right to left: true or (false and false).
        {"{% if true or false and false %}t{% else %}f{% endif %}", "t"},
        {"{% if false and false or true %}t{% else %}f{% endif %}", "f"},
        {"{% if customer.nickname == nil and customer.tags != empty %}y{% endif %}", "y"},
        {"{% if '  ' == blank and customer.tags.size >= 2 %}y{% endif %}", "y"},
    });
}

TEST(LiquidTags, Case)
{
    expectAll({
        {"{% case customer.tier %}{% when 'silver' %}S{% when 'gold', 'platinum' %}G{% else %}?{% endcase %}", "G"},
        {"{% case customer.tier %}{% when 'silver' or 'bronze' %}S{% else %}other{% endcase %}", "other"},
        {"{% case customer.points %}{% when 1234 %}exact{% endcase %}", "exact"},
    });
}

TEST(LiquidTags, ForWithModifiersForloopAndElse)
{
    expectAll({
        {"{% for l in lines %}{{ forloop.index }}:{{ l.name }}{% unless forloop.last %}, {% endunless %}{% endfor %}",
         "1:Кофе, 2:Чай"},
        {"{% for i in (1..5) limit:2 offset:1 %}{{ i }}{% endfor %}", "23"},
        {"{% for i in (1..5) reversed %}{{ i }}{% endfor %}", "54321"},
        {"{% for i in (1..4) %}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{{ forloop.length }}|{% endfor %}",
         "0434|1324|2214|3104|"},
        {"{% for i in (1..3) %}{% if forloop.first %}<{% endif %}{{ i }}{% if forloop.last %}>{% endif %}{% endfor %}", "<123>"},
        {"{% for x in customer.missing %}x{% else %}empty{% endfor %}", "empty"},
        {"{% for i in (1..10) %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}", "12"},
        {"{% for i in (1..5) %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% endfor %}", "1345"},
        {"{% for i in (1..2) %}{% for j in (1..3) %}{% if j == 2 %}{% break %}{% endif %}{{ i }}{{ j }} {% endfor %}{% endfor %}",
         "11 21 "},
        {"{% assign n = 3 %}{% for i in (1..n) %}{{ i }}{% endfor %}", "123"},
    });
}

TEST(LiquidTags, AssignCaptureRawComment)
{
    expectAll({
        {"{% assign total = lines[0].price | times: lines[0].qty %}{{ total }}", "50000"},
        {"{% capture hi %}Hi, {{ customer.first_name }}{% endcapture %}{{ hi }}!", "Hi, Анна!"},
        {"{% raw %}{{ customer.first_name }}{% endraw %}", "{{ customer.first_name }}"},
        {"a{% comment %}{{ broken {% endcomment %}b", "ab"},
        {"{% for i in (1..3) %}{% assign last = i %}{% endfor %}{{ last }}", "3"},
        {"{% echo customer.first_name | upcase %}", "АННА"},
    });
}

TEST(LiquidTags, WhitespaceControl)
{
    expectAll({
        {"a  {{- customer.tier -}}  b", "agoldb"},
        {"<ul>\n{%- for t in customer.tags %}\n  <li>{{ t }}</li>\n{%- endfor %}\n</ul>",
         "<ul>\n  <li>vip</li>\n  <li>coffee</li>\n</ul>"},
        {"x\n  {%- assign a = 1 -%}\n  y", "xy"},
    });
}

TEST(LiquidVariables, PathsAndSpecialProperties)
{
    expectAll({
        {"{{ customer['first_name'] }} {{ lines[1].name }} {{ lines[-1].qty }}", "Анна Чай 1"},
        {"{{ customer.tags.size }} {{ customer.tags.first }} {{ customer.tags.last }} {{ lines.size }}", "2 vip coffee 2"},
        {"{% assign k = 'tier' %}{{ customer[k] }}", "gold"},
        {"{{ customer.first_name.size }}", "4"},
        {"{{ 2.50 }} {{ -3 }} {{ true }} {{ nil }}|", "2.5 -3 true |"},
    });
}

TEST(LiquidFilters, Strings)
{
    expectAll({
        {"{{ 'hello WORLD' | capitalize }} {{ 'abc' | upcase }} {{ 'ÀB' | downcase }}", "Hello world ABC àb"},
        {"[{{ '  x  ' | strip }}][{{ '  x  ' | lstrip }}][{{ '  x  ' | rstrip }}]", "[x][x  ][  x]"},
        {"{{ 'The quick brown fox' | truncate: 10 }} {{ 'The quick brown fox' | truncatewords: 2, '…' }}",
         "The qui... The quick…"},
        {"{{ 'a-b-a' | replace: 'a', 'x' }} {{ 'a-b-a' | replace_first: 'a', 'x' }} {{ 'a-b-a' | remove: '-' }}",
         "x-b-x x-b-a aba"},
        {"{{ 'b' | append: 'c' | prepend: 'a' }}", "abc"},
        {"{{ 'a,b,c' | split: ',' | join: ' / ' }}", "a / b / c"},
        {"{{ 'x y' | url_encode }} {{ 'a\nb' | newline_to_br }}", "x+y a<br />\nb"},
        {"{{ '<p>Hi <b>there</b></p>' | strip_html }}", "Hi there"},
        {"{{ '<a href=\"x\">' | escape }} {{ '&lt;b&gt; &' | escape_once }}", "&lt;a href=&#34;x&#34;&gt; &lt;b&gt; &amp;"},
        {"{{ customer.nickname | default: 'друг' }} {{ '' | default: 'empty' }} {{ false | default: 'no' }}", "друг empty no"},
    });
}

TEST(LiquidFilters, ArraysAndMath)
{
    expectAll({
        {"{{ lines | map: 'name' | join: ', ' }}", "Кофе, Чай"},
        {"{{ lines | sort: 'price' | map: 'name' | first }}", "Чай"},
        {"{{ lines | where: 'qty', 2 | map: 'name' | join }}", "Кофе"},
        {"{{ lines | size }} {{ lines | last | map: 'qty' }}", "2 1"},
        {"{{ 'c,a,b' | split: ',' | sort | join: '' }}", "abc"},
        {"{{ (1..100000) | uniq | size }} {{ 'b,a,b,1' | split: ',' | uniq | join }}", "100000 b a 1"},
        {"{{ 4 | plus: 2 }} {{ 4 | minus: 6 }} {{ 3 | times: 1.5 }} {{ 7 | divided_by: 2 }} {{ 7.0 | divided_by: 2 }}",
         "6 -2 4.5 3 3.5"},
        {"{{ 7 | modulo: 3 }} {{ 2.567 | round: 2 }} {{ 2.5 | round }} {{ 2.1 | ceil }} {{ 2.9 | floor }} {{ -4 | abs }}",
         "1 2.57 3 3 2 4"},
        {"{{ 0.1 | plus: 0.2 }}", "0.30000000000000004"},
    });
}

TEST(LiquidFilters, DateWithFormatsZonesAndNow)
{
    RenderOptions o;
    o.now = QDateTime(QDate(2025, 6, 15), QTime(12, 0), QTimeZone::utc());
    expectAll({
                  {"{{ ts | date: '%d.%m.%Y %H:%M' }}", "01.03.2025 21:15"},
                  {"{{ ts | date: '%a, %-d %B %Y, %I:%M %p' }}", "Sat, 1 March 2025, 09:15 PM"},
                  {"{{ 1740824130 | date: '%Y-%m-%dT%H:%M:%S' }}", "2025-03-01T10:15:30"},
                  {"{{ 'now' | date: '%Y-%m-%d' }} {{ 'today' | date: '%j' }}", "2025-06-15 166"},
                  {"{{ 'not a date' | date: '%Y' }}", "not a date"},
              },
              o);
    // A width pads; a huge one is capped rather than allocating gigabytes (found by the fuzzer).
    EXPECT_EQ(render(QStringLiteral("{{ ts | date: '%2099007909Y' }}"), o).size(), 256);
    o.timeZone = QTimeZone(QByteArrayLiteral("Europe/Moscow"));
    EXPECT_EQ(render(QStringLiteral("{{ ts | date: '%d.%m %H:%M %z' }}"), o), QStringLiteral("02.03 00:15 +0300"));
}

TEST(LiquidFilters, MoneyInTheContextCurrency)
{
    RenderOptions rub;
    EXPECT_EQ(render(QStringLiteral("{{ 123450 | money }}"), rub), QStringLiteral("1\u00A0234,50\u00A0₽"));
    EXPECT_EQ(render(QStringLiteral("{{ -5 | money }}"), rub), QStringLiteral("-0,05\u00A0₽"));
    EXPECT_EQ(render(QStringLiteral("{{ 123456789 | money }}"), rub), QStringLiteral("1\u00A0234\u00A0567,89\u00A0₽"));
    RenderOptions usd;
    usd.currency = QStringLiteral("USD");
    EXPECT_EQ(render(QStringLiteral("{{ 123450 | money }}"), usd), QStringLiteral("$1,234.50"));
    EXPECT_EQ(render(QStringLiteral("{{ 0 | money }} {{ -99 | money }}"), usd), QStringLiteral("$0.00 -$0.99"));
    EXPECT_EQ(render(QStringLiteral("{{ 100 | money: 'EUR' }}"), usd), QStringLiteral("1,00\u00A0€"));
    EXPECT_EQ(render(QStringLiteral("{{ 150 | money: 'JPY' }}"), usd), QStringLiteral("¥150"));
    EXPECT_EQ(render(QStringLiteral("{{ 250 | money: 'chf' }}"), usd), QStringLiteral("2,50\u00A0CHF"));
}

TEST(LiquidFilters, PluralRussianAndEnglish)
{
    const QString ru = QStringLiteral("{{ n }} {{ n | plural: 'балл', 'балла', 'баллов' }}");
    const std::pair<int, const char *> forms[] = {{1, "балл"},   {2, "балла"},  {4, "балла"},  {5, "баллов"},
                                                  {11, "баллов"}, {12, "баллов"}, {21, "балл"}, {22, "балла"},
                                                  {111, "баллов"}, {0, "баллов"},  {-1, "балл"}};
    for (const auto &[n, form] : forms) {
        const Value data = Value::fromJson(QJsonObject{{QStringLiteral("n"), n}});
        EXPECT_EQ(render(ru, {}, data), QString::number(n) + QLatin1Char(' ') + QString::fromUtf8(form)) << n;
    }
    expectAll({
        {"{{ 1.5 | plural: 'балл', 'балла', 'баллов' }}", "балла"},
        {"{{ 1 | plural: 'point', 'points' }} {{ 0 | plural: 'point', 'points' }} {{ 2 | plural: 'point', 'points' }}",
         "point points points"},
    });
}

TEST(LiquidFilters, PhoneFormatsE164)
{
    expectAll({
        {"{{ customer.phone | phone }}", "+7 916 123-45-67"},
        {"{{ '8 916' | phone }}", "8 916"},
    });
}

TEST(LiquidErrors, ParseErrorsCarryLineAndColumn)
{
    Diagnostic d = parseError(QStringLiteral("Hello\n  {% frobnicate %}"));
    EXPECT_EQ(d.line, 2);
    EXPECT_EQ(d.column, 3);
    EXPECT_EQ(d.message, QStringLiteral("unknown tag “frobnicate”"));

    d = parseError(QStringLiteral("a\nb {% if x %}\nno end"));
    EXPECT_EQ(std::pair(d.line, d.column), std::pair(2, 3));
    EXPECT_EQ(d.message, QStringLiteral("“if” is never closed with “endif”"));

    d = parseError(QStringLiteral("{{ customer.name | }}"));
    EXPECT_EQ(std::pair(d.line, d.column), std::pair(1, 20));

    d = parseError(QStringLiteral("x\n\n   {{ a.b"));
    EXPECT_EQ(std::pair(d.line, d.column), std::pair(3, 4));

    d = parseError(QStringLiteral("{% for x of list %}{% endfor %}"));
    EXPECT_EQ(d.column, 10);
    EXPECT_EQ(d.message, QStringLiteral("expected “in” but found “of”"));

    d = parseError(QStringLiteral("{% endfor %}"));
    EXPECT_EQ(d.message, QStringLiteral("unexpected “endfor”"));

    d = parseError(QStringLiteral("{{ 'x' | truncate: 1, 2, 3 }}"));
    EXPECT_EQ(d.column, 10);
    EXPECT_TRUE(d.message.contains(QLatin1String("takes 0 to 2 argument(s), not 3")));

    d = parseError(QStringLiteral("{% break %}"));
    EXPECT_EQ(d.message, QStringLiteral("“break” is only allowed inside “for”"));

    auto t = Template::parse(QStringLiteral("\n{{ 'open"));
    ASSERT_FALSE(t.ok());
    EXPECT_TRUE(t.error().message.startsWith(QLatin1String("line 2, column 1: "))) << qPrintable(t.error().message);
}

TEST(LiquidErrors, FileTagsAreRefused)
{
    for (const char *tag : {"include 'header'", "render 'footer'", "layout 'base'"}) {
        const Diagnostic d = parseError(QStringLiteral("{% ") + QString::fromLatin1(tag) + QStringLiteral(" %}"));
        EXPECT_TRUE(d.message.contains(QLatin1String("cannot read other files"))) << qPrintable(d.message);
    }
}

TEST(LiquidModes, StrictFailsOnUnknownVariablesAndFilters)
{
    Diagnostic d = renderError(QStringLiteral("Hi {{ customer.nickname }}\n{{ customer.middle_name }}"), strict());
    EXPECT_EQ(std::pair(d.line, d.column), std::pair(2, 4));
    EXPECT_EQ(d.message, QStringLiteral("unknown variable “customer.middle_name”"));

    // An unknown filter fails a strict render even on a branch that is not taken.
    d = renderError(QStringLiteral("{% if false %}\n {{ 'x' | shout }}{% endif %}"), strict());
    EXPECT_EQ(std::pair(d.line, d.column), std::pair(2, 11));
    EXPECT_EQ(d.message, QStringLiteral("unknown filter “shout”"));

    d = renderError(QStringLiteral("{{ 1 | divided_by: 0 }}"), strict());
    EXPECT_EQ(d.message, QStringLiteral("divided_by: divided by 0"));

    d = renderError(QStringLiteral("{% for x in nowhere %}{% endfor %}"), strict());
    EXPECT_EQ(d.message, QStringLiteral("unknown variable “nowhere”"));

    // Conditions and `default` are where a missing value is expected.
    EXPECT_EQ(render(QStringLiteral("{% if customer.vip %}v{% endif %}{{ customer.alias | default: 'x' }}"), strict()),
              QStringLiteral("x"));
}

TEST(LiquidModes, LenientRendersAndListsTheProblems)
{
    auto t = Template::parse(QStringLiteral("Hi {{ customer.alias }}!\n{{ 'x' | shout }} {{ 1 | divided_by: 0 }}."));
    ASSERT_TRUE(t.ok());
    auto r = t->render(sample());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->text, QStringLiteral("Hi !\nx ."));
    ASSERT_EQ(r->warnings.size(), 3);
    EXPECT_EQ(r->warnings[0], (Diagnostic{2, 10, QStringLiteral("unknown filter “shout”")}));
    EXPECT_EQ(r->warnings[1], (Diagnostic{1, 7, QStringLiteral("unknown variable “customer.alias”")}));
    EXPECT_EQ(r->warnings[2].message, QStringLiteral("divided_by: divided by 0"));
    EXPECT_EQ(r->warnings[2].toString(), QStringLiteral("line 2, column 26: divided_by: divided by 0"));
}

TEST(LiquidModes, LenientPassesValuesThroughUnknownFiltersWithAnyArguments)
{
    auto t = Template::parse(QStringLiteral("{{ 'x' | nope: 1, 2, 3, 4, 5, 6, 7, 8 | upcase }}"));  // found by the fuzzer
    ASSERT_TRUE(t.ok());
    auto r = t->render(sample());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->text, QStringLiteral("X"));
    EXPECT_EQ(r->warnings.size(), 1);
}

TEST(LiquidModes, LenientWarnsOncePerPlace)
{
    auto t = Template::parse(QStringLiteral("{% for i in (1..50) %}{{ nope }}{% endfor %}"));
    ASSERT_TRUE(t.ok());
    auto r = t->render(sample());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->warnings.size(), 1);
}

TEST(LiquidEscaping, HtmlModeEscapesEveryOutputUnlessRaw)
{
    RenderOptions html;
    html.escaping = Escaping::Html;
    expectAll({
                  {"<p>{{ html }}</p>", "<p>&lt;b&gt;Tom &amp; &#34;Jerry&#34;&lt;/b&gt;</p>"},
                  {"{{ html | raw }}", "<b>Tom & \"Jerry\"</b>"},
                  {"{% raw %}<i>{{ x }}</i>{% endraw %}", "<i>{{ x }}</i>"},
                  {"{{ \"it's\" | upcase }}", "IT&#39;S"},
                  {"{{ html | escape }}", "&amp;lt;b&amp;gt;Tom &amp;amp; &amp;#34;Jerry&amp;#34;&amp;lt;/b&amp;gt;"},
              },
              html);
    expectAll({{"{{ html }}", "<b>Tom & \"Jerry\"</b>"}});  // plain text for SMS and push
}

Limits smallLimits(qint64 iterations, qsizetype output, qint64 work)
{
    Limits l;
    l.maxLoopIterations = iterations;
    l.maxOutputSize = output;
    l.maxWork = work;
    return l;
}

TEST(LiquidLimits, LoopsOutputAndStringWorkAreBoundedWithClearErrors)
{
    const Limits loops = smallLimits(10'000, 4 << 20, 64 << 20);
    const Limits output = smallLimits(1'000'000, 100'000, 64 << 20);
    const Limits work = smallLimits(10'000'000, 100'000, 1'000'000);
    const struct {
        const char *source;
        Limits limits;
        const char *message;
        int column;
    } cases[] = {
        {"{% for i in (1..1000000000) %}x{% endfor %}", loops, "loops ran more than 10000 iterations in total", 1},
        // Nested loops count together; the error is at the loop that went over.
        {"{% for a in (1..1000) %}{% for b in (1..1000) %}{% endfor %}{% endfor %}", loops,
         "loops ran more than 10000 iterations in total", 25},
        {"{{ (1..1000000000) | join }}", loops, "the range has more than 10000 items", 4},
        {"{% for i in (1..100000) %}0123456789{% endfor %}", output, "the output is longer than the limit of 100000 characters", 27},
        {"{% assign s = 'ab' %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}", output,
         "the output is longer than the limit of 100000 characters", 62},
        {"{% assign s = 'x' | append: 'y' %}{% for i in (1..1000000) %}{% capture c %}{{ s }}{{ s }}{{ s }}{% endcapture %}"
         "{% endfor %}",
         work, "the template does more work than the limit of 1000000 (characters made, list items walked)", 62},
        {"{% assign r = (1..5000) %}{% for i in (1..5000) %}{% if r contains i %}{% endif %}{% endfor %}", work,
         "the template does more work than the limit of 1000000 (characters made, list items walked)", 57},
        // A result predicted to pass the limit is refused before it is built, in lenient mode too.
        {"{% capture big %}{% for i in (1..1000) %}0123456789{% endfor %}{% endcapture %}{{ big | replace: '', big }}", output,
         "replace: the result would be longer than the limit of 100000 characters", 89},
    };
    for (const auto &c : cases) {
        const Diagnostic d = renderError(QString::fromUtf8(c.source), withLimits(c.limits));
        EXPECT_EQ(d.message, QString::fromUtf8(c.message)) << c.source;
        EXPECT_EQ(std::pair(d.line, d.column), std::pair(1, c.column)) << c.source;
    }
}

TEST(LiquidLimits, NestingAndTemplateSizeAreBounded)
{
    QString deep;
    for (int i = 0; i < 100; ++i) deep += QStringLiteral("{% if true %}");
    Diagnostic d = parseError(deep);
    EXPECT_EQ(d.message, QStringLiteral("blocks are nested more than 64 deep"));
    EXPECT_EQ(d.column, 64 * 13 + 1);

    ParseOptions small;
    small.limits.maxTemplateSize = 1000;
    d = parseError(QString(1001, QLatin1Char('x')), small);
    EXPECT_EQ(d.message, QStringLiteral("the template is 1001 characters long; the limit is 1000"));
}

TEST(LiquidTemplate, ParsedOnceRendersManyCustomers)
{
    auto t = Template::parse(QStringLiteral("{{ name | upcase }}:{% for x in list %}{{ x | times: 2 }}{% endfor %}"));
    ASSERT_TRUE(t.ok());
    for (int i = 0; i < 5; ++i) {
        const Value data = Value::fromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("c%1").arg(i)},
                                                       {QStringLiteral("list"), QJsonArray{i, i + 1}}});
        auto r = t->render(data);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->text, QStringLiteral("C%1:%2%3").arg(i).arg(2 * i).arg(2 * i + 2));
    }
}

TEST(LiquidTemplate, RendersConcurrentlyFromOneCompiledTemplate)
{
    auto parsed = Template::parse(QStringLiteral(
        "{% assign total = 0 %}{% for l in lines %}{% assign total = total | plus: l.price %}"
        "{% capture row %}{{ forloop.index }}.{{ l.name | upcase }}{% endcapture %}{{ row }};{% endfor %}"
        "{{ total | money }} {{ customer.first_name }}"));
    ASSERT_TRUE(parsed.ok());
    const Template t = *parsed;
    constexpr int kThreads = 8, kRenders = 300;
    std::vector<Value> data;
    std::vector<QString> expected;
    for (int i = 0; i < kThreads; ++i) {
        const QJsonObject o{{QStringLiteral("customer"), QJsonObject{{QStringLiteral("first_name"), QStringLiteral("n%1").arg(i)}}},
                            {QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")},
                                                                             {QStringLiteral("price"), 100 * i}},
                                                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("b")},
                                                                             {QStringLiteral("price"), 1}}}}};
        data.push_back(Value::fromJson(o));
        expected.push_back(QStringLiteral("1.A;2.B;%1,%2\u00A0₽ n%3")
                               .arg((100 * i + 1) / 100)
                               .arg((100 * i + 1) % 100, 2, 10, QLatin1Char('0'))
                               .arg(i));
    }
    std::vector<int> mismatches(kThreads, 0);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            for (int n = 0; n < kRenders; ++n) {
                auto r = t.render(data[size_t(i)]);
                if (!r.ok() || r->text != expected[size_t(i)]) ++mismatches[size_t(i)];
            }
        });
    }
    for (auto &th : threads) th.join();
    for (int i = 0; i < kThreads; ++i) EXPECT_EQ(mismatches[size_t(i)], 0) << "thread " << i;
}

TEST(LiquidValue, JsonConversionAndNumbers)
{
    const Value v = json(R"({"i": 3, "d": 2.5, "big": 1e300, "s": "x", "b": false, "n": null, "a": [1, "2"], "o": {"k": 1}})");
    EXPECT_TRUE(v.member(QStringLiteral("i"))->isInt());
    EXPECT_TRUE(v.member(QStringLiteral("d"))->isDouble());
    EXPECT_TRUE(v.member(QStringLiteral("n"))->isNil());
    EXPECT_FALSE(v.member(QStringLiteral("b"))->truthy());
    EXPECT_TRUE(v.member(QStringLiteral("n"))->isBlank());
    EXPECT_EQ(v.member(QStringLiteral("a"))->size(), 2);
    EXPECT_EQ(v.member(QStringLiteral("o"))->member(QStringLiteral("k"))->toInt(), 1);
    EXPECT_EQ(v.member(QStringLiteral("missing")), nullptr);
    EXPECT_EQ(formatNumber(0.1), QStringLiteral("0.1"));
    EXPECT_EQ(formatNumber(1e21), QStringLiteral("1e+21"));
    EXPECT_EQ(formatNumber(1.5e-7), QStringLiteral("1.5e-7"));
    EXPECT_EQ(formatNumber(123456.789), QStringLiteral("123456.789"));
    EXPECT_EQ(formatNumber(-0.000001), QStringLiteral("-0.000001"));
    EXPECT_EQ(formatNumber(3.0), QStringLiteral("3"));
    EXPECT_EQ(v.toJson().toObject().value(QStringLiteral("a")).toArray().size(), 2);
}
