#include "templates.h"

#include "audit.h"
#include "customers.h"
#include "fold.h"
#include "core/json.h"
#include "core/liquid/template.h"
#include "core/messages/content.h"
#include "core/messages/sms.h"
#include "storage/rows.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>

namespace LoyaltyDesk::Server {

using Core::ErrorKind;
namespace Msg = Core::Messages;

namespace {

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QString compact(const QJsonArray &a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)); }

Error notFound(qint64 id) { return Error::make(ErrorKind::NotFound, QStringLiteral("There is no template with id %1.").arg(id)); }

struct TemplateFields {
    std::optional<QString> channel, name, folder;
    std::optional<QJsonArray> tags;
    std::optional<QJsonObject> content;
};

Result<TemplateFields> readFields(const QJsonObject &body, bool creating, const QString &existingChannel)
{
    Core::Json::Reader r(body);
    TemplateFields f;
    f.channel = creating ? r.oneOf(QStringLiteral("channel"), Msg::channels(), true) : std::nullopt;
    if (!creating && body.contains(QStringLiteral("channel"))) r.fail(QStringLiteral("channel"), QStringLiteral("The channel of a template cannot change; duplicate it instead."));
    f.name = r.string(QStringLiteral("name"), creating, 200);
    f.folder = r.string(QStringLiteral("folder"), false, 200);
    f.tags = r.array(QStringLiteral("tags"), false, 50);
    const auto content = r.object(QStringLiteral("content"), creating);
    if (f.tags)
        for (const auto &t : *f.tags)
            if (!t.isString() || t.toString().isEmpty() || t.toString().size() > 50) r.fail(QStringLiteral("tags"), QStringLiteral("Tags are texts of 1 to 50 characters."));
    if (auto done = r.finish(); !done) return done.error();
    if (content) {
        auto checked = Msg::validateContent(creating ? *f.channel : existingChannel, *content);
        if (!checked) return checked.error();
        // Every part must at least parse; the editor shows where it does not.
        QList<Core::FieldError> errors;
        for (auto it = checked->begin(); it != checked->end(); ++it) {
            if (Msg::storedPartsOf(creating ? *f.channel : existingChannel).contains(it.key())) continue;  // the editor's design is never Liquid
            auto parsed = Core::Liquid::Template::parse(it->toString());
            if (!parsed) errors.append({QStringLiteral("content.") + it.key(), parsed.error().message});
        }
        if (!errors.isEmpty()) return Core::Json::validationError(errors);
        f.content = *checked;
    }
    return f;
}

}  // namespace

TemplateService::TemplateService(Database &db) : m_db(db) {}

Result<QJsonObject> TemplateService::templateIn(const QSqlDatabase &conn, qint64 id)
{
    Sql q(conn, QStringLiteral("SELECT id, channel, name, folder, tags, content, version, created_by, updated_by, created_at, updated_at FROM templates WHERE id = ?"));
    q.bind(id);
    if (auto r = q.exec(); !r) return r.error();
    if (!q.next()) return notFound(id);
    QJsonObject o = rowToJson(q.query());
    o.insert(QStringLiteral("tags"), QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array());
    o.insert(QStringLiteral("content"), QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object());
    return o;
}

Result<QJsonObject> TemplateService::get(qint64 id)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    return templateIn(*conn, id);
}

