#include "csvio.h"

#include "context.h"
#include "core/email.h"
#include "core/json.h"
#include "customers.h"
#include "ingest.h"
#include "storage/bulkinsert.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace LoyaltyDesk::Server {

namespace Csv {

Reader::Reader(const QByteArray &data, QChar delimiter) : m_delimiter(delimiter) {
    m_text = QString::fromUtf8(data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data);
    if (m_delimiter.isNull()) {
        // The header line decides: the candidate seen most often outside quotes.
        int counts[3] = {0, 0, 0};
        const QChar candidates[3] = {u',', u';', u'\t'};
        bool quoted = false;
        for (QChar c : m_text) {
            if (c == u'"')
                quoted = !quoted;
            else if (!quoted && (c == u'\n' || c == u'\r'))
                break;
            else if (!quoted)
                for (int i = 0; i < 3; ++i)
                    if (c == candidates[i]) ++counts[i];
        }
        int best = 0;
        for (int i = 1; i < 3; ++i)
            if (counts[i] > counts[best]) best = i;
        m_delimiter = candidates[best];
    }
}

bool Reader::next(Record &record) {
    for (;;) {
        if (m_pos >= m_text.size()) return false;
        record = Record{};
        record.line = m_line;
        const qsizetype start = m_pos;
        QString current;
        bool inQuotes = false, fieldQuoted = false, ended = false;
        while (!ended) {
            if (m_pos >= m_text.size()) {
                if (inQuotes) {
                    record.error =
                        QStringLiteral("A quoted field opened on this line is never closed.");
                    record.fields.clear();
                    // Spoil only this record: carry on from the line after its start.
                    const qsizetype eol = m_text.indexOf(u'\n', start);
                    m_pos = eol < 0 ? m_text.size() : eol + 1;
                    m_line = record.line + 1;
                    return true;
                }
                break;
            }
            const QChar c = m_text.at(m_pos);
            if (inQuotes) {
                if (c == u'"') {
                    if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'"') {
                        current += u'"';
                        m_pos += 2;
                        continue;
                    }
                    inQuotes = false;
                } else {
                    if (c == u'\n') ++m_line;
                    current += c;
                }
                ++m_pos;
                continue;
            }
            if (c == u'"' && current.isEmpty() && !fieldQuoted) {
                inQuotes = fieldQuoted = true;
            } else if (c == m_delimiter) {
                record.fields << current;
                current.clear();
                fieldQuoted = false;
            } else if (c == u'\r' || c == u'\n') {
                if (c == u'\r' && m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'\n')
                    ++m_pos;
                ++m_line;
                ended = true;
            } else {
                current += c;
            }
            ++m_pos;
        }
        record.fields << current;
        // Blank lines carry no record.
        if (record.fields.size() == 1 && record.fields.first().isEmpty() && !fieldQuoted) continue;
        return true;
    }
}

QString field(const QString &value, QChar delimiter) {
    if (!value.contains(delimiter) && !value.contains(u'"') && !value.contains(u'\n') &&
        !value.contains(u'\r') && !value.startsWith(u' ') && !value.endsWith(u' '))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString line(const QStringList &values, QChar delimiter) {
    QString s;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i) s += delimiter;
        s += field(values.at(i), delimiter);
    }
    return s + QStringLiteral("\r\n");
}

}  // namespace Csv

namespace {

const Principal kImporter{0, QStringLiteral("import"), {}, {}};
const QStringList kSubscriptionColumns =
    columnList("subscribed_email, subscribed_sms, subscribed_push, subscribed_messenger");

QString sentence(const Error &e) {
    if (e.fields.isEmpty()) return e.message;
    QStringList parts;
    for (const auto &f : e.fields)
        parts << (f.field.isEmpty() ? f.message : f.field + QStringLiteral(": ") + f.message);
    return parts.join(QStringLiteral("; "));
}

std::optional<bool> parseBool(const QString &text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("1") || t == QLatin1String("true") || t == QLatin1String("yes") ||
        t == QString::fromUtf8("да"))
        return true;
    if (t == QLatin1String("0") || t == QLatin1String("false") || t == QLatin1String("no") ||
        t == QString::fromUtf8("нет"))
        return false;
    return std::nullopt;
}

