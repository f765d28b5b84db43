#include "memberslist.h"

#include "models/apiclient.h"
#include "models/pagedmodel.h"
#include "models/repository.h"
#include "widgets/pagedview.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace LoyaltyDesk::Ui {

MembersList::MembersList(Models::Repository *repository, QWidget *parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_model(new Models::PagedModel(repository, Models::Parts::members(), this)),
      m_view(new Widgets::PagedView(m_model, this)) {
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("membersView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    connect(m_view, &Widgets::PagedView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(Models::PagedModel::IdRole).toLongLong(); id > 0)
            emit customerRequested(id);
    });
}

void MembersList::showMembers(const QString &title, const QString &path, const QUrlQuery &filter) {
    m_title->setText(title);
    m_model->setPath(path);
    m_model->setFilter(filter);
    m_model->reload();
}

void MembersList::showHint(const QString &hint) {
    m_title->clear();
    m_model->clear();
    m_view->setIdleText(hint);
}

QString MembersList::title() const {
    return m_title->text();
}

Models::Download *saveCsv(QWidget *parent, Models::Repository *repository, const QString &path,
                          const QString &filePath,
                          std::function<void(const Core::Result<qint64> &)> done) {
    auto *download = repository->api()->download(path, filePath, parent);
    auto *progress = new QProgressDialog(parent);
    progress->setWindowTitle(
        QCoreApplication::translate("LoyaltyDesk::Ui::MembersList", "Export members"));
    progress->setLabelText(QCoreApplication::translate("LoyaltyDesk::Ui::MembersList", "Saving %1…")
                               .arg(QDir::toNativeSeparators(filePath)));
    progress->setRange(0, 0);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(progress, &QProgressDialog::canceled, download, &Models::Download::cancel);
    QObject::connect(download, &Models::Download::progress, progress,
                     [progress](qint64 received, qint64 total) {
                         if (total > 0) {
                             progress->setRange(0, 1000);
                             progress->setValue(int(received * 1000 / total));
                         }
                     });
    QObject::connect(
        download, &Models::Download::finished, progress,
        [progress, download, done = std::move(done)](const Core::Result<qint64> &result) {
            progress->close();
            download->deleteLater();
            done(result);
        });
    return download;
}

QObject *waitWithProgress(QWidget *parent, const QString &label) {
    auto *context = new QObject(parent);
    context->setObjectName(QStringLiteral("waitingForServer"));
    auto *dialog = new QProgressDialog(
        label, QCoreApplication::translate("LoyaltyDesk::Ui::MembersList", "Stop waiting"), 0, 0,
        parent);
    dialog->setWindowTitle(
        QCoreApplication::translate("LoyaltyDesk::Ui::MembersList", "Please wait"));
    dialog->setMinimumDuration(300);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QProgressDialog::canceled, context, &QObject::deleteLater);
    QObject::connect(context, &QObject::destroyed, dialog, [dialog] {
        QObject::disconnect(dialog, &QProgressDialog::canceled, nullptr,
                            nullptr);  // closing emits it
        dialog->close();
    });
    return context;
}

void stopWaiting(QWidget *parent) {
    qDeleteAll(parent->findChildren<QObject *>(QStringLiteral("waitingForServer"),
                                               Qt::FindDirectChildrenOnly));
}

QString errorText(const Core::Error &error) {
    QStringList lines{error.message};
    for (const auto &f : error.fields)
        if (f.message != error.message && !lines.contains(f.message)) lines << f.message;
    return lines.join(QLatin1Char('\n'));
}

QString askCsvFileName(QWidget *parent, const QString &suggestedName) {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("LoyaltyDesk::Ui::MembersList", "Export members"),
        folder + QLatin1Char('/') + suggestedName,
        QCoreApplication::translate("LoyaltyDesk::Ui::MembersList", "CSV files (*.csv)"));
}

}  // namespace LoyaltyDesk::Ui
