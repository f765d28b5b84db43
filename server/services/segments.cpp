#include "segments.h"

#include "audit.h"
#include "core/json.h"
#include "engine/segmentcompiler.h"
#include "storage/rows.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace LoyaltyDesk::Server {

using Core::ErrorKind;
using namespace Core::Segments;

namespace {

constexpr qint64 kCatalogSeconds = 60;

QString jsonString(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

Error notFound(const QString &what, qint64 id)
{
    return Error::make(ErrorKind::NotFound, QStringLiteral("There is no %1 with id %2.").arg(what).arg(id));
}

Error timeLimit(bool cancelled, qint64 ms)
{
    if (cancelled) {
        Error e = Error::make(ErrorKind::Conflict, QStringLiteral("The count was cancelled."));
        e.type = QStringLiteral("cancelled");
        e.httpStatus = 409;
        return e;
    }
    Error e = Error::make(ErrorKind::Validation,
                          QStringLiteral("Counting took longer than %1 seconds and was stopped. Narrow the rule (a shorter time window, fewer "
                                         "purchase or event conditions) or save the segment and let it calculate in the background.")
                              .arg(ms / 1000.0, 0, 'f', 1));
    e.type = QStringLiteral("time-limit");
    e.httpStatus = 422;
    return e;
}

}  // namespace

SegmentService::SegmentService(Database &db, MetricsFold &fold, qint64 previewTimeLimitMs)
    : m_db(db), m_fold(fold), m_previewTimeLimitMs(previewTimeLimitMs)
{
}

Result<void> SegmentService::upToDate()
{
    auto folded = m_fold.run();
    if (!folded) return folded.error();
    return {};
}

Result<Catalog> SegmentService::catalog()
{
    QMutexLocker lock(&m_catalogLock);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (m_catalog && now - m_catalogAt < kCatalogSeconds) return *m_catalog;
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Catalog c = Catalog::builtIn();
    Sql tiers(*conn, QStringLiteral("SELECT code FROM status_tiers ORDER BY rank, code"));
    if (auto r = tiers.exec(); !r) return r.error();
    QStringList codes;
    while (tiers.next()) codes << tiers.value(0).toString();
    c.setEnumValues(QStringLiteral("tier"), codes);
    // Custom attributes: the keys and value types seen on the newest customers.
    Sql custom(*conn, QStringLiteral("SELECT custom_attributes FROM customers WHERE custom_attributes IS NOT NULL ORDER BY id DESC LIMIT 5000"));
    if (auto r = custom.exec(); !r) return r.error();
    QMap<QString, QString> kinds;
    static const QRegularExpression validKey(QStringLiteral("^[A-Za-z0-9_]{1,64}$"));
    while (custom.next()) {
        const QJsonObject o = QJsonDocument::fromJson(custom.value(0).toString().toUtf8()).object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!validKey.match(it.key()).hasMatch()) continue;
            const QString kind = it->isBool() ? QStringLiteral("bool") : it->isDouble() ? QStringLiteral("number") : QStringLiteral("string");
            if (!kinds.contains(it.key())) kinds.insert(it.key(), kind);
            else if (kinds.value(it.key()) != kind) kinds.insert(it.key(), QStringLiteral("string"));
        }
    }
    const FieldDef *text = c.find(QStringLiteral("city"));
    const FieldDef *number = c.find(QStringLiteral("orders_count"));
    const FieldDef *flag = c.find(QStringLiteral("has_phone"));
    const QStringList textOps = text->operators, numberOps = number->operators, flagOps = flag->operators;
    for (auto it = kinds.begin(); it != kinds.end(); ++it) {
        FieldDef f;
        f.id = QStringLiteral("custom.") + it.key();
        f.category = QStringLiteral("customer");
        f.label = it.key();
        f.description = QStringLiteral("Custom attribute");
        f.type = it.value() == QLatin1String("bool") ? ValueType::Bool : it.value() == QLatin1String("number") ? ValueType::Number : ValueType::String;
        f.operators = f.type == ValueType::Bool ? flagOps : f.type == ValueType::Number ? numberOps : textOps;
        c.add(f);
    }
    m_catalog = c;
    m_catalogAt = now;
    return c;
}

Result<QString> SegmentService::compileWhere(const Rule &rule, QVariantList *binds, std::optional<qint64> saving)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    auto cat = catalog();
    if (!cat) return cat.error();
    const Catalog catalogCopy = *cat;
    const QSqlDatabase db = *conn;
    auto resolver = [db, catalogCopy](qint64 id) -> Result<Rule> {
        Sql q(db, QStringLiteral("SELECT rule FROM segments WHERE id = ?"));
        q.bind(id);
        auto v = q.scalar();
        if (!v) return v.error();
        if (!v->isValid()) return Error::validation(QStringLiteral("rule"), QStringLiteral("The rule refers to segment %1, which does not exist.").arg(id));
        return Rule::fromJson(QJsonDocument::fromJson(v->toString().toUtf8()).object(), catalogCopy);
    };
    SegmentCompiler compiler(m_db.dialect(), QDateTime::currentSecsSinceEpoch(), resolver);
    // A segment being saved may not refer to itself, directly or through others.
    Result<CompiledRule> compiled = [&]() -> Result<CompiledRule> {
        if (!saving) return compiler.compile(rule);
        // Walk the references with the saved segment on the stack, so a cycle back to it
        // is found; the predicate itself is compiled as usual.
        for (qint64 ref : rule.segmentReferences()) {
            if (ref == *saving) return Error::validation(QStringLiteral("rule"), QStringLiteral("A segment cannot include itself."));
            auto inner = resolver(ref);
            if (!inner) return inner.error();
            QList<qint64> seen{*saving, ref};
            QList<std::pair<qint64, Rule>> todo{{ref, *inner}};
            while (!todo.isEmpty()) {
                const auto [id, r] = todo.takeLast();
                for (qint64 next : r.segmentReferences()) {
                    if (next == *saving)
                        return Error::validation(QStringLiteral("rule"), QStringLiteral("Segment %1 refers back to this segment: segments cannot include each other in a cycle.").arg(id));
                    if (seen.contains(next)) continue;
                    seen << next;
                    auto nr = resolver(next);
                    if (!nr) return nr.error();
                    todo.append({next, *nr});
                }
            }
        }
        return compiler.compile(rule);
    }();
    if (!compiled) return compiled.error();
    *binds = compiled->binds;
    return compiled->where;
}