// A cell as the JSON value the API would receive; an error sentence when it cannot be.
Result<QJsonValue> customerCell(const QString &column, const QString &text) {
    if (column == QLatin1String("id")) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id < 1)
            return Error::validation(
                column, QStringLiteral("Must be a customer id (a positive whole number)."));
        return QJsonValue(id);
    }
    if (kSubscriptionColumns.contains(column)) {
        const auto b = parseBool(text);
        if (!b)
            return Error::validation(column,
                                     QStringLiteral("Must be 1 or 0 (true/false, yes/no)."));
        return QJsonValue(*b);
    }
    if (column == QLatin1String("preferred_categories") && !text.trimmed().startsWith(u'[')) {
        QJsonArray list;
        for (const QString &part : text.split(u'|', Qt::SkipEmptyParts))
            list.append(part.trimmed());
        return QJsonValue(list);
    }
    if (column == QLatin1String("preferred_categories") || column == QLatin1String("children") ||
        column == QLatin1String("pets") || column == QLatin1String("custom_attributes")) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return Error::validation(
                column, QStringLiteral("Is not valid JSON (%1).").arg(error.errorString()));
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    return QJsonValue(text);
}

class Report final {
public:
    explicit Report(const QString &path) : m_file(path) {}
    bool open() {
        if (m_file.fileName().isEmpty()) return true;
        if (!m_file.open(QIODevice::WriteOnly)) return false;
        write(columnList("line, external_id, status, reason"));
        return true;
    }
    void add(qint64 line, const QString &externalId, const QString &status, const QString &reason) {
        write({QString::number(line), externalId, status, reason});
    }
    Result<void> commit() {
        if (m_file.fileName().isEmpty()) return {};
        if (!m_file.commit())
            return Error::make(Core::ErrorKind::Internal,
                               QStringLiteral("Cannot write the report %1: %2")
                                   .arg(m_file.fileName(), m_file.errorString()));
        return {};
    }

private:
    void write(const QStringList &values) {
        if (m_file.isOpen()) m_file.write(Csv::line(values).toUtf8());
    }
    QSaveFile m_file;
};

// The export's view of one customer, or of all of them (id = 0), in customerColumns() order.
QString customerSelect(bool one) {
    QString sql = QStringLiteral(
        "SELECT c.id, c.external_id, c.first_name, c.last_name, c.middle_name, c.gender, "
        "c.birth_date, c.address, c.city, c.time_zone, "
        "c.source, t.code, "
        "(SELECT raw_value FROM contacts WHERE customer_id = c.id AND kind = 'phone' AND "
        "is_primary = 1 ORDER BY id LIMIT 1), "
        "(SELECT raw_value FROM contacts WHERE customer_id = c.id AND kind = 'email' AND "
        "is_primary = 1 ORDER BY id LIMIT 1), "
        "c.preferred_categories, c.children, c.pets, c.custom_attributes");
    for (const QString &column : kSubscriptionColumns)
        sql += QStringLiteral(
                   ", (SELECT subscribed FROM subscriptions WHERE customer_id = c.id AND channel = "
                   "'%1')")
                   .arg(column.mid(11));
    sql += QStringLiteral(" FROM customers c LEFT JOIN status_tiers t ON t.id = c.tier_id");
    sql += one ? QStringLiteral(" WHERE c.id = ?") : QStringLiteral(" ORDER BY c.id");
    return sql;
}

QStringList cells(const Sql &q, int count) {
    QStringList row;
    for (int i = 0; i < count; ++i) {
        const QVariant v = q.value(i);
        row << (v.isNull() ? QString() : v.toString());
    }
    return row;
}

struct Header {
    QStringList columns;
    QString problem;  // unknown or repeated columns: every row is rejected with it
};

Header readHeader(const Csv::Record &record, const QStringList &known) {
    Header h;
    QStringList unknown, repeated;
    for (const QString &raw : record.fields) {
        const QString column = raw.trimmed().toLower();
        if (!known.contains(column))
            unknown << (raw.isEmpty() ? QStringLiteral("(empty)") : raw);
        else if (h.columns.contains(column))
            repeated << column;
        h.columns << column;
    }
    if (!record.error.isEmpty())
        h.problem = QStringLiteral("The header cannot be read: ") + record.error;
    else if (!unknown.isEmpty())
        h.problem = QStringLiteral("Unknown column(s) in the header: %1. Known columns: %2.")
                        .arg(unknown.join(QStringLiteral(", ")), known.join(QStringLiteral(", ")));
    else if (!repeated.isEmpty())
        h.problem = QStringLiteral("Repeated column(s) in the header: %1.")
                        .arg(repeated.join(QStringLiteral(", ")));
    return h;
}