Result<Page> TemplateService::list(const QString &search, const QString &channel, const QString &folder, const QString &tag, const PageRequest &page)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    if (!channel.isEmpty() && !Msg::channels().contains(channel))
        return Error::validation(QStringLiteral("channel"), QStringLiteral("channel is one of: %1.").arg(Msg::channels().join(QStringLiteral(", "))));
    QString sql = QStringLiteral("SELECT id FROM templates WHERE id < ?");
    QVariantList binds{page.cursor ? page.cursor->at(0) : QVariant(std::numeric_limits<qint64>::max())};
    const QString find = m_db.isSqlite() ? QStringLiteral("instr(ld_lower(%1), ?) > 0") : QStringLiteral("strpos(lower(%1), ?) > 0");
    if (!search.trimmed().isEmpty()) {
        sql += QStringLiteral(" AND (") + find.arg(QStringLiteral("name")) + QStringLiteral(" OR ") + find.arg(QStringLiteral("content")) + u')';
        binds << search.trimmed().toLower() << search.trimmed().toLower();
    }
    if (!channel.isEmpty()) { sql += QStringLiteral(" AND channel = ?"); binds << channel; }
    if (!folder.isEmpty()) { sql += QStringLiteral(" AND folder = ?"); binds << folder; }
    if (!tag.isEmpty()) {
        sql += QStringLiteral(" AND ") + find.arg(QStringLiteral("tags"));
        binds << compact(QJsonArray{tag}).mid(1).chopped(1).toLower();  // the quoted tag as stored
    }
    Sql q(*conn, sql + QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    for (const auto &b : binds) q.bind(b);
    q.bind(page.limit + 1);
    auto ids = collectIds(q, page.limit);
    if (!ids) return ids.error();
    Page result;
    result.nextCursor = ids->second;
    for (qint64 id : ids->first) {
        auto t = templateIn(*conn, id);
        if (!t) return t.error();
        result.items.append(*t);
    }
    return result;
}

Result<QJsonObject> TemplateService::create(const Principal &who, const QJsonObject &body)
{
    auto f = readFields(body, true, {});
    if (!f) return f.error();
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql ins(*conn, QStringLiteral("INSERT INTO templates (partner_id, channel, name, folder, tags, content, version, created_by, updated_by, created_at, updated_at) "
                                  "VALUES ((SELECT MIN(id) FROM partners), ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id"));
    ins.bind(*f->channel).bind(f->name->trimmed()).bind(f->folder.value_or(QStringLiteral(""))).bind(compact(f->tags.value_or(QJsonArray())))
        .bind(compact(*f->content)).bind(who.username).bind(who.username).bind(now).bind(now);
    auto id = ins.scalar();
    if (!id) return id.error();
    Sql ver(*conn, QStringLiteral("INSERT INTO template_versions (template_id, version, name, content, author, created_at) VALUES (?, 1, ?, ?, ?, ?)"));
    ver.bind(*id).bind(f->name->trimmed()).bind(compact(*f->content)).bind(who.username).bind(now);
    if (auto r = ver.exec(); !r) return r.error();
    auto after = templateIn(*conn, id->toLongLong());
    if (!after) return after.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("template.create"), QStringLiteral("template"), id->toLongLong(), std::nullopt,
                               QJsonObject{{QStringLiteral("name"), *f->name}, {QStringLiteral("channel"), *f->channel}});
        !a)
        return a.error();
    if (auto c = tx.commit(); !c) return c.error();
    return after;
}

