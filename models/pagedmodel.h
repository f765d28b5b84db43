#pragma once

#include "columns.h"
#include "core/result.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>
#include <vector>

namespace LoyaltyDesk::Models {

class Repository;

// One list of the API (`{items, next_cursor}`) as an item model that pages with
// canFetchMore/fetchMore. Rows may carry a nested list (receipt lines, a message's
// status timeline) shown as child rows with one sentence each in the first column.
// Also shows lists the app already holds (setItems), such as the profile's contacts.
class PagedModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { JsonRole = Qt::UserRole + 1, IdRole, IsChildRole };

    PagedModel(Repository *repository, PartSpec spec, QObject *parent = nullptr);

    const PartSpec &spec() const { return m_spec; }
    void setPath(const QString &path) { m_path = path; }
    QString path() const { return m_path; }
    void setFilter(const QUrlQuery &filter) { m_filter = filter; }
    QUrlQuery filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = rows; }

    // Drops the rows and loads the first page.
    void reload();
    void clear();
    // Stops waiting for the page being loaded.
    void cancel();
    void setItems(const QJsonArray &items);

    bool isLoading() const { return m_loading; }
    bool hasMore() const { return !m_cursor.isEmpty(); }
    bool hasLoaded() const { return m_loaded; }
    // When the rows came from the local cache: when they were stored.
    std::optional<QDateTime> cachedAt() const { return m_cachedAt; }
    QString errorMessage() const { return m_error; }
    QJsonObject item(int row) const;
    int itemCount() const { return int(m_rows.size()); }
    // Headers and codes in the current language.
    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void loadingChanged(bool loading);
    void loadFailed(const LoyaltyDesk::Core::Error &error);
    // After each page: how many rows arrived and whether they came from the cache.
    void pageLoaded(int rows, bool fromCache);

private:
    struct Row {
        QJsonObject item;
        QList<QJsonObject> children;
    };
    Row makeRow(const QJsonObject &item) const;
    void load(const QString &cursor);
    void setLoading(bool loading);

    Repository *m_repository;
    PartSpec m_spec;
    QString m_path;
    QUrlQuery m_filter;
    int m_pageSize = 50;
    std::vector<Row> m_rows;
    QString m_cursor;
    bool m_loading = false;
    bool m_loaded = false;
    quint64 m_generation = 0;
    std::optional<QDateTime> m_cachedAt;
    QString m_error;
};

}  // namespace LoyaltyDesk::Models
