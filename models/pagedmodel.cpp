#include "pagedmodel.h"

#include "repository.h"

#include <QJsonValue>

namespace LoyaltyDesk::Models {

PagedModel::PagedModel(Repository *repository, PartSpec spec, QObject *parent)
    : QAbstractItemModel(parent), m_repository(repository), m_spec(std::move(spec))
{
}

PagedModel::Row PagedModel::makeRow(const QJsonObject &item) const
{
    Row row{item, {}};
    if (!m_spec.childKey.isEmpty())
        for (const auto &c : item.value(m_spec.childKey).toArray()) row.children << c.toObject();
    return row;
}

void PagedModel::setLoading(bool loading)
{
    if (m_loading == loading) return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void PagedModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_cursor.clear();
    m_cachedAt.reset();
    m_error.clear();
    m_loaded = false;
    endResetModel();
    setLoading(false);
}

void PagedModel::cancel()
{
    ++m_generation;
    setLoading(false);
}

void PagedModel::reload()
{
    clear();
    load({});
}

void PagedModel::setItems(const QJsonArray &items)
{
    clear();
    beginResetModel();
    for (const auto &v : items) m_rows.push_back(makeRow(v.toObject()));
    m_loaded = true;
    endResetModel();
}

void PagedModel::load(const QString &cursor)
{
    if (m_path.isEmpty() || !m_repository) return;
    QUrlQuery query = m_filter;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!cursor.isEmpty()) query.addQueryItem(QStringLiteral("cursor"), cursor);
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_repository->fetch(m_path, query, this, [this, generation](Core::Result<Fetched> r) {
        if (generation != m_generation) return;  // a newer search or a cancel
        setLoading(false);
        if (!r) {
            m_error = r.error().message;
            m_cursor.clear();
            m_loaded = true;
            emit loadFailed(r.error());
            return;
        }
        m_error.clear();
        m_loaded = true;
        const QJsonArray items = r->json.value(QStringLiteral("items")).toArray();
        if (r->fromCache()) {
            if (!m_cachedAt || *r->cachedAt < *m_cachedAt) m_cachedAt = r->cachedAt;
        }
        m_cursor = r->json.value(QStringLiteral("next_cursor")).toString();
        if (!items.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(items.size()) - 1);
            for (const auto &v : items) m_rows.push_back(makeRow(v.toObject()));
            endInsertRows();
        }
        emit pageLoaded(int(items.size()), r->fromCache());
    });
}

QJsonObject PagedModel::item(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].item : QJsonObject{};
}

void PagedModel::retranslate()
{
    if (!m_spec.columns.isEmpty()) emit headerDataChanged(Qt::Horizontal, 0, int(m_spec.columns.size()) - 1);
    if (!m_rows.empty()) emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
    for (int r = 0; r < int(m_rows.size()); ++r) {
        const int n = int(m_rows[size_t(r)].children.size());
        if (n > 0) emit dataChanged(index(0, 0, index(r, 0)), index(n - 1, 0, index(r, 0)));
    }
}

QModelIndex PagedModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex PagedModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0) return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int PagedModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) return int(m_rows.size());
    if (parent.internalId() != 0 || parent.column() != 0) return 0;
    return int(m_rows[size_t(parent.row())].children.size());
}

int PagedModel::columnCount(const QModelIndex &) const
{
    return int(m_spec.columns.size());
}

bool PagedModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant PagedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() != 0) {
        const Row &row = m_rows[size_t(index.internalId() - 1)];
        const QJsonObject &child = row.children[index.row()];
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole: return index.column() == 0 && m_spec.childText ? m_spec.childText(child, row.item) : QVariant();
        case JsonRole: return child;
        case IsChildRole: return true;
        default: return {};
        }
    }
    const Row &row = m_rows[size_t(index.row())];
    const Column &column = m_spec.columns[index.column()];
    switch (role) {
    case Qt::DisplayRole: return column.display(row.item);
    case Qt::ToolTipRole: {
        const QString text = column.display(row.item).toString();
        return text.size() > 40 ? text : QVariant();
    }
    case Qt::TextAlignmentRole:
        return column.isNumeric() ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case JsonRole: return row.item;
    case IdRole: return row.item.value(QStringLiteral("id")).toInteger();
    case IsChildRole: return false;
    default: return {};
    }
}

QVariant PagedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_spec.columns.size()) return {};
    if (role == Qt::DisplayRole) return m_spec.columns[section].title();
    if (role == Qt::TextAlignmentRole)
        return m_spec.columns[section].isNumeric() ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags PagedModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != 0 || m_rows[size_t(index.row())].children.isEmpty()) f |= Qt::ItemNeverHasChildren;
    return f;
}

bool PagedModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && !m_cursor.isEmpty();
}

void PagedModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent)) load(m_cursor);
}

QHash<int, QByteArray> PagedModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(JsonRole, "json");
    names.insert(IdRole, "id");
    names.insert(IsChildRole, "isChild");
    return names;
}

}  // namespace LoyaltyDesk::Models