Result<Rule> SegmentService::parseRule(const QJsonValue &json, std::optional<qint64> savingSegment)
{
    if (!json.isObject()) return Error::validation(QStringLiteral("rule"), QStringLiteral("The rule must be an object {version, root}."));
    auto cat = catalog();
    if (!cat) return cat.error();
    auto rule = Rule::fromJson(json.toObject(), *cat);
    if (!rule) {
        Error e = rule.error();
        for (auto &f : e.fields) f.field = QStringLiteral("rule.") + f.field;
        return e;
    }
    QVariantList binds;
    if (auto where = compileWhere(*rule, &binds, savingSegment); !where) return where.error();
    return rule;
}

Result<QJsonObject> SegmentService::preview(const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto ruleJson = r.object(QStringLiteral("rule"), true);
    const auto requestId = r.string(QStringLiteral("request_id"), false, 64);
    const auto timeout = r.integer(QStringLiteral("timeout_ms"), false, 1, 120000);
    if (auto done = r.finish(); !done) return done.error();
    auto rule = parseRule(*ruleJson);
    if (!rule) return rule.error();
    QVariantList binds;
    auto where = compileWhere(*rule, &binds);
    if (!where) return where.error();
    if (auto fresh = upToDate(); !fresh) return fresh.error();

    auto conn = m_db.connection();
    if (!conn) return conn.error();
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    const qint64 limit = timeout.value_or(m_previewTimeLimitMs);
    QueryGuard guard(m_db, *conn, limit, cancelled.get());
    if (requestId) {
        QMutexLocker lock(&m_previewLock);
        m_previews.insert(*requestId, Running{cancelled, guard.backendPid()});
    }
    auto forget = qScopeGuard([&] {
        if (requestId) {
            QMutexLocker lock(&m_previewLock);
            m_previews.remove(*requestId);
        }
    });
    QElapsedTimer timer;
    timer.start();
    Sql q(*conn, QStringLiteral("SELECT COUNT(*), COALESCE(SUM(c.revenue), 0), COALESCE(SUM(c.orders_count), 0) FROM customers c WHERE ") + *where);
    for (const auto &b : binds) q.bind(b);
    if (auto ran = q.exec(); !ran) {
        // SQLite says "interrupted"; PostgreSQL cancels with SQLSTATE 57014.
        const QString text = ran.error().message;
        const bool stopped = text.contains(QStringLiteral("interrupt"), Qt::CaseInsensitive) || text.contains(QStringLiteral("57014")) ||
                             text.contains(QStringLiteral("canceling statement"));
        if (stopped || guard.expired() || cancelled->load()) return timeLimit(cancelled->load(), limit);
        return ran.error();
    }
    q.next();
    const qint64 size = q.value(0).toLongLong(), revenue = q.value(1).toLongLong(), orders = q.value(2).toLongLong();
    Sql total(*conn, QStringLiteral("SELECT COUNT(*) FROM customers"));
    auto all = total.scalar();
    if (!all) return all.error();
    const qint64 base = all->toLongLong();
    return QJsonObject{{QStringLiteral("count"), size},
                       {QStringLiteral("total"), base},
                       {QStringLiteral("share"), base ? double(size) / double(base) : 0.0},
                       {QStringLiteral("revenue"), revenue},
                       {QStringLiteral("orders"), orders},
                       {QStringLiteral("average_receipt"), orders ? revenue / orders : 0},
                       {QStringLiteral("ltv"), size ? revenue / size : 0},
                       {QStringLiteral("duration_ms"), timer.elapsed()}};
}

Result<void> SegmentService::cancelPreview(const QString &requestId)
{
    Running running;
    {
        QMutexLocker lock(&m_previewLock);
        if (!m_previews.contains(requestId))
            return Error::make(ErrorKind::NotFound, QStringLiteral("No count with this request id is running."));
        running = m_previews.value(requestId);
    }
    running.cancelled->store(true);
    if (!m_db.isSqlite() && running.backendPid > 0) {
        auto conn = m_db.connection();
        if (!conn) return conn.error();
        Sql q(*conn, QStringLiteral("SELECT pg_cancel_backend(?)"));
        q.bind(running.backendPid);
        if (auto r = q.exec(); !r) return r;
    }
    return {};
}

Result<QJsonObject> SegmentService::segmentIn(const QSqlDatabase &conn, qint64 id)
{
    Sql q(conn, QStringLiteral("SELECT id, name, description, tags, rule, recalc_minutes, size, last_calculated_at, last_duration_ms, last_error, "
                               "created_by, created_at, updated_at FROM segments WHERE id = ?"));
    q.bind(id);
    if (auto r = q.exec(); !r) return r.error();
    if (!q.next()) return notFound(QStringLiteral("segment"), id);
    QJsonObject o = rowToJson(q.query());
    o.insert(QStringLiteral("tags"), QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array());
    o.insert(QStringLiteral("rule"), QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object());
    // The size trend of the last runs, oldest first, for the sparkline.
    Sql runs(conn, QStringLiteral("SELECT size FROM segment_runs WHERE segment_id = ? ORDER BY at DESC, id DESC LIMIT 20"));
    runs.bind(id);
    if (auto r = runs.exec(); !r) return r.error();
    QJsonArray trend;
    while (runs.next()) trend.prepend(runs.value(0).toLongLong());
    o.insert(QStringLiteral("trend"), trend);
    Sql last(conn, QStringLiteral("SELECT revenue, orders, average_receipt, ltv, share, entered, left_count FROM segment_runs WHERE segment_id = ? ORDER BY at DESC, id DESC LIMIT 1"));
    last.bind(id);
    if (auto r = last.exec(); !r) return r.error();
    if (last.next()) {
        QJsonObject m = rowToJson(last.query());
        m.insert(QStringLiteral("left"), m.take(QStringLiteral("left_count")));
        o.insert(QStringLiteral("metrics"), m);
    } else {
        o.insert(QStringLiteral("metrics"), QJsonValue());
    }
    return o;
}

