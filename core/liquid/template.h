#pragma once

#include "core/liquid/value.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace LoyaltyDesk::Core::Liquid {

// Bounds that keep one bad template from hanging or flooding the sender. Hitting
// any of them is an error in strict and lenient mode alike.
struct Limits {
    qsizetype maxTemplateSize = 1 << 20;    // characters of source
    int maxNesting = 64;                    // nested blocks, and nested captures/loops at render
    qsizetype maxOutputSize = 4 << 20;      // characters of output (and of any one string value)
    qint64 maxLoopIterations = 1'000'000;   // for-loop iterations in one render, all loops together
    qint64 maxWork = 64 << 20;              // characters made by filters and captures, and items of
                                            // lists walked by filters and `contains`, in one render
};

struct ParseOptions {
    Limits limits;
};

enum class Escaping {
    Html,   // every {{ }} output is HTML-escaped unless its last filter is `raw`
    Plain,  // SMS, push, subjects: printed as is
    Json,   // provider body templates: output is escaped for a JSON string literal
};

struct RenderOptions {
    bool strict = false;             // unknown variables and filters are errors
    Escaping escaping = Escaping::Plain;
    Limits limits;
    QString currency = QStringLiteral("RUB");  // for `money`
    QTimeZone timeZone = QTimeZone::utc();     // for `date`
    std::optional<QDateTime> now;              // what "now"/"today" mean; the clock when unset
};

// A problem found while rendering in lenient mode: where and what.
struct Diagnostic {
    int line = 0;
    int column = 0;
    QString message;
    // "line 3, column 14: unknown filter “shout”"
    QString toString() const;
    bool operator==(const Diagnostic &) const = default;
};

struct Rendered {
    QString text;
    QList<Diagnostic> warnings;  // lenient mode only; strict mode fails instead
};

struct Node;

// A compiled template: parsed once, rendered many times, concurrently if need be
// (render is const and touches no shared mutable state).
//
// Errors are Core::Error values of kind Validation whose message reads
// "line L, column C: what went wrong" and whose single field is "L:C".
class Template final {
public:
    static Result<Template> parse(const QString &source, const ParseOptions &options = {});

    Result<Rendered> render(const Value &data, const RenderOptions &options = {}) const;

    const QString &source() const;

    struct Compiled;  // the engine's internals (ast.h)

private:
    explicit Template(std::shared_ptr<const Compiled> compiled);
    std::shared_ptr<const Compiled> m_compiled;
    friend class Parser;
};

// The position of an error produced by the engine, read back from its field.
std::optional<Diagnostic> diagnosticOf(const Error &error);

}  // namespace LoyaltyDesk::Core::Liquid
