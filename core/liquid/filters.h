#pragma once

// The filter table: standard Liquid filters and ours (money, plural, phone).
// Internal to the engine; the parser resolves names to entries once.

#include "core/liquid/template.h"
#include "core/liquid/value.h"

#include <QLatin1StringView>
#include <QString>

namespace LoyaltyDesk::Core::Liquid {

// What a filter may read besides its input, and where it reports a failure.
struct FilterEnv {
    const RenderOptions &options;
    QString error;       // set by a filter that fails; the renderer reports it at the filter
    bool limit = false;  // the failure is a limit: an error in lenient mode too
    QDateTime now() const;
    // For filters whose result can be much longer than their input: false, with the
    // error set, when `length` characters would pass the output limit.
    bool fits(qint64 length);
};

// A filter's arguments, read in place: no argument is copied on the way in.
class Args final {
public:
    explicit Args(const Value *const *values) : m_values(values) {}
    const Value &operator[](int i) const { return *m_values[i]; }

private:
    const Value *const *m_values;
};

using FilterFn = Value (*)(const Value &input, Args args, int argc, FilterEnv &env);

// The most arguments any filter takes; the renderer evaluates them into a fixed array.
constexpr int kMaxFilterArgs = 4;

struct FilterDef {
    QLatin1StringView name;
    FilterFn fn;
    int minArgs;
    int maxArgs;
};

const FilterDef *findFilter(QStringView name);

// Appends `text` with & < > " ' written as HTML entities (the `escape` filter).
void appendEscaped(QString &out, QStringView text);
// Appends `text` escaped for the inside of a JSON string literal (quotes not added).
void appendJsonEscaped(QString &out, QStringView text);

// Reads `item.a.b` the way map/where/sort do.
const Value *lookupPath(const Value &item, const QString &dottedPath);

}  // namespace LoyaltyDesk::Core::Liquid