// Why a record cannot be used at all, before its values are looked at.
QString recordProblem(const Csv::Record &record, const Header &header) {
    if (!record.error.isEmpty()) return record.error;
    if (!header.problem.isEmpty()) return header.problem;
    if (record.fields.size() > header.columns.size())
        return QStringLiteral(
                   "Has %1 values but the header names %2 columns: the extra values belong to no "
                   "column.")
            .arg(record.fields.size())
            .arg(header.columns.size());
    if (record.fields.size() < header.columns.size())
        return QStringLiteral("Has %1 values but the header names %2 columns.")
            .arg(record.fields.size())
            .arg(header.columns.size());
    return {};
}

QJsonValue numberOrText(const QString &text, bool fractional) {
    bool ok = false;
    if (fractional) {
        const double d = text.toDouble(&ok);
        if (ok) return d;
    } else {
        const qint64 n = text.toLongLong(&ok);
        if (ok) return n;
    }
    return text;  // IngestService says what is wrong with it
}

}  // namespace

CsvService::CsvService(ServerContext &ctx) : m_ctx(ctx) {}

const QStringList &CsvService::customerColumns() {
    static const QStringList columns =
        columnList(
            "id, external_id, first_name, last_name, middle_name, gender, birth_date, address, "
            "city, time_zone, source, tier, phone, email, preferred_categories, children, pets, "
            "custom_attributes") +
        kSubscriptionColumns;
    return columns;
}

const QStringList &CsvService::receiptColumns() {
    static const QStringList columns = columnList(
        "external_id, customer_id, customer_external_id, card_number, phone, email, pos, "
        "cheque_number, purchased_at, status, total, discount, bonus_accrued, bonus_spent, "
        "currency, sku, name, category, quantity, price, line_discount, amount, offer");
    return columns;
}