Result<Page> SegmentService::list(const QString &search, const PageRequest &page)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    QString sql = QStringLiteral("SELECT id FROM segments WHERE id > ?");
    QVariantList binds{page.cursor ? page.cursor->at(0) : QVariant(qint64(0))};
    if (!search.trimmed().isEmpty()) {
        sql += m_db.isSqlite() ? QStringLiteral(" AND instr(ld_lower(name), ?) > 0") : QStringLiteral(" AND strpos(lower(name), ?) > 0");
        binds << search.trimmed().toLower();
    }
    Sql q(*conn, sql + QStringLiteral(" ORDER BY id LIMIT ?"));
    for (const auto &b : binds) q.bind(b);
    q.bind(page.limit + 1);
    auto ids = collectIds(q, page.limit);
    if (!ids) return ids.error();
    Page result;
    result.nextCursor = ids->second;
    for (qint64 id : ids->first) {
        auto s = segmentIn(*conn, id);
        if (!s) return s.error();
        result.items.append(*s);
    }
    return result;
}

Result<QJsonObject> SegmentService::get(qint64 id)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    return segmentIn(*conn, id);
}

Result<QJsonObject> SegmentService::readSegmentBody(const QJsonObject &body, bool creating, std::optional<qint64> id)
{
    Core::Json::Reader r(body);
    const auto name = r.string(QStringLiteral("name"), creating, 200);
    const auto description = r.string(QStringLiteral("description"), false, 2000);
    const auto tags = r.array(QStringLiteral("tags"), false, 50);
    const auto rule = r.object(QStringLiteral("rule"), creating);
    const auto minutes = r.integer(QStringLiteral("recalc_minutes"), false, 15, 10080);
    if (tags)
        for (const auto &t : *tags)
            if (!t.isString() || t.toString().isEmpty() || t.toString().size() > 50) r.fail(QStringLiteral("tags"), QStringLiteral("Tags are texts of 1 to 50 characters."));
    if (auto done = r.finish(); !done) return done.error();
    QJsonObject out;
    if (name) out.insert(QStringLiteral("name"), name->trimmed());
    if (description) out.insert(QStringLiteral("description"), *description);
    if (tags) out.insert(QStringLiteral("tags"), jsonString(*tags));
    if (minutes) out.insert(QStringLiteral("recalc_minutes"), *minutes);
    if (rule) {
        auto parsed = parseRule(*rule, id);
        if (!parsed) return parsed.error();
        out.insert(QStringLiteral("rule"), jsonString(parsed->toJson()));
    }
    return out;
}

Result<QJsonObject> SegmentService::create(const Principal &who, const QJsonObject &body)
{
    auto values = readSegmentBody(body, true, std::nullopt);
    if (!values) return values.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql ins(*conn, QStringLiteral("INSERT INTO segments (partner_id, name, description, tags, rule, recalc_minutes, created_by, created_at, updated_at) "
                                  "VALUES ((SELECT MIN(id) FROM partners), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    ins.bind(values->value(QStringLiteral("name")).toString())
        .bind(values->value(QStringLiteral("description")).toString(QStringLiteral("")))
        .bind(values->value(QStringLiteral("tags")).toString(QStringLiteral("[]")))
        .bind(values->value(QStringLiteral("rule")).toString())
        .bind(values->value(QStringLiteral("recalc_minutes")).toInteger(360))
        .bind(who.username).bind(now).bind(now);
    auto id = ins.scalar();
    if (!id) return id.error();
    auto after = segmentIn(*conn, id->toLongLong());
    if (!after) return after.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("segment.create"), QStringLiteral("segment"), id->toLongLong(), std::nullopt,
                               QJsonObject{{QStringLiteral("name"), after->value(QStringLiteral("name"))}, {QStringLiteral("rule"), after->value(QStringLiteral("rule"))}});
        !a)
        return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    return after;
}

Result<QJsonObject> SegmentService::update(const Principal &who, qint64 id, const QJsonObject &body)
{
    auto values = readSegmentBody(body, false, id);
    if (!values) return values.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto before = segmentIn(*conn, id);
    if (!before) return before.error();
    QStringList sets;
    QVariantList binds;
    for (const char *col : {"name", "description", "tags", "rule", "recalc_minutes"}) {
        const QString key = QString::fromLatin1(col);
        if (!values->contains(key)) continue;
        sets << key + QStringLiteral(" = ?");
        binds << values->value(key).toVariant();
    }
    sets << QStringLiteral("updated_at = ?");
    binds << QDateTime::currentSecsSinceEpoch();
    Sql up(*conn, QStringLiteral("UPDATE segments SET ") + sets.join(QStringLiteral(", ")) + QStringLiteral(" WHERE id = ?"));
    for (const auto &b : binds) up.bind(b);
    up.bind(id);
    if (auto r = up.exec(); !r) return r.error();
    auto after = segmentIn(*conn, id);
    if (!after) return after.error();
    QJsonObject b = *before, a = *after;
    for (const char *k : {"trend", "metrics", "updated_at", "size", "last_calculated_at", "last_duration_ms", "last_error"}) {
        b.remove(QString::fromLatin1(k));
        a.remove(QString::fromLatin1(k));
    }
    const QJsonObject diff = Audit::diff(b, a);
    if (!diff.isEmpty())
        if (auto r = Audit::record(*conn, who, QStringLiteral("segment.update"), QStringLiteral("segment"), id, std::nullopt, QJsonObject{{QStringLiteral("changes"), diff}}); !r)
            return r.error();
    if (auto c = tx.commit(); !c) return c.error();
    return after;
}

Result<void> SegmentService::remove(const Principal &who, qint64 id)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto before = segmentIn(*conn, id);
    if (!before) return before.error();
    // Refuse when another segment refers to this one.
    Sql refs(*conn, QStringLiteral("SELECT id, name, rule FROM segments WHERE id <> ?"));
    refs.bind(id);
    if (auto r = refs.exec(); !r) return r.error();
    QStringList users;
    auto cat = catalog();
    if (!cat) return cat.error();
    while (refs.next()) {
        auto rule = Rule::fromJson(QJsonDocument::fromJson(refs.value(2).toString().toUtf8()).object(), *cat);
        if (rule && rule->segmentReferences().contains(id)) users << QStringLiteral("\"%1\"").arg(refs.value(1).toString());
    }
    if (!users.isEmpty())
        return Error{ErrorKind::Conflict, QStringLiteral("Segments %1 use this segment. Change them first.").arg(users.join(QStringLiteral(", "))), {}, 409, {}};
    Sql del(*conn, QStringLiteral("DELETE FROM segments WHERE id = ?"));
    del.bind(id);
    if (auto r = del.exec(); !r) return r.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("segment.delete"), QStringLiteral("segment"), id, std::nullopt,
                               QJsonObject{{QStringLiteral("name"), before->value(QStringLiteral("name"))}, {QStringLiteral("rule"), before->value(QStringLiteral("rule"))}});
        !a)
        return a.error();
    return tx.commit();
}