Result<QJsonObject> TemplateService::update(const Principal &who, qint64 id, const QJsonObject &body)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    auto before = templateIn(*conn, id);
    if (!before) return before.error();
    auto f = readFields(body, false, before->value(QStringLiteral("channel")).toString());
    if (!f) return f.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const bool newVersion = (f->content && *f->content != before->value(QStringLiteral("content")).toObject()) ||
                            (f->name && f->name->trimmed() != before->value(QStringLiteral("name")).toString());
    const qint64 version = before->value(QStringLiteral("version")).toInteger() + (newVersion ? 1 : 0);
    const QString name = f->name ? f->name->trimmed() : before->value(QStringLiteral("name")).toString();
    const QJsonObject content = f->content ? *f->content : before->value(QStringLiteral("content")).toObject();
    Sql up(*conn, QStringLiteral("UPDATE templates SET name = ?, folder = ?, tags = ?, content = ?, version = ?, updated_by = ?, updated_at = ? WHERE id = ?"));
    up.bind(name).bind(f->folder ? *f->folder : before->value(QStringLiteral("folder")).toString())
        .bind(compact(f->tags ? *f->tags : before->value(QStringLiteral("tags")).toArray())).bind(compact(content)).bind(version)
        .bind(who.username).bind(now).bind(id);
    if (auto r = up.exec(); !r) return r.error();
    if (newVersion) {
        Sql ver(*conn, QStringLiteral("INSERT INTO template_versions (template_id, version, name, content, author, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
        ver.bind(id).bind(version).bind(name).bind(compact(content)).bind(who.username).bind(now);
        if (auto r = ver.exec(); !r) return r.error();
    }
    auto after = templateIn(*conn, id);
    if (!after) return after.error();
    QJsonObject b = *before, a = *after;
    for (const char *k : {"updated_at", "updated_by", "version"}) {
        b.remove(QString::fromLatin1(k));
        a.remove(QString::fromLatin1(k));
    }
    const QJsonObject diff = Audit::diff(b, a);
    if (!diff.isEmpty())
        if (auto r = Audit::record(*conn, who, QStringLiteral("template.update"), QStringLiteral("template"), id, std::nullopt,
                                   QJsonObject{{QStringLiteral("version"), version}, {QStringLiteral("changes"), diff}});
            !r)
            return r.error();
    if (auto c = tx.commit(); !c) return c.error();
    return after;
}

Result<void> TemplateService::remove(const Principal &who, qint64 id)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Transaction tx(m_db, *conn, true);
    if (auto b = tx.begin(); !b) return b.error();
    auto before = templateIn(*conn, id);
    if (!before) return before.error();
    Sql del(*conn, QStringLiteral("DELETE FROM templates WHERE id = ?"));
    del.bind(id);
    if (auto r = del.exec(); !r) return r.error();
    if (auto a = Audit::record(*conn, who, QStringLiteral("template.delete"), QStringLiteral("template"), id, std::nullopt, *before); !a) return a.error();
    return tx.commit();
}

Result<QJsonObject> TemplateService::duplicate(const Principal &who, qint64 id)
{
    auto t = get(id);
    if (!t) return t.error();
    const QString name = t->value(QStringLiteral("name")).toString() + QStringLiteral(" (copy)");
    return create(who, QJsonObject{{QStringLiteral("channel"), t->value(QStringLiteral("channel"))}, {QStringLiteral("name"), name},
                                   {QStringLiteral("folder"), t->value(QStringLiteral("folder"))}, {QStringLiteral("tags"), t->value(QStringLiteral("tags"))},
                                   {QStringLiteral("content"), t->value(QStringLiteral("content"))}});
}

Result<Page> TemplateService::versions(qint64 id, const PageRequest &page)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    if (auto t = templateIn(*conn, id); !t) return t.error();
    Sql q(*conn, QStringLiteral("SELECT version, name, content, author, created_at FROM template_versions WHERE template_id = ? AND version < ? ORDER BY version DESC LIMIT ?"));
    q.bind(id).bind(page.cursor ? page.cursor->at(0) : QVariant(qint64(std::numeric_limits<int>::max()))).bind(page.limit + 1);
    return collectPage(q, page.limit, [](Sql &row) {
        QJsonObject o = rowToJson(row.query());
        o.insert(QStringLiteral("content"), QJsonDocument::fromJson(row.value(2).toString().toUtf8()).object());
        return o;
    });
}

Result<QJsonObject> TemplateService::restore(const Principal &who, qint64 id, qint64 version)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    Sql q(*conn, QStringLiteral("SELECT name, content FROM template_versions WHERE template_id = ? AND version = ?"));
    q.bind(id).bind(version);
    if (auto r = q.exec(); !r) return r.error();
    if (!q.next()) return Error::make(ErrorKind::NotFound, QStringLiteral("Template %1 has no version %2.").arg(id).arg(version));
    const QString name = q.value(0).toString();
    const QJsonObject content = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
    q.query().finish();
    // Restoring writes a new version with the old content: history only grows.
    return update(who, id, QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("content"), content}});
}

Result<QJsonObject> TemplateService::importHtml(const Principal &who, const QString &name, const QByteArray &bytes)
{
    const QString html = QString::fromUtf8(bytes);
    if (html.trimmed().isEmpty()) return Error::validation(QStringLiteral("body"), QStringLiteral("The HTML file is empty."));
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"), QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const auto m = title.match(html);
    const QString subject = m.hasMatch() && !m.captured(1).trimmed().isEmpty() ? m.captured(1).simplified() : name;
    return create(who, QJsonObject{{QStringLiteral("channel"), QStringLiteral("email")},
                                   {QStringLiteral("name"), name.isEmpty() ? subject : name},
                                   {QStringLiteral("content"), QJsonObject{{QStringLiteral("subject"), subject}, {QStringLiteral("html"), html}}}});
}