Result<CsvImportSummary> CsvService::import(const CsvImportOptions &options) {
    const bool customers = options.type == QLatin1String("customers");
    if (!customers && options.type != QLatin1String("receipts"))
        return Error::validation(QStringLiteral("type"),
                                 QStringLiteral("The type must be customers or receipts."));
    QFile file(options.file);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(
            Core::ErrorKind::NotFound,
            QStringLiteral("Cannot read %1: %2").arg(options.file, file.errorString()));
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error::make(
            Core::ErrorKind::Internal,
            QStringLiteral("Cannot read %1: %2").arg(options.file, file.errorString()));
    Report report(options.reportFile);
    if (!report.open())
        return Error::make(Core::ErrorKind::Internal,
                           QStringLiteral("Cannot write the report %1.").arg(options.reportFile));

    Csv::Reader reader(data, options.delimiter);
    CsvImportSummary summary;
    summary.delimiter =
        reader.delimiter() == u'\t' ? QStringLiteral("tab") : QString(reader.delimiter());
    Csv::Record record;
    if (!reader.next(record)) {
        if (auto r = report.commit(); !r) return r.error();
        return summary;  // an empty file: nothing to do
    }
    const Header header = readHeader(record, customers ? customerColumns() : receiptColumns());
    if (!header.problem.isEmpty())
        report.add(record.line, {}, QStringLiteral("error"), header.problem);
    auto reject = [&](qint64 line, const QString &externalId, const QString &reason) {
        report.add(line, externalId, QStringLiteral("rejected"), reason);
        ++summary.rejected;
    };
    auto cell = [&](const Csv::Record &r, const QString &column) {
        const qsizetype i = header.columns.indexOf(column);
        return (i < 0 || i >= r.fields.size()) ? QString() : r.fields.at(i).trimmed();
    };

    // The next record of the right shape; the others are rejected on the way.
    auto nextRow = [&](QString &externalId) {
        while (reader.next(record)) {
            ++summary.read;
            externalId = cell(record, QStringLiteral("external_id"));
            if (const QString problem = recordProblem(record, header); problem.isEmpty())
                return true;
            else
                reject(record.line, externalId, problem);
        }
        return false;
    };

    if (customers) {
        auto conn = m_ctx.db.connection();
        if (!conn) return conn.error();
        Sql byExternal(
            *conn,
            QStringLiteral("SELECT id FROM customers WHERE external_id = ? ORDER BY id LIMIT 1"));
        Sql byId(*conn, QStringLiteral("SELECT id FROM customers WHERE id = ?"));
        Sql current(*conn, customerSelect(true));
        QString externalId;
        while (nextRow(externalId)) {
            QJsonObject body;
            QList<Core::FieldError> errors;
            std::optional<qint64> givenId;
            QHash<QString, QJsonValue> given;
            for (qsizetype i = 0; i < header.columns.size(); ++i) {
                const QString &column = header.columns.at(i);
                const QString text = record.fields.at(i);  // as given: raw values are kept
                if (text.trimmed().isEmpty()) continue;
                auto value = customerCell(column, text);
                if (!value) {
                    errors << value.error().fields;
                    continue;
                }
                given.insert(column, *value);
                if (column == QLatin1String("id"))
                    givenId = value->toInteger();
                else if (kSubscriptionColumns.contains(column)) {
                    QJsonObject subs = body.value(QStringLiteral("subscriptions")).toObject();
                    subs.insert(column.mid(11), *value);
                    body.insert(QStringLiteral("subscriptions"), subs);
                } else
                    body.insert(column, *value);
            }
            if (!errors.isEmpty()) {
                reject(record.line, externalId, sentence(Core::Json::validationError(errors)));
                continue;
            }
            auto changes = Core::CustomerChanges::fromJson(body);
            if (!changes) {
                reject(record.line, externalId, sentence(changes.error()));
                continue;
            }
            // Which customer: external_id first, then id.
            std::optional<qint64> target;
            Sql &find = externalId.isEmpty() ? byId : byExternal;
            if (externalId.isEmpty() && !givenId) {
                reject(
                    record.line, externalId,
                    QStringLiteral(
                        "external_id: Give an external id (or the id of an existing customer)."));
                continue;
            }
            find.bind(externalId.isEmpty() ? QVariant(*givenId) : QVariant(externalId));
            auto found = find.scalar();
            if (!found) return found.error();
            if (found->isValid())
                target = found->toLongLong();
            else if (externalId.isEmpty()) {
                reject(
                    record.line, externalId,
                    QStringLiteral(
                        "id: There is no customer with id %1; give an external_id to create one.")
                        .arg(*givenId));
                continue;
            }
            Result<QJsonObject> written = QJsonObject{};
            if (target) {
                current.bind(*target);
                if (auto r = current.exec(); !r) return r.error();
                bool same = current.next();
                if (same) {
                    const QStringList now = cells(current, int(customerColumns().size()));
                    for (auto it = given.cbegin(); it != given.cend() && same; ++it) {
                        if (it.key() == QLatin1String("id")) continue;
                        const QString old = now.at(customerColumns().indexOf(it.key()));
                        if (old.isEmpty()) {
                            same = false;
                            break;
                        }
                        auto oldValue = customerCell(it.key(), old);
                        same = oldValue && *oldValue == *it;
                    }
                }
                current.query().finish();
                if (same) {
                    ++summary.unchanged;
                    continue;
                }
                written = m_ctx.customers->update(kImporter, *target, *changes);
            } else {
                written = m_ctx.customers->create(kImporter, *changes);
            }
            if (!written) {
                reject(record.line, externalId, sentence(written.error()));
                continue;
            }
            ++(target ? summary.updated : summary.imported);
            // Stored, but flagged: say so.
            if (changes->phone && *changes->phone) {
                const Core::PhoneInfo p = m_ctx.phones.normalize(**changes->phone);
                if (!p.valid) {
                    report.add(record.line, externalId, QStringLiteral("warning"),
                               QStringLiteral("phone: %1 Stored as given and flagged as not valid.")
                                   .arg(p.error));
                    ++summary.warnings;
                }
            }
            if (changes->email && *changes->email) {
                const Core::EmailInfo e = Core::EmailNormalizer::normalize(**changes->email);
                if (!e.valid) {
                    report.add(record.line, externalId, QStringLiteral("warning"),
                               QStringLiteral("email: %1 Stored as given and flagged as not valid.")
                                   .arg(e.error));
                    ++summary.warnings;
                }
            }
        }
    } else {
        // One row per line item; rows of a receipt share its external_id.
        struct Group {
            QString externalId;
            QList<qint64> lines;
            QJsonObject receipt;
            QJsonArray items;
        };
        QList<Group> groups;
        QHash<QString, qsizetype> index;
        const QStringList receiptFields = columnList(
            "customer_id, customer_external_id, card_number, phone, email, pos, cheque_number, "
            "purchased_at, status, total, discount, bonus_accrued, bonus_spent, currency");
        const QStringList integers = columnList(
            "customer_id, total, discount, bonus_accrued, bonus_spent, price, line_discount, "
            "amount");
        QString externalId;
        while (nextRow(externalId)) {
            if (externalId.isEmpty()) {
                reject(record.line, externalId,
                       QStringLiteral("external_id: This field is required."));
                continue;
            }
            auto it = index.find(externalId);
            if (it == index.end()) {
                Group g;
                g.externalId = externalId;
                g.receipt.insert(QStringLiteral("external_id"), externalId);
                for (const QString &f : receiptFields) {
                    const QString v = cell(record, f);
                    if (!v.isEmpty())
                        g.receipt.insert(
                            f, integers.contains(f) ? numberOrText(v, false) : QJsonValue(v));
                }
                groups.append(g);
                it = index.insert(externalId, groups.size() - 1);
            }
            Group &g = groups[*it];
            g.lines << record.line;
            if (!cell(record, QStringLiteral("name")).isEmpty() ||
                !cell(record, QStringLiteral("sku")).isEmpty()) {
                QJsonObject item;
                const std::pair<const char *, const char *> lineFields[] = {
                    {"sku", "sku"},           {"name", "name"},   {"category", "category"},
                    {"quantity", "quantity"}, {"price", "price"}, {"line_discount", "discount"},
                    {"amount", "amount"},     {"offer", "offer"}};
                for (const auto &[column, key] : lineFields) {
                    const QString v = cell(record, QString::fromLatin1(column));
                    if (v.isEmpty()) continue;
                    const QString c = QString::fromLatin1(column);
                    item.insert(QString::fromLatin1(key),
                                c == QLatin1String("quantity") ? numberOrText(v, true)
                                : integers.contains(c)         ? numberOrText(v, false)
                                                               : QJsonValue(v));
                }
                g.items.append(item);
            }
        }
        // Customers named by their external id; cards this database does not know are
        // dropped (with a warning) when the customer is known another way.
        auto conn = m_ctx.db.connection();
        if (!conn) return conn.error();
        Sql customerByExternal(
            *conn,
            QStringLiteral("SELECT id FROM customers WHERE external_id = ? ORDER BY id LIMIT 1"));
        Sql cardByNumber(*conn, QStringLiteral("SELECT id FROM cards WHERE number = ?"));
        QList<Group> ready;
        for (Group &g : groups) {
            const QString customerExternal =
                g.receipt.take(QStringLiteral("customer_external_id")).toString();
            if (!customerExternal.isEmpty() && !g.receipt.contains(QStringLiteral("customer_id"))) {
                customerByExternal.bind(customerExternal);
                auto id = customerByExternal.scalar();
                if (!id) return id.error();
                if (!id->isValid()) {
                    for (qint64 line : g.lines)
                        reject(line, g.externalId,
                               QStringLiteral("customer_external_id: There is no customer with the "
                                              "external id %1.")
                                   .arg(customerExternal));
                    continue;
                }
                g.receipt.insert(QStringLiteral("customer_id"), id->toLongLong());
            }
            const QString card = g.receipt.value(QStringLiteral("card_number")).toString();
            if (!card.isEmpty() && g.receipt.contains(QStringLiteral("customer_id"))) {
                cardByNumber.bind(card);
                auto id = cardByNumber.scalar();
                if (!id) return id.error();
                if (!id->isValid()) {
                    g.receipt.remove(QStringLiteral("card_number"));
                    report.add(g.lines.first(), g.externalId, QStringLiteral("warning"),
                               QStringLiteral("card_number: There is no card %1 here; the receipt "
                                              "is linked to its customer only.")
                                   .arg(card));
                    ++summary.warnings;
                }
            }
            ready.append(g);
        }
        groups = ready;
        for (qsizetype from = 0; from < groups.size(); from += IngestService::kMaxBatch) {
            QJsonArray batch;
            const qsizetype to =
                std::min<qsizetype>(groups.size(), from + IngestService::kMaxBatch);
            for (qsizetype i = from; i < to; ++i) {
                QJsonObject r = groups.at(i).receipt;
                if (!groups.at(i).items.isEmpty())
                    r.insert(QStringLiteral("lines"), groups.at(i).items);
                batch.append(r);
            }
            auto result =
                m_ctx.ingest->receipts(kImporter, QJsonObject{{QStringLiteral("receipts"), batch}});
            if (!result) return result.error();
            for (const QJsonValue &item : result->value(QStringLiteral("results")).toArray()) {
                const QJsonObject o = item.toObject();
                const Group &g = groups.at(from + o.value(QStringLiteral("index")).toInt());
                const QString status = o.value(QStringLiteral("status")).toString();
                if (status == QLatin1String("created"))
                    ++summary.imported;
                else if (status == QLatin1String("duplicate"))
                    ++summary.unchanged;
                else {
                    QStringList reasons;
                    for (const QJsonValue &e : o.value(QStringLiteral("errors")).toArray()) {
                        // "receipts[3].lines[1].price" -> "lines[1].price": the row says which
                        // receipt.
                        QString f = e.toObject().value(QStringLiteral("field")).toString();
                        f = f.mid(f.indexOf(u'.') + 1);
                        reasons << f + QStringLiteral(": ") +
                                       e.toObject().value(QStringLiteral("message")).toString();
                    }
                    for (qint64 line : g.lines)
                        reject(line, g.externalId, reasons.join(QStringLiteral("; ")));
                }
            }
        }
    }
    if (auto r = report.commit(); !r) return r.error();
    return summary;
}