Result<QJsonObject> SegmentService::duplicate(const Principal &who, qint64 id)
{
    auto original = get(id);
    if (!original) return original.error();
    const QString name = original->value(QStringLiteral("name")).toString() + QStringLiteral(" (copy)");
    return create(who, QJsonObject{{QStringLiteral("name"), name},
                                   {QStringLiteral("description"), original->value(QStringLiteral("description"))},
                                   {QStringLiteral("tags"), original->value(QStringLiteral("tags"))},
                                   {QStringLiteral("rule"), original->value(QStringLiteral("rule"))},
                                   {QStringLiteral("recalc_minutes"), original->value(QStringLiteral("recalc_minutes"))}});
}

Result<QJsonObject> SegmentService::recalculate(qint64 id, const QString &reason)
{
    QMutexLocker serial(&m_recalcLock);
    if (auto fresh = upToDate(); !fresh) return fresh.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    auto segment = segmentIn(*conn, id);
    if (!segment) return segment.error();
    auto cat = catalog();
    if (!cat) return cat.error();
    auto rule = Rule::fromJson(segment->value(QStringLiteral("rule")).toObject(), *cat);
    QVariantList binds;
    Result<QString> where = rule ? compileWhere(*rule, &binds) : Result<QString>(rule.error());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (!where) {
        Sql fail(*conn, QStringLiteral("UPDATE segments SET last_error = ?, last_calculated_at = ? WHERE id = ?"));
        fail.bind(where.error().message).bind(now).bind(id);
        (void)fail.exec();
        return where.error();
    }
    QElapsedTimer timer;
    timer.start();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto run = [&](const QString &sql, const QVariantList &values) -> Result<void> {
        if (values.isEmpty()) {
            // DDL cannot be prepared on PostgreSQL.
            QSqlQuery ddl(*conn);
            if (!ddl.exec(sql)) return dbError(QStringLiteral("Statement failed «%1»").arg(sql), ddl.lastError().text());
            return {};
        }
        Sql q(*conn, sql);
        for (const auto &v : values) q.bind(v);
        return q.exec();
    };
    // The new members once, in a temporary table; everything else is joins.
    if (auto r = run(QStringLiteral("DROP TABLE IF EXISTS ld_segment_new"), {}); !r) return r.error();
    if (auto r = run(QStringLiteral("CREATE TEMP TABLE ld_segment_new (customer_id BIGINT PRIMARY KEY)"), {}); !r) return r.error();
    if (auto r = run(QStringLiteral("INSERT INTO ld_segment_new (customer_id) SELECT c.id FROM customers c WHERE ") + *where, binds); !r) return r.error();
    Sql previous(*conn, QStringLiteral("SELECT COUNT(*) FROM segment_runs WHERE segment_id = ?"));
    previous.bind(id);
    auto runsBefore = previous.scalar();
    if (!runsBefore) return runsBefore.error();
    const bool baseline = runsBefore->toLongLong() == 0;
    Sql ins(*conn, QStringLiteral("INSERT INTO segment_runs (segment_id, at, duration_ms, size, entered, left_count, revenue, orders, average_receipt, ltv, share, reason) "
                                  "VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?) RETURNING id"));
    ins.bind(id).bind(now).bind(reason);
    auto runId = ins.scalar();
    if (!runId) return runId.error();
    const QVariant rid = *runId;
    // The first calculation is the baseline: everyone is a member, nobody "entered"
    // (campaigns that trigger on entering must not fire for the whole segment at once).
    if (baseline) {
        if (auto r = run(QStringLiteral("DELETE FROM segment_members WHERE segment_id = ?"), {id}); !r) return r.error();
        if (auto r = run(QStringLiteral("INSERT INTO segment_members (segment_id, customer_id) SELECT ?, customer_id FROM ld_segment_new"), {id}); !r)
            return r.error();
    } else {
        if (auto r = run(QStringLiteral("INSERT INTO segment_changes (segment_id, run_id, customer_id, kind, at) SELECT ?, ?, n.customer_id, 'entered', ? FROM ld_segment_new n "
                                        "WHERE NOT EXISTS (SELECT 1 FROM segment_members m WHERE m.segment_id = ? AND m.customer_id = n.customer_id)"),
                         {id, rid, now, id});
            !r)
            return r.error();
        if (auto r = run(QStringLiteral("INSERT INTO segment_changes (segment_id, run_id, customer_id, kind, at) SELECT ?, ?, m.customer_id, 'left', ? FROM segment_members m "
                                        "WHERE m.segment_id = ? AND NOT EXISTS (SELECT 1 FROM ld_segment_new n WHERE n.customer_id = m.customer_id)"),
                         {id, rid, now, id});
            !r)
            return r.error();
        if (auto r = run(QStringLiteral("DELETE FROM segment_members WHERE segment_id = ? AND customer_id IN "
                                        "(SELECT customer_id FROM segment_changes WHERE run_id = ? AND kind = 'left')"),
                         {id, rid});
            !r)
            return r.error();
        if (auto r = run(QStringLiteral("INSERT INTO segment_members (segment_id, customer_id) SELECT ?, customer_id FROM segment_changes WHERE run_id = ? AND kind = 'entered'"),
                         {id, rid});
            !r)
            return r.error();
    }
    Sql counts(*conn, QStringLiteral("SELECT (SELECT COUNT(*) FROM ld_segment_new), "
                                     "(SELECT COUNT(*) FROM segment_changes WHERE run_id = ? AND kind = 'entered'), "
                                     "(SELECT COUNT(*) FROM segment_changes WHERE run_id = ? AND kind = 'left'), "
                                     "(SELECT COALESCE(SUM(c.revenue), 0) FROM ld_segment_new n JOIN customers c ON c.id = n.customer_id), "
                                     "(SELECT COALESCE(SUM(c.orders_count), 0) FROM ld_segment_new n JOIN customers c ON c.id = n.customer_id), "
                                     "(SELECT COUNT(*) FROM customers)"));
    counts.bind(rid).bind(rid);
    if (auto r = counts.exec(); !r) return r.error();
    counts.next();
    const qint64 size = counts.value(0).toLongLong(), entered = counts.value(1).toLongLong(), left = counts.value(2).toLongLong();
    const qint64 revenue = counts.value(3).toLongLong(), orders = counts.value(4).toLongLong(), base = counts.value(5).toLongLong();
    counts.query().finish();
    const qint64 ms = timer.elapsed();
    const double share = base ? double(size) / double(base) : 0;
    if (auto r = run(QStringLiteral("UPDATE segment_runs SET duration_ms = ?, size = ?, entered = ?, left_count = ?, revenue = ?, orders = ?, "
                                    "average_receipt = ?, ltv = ?, share = ? WHERE id = ?"),
                     {ms, size, entered, left, revenue, orders, orders ? revenue / orders : 0, size ? revenue / size : 0, share, rid});
        !r)
        return r.error();
    if (auto r = run(QStringLiteral("UPDATE segments SET size = ?, last_calculated_at = ?, last_duration_ms = ?, last_error = NULL WHERE id = ?"), {size, now, ms, id}); !r)
        return r.error();
    if (auto r = run(QStringLiteral("DROP TABLE ld_segment_new"), {}); !r) return r.error();
    if (auto c = tx.commit(); !c) return c.error();
    return QJsonObject{{QStringLiteral("run_id"), rid.toLongLong()}, {QStringLiteral("baseline"), baseline}, {QStringLiteral("size"), size}, {QStringLiteral("entered"), entered},
                       {QStringLiteral("left"), left}, {QStringLiteral("revenue"), revenue}, {QStringLiteral("orders"), orders},
                       {QStringLiteral("average_receipt"), orders ? revenue / orders : 0}, {QStringLiteral("ltv"), size ? revenue / size : 0},
                       {QStringLiteral("share"), share}, {QStringLiteral("duration_ms"), ms}};
}

