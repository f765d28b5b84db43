#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace LoyaltyDesk::Models {
class ApiClient;
class Repository;
}

namespace LoyaltyDesk::Ui {

// The Profile tab's form: attributes and custom fields. Changes are validated with
// core's CustomerChanges (the same rules as the server) and saved with PATCH; the
// server records the change in the audit log. Read-only without customers.write or
// while offline.
class ProfileEditor final : public QWidget {
    Q_OBJECT
public:
    explicit ProfileEditor(Models::Repository *repository, QWidget *parent = nullptr);

    void setProfile(const QJsonObject &profile);
    void setEditable(bool editable);
    bool isDirty() const;
    // The changed fields as the PATCH body.
    QJsonObject changes() const;
    // Validates and sends; the answer arrives through saved() or the error message.
    void save();
    void revert();
    QString message() const;

signals:
    void saved(const QJsonObject &profile);
    void dirtyChanged(bool dirty);

protected:
    void changeEvent(QEvent *event) override;

private:
    QLineEdit *addLine(const QString &key, int maxLength);
    void retranslate();
    void showErrors(const QList<Core::FieldError> &errors, const QString &message);
    void showMessage(const QString &text, bool error);
    void updateButtons();
    QJsonObject currentValues() const;
    static QJsonObject valuesOf(const QJsonObject &profile);
    QString labelFor(const QString &field) const;

    Models::Repository *m_repository;
    QJsonObject m_profile;
    QJsonObject m_original;  // the editable values as loaded
    bool m_editable = false;
    bool m_saving = false;
    QFormLayout *m_form;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QLabel *> m_labels;
    QComboBox *m_gender;
    QComboBox *m_timeZone;
    QTableWidget *m_custom;
    QLabel *m_children;
    QLabel *m_pets;
    QLabel *m_customLabel;
    QPushButton *m_addAttribute;
    QPushButton *m_removeAttribute;
    QLabel *m_message;
    QPushButton *m_save;
    QPushButton *m_revert;
};

}  // namespace LoyaltyDesk::Ui