Result<qint64> CsvService::exportTo(const QString &type, const QString &path, QChar delimiter) {
    const bool customers = type == QLatin1String("customers");
    if (!customers && type != QLatin1String("receipts"))
        return Error::validation(QStringLiteral("type"),
                                 QStringLiteral("The type must be customers or receipts."));
    auto conn = m_ctx.db.connection();
    if (!conn) return conn.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Core::ErrorKind::Internal,
                           QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    const QStringList &columns = customers ? customerColumns() : receiptColumns();
    file.write(Csv::line(columns, delimiter).toUtf8());
    qint64 rows = 0;
    if (customers) {
        Sql q(*conn, customerSelect(false));
        if (auto r = q.exec(); !r) return r.error();
        while (q.next()) {
            file.write(Csv::line(cells(q, int(columns.size())), delimiter).toUtf8());
            ++rows;
        }
    } else {
        Sql q(*conn,
              QStringLiteral(
                  "SELECT r.external_id, CASE WHEN r.card_id IS NULL AND c.external_id IS NULL "
                  "THEN r.customer_id END, c.external_id, k.number, r.pos, r.cheque_number, "
                  "r.purchased_at, "
                  "r.status, r.total, r.discount, r.bonus_accrued, r.bonus_spent, r.currency, "
                  "l.sku, l.name, l.category, l.quantity, l.price, "
                  "l.discount, l.amount, l.offer FROM receipts r LEFT JOIN customers c ON c.id = "
                  "r.customer_id LEFT JOIN cards k ON k.id = r.card_id "
                  "LEFT JOIN receipt_lines l ON l.receipt_id = r.id ORDER BY r.id, l.line_no"));
        if (auto r = q.exec(); !r) return r.error();
        while (q.next()) {
            QStringList v = cells(q, 21);
            v[6] = Core::Json::isoUtc(v.at(6).toLongLong());
            if (!v.at(16).isEmpty()) v[16] = QString::number(q.value(16).toDouble());
            v.insert(4, QString());  // phone
            v.insert(5, QString());  // email
            file.write(Csv::line(v, delimiter).toUtf8());
            ++rows;
        }
    }
    if (!file.commit())
        return Error::make(Core::ErrorKind::Internal,
                           QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return rows;
}

}  // namespace LoyaltyDesk::Server