Result<Reply> TemplateService::exportTemplate(qint64 id)
{
    auto t = get(id);
    if (!t) return t.error();
    // A file for people: an e-mail as its HTML, other channels as the template's indented JSON.
    const bool email = t->value(QStringLiteral("channel")).toString() == QLatin1String("email");
    Reply r = email ? Reply::raw(t->value(QStringLiteral("content")).toObject().value(QStringLiteral("html")).toString().toUtf8(),
                                 "text/html; charset=utf-8")
                    : Reply::raw(QJsonDocument(*t).toJson(QJsonDocument::Indented), "application/json");
    const QString ext = email ? QStringLiteral("html") : QStringLiteral("json");
    r.headers.append({QByteArray("Content-Disposition"), QStringLiteral("attachment; filename=\"template-%1.%2\"").arg(id).arg(ext).toUtf8()});
    return r;
}

QJsonObject TemplateService::variables()
{
    auto v = [](const char *path, const char *type, const char *description, const QJsonValue &example) {
        return QJsonObject{{QStringLiteral("path"), QString::fromLatin1(path)}, {QStringLiteral("type"), QString::fromLatin1(type)},
                           {QStringLiteral("description"), QString::fromUtf8(description)}, {QStringLiteral("example"), example}};
    };
    const QJsonArray items{
        v("customer.first_name", "string", "First name", QStringLiteral("Анна")),
        v("customer.last_name", "string", "Last name", QStringLiteral("Смирнова")),
        v("customer.middle_name", "string", "Middle name", QStringLiteral("Петровна")),
        v("customer.full_name", "string", "First and last name", QStringLiteral("Анна Смирнова")),
        v("customer.gender", "string", "female or male", QStringLiteral("female")),
        v("customer.birth_date", "date", "Birth date", QStringLiteral("1990-05-17")),
        v("customer.age", "number", "Age in full years", 35),
        v("customer.city", "string", "City", QStringLiteral("Москва")),
        v("customer.address", "string", "Address", QStringLiteral("ул. Тверская, 1")),
        v("customer.time_zone", "string", "IANA time zone", QStringLiteral("Europe/Moscow")),
        v("customer.custom", "object", "Custom attributes (also available as customer.<name>)", QJsonObject{}),
        v("customer.orders_count", "number", "Orders", 12),
        v("customer.revenue", "money", "Revenue in minor units (use | money)", 1234550),
        v("customer.average_order_value", "money", "Average order in minor units", 102879),
        v("customer.days_since_last_purchase", "number", "Days since the last purchase", 14),
        v("contacts.phone", "string", "Primary phone, E.164 (use | phone)", QStringLiteral("+79161234567")),
        v("contacts.email", "string", "Primary e-mail", QStringLiteral("anna@example.com")),
        v("balance.active", "number", "Active points", 450),
        v("balance.pending", "number", "Pending points", 120),
        v("balance.expiring_soon", "number", "Points expiring in 30 days", 50),
        v("balance.activating_soon", "number", "Points activating in 30 days", 120),
        v("tier.name", "string", "Status tier", QStringLiteral("Gold")),
        v("tier.code", "string", "Status tier code", QStringLiteral("gold")),
        v("rfm.group", "string", "RFM group", QStringLiteral("loyal")),
        v("last_receipt.purchased_at", "datetime", "Time of the last purchase (use | date)", QStringLiteral("2025-06-01T10:15:00Z")),
        v("last_receipt.total", "money", "Total of the last purchase", 459000),
        v("last_receipt.pos", "string", "Store of the last purchase", QStringLiteral("ТЦ Авиапарк")),
        v("last_receipt.lines", "list", "Lines: name, sku, category, quantity, price, amount", QJsonArray{}),
        v("receipts", "list", "The five latest purchases", QJsonArray{}),
        v("events", "list", "The ten latest events: type, occurred_at, properties", QJsonArray{}),
        v("viewed_products", "list", "Products viewed lately: sku, name, category, price", QJsonArray{}),
        v("cart", "list", "The abandoned cart: sku, name, category, price", QJsonArray{}),
        v("favorite_products", "list", "Favourite products: sku, name, category, price", QJsonArray{}),
        v("coupons", "list", "Active coupons: code, offer, expires_at", QJsonArray{}),
        v("campaign.id", "number", "The campaign sending the message", 1),
        v("campaign.name", "string", "The campaign's name", QStringLiteral("Birthday")),
        v("unsubscribe_url", "string", "Link that unsubscribes from this channel", QStringLiteral("https://…/u/…")),
        v("view_in_browser_url", "string", "Link to the message in a browser", QStringLiteral("https://…/m/…")),
        v("now", "datetime", "The time of sending", QStringLiteral("2025-06-15T12:00:00Z")),
    };
    const QJsonArray filters{QStringLiteral("money"), QStringLiteral("plural"), QStringLiteral("phone"), QStringLiteral("date"), QStringLiteral("default"),
                             QStringLiteral("upcase"), QStringLiteral("capitalize"), QStringLiteral("truncate"), QStringLiteral("escape"), QStringLiteral("url_encode")};
    return QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("filters"), filters}};
}

