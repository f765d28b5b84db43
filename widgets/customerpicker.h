#pragma once

#include <QLineEdit>
#include <QTimer>

class QCompleter;
class QStandardItemModel;

namespace LoyaltyDesk::Models {
class ApiClient;
}

namespace LoyaltyDesk::Widgets {

// Chooses a customer by phone or name (`GET /api/v1/customers?q=` as you type, the
// matches in a drop-down). Empty means "sample data".
class CustomerPicker final : public QLineEdit {
    Q_OBJECT
public:
    explicit CustomerPicker(Models::ApiClient *api, QWidget *parent = nullptr);

    qint64 customerId() const { return m_id; }
    QString customerName() const { return m_name; }
    void setCustomer(qint64 id, const QString &name);
    // The matches of the last search (tests).
    QStandardItemModel *matches() const { return m_model; }
    QCompleter *completer() const { return m_completer; }
    void searchNow();

signals:
    void customerChanged(qint64 id, const QString &name);
    void searched();

protected:
    void changeEvent(QEvent *event) override;

private:
    void choose(const QModelIndex &index);
    void retranslate();

    Models::ApiClient *m_api;
    QCompleter *m_completer;
    QStandardItemModel *m_model;
    QTimer m_timer;
    qint64 m_id = 0;
    QString m_name;
    QString m_lastQuery;
};

}  // namespace LoyaltyDesk::Widgets
