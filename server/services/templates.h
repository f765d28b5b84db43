#pragma once

#include "http/router.h"
#include "paging.h"
#include "storage/database.h"

#include <QJsonObject>

namespace LoyaltyDesk::Server {

// The message library: templates per channel (e-mail, SMS, push, in-app, messenger),
// folders and tags, search, duplicate, every version kept with restore, HTML import
// and export; and rendering with the Liquid engine for a customer or sample data.
class TemplateService final {
public:
    explicit TemplateService(Database &db);

    Result<Page> list(const QString &search, const QString &channel, const QString &folder, const QString &tag, const PageRequest &page);
    Result<QJsonObject> get(qint64 id);
    Result<QJsonObject> create(const Principal &who, const QJsonObject &body);
    Result<QJsonObject> update(const Principal &who, qint64 id, const QJsonObject &body);
    Result<void> remove(const Principal &who, qint64 id);
    Result<QJsonObject> duplicate(const Principal &who, qint64 id);
    Result<Page> versions(qint64 id, const PageRequest &page);
    Result<QJsonObject> restore(const Principal &who, qint64 id, qint64 version);
    // An HTML file becomes an e-mail template (the <title> is the subject when there is one).
    Result<QJsonObject> importHtml(const Principal &who, const QString &name, const QByteArray &html);
    Result<Reply> exportTemplate(qint64 id);

    // What a template can use, for the editor's merge-tag picker.
    static QJsonObject variables();
    // Sample data shaped like a customer's: every variable's example value.
    static QJsonObject sampleData();
    // The data a template sees for one customer.
    Result<QJsonObject> customerData(qint64 customerId);
    // Renders {template_id | channel + content} with {customer_id | data}; strict
    // turns unknown variables and filters into errors.
    Result<QJsonObject> render(const QJsonObject &body);

private:
    Result<QJsonObject> templateIn(const QSqlDatabase &conn, qint64 id);

    Database &m_db;
};

}  // namespace LoyaltyDesk::Server
