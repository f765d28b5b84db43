#pragma once

#include "core/segments/rule.h"
#include "storage/database.h"

#include <QVariantList>

#include <functional>

namespace LoyaltyDesk::Server {

// A rule as a SQL predicate over `customers c`, with its values bound positionally.
struct CompiledRule {
    QString where;
    QVariantList binds;
};

// Compiles a segment rule to parameterized SQL for SQLite or PostgreSQL. Field names
// and operators come only from the compiler's own table; every value a user typed is
// bound, never spliced into the text. Semantics (shared with the in-memory oracle in
// the tests):
// - text comparisons ignore case (Unicode lower case); "is not"/"none of" include
//   customers with no value;
// - dates compare by UTC day; "age" is in full years at today's UTC date;
// - aggregates over no rows: count, sum, quantity and balances are 0; average and
//   maximum have no value, so no comparison holds; averages are in whole minor units;
// - a NOT group is two-valued: a condition on a missing value is false, its NOT true;
// - "member of segment" inlines the referenced segment's current rule (a reference,
//   resolved at each evaluation); cycles are refused.
class SegmentCompiler final {
public:
    using SegmentResolver = std::function<Result<Core::Segments::Rule>(qint64 segmentId)>;

    SegmentCompiler(Dialect dialect, qint64 now, SegmentResolver resolver = {});
    Result<CompiledRule> compile(const Core::Segments::Rule &rule);

    // Month-day strings ("MM-DD") from today through today + days, with 02-29 added in
    // years without it when 02-28 is in the window.
    static QStringList anniversaryDays(qint64 now, int days);

private:
    Result<QString> node(const Core::Segments::Node &node, bool underNot, QList<qint64> &stack);
    Result<QString> condition(const Core::Segments::Condition &c, QList<qint64> &stack);
    QString bind(const QVariant &value);
    QString binds(const QJsonArray &values, bool lower = false);
    QString lower(const QString &expr) const;
    QString contains(const QString &expr, const QString &needle);

    QString stringPredicate(const QString &expr, const Core::Segments::Condition &c);
    QString enumPredicate(const QString &expr, const Core::Segments::Condition &c);
    QString numberPredicate(const QString &expr, const Core::Segments::Condition &c);
    QString epochDatePredicate(const QString &expr, const Core::Segments::Condition &c);
    QString textDatePredicate(const QString &expr, const Core::Segments::Condition &c);
    QString agePredicate(const Core::Segments::Condition &c);
    // "c.id IN (... HAVING agg op v)" or the NOT IN form when zero satisfies the test.
    QString aggregate(const QString &from, const QString &customerColumn, const QString &aggregateExpr,
                      const Core::Segments::Condition &c, bool zeroWhenAbsent, const QVariantList &fromBinds);
    QString jsonText(const QString &column, const QString &key);
    QString windowStart(const QJsonObject &params, const QString &column, QVariantList &binds);

    Dialect m_dialect;
    qint64 m_now;
    SegmentResolver m_resolver;
    QVariantList m_binds;
};

}  // namespace LoyaltyDesk::Server