int SegmentService::recalculateDue()
{
    auto conn = m_db.connection();
    if (!conn) return 0;
    Sql due(*conn, QStringLiteral("SELECT id FROM segments WHERE last_calculated_at IS NULL OR last_calculated_at + recalc_minutes * 60 <= ? ORDER BY id"));
    due.bind(QDateTime::currentSecsSinceEpoch());
    if (!due.exec()) return 0;
    QList<qint64> ids;
    while (due.next()) ids << due.value(0).toLongLong();
    int done = 0;
    for (qint64 id : ids)
        if (recalculate(id, QStringLiteral("schedule"))) ++done;
    return done;
}

Result<Page> SegmentService::customerPage(const QString &table, const QString &where, const QVariantList &binds, const PageRequest &page)
{
    // A page of customers reads their totals as the profile does, with the purchases not
    // folded yet: a read that needs no write.
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("SELECT c.id, c.first_name, c.last_name, c.city, ") + MetricsFold::orders(QStringLiteral("c")) +
                     QStringLiteral(" AS orders_count, ") + MetricsFold::revenue(QStringLiteral("c")) + QStringLiteral(" AS revenue, ") +
                     MetricsFold::lastPurchase(QStringLiteral("c")) + QStringLiteral(" AS last_purchase_at, "
                                "(SELECT value FROM contacts WHERE customer_id = c.id AND kind = 'phone' AND valid = 1 ORDER BY is_primary DESC, id LIMIT 1) AS phone, "
                                "(SELECT value FROM contacts WHERE customer_id = c.id AND kind = 'email' AND valid = 1 ORDER BY is_primary DESC, id LIMIT 1) AS email "
                                "FROM ") + table + QStringLiteral(" m JOIN customers c ON c.id = m.customer_id WHERE ") + where +
                 QStringLiteral(" AND m.customer_id > ? ORDER BY m.customer_id LIMIT ?"));
    for (const auto &b : binds) q.bind(b);
    q.bind(page.cursor ? page.cursor->at(0) : QVariant(qint64(0))).bind(page.limit + 1);
    return collectPage(q, page.limit);
}

Result<Page> SegmentService::memberPage(const QString &table, const QString &column, qint64 id, const PageRequest &page)
{
    return customerPage(table, QStringLiteral("m.") + column + QStringLiteral(" = ?"), {id}, page);
}

Result<Page> SegmentService::members(qint64 id, const PageRequest &page)
{
    if (auto s = get(id); !s) return s.error();
    return memberPage(QStringLiteral("segment_members"), QStringLiteral("segment_id"), id, page);
}

Result<Page> SegmentService::history(qint64 id, const PageRequest &page)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    if (auto s = segmentIn(*conn, id); !s) return s.error();
    Sql q(*conn, QStringLiteral("SELECT id, at, duration_ms, size, entered, left_count AS left_, revenue, orders, average_receipt, ltv, share, reason "
                                "FROM segment_runs WHERE segment_id = ? AND id < ? ORDER BY id DESC LIMIT ?"));
    q.bind(id).bind(page.cursor ? page.cursor->at(0) : QVariant(std::numeric_limits<qint64>::max())).bind(page.limit + 1);
    return collectPage(q, page.limit, [](Sql &row) {
        QJsonObject o = rowToJson(row.query());
        o.insert(QStringLiteral("left"), o.take(QStringLiteral("left_")));
        return o;
    });
}

Result<Page> SegmentService::changes(qint64 id, const QString &kind, const PageRequest &page)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    if (auto s = segmentIn(*conn, id); !s) return s.error();
    if (!kind.isEmpty() && kind != QLatin1String("entered") && kind != QLatin1String("left"))
        return Error::validation(QStringLiteral("kind"), QStringLiteral("kind is entered or left."));
    Sql q(*conn, QStringLiteral("SELECT id, run_id, customer_id, kind, at FROM segment_changes WHERE segment_id = ? AND id < ?") +
                     (kind.isEmpty() ? QString() : QStringLiteral(" AND kind = ?")) + QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    q.bind(id).bind(page.cursor ? page.cursor->at(0) : QVariant(std::numeric_limits<qint64>::max()));
    if (!kind.isEmpty()) q.bind(kind);
    q.bind(page.limit + 1);
    return collectPage(q, page.limit);
}

