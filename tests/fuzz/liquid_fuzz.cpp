// Fuzz target for the Liquid parser and renderer: any input must parse or fail with a
// positioned error, and a parsed template must render (strict, lenient, HTML) within
// the limits, without crashing, hanging or reading out of bounds.

#include "core/liquid/template.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

using namespace LoyaltyDesk::Core::Liquid;

namespace {

const Value &fuzzData()
{
    static const Value data = Value::fromJson(QJsonDocument::fromJson(R"({
        "customer": {"first_name": "Анна", "points": 1234, "tags": ["vip", "coffee"], "nickname": null,
                     "phone": "+79161234567", "vip": true},
        "items": [{"name": "Кофе", "price": 25000, "qty": 2}, {"name": "Чай", "price": 18050, "qty": 1}],
        "html": "<b>&</b>", "ts": "2025-03-01T10:15:30Z", "n": 3, "f": 2.5, "empty": {}
    })").object());
    return data;
}

Limits smallLimits()
{
    Limits l;
    l.maxTemplateSize = 1 << 16;
    l.maxNesting = 32;
    l.maxOutputSize = 1 << 16;
    l.maxLoopIterations = 20'000;
    l.maxWork = 1 << 20;
    return l;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(bytes), qsizetype(size));
    ParseOptions parseOptions;
    parseOptions.limits = smallLimits();
    auto parsed = Template::parse(source, parseOptions);
    if (!parsed) {
        const auto where = diagnosticOf(parsed.error());
        if (!where || where->line < 1 || where->column < 1) std::abort();  // every error has a position
        return 0;
    }
    RenderOptions options;
    options.limits = smallLimits();
    options.now = QDateTime::fromSecsSinceEpoch(1750000000, QTimeZone::utc());
    for (const bool strict : {false, true}) {
        options.strict = strict;
        options.escaping = strict ? Escaping::Html : Escaping::Plain;
        auto rendered = parsed->render(fuzzData(), options);
        if (rendered && rendered->text.size() > options.limits.maxOutputSize) std::abort();
        if (!strict && !rendered && !diagnosticOf(rendered.error())) std::abort();
    }
    return 0;
}