QJsonObject TemplateService::sampleData()
{
    QJsonObject data;
    for (const auto &item : variables().value(QStringLiteral("items")).toArray()) {
        const QStringList path = item.toObject().value(QStringLiteral("path")).toString().split(u'.');
        const QJsonValue example = item.toObject().value(QStringLiteral("example"));
        if (path.size() == 1) data.insert(path[0], example);
        else {
            QJsonObject inner = data.value(path[0]).toObject();
            inner.insert(path[1], example);
            data.insert(path[0], inner);
        }
    }
    return data;
}

Result<QJsonObject> TemplateService::customerData(qint64 customerId)
{
    auto conn = m_db.connection();
    if (!conn) return conn.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Sql c(*conn, QStringLiteral("SELECT c.id, c.first_name, c.last_name, c.middle_name, c.gender, c.birth_date, c.city, c.address, c.time_zone, c.source, "
                                "c.custom_attributes, ") + MetricsFold::orders(QStringLiteral("c")) + QStringLiteral(", ") +
                        MetricsFold::revenue(QStringLiteral("c")) + QStringLiteral(", ") + MetricsFold::lastPurchase(QStringLiteral("c")) +
                        QStringLiteral(", t.code, t.name, x.grp, x.r, x.f, x.m "
                                "FROM customers c LEFT JOIN status_tiers t ON t.id = c.tier_id LEFT JOIN customer_rfm x ON x.customer_id = c.id WHERE c.id = ?"));
    c.bind(customerId);
    if (auto r = c.exec(); !r) return r.error();
    if (!c.next()) return Error::make(ErrorKind::NotFound, QStringLiteral("There is no customer with id %1.").arg(customerId));
    auto text = [&](int i) { return c.value(i).isNull() ? QJsonValue() : QJsonValue(c.value(i).toString()); };
    const QJsonObject custom = QJsonDocument::fromJson(c.value(10).toString().toUtf8()).object();
    QJsonObject customer;
    for (auto it = custom.begin(); it != custom.end(); ++it) customer.insert(it.key(), *it);
    const char *names[] = {"id", "first_name", "last_name", "middle_name", "gender", "birth_date", "city", "address", "time_zone", "source"};
    for (int i = 0; i < 10; ++i) customer.insert(QString::fromLatin1(names[i]), i == 0 ? QJsonValue(c.value(0).toLongLong()) : text(i));
    customer.insert(QStringLiteral("full_name"), QStringList{c.value(1).toString(), c.value(2).toString()}.join(u' ').trimmed());
    customer.insert(QStringLiteral("custom"), custom);
    const qint64 orders = c.value(11).toLongLong(), revenue = c.value(12).toLongLong();
    customer.insert(QStringLiteral("orders_count"), orders);
    customer.insert(QStringLiteral("revenue"), revenue);
    customer.insert(QStringLiteral("average_order_value"), orders ? revenue / orders : 0);
    customer.insert(QStringLiteral("days_since_last_purchase"), c.value(13).isNull() ? QJsonValue() : QJsonValue((now - c.value(13).toLongLong()) / 86400));
    if (!c.value(5).isNull()) {
        const QDate birth = QDate::fromString(c.value(5).toString(), Qt::ISODate), today = QDateTime::currentDateTimeUtc().date();
        int age = today.year() - birth.year();
        if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day())) --age;
        customer.insert(QStringLiteral("age"), age);
    }
    QJsonObject data{{QStringLiteral("customer"), customer},
                     {QStringLiteral("tier"), c.value(14).isNull() ? QJsonValue() : QJsonValue(QJsonObject{{QStringLiteral("code"), text(14)}, {QStringLiteral("name"), text(15)}})},
                     {QStringLiteral("rfm"), c.value(16).isNull() ? QJsonValue() : QJsonValue(QJsonObject{{QStringLiteral("group"), text(16)}, {QStringLiteral("r"), c.value(17).toInt()},
                                                                                                         {QStringLiteral("f"), c.value(18).toInt()}, {QStringLiteral("m"), c.value(19).toInt()}})}};
    c.query().finish();

    auto rows = [&](const QString &sql, const QVariantList &binds) -> Result<QJsonArray> {
        Sql q(*conn, sql);
        for (const auto &b : binds) q.bind(b);
        if (auto r = q.exec(); !r) return r.error();
        QJsonArray out;
        while (q.next()) out.append(rowToJson(q.query()));
        return out;
    };
    auto contacts = rows(QStringLiteral("SELECT kind, value FROM contacts WHERE customer_id = ? AND valid = 1 ORDER BY is_primary DESC, id"), {customerId});
    if (!contacts) return contacts.error();
    QJsonObject contactObject;
    for (const auto &x : *contacts) {
        const QString kind = x.toObject().value(QStringLiteral("kind")).toString();
        if (!contactObject.contains(kind)) contactObject.insert(kind, x.toObject().value(QStringLiteral("value")));
    }
    data.insert(QStringLiteral("contacts"), contactObject);
    Sql bal(*conn, QStringLiteral("SELECT CAST(COALESCE(SUM(") + MetricsFold::activeBalance(QStringLiteral("a")) + QStringLiteral("), 0) AS BIGINT), CAST(COALESCE(SUM(") +
                       MetricsFold::pendingBalance(QStringLiteral("a")) + QStringLiteral("), 0) AS BIGINT) FROM bonus_accounts a WHERE a.id IN ") +
                       CustomerService::accountsOf());
    bal.bind(customerId);
    if (auto r = bal.exec(); !r) return r.error();
    bal.next();
    QJsonObject balance{{QStringLiteral("active"), bal.value(0).toLongLong()}, {QStringLiteral("pending"), bal.value(1).toLongLong()}};
    bal.query().finish();
    Sql soon(*conn, QStringLiteral("SELECT COALESCE(SUM(CASE WHEN status = 'active' AND expires_at BETWEEN ? AND ? THEN amount ELSE 0 END), 0), "
                                   "COALESCE(SUM(CASE WHEN status = 'pending' AND activates_at BETWEEN ? AND ? THEN amount ELSE 0 END), 0) FROM ") +
                        MetricsFold::ledgerOf(CustomerService::accountsOf()) + QStringLiteral(" AS l"));
    soon.bind(now).bind(now + 30 * 86400).bind(now).bind(now + 30 * 86400).bind(customerId).bind(customerId);
    if (auto r = soon.exec(); !r) return r.error();
    soon.next();
    balance.insert(QStringLiteral("expiring_soon"), soon.value(0).toLongLong());
    balance.insert(QStringLiteral("activating_soon"), soon.value(1).toLongLong());
    soon.query().finish();
    data.insert(QStringLiteral("balance"), balance);

    auto receipts = rows(QStringLiteral("SELECT id, cheque_number, pos, purchased_at, status, total, discount FROM receipts WHERE customer_id = ? "
                                        "ORDER BY purchased_at DESC, id DESC LIMIT 5"), {customerId});
    if (!receipts) return receipts.error();
    data.insert(QStringLiteral("receipts"), *receipts);
    if (!receipts->isEmpty()) {
        QJsonObject last = receipts->at(0).toObject();
        auto lines = rows(QStringLiteral("SELECT name, sku, category, quantity, price, discount, amount FROM receipt_lines WHERE receipt_id = ? ORDER BY line_no"),
                          {last.value(QStringLiteral("id")).toInteger()});
        if (!lines) return lines.error();
        last.insert(QStringLiteral("lines"), *lines);
        data.insert(QStringLiteral("last_receipt"), last);
    }
    auto events = rows(QStringLiteral("SELECT type, properties, occurred_at FROM events WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 10"), {customerId});
    if (!events) return events.error();
    data.insert(QStringLiteral("events"), *events);
    const QString product = QStringLiteral("SELECT p.sku, p.name, p.category, p.price FROM products p WHERE p.sku = ?");
    auto productList = [&](const QStringList &skus) -> Result<QJsonArray> {
        QJsonArray out;
        for (const QString &sku : skus) {
            auto p = rows(product, {sku});
            if (!p) return p.error();
            if (!p->isEmpty()) out.append(p->at(0));
        }
        return out;
    };
    QStringList viewed, cart;
    for (const auto &e : *events) {
        const QJsonObject o = e.toObject();
        const QJsonObject props = o.value(QStringLiteral("properties")).toObject();
        if (o.value(QStringLiteral("type")).toString() == QLatin1String("product_view") && viewed.size() < 6 && !viewed.contains(props.value(QStringLiteral("sku")).toString()))
            viewed << props.value(QStringLiteral("sku")).toString();
        if (o.value(QStringLiteral("type")).toString() == QLatin1String("abandoned_cart") && cart.isEmpty())
            for (const auto &s : props.value(QStringLiteral("items")).toArray()) cart << s.toString();
    }
    auto viewedProducts = productList(viewed);
    if (!viewedProducts) return viewedProducts.error();
    data.insert(QStringLiteral("viewed_products"), *viewedProducts);
    auto cartProducts = productList(cart);
    if (!cartProducts) return cartProducts.error();
    data.insert(QStringLiteral("cart"), *cartProducts);
    auto favorites = rows(QStringLiteral("SELECT p.sku, p.name, p.category, p.price FROM favorite_products f JOIN products p ON p.id = f.product_id "
                                         "WHERE f.customer_id = ? ORDER BY f.added_at DESC LIMIT 12"), {customerId});
    if (!favorites) return favorites.error();
    data.insert(QStringLiteral("favorite_products"), *favorites);
    auto coupons = rows(QStringLiteral("SELECT code, offer, expires_at FROM coupons WHERE customer_id = ? AND redeemed_at IS NULL "
                                       "AND (expires_at IS NULL OR expires_at > ?) ORDER BY issued_at DESC LIMIT 10"), {customerId, now});
    if (!coupons) return coupons.error();
    data.insert(QStringLiteral("coupons"), *coupons);
    data.insert(QStringLiteral("campaign"), QJsonObject{{QStringLiteral("id"), QJsonValue()}, {QStringLiteral("name"), QStringLiteral("Preview")}});
    // Real sends put signed links here; a preview shows where they will be.
    data.insert(QStringLiteral("unsubscribe_url"), QStringLiteral("https://loyaltydesk.example/u/preview-%1").arg(customerId));
    data.insert(QStringLiteral("view_in_browser_url"), QStringLiteral("https://loyaltydesk.example/m/preview-%1").arg(customerId));
    data.insert(QStringLiteral("now"), Core::Json::isoUtc(now));
    return data;
}