Result<QByteArray> SegmentService::exportMembers(const QString &table, const QString &column, qint64 id)
{
    if (auto fresh = upToDate(); !fresh) return fresh.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("SELECT c.id, c.external_id, c.first_name, c.last_name, c.city, "
                                "(SELECT value FROM contacts WHERE customer_id = c.id AND kind = 'phone' AND valid = 1 ORDER BY is_primary DESC, id LIMIT 1), "
                                "(SELECT value FROM contacts WHERE customer_id = c.id AND kind = 'email' AND valid = 1 ORDER BY is_primary DESC, id LIMIT 1), "
                                "c.orders_count, c.revenue FROM ") + table + QStringLiteral(" m JOIN customers c ON c.id = m.customer_id WHERE m.") + column +
                 QStringLiteral(" = ? ORDER BY c.id"));
    q.bind(id);
    if (auto r = q.exec(); !r) return r.error();
    QByteArray out = "id,external_id,first_name,last_name,city,phone,email,orders_count,revenue\r\n";
    auto field = [](const QVariant &v) {
        QString s = v.toString();
        // Quote what needs it, and keep spreadsheet formulas from running (CSV injection).
        if (!s.isEmpty() && QStringLiteral("=+-@").contains(s.at(0)) && !s.at(0).isDigit() && !(s.at(0) == u'+' && s.size() > 1 && s.at(1).isDigit()))
            s.prepend(u'\'');
        if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r')) s = u'"' + QString(s).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
        return s.toUtf8();
    };
    while (q.next()) {
        QByteArrayList row;
        for (int i = 0; i < 9; ++i) row << field(q.value(i));
        out += row.join(',') + "\r\n";
    }
    return out;
}

// --- RFM ---------------------------------------------------------------------

namespace {

QJsonObject defaultRfm()
{
    return QJsonObject{{QStringLiteral("window_days"), 365},
                       {QStringLiteral("scoring"), QStringLiteral("quintiles")},
                       {QStringLiteral("thresholds"), QJsonObject{{QStringLiteral("recency_days"), QJsonArray{30, 90, 180, 365}},
                                                                  {QStringLiteral("frequency"), QJsonArray{2, 3, 5, 8}},
                                                                  {QStringLiteral("monetary"), QJsonArray{100000, 300000, 1000000, 3000000}}}}};
}

// The standard groups on the recency x frequency grid.
QString groupCase()
{
    return QStringLiteral(
        "CASE WHEN r >= 5 AND f >= 4 THEN 'champions' WHEN r = 4 AND f = 5 THEN 'champions' "
        "WHEN r BETWEEN 3 AND 4 AND f >= 4 THEN 'loyal' "
        "WHEN r >= 4 AND f BETWEEN 2 AND 3 THEN 'potential_loyalists' "
        "WHEN r = 5 AND f = 1 THEN 'new' WHEN r = 4 AND f = 1 THEN 'promising' "
        "WHEN r = 3 AND f = 3 THEN 'need_attention' WHEN r = 3 AND f <= 2 THEN 'about_to_sleep' "
        "WHEN r <= 2 AND f = 5 THEN 'cant_lose' WHEN r <= 2 AND f BETWEEN 3 AND 4 THEN 'at_risk' "
        "WHEN r = 2 THEN 'hibernating' ELSE 'lost' END");
}

Result<QJsonObject> checkRfm(const QJsonObject &body)
{
    Core::Json::Reader r(body);
    r.integer(QStringLiteral("window_days"), true, 7, 3650);
    const auto scoring = r.oneOf(QStringLiteral("scoring"), {QStringLiteral("quintiles"), QStringLiteral("thresholds")}, true);
    const auto thresholds = r.object(QStringLiteral("thresholds"), true);
    if (thresholds) {
        Core::Json::Reader t(*thresholds, QStringLiteral("thresholds"));
        for (const char *k : {"recency_days", "frequency", "monetary"}) {
            const auto a = t.array(QString::fromLatin1(k), true, 4);
            if (!a) continue;
            bool ok = a->size() == 4;
            double prev = -1;
            for (const auto &v : *a) {
                ok = ok && v.isDouble() && v.toDouble() > prev;
                prev = v.toDouble();
            }
            if (!ok) t.fail(QString::fromLatin1(k), QStringLiteral("Must be four increasing numbers (the score boundaries 2, 3, 4 and 5)."));
        }
        if (auto done = t.finish(); !done)
            for (const auto &f : done.error().fields) r.fail(f.field.mid(11), f.message);
    }
    if (auto done = r.finish(); !done) return done.error();
    return body;
}

}  // namespace

Result<QJsonObject> SegmentService::rfmSettings()
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("SELECT value FROM settings WHERE key = 'rfm'"));
    auto v = q.scalar();
    if (!v) return v.error();
    if (!v->isValid()) return defaultRfm();
    return QJsonDocument::fromJson(v->toString().toUtf8()).object();
}

Result<QJsonObject> SegmentService::updateRfmSettings(const Principal &who, const QJsonObject &body)
{
    auto checked = checkRfm(body);
    if (!checked) return checked.error();
    auto before = rfmSettings();
    if (!before) return before.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    Sql up(*conn, QStringLiteral("INSERT INTO settings (key, value) VALUES ('rfm', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    up.bind(jsonString(*checked));
    if (auto r = up.exec(); !r) return r.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("rfm.settings"), QStringLiteral("settings"), std::nullopt, std::nullopt,
                               QJsonObject{{QStringLiteral("changes"), Audit::diff(*before, *checked)}});
        !a)
        return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    return *checked;
}

