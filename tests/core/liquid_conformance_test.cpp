// The differential table: every case in tests/conformance/cases.json is rendered by
// our engine and by liquidjs (under node, from the lock-pinned package the build
// installs). Outputs must be identical wherever both engines render; each known
// difference is listed below with its reason and our exact output, and the test also
// fails when a listed difference disappears, so the list stays true.

#include "core/liquid/template.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include <map>

using namespace LoyaltyDesk::Core::Liquid;

namespace {

struct Exception {
    const char *reason;
    const char *ours;  // our output; nullptr when ours is an error
};

// Template -> why we differ from liquidjs on purpose.
const std::map<QString, Exception> &exceptions()
{
    static const std::map<QString, Exception> list = {
        // Arithmetic as in Shopify's Liquid, which marketers coming from Shopify, Braze and
        // Customer.io know: integers divide to an integer (rounded down); dividing by an
        // integer zero is an error (a warning and an empty value in lenient mode) rather than
        // JavaScript's Infinity and NaN.
        {QStringLiteral("{{ 7 | divided_by: 2 }}"), {"integer division", "3"}},
        {QStringLiteral("{{ -7 | divided_by: 2 }}"), {"integer division rounds down", "-4"}},
        {QStringLiteral("{{ '7' | divided_by: '2' }}"), {"integer division of numeric strings", "3"}},
        {QStringLiteral("{{ 10 | divided_by: 0 }}"), {"division by zero is an error, not Infinity", ""}},
        {QStringLiteral("{{ 5 | modulo: 0 }}"), {"modulo by zero is an error, not NaN", ""}},
        // Shopify adds the ellipsis only when words were cut; liquidjs also when the count is exact.
        {QStringLiteral("{{ 'one two three' | truncatewords: 3 }}"), {"no ellipsis when nothing was cut", "one two three"}},
        // `size` of an object is its number of keys (Shopify); liquidjs answers 0.
        {QStringLiteral("{{ customer.attributes | size }}"), {"size of an object", "5"}},
        // An object printed whole shows its JSON instead of JavaScript's "[object Object]":
        // useful in test sends, never seen in a well-made template.
        {QStringLiteral("{{ customer }}"),
         {"objects print as JSON",
          "{\"age\":31,\"attributes\":{\"blank_str\":\"   \",\"city\":\"Москва\",\"empty_list\":[],\"empty_str\":\"\","
          "\"pets\":2},\"blocked\":false,\"email\":\"anna@example.com\",\"first_name\":\"Анна\",\"last_name\":"
          "\"Смирнова\",\"name\":\"anna SMIRNOVA\",\"nickname\":null,\"phone\":\"+79161234567\",\"points\":1234,"
          "\"tags\":[\"vip\",\"coffee\",\"new\"],\"tier\":\"gold\",\"vip\":true}"}},
        {QStringLiteral("{{ empty_obj }}"), {"objects print as JSON", "{}"}},
        // Objects come from QJsonObject, which keeps keys sorted: a loop over an object's
        // pairs walks them in key order, not in the order of the JSON text.
        {QStringLiteral("{% for pair in customer.attributes %}{{ pair[0] }}={{ pair[1] }};{% endfor %}"),
         {"object pairs in key order", "blank_str=   ;city=Москва;empty_list=;empty_str=;pets=2;"}},
        // Comparisons between different types are false (Shopify raises an error);
        // JavaScript would coerce nil to 0 and "10" to a number.
        {QStringLiteral("{% if nothing < 1 %}lt{% else %}not lt{% endif %}"), {"nil is not less than a number", "not lt"}},
        {QStringLiteral("{% if '10' > 9 %}gt{% else %}not gt{% endif %}"), {"no string-number coercion", "not gt"}},
        // `else` of a for loop renders when limit/offset leave nothing to walk, as in Shopify;
        // liquidjs renders it only for an empty collection.
        {QStringLiteral("{% for n in numbers limit:0 %}{{ n }}{% else %}none{% endfor %}"), {"for-else after slicing", "none"}},
        {QStringLiteral("{% for n in numbers offset:10 %}{{ n }}{% else %}past{% endfor %}"), {"for-else after slicing", "past"}},
        // Shopify syntax liquidjs lacks: the `<>` operator, nested comments, and whitespace
        // control on raw.
        {QStringLiteral("{% if customer.tier <> 'silver' %}diff{% endif %}"), {"<> means !=", "diff"}},
        {QStringLiteral("{% comment %}a{% comment %}b{% endcomment %}c{% endcomment %}d"), {"nested comments", "d"}},
        {QStringLiteral("{%- raw -%}  {{ x }}  {%- endraw -%}"), {"whitespace control on raw", "{{ x }}"}},
        // A quoted "%}" inside a tag is part of the string, not the end of the tag.
        {QStringLiteral("{% if '%}' == '%}' %}same{% endif %}"), {"delimiters inside strings", "same"}},
        // Malformed expressions are errors with a position, not silently cut short.
        {QStringLiteral("{{ 1e3 }}"), {"exponent literals are not Liquid", nullptr}},
        {QStringLiteral("{{ 'it''s' }}"), {"text after a value is an error", nullptr}},
    };
    return list;
}

QJsonObject readSuite()
{
    QFile f(QStringLiteral(LD_CONFORMANCE_DIR "/cases.json"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// liquidjs's outcome per case, or an explanation of why node could not produce them.
QJsonArray renderWithLiquidjs(QString *problem)
{
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    node.setProcessEnvironment(env);
    node.start(QStringLiteral("node"), {QStringLiteral(LD_CONFORMANCE_DIR "/liquidjs_render.js"),
                                        QStringLiteral(LD_LIQUIDJS_DIR "/node_modules"),
                                        QStringLiteral(LD_CONFORMANCE_DIR "/cases.json")});
    if (!node.waitForFinished(120000) || node.exitCode() != 0) {
        *problem = QStringLiteral("node failed (is liquidjs installed by the liquidjs_modules target?): ") +
                   QString::fromUtf8(node.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(node.readAllStandardOutput()).array();
}

}  // namespace

TEST(LiquidConformance, MatchesLiquidjsOrIsAListedException)
{
    const QJsonObject suite = readSuite();
    const QJsonArray cases = suite.value(QStringLiteral("cases")).toArray();
    ASSERT_GE(cases.size(), 300) << "the case table is missing or too small";
    QString problem;
    const QJsonArray reference = renderWithLiquidjs(&problem);
    ASSERT_EQ(reference.size(), cases.size()) << qPrintable(problem);

    const Value sharedData = Value::fromJson(suite.value(QStringLiteral("data")));
    RenderOptions plain;
    plain.now = QDateTime::fromString(suite.value(QStringLiteral("now")).toString(), Qt::ISODate);
    RenderOptions html = plain;
    html.escaping = Escaping::Html;

    int compared = 0, listed = 0;
    std::map<QString, bool> exceptionSeen;
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases.at(i).toObject();
        const QString source = c.value(QStringLiteral("t")).toString();
        const Value data = c.contains(QStringLiteral("data")) ? Value::fromJson(c.value(QStringLiteral("data"))) : sharedData;
        const bool isHtml = c.value(QStringLiteral("html")).toBool();

        std::optional<QString> ours;
        QString ourError;
        auto parsed = Template::parse(source);
        if (parsed.ok()) {
            auto rendered = parsed->render(data, isHtml ? html : plain);
            if (rendered.ok()) ours = rendered->text;
            else ourError = rendered.error().message;
        } else {
            ourError = parsed.error().message;
        }
        const QJsonObject ref = reference.at(i).toObject();
        const bool refOk = ref.value(QStringLiteral("ok")).toBool();
        const QString theirs = refOk ? ref.value(QStringLiteral("out")).toString() : ref.value(QStringLiteral("error")).toString();

        const auto ex = exceptions().find(source);
        if (ex != exceptions().end()) {
            ++listed;
            exceptionSeen[source] = true;
            if (ex->second.ours) {
                EXPECT_EQ(ours.value_or(QString(QStringLiteral("<error: ") + ourError + QLatin1Char('>'))),
                          QString::fromUtf8(ex->second.ours))
                    << "case " << i << ": " << qPrintable(source);
            } else {
                EXPECT_FALSE(ours) << "case " << i << " should be an error in our engine: " << qPrintable(source);
            }
            EXPECT_FALSE(refOk && ours && *ours == theirs)
                << "case " << i << " is listed as an exception but both engines agree now: " << qPrintable(source);
            continue;
        }
        if (!refOk && !ours) continue;  // both refuse the template
        ++compared;
        EXPECT_TRUE(refOk && ours && *ours == theirs)
            << "case " << i << (isHtml ? " (html)" : "") << ": " << qPrintable(source) << "\n   ours: "
            << qPrintable(ours ? QString(QStringLiteral("«") + *ours + QStringLiteral("»")) : QStringLiteral("error: ") + ourError)
            << "\nliquidjs: "
            << qPrintable(refOk ? QString(QStringLiteral("«") + theirs + QStringLiteral("»")) : QStringLiteral("error: ") + theirs);
    }
    EXPECT_EQ(exceptionSeen.size(), exceptions().size()) << "an exception names a template that is not in cases.json";
    EXPECT_GE(compared, 300);
    RecordProperty("compared", compared);
    RecordProperty("exceptions", listed);
}