Result<QJsonObject> TemplateService::render(const QJsonObject &body)
{
    Core::Json::Reader r(body);
    const auto templateId = r.integer(QStringLiteral("template_id"), false, 1);
    const auto channelGiven = r.oneOf(QStringLiteral("channel"), Msg::channels());
    const auto contentGiven = r.object(QStringLiteral("content"));
    const auto customerId = r.integer(QStringLiteral("customer_id"), false, 1);
    const auto sample = r.object(QStringLiteral("data"));
    const auto strict = r.boolean(QStringLiteral("strict"));
    if (!templateId && !(channelGiven && contentGiven)) r.fail(QStringLiteral("template_id"), QStringLiteral("Give a template_id, or a channel and its content."));
    if (customerId && sample) r.fail(QStringLiteral("data"), QStringLiteral("Give a customer_id or sample data, not both."));
    if (auto done = r.finish(); !done) return done.error();
    QString channel;
    QJsonObject content;
    if (templateId) {
        auto t = get(*templateId);
        if (!t) return t.error();
        channel = t->value(QStringLiteral("channel")).toString();
        content = t->value(QStringLiteral("content")).toObject();
    } else {
        channel = *channelGiven;
        auto checked = Msg::validateContent(channel, *contentGiven);
        if (!checked) return checked.error();
        content = *checked;
    }
    QJsonObject data = sample.value_or(QJsonObject());
    if (customerId) {
        auto d = customerData(*customerId);
        if (!d) return d.error();
        data = *d;
    }
    Core::Liquid::RenderOptions options;
    options.strict = strict.value_or(false);
    const QString zone = data.value(QStringLiteral("customer")).toObject().value(QStringLiteral("time_zone")).toString();
    if (!zone.isEmpty() && QTimeZone(zone.toLatin1()).isValid()) options.timeZone = QTimeZone(zone.toLatin1());
    const Core::Liquid::Value value = Core::Liquid::Value::fromJson(data);
    QJsonObject parts;
    QJsonArray errors, warnings;
    for (const QString &part : Msg::partsOf(channel)) {
        if (!content.contains(part)) continue;
        auto parsed = Core::Liquid::Template::parse(content.value(part).toString());
        auto report = [&](QJsonArray &into, const Error &e) {
            const auto d = Core::Liquid::diagnosticOf(e);
            into.append(QJsonObject{{QStringLiteral("part"), part}, {QStringLiteral("line"), d ? d->line : 0}, {QStringLiteral("column"), d ? d->column : 0},
                                    {QStringLiteral("message"), d ? d->message : e.message}});
        };
        if (!parsed) {
            report(errors, parsed.error());
            continue;
        }
        options.escaping = Msg::isHtmlPart(channel, part) ? Core::Liquid::Escaping::Html : Core::Liquid::Escaping::Plain;
        auto out = parsed->render(value, options);
        if (!out) {
            report(errors, out.error());
            continue;
        }
        for (const auto &w : out->warnings)
            warnings.append(QJsonObject{{QStringLiteral("part"), part}, {QStringLiteral("line"), w.line}, {QStringLiteral("column"), w.column}, {QStringLiteral("message"), w.message}});
        parts.insert(part, out->text);
    }
    // The plain-text part of an e-mail comes from its HTML unless the template has one.
    if (channel == QLatin1String("email") && !content.contains(QStringLiteral("text")) && parts.contains(QStringLiteral("html")))
        parts.insert(QStringLiteral("text"), Msg::htmlToText(parts.value(QStringLiteral("html")).toString()));
    QJsonObject result{{QStringLiteral("channel"), channel}, {QStringLiteral("parts"), parts}, {QStringLiteral("errors"), errors},
                       {QStringLiteral("warnings"), warnings}, {QStringLiteral("ok"), errors.isEmpty()}};
    const QString smsText = channel == QLatin1String("sms") || channel == QLatin1String("messenger") ? parts.value(QStringLiteral("text")).toString() : QString();
    if (channel == QLatin1String("sms")) {
        const auto count = Msg::countSms(smsText);
        result.insert(QStringLiteral("sms"), QJsonObject{{QStringLiteral("encoding"), count.encoding}, {QStringLiteral("length"), count.units},
                                                         {QStringLiteral("segments"), count.segments}, {QStringLiteral("per_segment"), count.perSegment},
                                                         {QStringLiteral("remaining"), count.remaining}});
    }
    return result;
}

}  // namespace LoyaltyDesk::Server