Result<QJsonObject> SegmentService::recalculateRfm()
{
    QMutexLocker serial(&m_recalcLock);
    if (auto fresh = upToDate(); !fresh) return fresh.error();
    auto settings = rfmSettings();
    if (!settings) return settings.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 windowStart = now - settings->value(QStringLiteral("window_days")).toInteger(365) * 86400;
    const bool quintiles = settings->value(QStringLiteral("scoring")).toString() != QLatin1String("thresholds");
    const QJsonObject th = settings->value(QStringLiteral("thresholds")).toObject();
    QVariantList thresholdBinds;
    QString scores;
    if (quintiles) {
        scores = QStringLiteral("NTILE(5) OVER (ORDER BY rd DESC, id) AS r, NTILE(5) OVER (ORDER BY fq, id) AS f, NTILE(5) OVER (ORDER BY mn, id) AS m");
    } else {
        // Score = 1 + the number of boundaries reached; recency counts the other way.
        auto score = [&](const QString &col, const QJsonArray &bounds, bool lowerIsBetter) -> QString {
            QStringList parts;
            for (const auto &b : bounds) {
                parts << (lowerIsBetter ? QStringLiteral("CASE WHEN %1 <= ? THEN 1 ELSE 0 END") : QStringLiteral("CASE WHEN %1 >= ? THEN 1 ELSE 0 END")).arg(col);
                thresholdBinds << b.toInteger();
            }
            return QStringLiteral("(1 + ") + parts.join(QStringLiteral(" + ")) + u')';
        };
        const QString r = score(QStringLiteral("rd"), th.value(QStringLiteral("recency_days")).toArray(), true);
        const QString f = score(QStringLiteral("fq"), th.value(QStringLiteral("frequency")).toArray(), false);
        const QString m = score(QStringLiteral("mn"), th.value(QStringLiteral("monetary")).toArray(), false);
        scores = r + QStringLiteral(" AS r, ") + f + QStringLiteral(" AS f, ") + m + QStringLiteral(" AS m");
    }
    const QString sql = QStringLiteral(
        "INSERT INTO customer_rfm (customer_id, r, f, m, recency_days, frequency, monetary, grp, computed_at) "
        "SELECT id, r, f, m, rd, fq, mn, ") + groupCase() + QStringLiteral(", ? FROM (SELECT id, rd, fq, mn, ") + scores +
        QStringLiteral(" FROM (SELECT c.id, (? - c.last_purchase_at) / 86400 AS rd, COALESCE(w.cnt, 0) AS fq, COALESCE(w.total, 0) AS mn FROM customers c "
                       "LEFT JOIN (SELECT customer_id, COUNT(*) AS cnt, SUM(total) AS total FROM receipts WHERE status = 'completed' AND purchased_at >= ? "
                       "AND customer_id IS NOT NULL GROUP BY customer_id) w ON w.customer_id = c.id WHERE c.last_purchase_at IS NOT NULL) b) s");
    // Positional order in the text: computed_at, the thresholds inside the scores, now, the window.
    QVariantList ordered{now};
    ordered += thresholdBinds;
    ordered << now << windowStart;
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    QElapsedTimer timer;
    timer.start();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    Sql del(*conn, QStringLiteral("DELETE FROM customer_rfm"));
    if (auto r = del.exec(); !r) return r.error();
    Sql ins(*conn, sql);
    for (const auto &b : ordered) ins.bind(b);
    if (auto r = ins.exec(); !r) return r.error();
    if (auto c = tx.commit(); !c) return c.error();
    auto report = rfmReport();
    if (!report) return report.error();
    QJsonObject o = *report;
    o.insert(QStringLiteral("duration_ms"), timer.elapsed());
    return o;
}

Result<QJsonObject> SegmentService::rfmReport()
{
    if (auto fresh = upToDate(); !fresh) return fresh.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    auto settings = rfmSettings();
    if (!settings) return settings.error();
    // Each cell lies in one group (groupCase() depends on r and f alone).
    Sql grid(*conn, QStringLiteral("SELECT r, f, COUNT(*), COALESCE(SUM(monetary), 0), MIN(grp) FROM customer_rfm GROUP BY r, f ORDER BY r, f"));
    if (auto e = grid.exec(); !e) return e.error();
    QJsonArray cells;
    while (grid.next())
        cells.append(QJsonObject{{QStringLiteral("r"), grid.value(0).toInt()}, {QStringLiteral("f"), grid.value(1).toInt()},
                                 {QStringLiteral("count"), grid.value(2).toLongLong()}, {QStringLiteral("monetary"), grid.value(3).toLongLong()},
                                 {QStringLiteral("group"), grid.value(4).toString()}});
    Sql groups(*conn, QStringLiteral("SELECT x.grp, COUNT(*), COALESCE(SUM(c.revenue), 0), COALESCE(SUM(x.monetary), 0) FROM customer_rfm x "
                                     "JOIN customers c ON c.id = x.customer_id GROUP BY x.grp ORDER BY x.grp"));
    if (auto e = groups.exec(); !e) return e.error();
    QJsonArray list;
    while (groups.next())
        list.append(QJsonObject{{QStringLiteral("group"), groups.value(0).toString()}, {QStringLiteral("count"), groups.value(1).toLongLong()},
                                {QStringLiteral("revenue"), groups.value(2).toLongLong()}, {QStringLiteral("monetary"), groups.value(3).toLongLong()}});
    Sql when(*conn, QStringLiteral("SELECT MAX(computed_at), COUNT(*) FROM customer_rfm"));
    if (auto e = when.exec(); !e) return e.error();
    when.next();
    return QJsonObject{{QStringLiteral("settings"), *settings},
                       {QStringLiteral("computed_at"), when.value(0).isNull() ? QJsonValue() : QJsonValue(Core::Json::isoUtc(when.value(0).toLongLong()))},
                       {QStringLiteral("scored"), when.value(1).toLongLong()},
                       {QStringLiteral("grid"), cells},
                       {QStringLiteral("groups"), list}};
}

Result<Page> SegmentService::rfmCustomers(const QString &r, const QString &f, const QString &group, const PageRequest &page)
{
    if (!group.isEmpty()) {
        if (!r.isEmpty() || !f.isEmpty()) return Error::validation(QStringLiteral("group"), QStringLiteral("Give a group or a cell (r and f), not both."));
        const auto *field = Core::Segments::Catalog::builtIn().find(QStringLiteral("rfm_group"));
        if (!field || !field->enumValues.contains(group))
            return Error::validation(QStringLiteral("group"), QStringLiteral("Unknown RFM group \"%1\".").arg(group.left(40)));
        return customerPage(QStringLiteral("customer_rfm"), QStringLiteral("m.grp = ?"), {group}, page);
    }
    bool rOk = false, fOk = false;
    const int rs = r.toInt(&rOk), fs = f.toInt(&fOk);
    if (!rOk || rs < 1 || rs > 5) return Error::validation(QStringLiteral("r"), QStringLiteral("r is the recency score, 1 to 5 (or give a group)."));
    if (!fOk || fs < 1 || fs > 5) return Error::validation(QStringLiteral("f"), QStringLiteral("f is the frequency score, 1 to 5."));
    return customerPage(QStringLiteral("customer_rfm"), QStringLiteral("m.r = ? AND m.f = ?"), {rs, fs}, page);
}

// --- audiences -----------------------------------------------------------------

