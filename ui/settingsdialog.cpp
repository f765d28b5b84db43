#include "settingsdialog.h"

#include "models/appsettings.h"
#include "models/language.h"
#include "models/localcache.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

SettingsDialog::SettingsDialog(Models::LocalCache *cache, QWidget *parent)
    : QDialog(parent),
      m_cache(cache),
      m_appearance(new QGroupBox(this)),
      m_connection(new QGroupBox(this)),
      m_cacheGroup(new QGroupBox(this)),
      m_languageLabel(new QLabel(this)),
      m_themeLabel(new QLabel(this)),
      m_serverLabel(new QLabel(this)),
      m_serverHint(new QLabel(this)),
      m_limitLabel(new QLabel(this)),
      m_sizeLabel(new QLabel(this)),
      m_language(new QComboBox(this)),
      m_theme(new QComboBox(this)),
      m_server(new QLineEdit(this)),
      m_limit(new QSpinBox(this)),
      m_clear(new QPushButton(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_language->setObjectName(QStringLiteral("language"));
    m_theme->setObjectName(QStringLiteral("theme"));
    Models::AppSettings settings;
    for (const auto &code : Models::Language::available()) m_language->addItem(Models::Language::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(Models::Language::current())));
    m_server->setText(settings.serverUrl().toString());
    m_limit->setRange(10, 10000);
    m_limit->setSingleStep(50);
    m_limit->setValue(settings.cacheLimitMb());
    m_serverHint->setWordWrap(true);
    m_serverHint->setForegroundRole(QPalette::PlaceholderText);
    m_languageLabel->setBuddy(m_language);
    m_themeLabel->setBuddy(m_theme);
    m_serverLabel->setBuddy(m_server);
    m_limitLabel->setBuddy(m_limit);

    auto *appearance = new QFormLayout(m_appearance);
    appearance->addRow(m_languageLabel, m_language);
    appearance->addRow(m_themeLabel, m_theme);
    auto *connection = new QFormLayout(m_connection);
    connection->addRow(m_serverLabel, m_server);
    connection->addRow(QString(), m_serverHint);
    auto *cacheForm = new QFormLayout(m_cacheGroup);
    cacheForm->addRow(m_limitLabel, m_limit);
    cacheForm->addRow(m_sizeLabel, m_clear);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_appearance);
    layout->addWidget(m_connection);
    layout->addWidget(m_cacheGroup);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        const QString code = m_language->currentData().toString();
        Models::AppSettings().setLanguage(code);
        Models::Language::apply(code);
        emit languageChanged(code);
    });
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        const auto theme = Models::AppSettings::Theme(m_theme->currentData().toInt());
        Models::AppSettings().setTheme(theme);
        Widgets::Theme::apply(theme);
    });
    connect(m_clear, &QPushButton::clicked, this, &SettingsDialog::clearCache);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        apply();
        accept();
    });
    retranslate();
    refreshSize();
}

void SettingsDialog::apply()
{
    Models::AppSettings settings;
    const QUrl url(m_server->text().trimmed());
    if (url.isValid() && !url.host().isEmpty()) settings.setServerUrl(url);
    settings.setCacheLimitMb(m_limit->value());
    m_cache->setMaxBytes(qint64(m_limit->value()) * 1024 * 1024);
}

void SettingsDialog::clearCache()
{
    m_clear->setEnabled(false);
    m_cache->clear(this, [this] {
        m_clear->setEnabled(true);
        refreshSize();
    });
}

void SettingsDialog::refreshSize()
{
    m_cache->sizeBytes(this, [this](qint64 bytes) {
        m_size = bytes;
        retranslate();
    });
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    m_appearance->setTitle(tr("Appearance"));
    m_connection->setTitle(tr("Connection"));
    m_cacheGroup->setTitle(tr("Offline cache"));
    m_languageLabel->setText(tr("&Language:"));
    m_themeLabel->setText(tr("&Theme:"));
    m_serverLabel->setText(tr("&Server:"));
    m_serverHint->setText(tr("Used the next time you sign in."));
    m_limitLabel->setText(tr("&Keep at most:"));
    m_limit->setSuffix(tr(" MB"));
    m_sizeLabel->setText(m_size < 0 ? tr("In use: …") : tr("In use: %1").arg(QLocale().formattedDataSize(m_size)));
    m_clear->setText(tr("&Clear cache"));
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    const int theme = m_theme->count() ? m_theme->currentIndex() : int(Models::AppSettings().theme());
    m_theme->blockSignals(true);
    m_theme->clear();
    m_theme->addItem(tr("Follow the system"), int(Models::AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(Models::AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Models::AppSettings::Theme::Dark));
    m_theme->setCurrentIndex(theme);
    m_theme->blockSignals(false);
}

}  // namespace LoyaltyDesk::Ui
