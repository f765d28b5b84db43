#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace LoyaltyDesk::Models {
class LocalCache;
}

namespace LoyaltyDesk::Ui {

// Language (switches at once), theme, server address, cache size and "clear cache".
class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Models::LocalCache *cache, QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    void clearCache();

signals:
    void languageChanged(const QString &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshSize();
    void apply();

    Models::LocalCache *m_cache;
    QGroupBox *m_appearance;
    QGroupBox *m_connection;
    QGroupBox *m_cacheGroup;
    QLabel *m_languageLabel;
    QLabel *m_themeLabel;
    QLabel *m_serverLabel;
    QLabel *m_serverHint;
    QLabel *m_limitLabel;
    QLabel *m_sizeLabel;
    QComboBox *m_language;
    QComboBox *m_theme;
    QLineEdit *m_server;
    QSpinBox *m_limit;
    QPushButton *m_clear;
    QDialogButtonBox *m_buttons;
    qint64 m_size = -1;
};

}  // namespace LoyaltyDesk::Ui