Result<QJsonObject> SegmentService::createAudience(const Principal &who, const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto name = r.string(QStringLiteral("name"), true, 200);
    const auto tags = r.array(QStringLiteral("tags"), false, 50);
    const auto segmentId = r.integer(QStringLiteral("segment_id"), false, 1);
    const auto ruleJson = r.object(QStringLiteral("rule"));
    if (!segmentId && !ruleJson) r.fail(QStringLiteral("segment_id"), QStringLiteral("Give a segment or a rule to take the snapshot of."));
    if (segmentId && ruleJson) r.fail(QStringLiteral("rule"), QStringLiteral("Give a segment or a rule, not both."));
    if (auto done = r.finish(); !done) return done.error();
    QJsonObject ruleObject;
    if (segmentId) {
        auto s = get(*segmentId);
        if (!s) return s.error();
        ruleObject = s->value(QStringLiteral("rule")).toObject();
    } else {
        ruleObject = *ruleJson;
    }
    auto rule = parseRule(ruleObject);
    if (!rule) return rule.error();
    QVariantList binds;
    auto where = compileWhere(*rule, &binds);
    if (!where) return where.error();
    if (auto fresh = upToDate(); !fresh) return fresh.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql ins(*conn, QStringLiteral("INSERT INTO audiences (partner_id, name, tags, source_segment_id, rule, size, created_by, created_at) "
                                  "VALUES ((SELECT MIN(id) FROM partners), ?, ?, ?, ?, 0, ?, ?) RETURNING id"));
    ins.bind(name->trimmed()).bind(jsonString(tags.value_or(QJsonArray())))
        .bind(segmentId ? QVariant(*segmentId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(jsonString(rule->toJson())).bind(who.username).bind(now);
    auto id = ins.scalar();
    if (!id) return id.error();
    Sql members(*conn, QStringLiteral("INSERT INTO audience_members (audience_id, customer_id) SELECT ?, c.id FROM customers c WHERE ") + *where);
    members.bind(*id);
    for (const auto &b : binds) members.bind(b);
    if (auto e = members.exec(); !e) return e.error();
    Sql size(*conn, QStringLiteral("UPDATE audiences SET size = (SELECT COUNT(*) FROM audience_members WHERE audience_id = ?) WHERE id = ?"));
    size.bind(*id).bind(*id);
    if (auto e = size.exec(); !e) return e.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("audience.create"), QStringLiteral("audience"), id->toLongLong(), std::nullopt,
                               QJsonObject{{QStringLiteral("name"), *name}, {QStringLiteral("segment_id"), segmentId ? QJsonValue(*segmentId) : QJsonValue()}});
        !a)
        return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    return audience(id->toLongLong());
}

Result<QJsonObject> SegmentService::audience(qint64 id)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("SELECT a.id, a.name, a.tags, a.source_segment_id, s.name AS source_segment_name, a.rule, a.size, a.created_by, a.created_at "
                                "FROM audiences a LEFT JOIN segments s ON s.id = a.source_segment_id WHERE a.id = ?"));
    q.bind(id);
    if (auto r = q.exec(); !r) return r.error();
    if (!q.next()) return notFound(QStringLiteral("audience"), id);
    QJsonObject o = rowToJson(q.query());
    o.insert(QStringLiteral("tags"), QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array());
    o.insert(QStringLiteral("rule"), QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object());
    return o;
}

Result<Page> SegmentService::products(const QString &search, int limit)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    const QString contains = m_db.isSqlite() ? QStringLiteral("instr(ld_lower(%1), ?) > 0") : QStringLiteral("strpos(lower(%1), ?) > 0");
    QString sql = QStringLiteral("SELECT id, sku, name, category, brand, price FROM products");
    const QString needle = search.trimmed().toLower();
    if (!needle.isEmpty()) sql += QStringLiteral(" WHERE ") + contains.arg(QStringLiteral("name")) + QStringLiteral(" OR ") + contains.arg(QStringLiteral("sku"));
    Sql q(*conn, sql + QStringLiteral(" ORDER BY name, sku LIMIT ?"));
    if (!needle.isEmpty()) q.bind(needle).bind(needle);
    q.bind(limit);
    if (auto r = q.exec(); !r) return r.error();
    Page page;
    while (q.next())
        page.items.append(QJsonObject{{QStringLiteral("id"), q.value(0).toLongLong()},
                                      {QStringLiteral("sku"), q.value(1).toString()},
                                      {QStringLiteral("name"), q.value(2).toString()},
                                      {QStringLiteral("category"), q.value(3).toString()},
                                      {QStringLiteral("brand"), q.value(4).isNull() ? QJsonValue() : QJsonValue(q.value(4).toString())},
                                      {QStringLiteral("price"), q.value(5).toLongLong()}});
    return page;
}

Result<Page> SegmentService::productCategories(const QString &search, int limit)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    QString sql = QStringLiteral("SELECT category, COUNT(*) FROM products");
    const QString needle = search.trimmed().toLower();
    if (!needle.isEmpty()) sql += m_db.isSqlite() ? QStringLiteral(" WHERE instr(ld_lower(category), ?) > 0") : QStringLiteral(" WHERE strpos(lower(category), ?) > 0");
    Sql q(*conn, sql + QStringLiteral(" GROUP BY category ORDER BY category LIMIT ?"));
    if (!needle.isEmpty()) q.bind(needle);
    q.bind(limit);
    if (auto r = q.exec(); !r) return r.error();
    Page page;
    while (q.next())
        page.items.append(QJsonObject{{QStringLiteral("name"), q.value(0).toString()}, {QStringLiteral("products"), q.value(1).toLongLong()}});
    return page;
}

Result<Page> SegmentService::audiences(const PageRequest &page)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("SELECT id FROM audiences WHERE id < ? ORDER BY id DESC LIMIT ?"));
    q.bind(page.cursor ? page.cursor->at(0) : QVariant(std::numeric_limits<qint64>::max())).bind(page.limit + 1);
    auto ids = collectIds(q, page.limit);
    if (!ids) return ids.error();
    Page result;
    result.nextCursor = ids->second;
    for (qint64 id : ids->first) {
        auto a = audience(id);
        if (!a) return a.error();
        result.items.append(*a);
    }
    return result;
}

Result<void> SegmentService::removeAudience(const Principal &who, qint64 id)
{
    auto before = audience(id);
    if (!before) return before.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    Sql del(*conn, QStringLiteral("DELETE FROM audiences WHERE id = ?"));
    del.bind(id);
    if (auto r = del.exec(); !r) return r.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("audience.delete"), QStringLiteral("audience"), id, std::nullopt,
                               QJsonObject{{QStringLiteral("name"), before->value(QStringLiteral("name"))}, {QStringLiteral("size"), before->value(QStringLiteral("size"))}});
        !a)
        return a.error();
    return tx.commit();
}

Result<Page> SegmentService::audienceMembers(qint64 id, const PageRequest &page)
{
    if (auto a = audience(id); !a) return a.error();
    return memberPage(QStringLiteral("audience_members"), QStringLiteral("audience_id"), id, page);
}

}  // namespace LoyaltyDesk::Server
