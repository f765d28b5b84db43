#include "emaileditor.h"

#include "models/language.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QPointer>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEnginePage>
#include <QWebEngineView>

namespace LoyaltyDesk::Widgets {

namespace {

constexpr qint64 MaxImageBytes = 2 * 1024 * 1024;

}  // namespace

EmailEditor::EmailEditor(QWidget *parent)
    : QWidget(parent),
      m_view(new QWebEngineView(this)),
      m_channel(new QWebChannel(this)),
      m_bridge(new EmailEditorBridge(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_channel->registerObject(QStringLiteral("bridge"), m_bridge);
    m_view->page()->setWebChannel(m_channel);
    m_view->setUrl(QUrl(QStringLiteral("qrc:/editor/editor.html")));

    m_undo = new QAction(tr("Undo"), this);
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = new QAction(tr("Redo"), this);
    m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    for (QAction *a : {m_undo, m_redo}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setEnabled(false);
        addAction(a);
    }
    connect(m_undo, &QAction::triggered, this, &EmailEditor::undo);
    connect(m_redo, &QAction::triggered, this, &EmailEditor::redo);

    m_changedTimer.setSingleShot(true);
    m_changedTimer.setInterval(800);
    connect(&m_changedTimer, &QTimer::timeout, this, &EmailEditor::changed);
}

EmailEditor::~EmailEditor() = default;

QStringList EmailEditor::blockIds() {
    return {QStringLiteral("ld-header"),    QStringLiteral("ld-hero"),
            QStringLiteral("ld-favorites"), QStringLiteral("ld-viewed"),
            QStringLiteral("ld-coupon"),    QStringLiteral("ld-balance"),
            QStringLiteral("ld-footer")};
}

void EmailEditor::whenReady(std::function<void()> action) {
    if (m_ready)
        action();
    else
        m_queued.append(std::move(action));
}

void EmailEditor::command(const QString &name, const QString &argument) {
    whenReady([this, name, argument] { emit m_bridge->commandRequested(name, argument); });
}

void EmailEditor::load(const QJsonObject &content) {
    const QString designJson = content.value(QStringLiteral("design")).toString();
    const QString html = content.value(QStringLiteral("html")).toString();
    whenReady([this, html, designJson] { emit m_bridge->loadRequested(html, designJson); });
}

void EmailEditor::requestContent(std::function<void(QJsonObject)> done) {
    const int id = m_nextRequest++;
    m_requests.insert(id, std::move(done));
    whenReady([this, id] { emit m_bridge->contentRequested(id); });
}

void EmailEditor::insertMergeTag(const QString &expression) {
    command(QStringLiteral("mergeTag"), expression);
}
void EmailEditor::insertBlock(const QString &blockId) {
    command(QStringLiteral("block"), blockId);
}
void EmailEditor::insertImage(const QString &url) {
    command(QStringLiteral("image"), url);
}
void EmailEditor::undo() {
    command(QStringLiteral("undo"), {});
}
void EmailEditor::redo() {
    command(QStringLiteral("redo"), {});
}

void EmailEditor::setVariables(const QJsonArray &items) {
    const QString json = QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact));
    whenReady([this, json] { emit m_bridge->variablesChanged(json); });
}

void EmailEditor::chooseImage() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Insert an image"), QString(),
                                     tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (QFileInfo(path).size() > MaxImageBytes || !file.open(QIODevice::ReadOnly)) {
        m_view->page()->runJavaScript(
            QStringLiteral("alert(%1)")
                .arg(QString::fromUtf8(
                         QJsonDocument(
                             QJsonArray{
                                 tr("The image must be a readable file of at most 2 MB; larger "
                                    "images belong on a web server (insert them by URL).")})
                             .toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1)));
        return;
    }
    const QString mime = QMimeDatabase().mimeTypeForFile(path).name();
    insertImage(QStringLiteral("data:") + mime + QStringLiteral(";base64,") +
                QString::fromLatin1(file.readAll().toBase64()));
}

EmailEditorBridge::EmailEditorBridge(EmailEditor *editor) : QObject(editor), m_editor(editor) {}

QString EmailEditorBridge::language() const {
    return Models::Language::current();
}

QVariantMap EmailEditorBridge::texts() const {
    return {
        {QStringLiteral("category"), EmailEditor::tr("LoyaltyDesk blocks")},
        {QStringLiteral("presetCategory"), EmailEditor::tr("Basic blocks")},
        {QStringLiteral("header"), EmailEditor::tr("Header")},
        {QStringLiteral("hero"), EmailEditor::tr("Hero")},
        {QStringLiteral("favorites"), EmailEditor::tr("Your favourites")},
        {QStringLiteral("viewed"), EmailEditor::tr("You looked at")},
        {QStringLiteral("coupon"), EmailEditor::tr("Coupon")},
        {QStringLiteral("balance"), EmailEditor::tr("Bonus balance")},
        {QStringLiteral("footer"), EmailEditor::tr("Footer")},
        {QStringLiteral("brand"), EmailEditor::tr("Your brand")},
        {QStringLiteral("viewInBrowser"), EmailEditor::tr("View in browser")},
        {QStringLiteral("heroTitle"),
         EmailEditor::tr("{{ customer.first_name }}, new season, new offers")},
        {QStringLiteral("heroText"),
         EmailEditor::tr(
             "Fresh arrivals picked for you, and double points on every purchase this week.")},
        {QStringLiteral("heroButton"), EmailEditor::tr("Shop now")},
        {QStringLiteral("couponValid"), EmailEditor::tr("Valid until")},
        {QStringLiteral("balanceTitle"), EmailEditor::tr("Your bonus balance")},
        {QStringLiteral("balanceExpiring"), EmailEditor::tr("Expiring within 30 days:")},
        {QStringLiteral("balanceButton"), EmailEditor::tr("Spend points")},
        {QStringLiteral("footerText"),
         EmailEditor::tr("You receive this e-mail as a member of our loyalty program.")},
        {QStringLiteral("unsubscribe"), EmailEditor::tr("Unsubscribe")},
        {QStringLiteral("mergeTags"), EmailEditor::tr("Insert a merge tag")},
        {QStringLiteral("searchTags"), EmailEditor::tr("Find a variable…")},
        {QStringLiteral("imageFile"), EmailEditor::tr("Insert an image from a file")},
        {QStringLiteral("importTitle"), EmailEditor::tr("Import HTML")},
        {QStringLiteral("exportTitle"), EmailEditor::tr("HTML with inlined CSS")},
        {QStringLiteral("importButton"), EmailEditor::tr("Import")},
        {QStringLiteral("clearConfirm"), EmailEditor::tr("Remove everything from the e-mail?")},
    };
}

QVariantMap EmailEditorBridge::messages() const {
    const QVariantMap titles{
        {QStringLiteral("open-blocks"), EmailEditor::tr("Blocks")},
        {QStringLiteral("open-sm"), EmailEditor::tr("Styles")},
        {QStringLiteral("open-tm"), EmailEditor::tr("Settings")},
        {QStringLiteral("open-layers"), EmailEditor::tr("Layers")},
        {QStringLiteral("sw-visibility"), EmailEditor::tr("Show block outlines")},
        {QStringLiteral("preview"), EmailEditor::tr("Preview")},
        {QStringLiteral("fullscreen"), EmailEditor::tr("Full screen")},
        {QStringLiteral("export-template"), EmailEditor::tr("View the code")},
        {QStringLiteral("set-device-desktop"), EmailEditor::tr("As on a computer")},
        {QStringLiteral("set-device-tablet"), EmailEditor::tr("As on a tablet")},
        {QStringLiteral("set-device-mobile"), EmailEditor::tr("As on a phone")},
        {QStringLiteral("gjs-open-import-template"), EmailEditor::tr("Import HTML")},
        {QStringLiteral("gjs-toggle-images"), EmailEditor::tr("Show or hide the images")},
        {QStringLiteral("undo"), EmailEditor::tr("Undo")},
        {QStringLiteral("redo"), EmailEditor::tr("Redo")},
        {QStringLiteral("canvas-clear"), EmailEditor::tr("Remove everything")},
    };
    const QVariantMap blocks{
        {QStringLiteral("sect100"), EmailEditor::tr("One column")},
        {QStringLiteral("sect50"), EmailEditor::tr("Two columns")},
        {QStringLiteral("sect30"), EmailEditor::tr("Three columns")},
        {QStringLiteral("sect37"), EmailEditor::tr("Columns 3:7")},
        {QStringLiteral("button"), EmailEditor::tr("Button")},
        {QStringLiteral("divider"), EmailEditor::tr("Divider")},
        {QStringLiteral("text"), EmailEditor::tr("Text")},
        {QStringLiteral("text-sect"), EmailEditor::tr("Heading and text")},
        {QStringLiteral("image"), EmailEditor::tr("Image")},
        {QStringLiteral("quote"), EmailEditor::tr("Quote")},
        {QStringLiteral("link"), EmailEditor::tr("Link")},
        {QStringLiteral("link-block"), EmailEditor::tr("Link block")},
        {QStringLiteral("grid-items"), EmailEditor::tr("Cards in a grid")},
        {QStringLiteral("list-items"), EmailEditor::tr("Cards in a list")},
    };
    const QVariantMap properties{
        {QStringLiteral("width"), EmailEditor::tr("Width")},
        {QStringLiteral("height"), EmailEditor::tr("Height")},
        {QStringLiteral("max-width"), EmailEditor::tr("Maximum width")},
        {QStringLiteral("min-height"), EmailEditor::tr("Minimum height")},
        {QStringLiteral("margin"), EmailEditor::tr("Outer spacing")},
        {QStringLiteral("padding"), EmailEditor::tr("Inner spacing")},
        {QStringLiteral("font-family"), EmailEditor::tr("Font")},
        {QStringLiteral("font-size"), EmailEditor::tr("Font size")},
        {QStringLiteral("font-weight"), EmailEditor::tr("Weight")},
        {QStringLiteral("letter-spacing"), EmailEditor::tr("Letter spacing")},
        {QStringLiteral("color"), EmailEditor::tr("Text colour")},
        {QStringLiteral("line-height"), EmailEditor::tr("Line height")},
        {QStringLiteral("text-align"), EmailEditor::tr("Alignment")},
        {QStringLiteral("text-decoration"), EmailEditor::tr("Underline and strike-through")},
        {QStringLiteral("font-style"), EmailEditor::tr("Italic")},
        {QStringLiteral("vertical-align"), EmailEditor::tr("Vertical alignment")},
        {QStringLiteral("text-shadow"), EmailEditor::tr("Text shadow")},
        {QStringLiteral("background-color"), EmailEditor::tr("Background")},
        {QStringLiteral("border-collapse"), EmailEditor::tr("Merge cell borders")},
        {QStringLiteral("border-radius"), EmailEditor::tr("Rounded corners")},
        {QStringLiteral("border"), EmailEditor::tr("Border")},
        {QStringLiteral("background"), EmailEditor::tr("Background image")},
    };
    const QVariantMap weights{
        {QStringLiteral("100"), EmailEditor::tr("Thin")},        {QStringLiteral("200"), EmailEditor::tr("Extra light")},
        {QStringLiteral("300"), EmailEditor::tr("Light")},       {QStringLiteral("400"), EmailEditor::tr("Normal")},
        {QStringLiteral("500"), EmailEditor::tr("Medium")},      {QStringLiteral("600"), EmailEditor::tr("Semi-bold")},
        {QStringLiteral("700"), EmailEditor::tr("Bold")},        {QStringLiteral("800"), EmailEditor::tr("Extra bold")},
        {QStringLiteral("900"), EmailEditor::tr("Black")},
    };
    const QVariantMap verticalAlign{
        {QStringLiteral("baseline"), EmailEditor::tr("On the baseline")},
        {QStringLiteral("top"), EmailEditor::tr("Top")},
        {QStringLiteral("middle"), EmailEditor::tr("Middle")},
        {QStringLiteral("bottom"), EmailEditor::tr("Bottom")},
    };
    const QVariantMap borderStyles{
        {QStringLiteral("none"), EmailEditor::tr("None")},       {QStringLiteral("solid"), EmailEditor::tr("Solid")},
        {QStringLiteral("dotted"), EmailEditor::tr("Dotted")},   {QStringLiteral("dashed"), EmailEditor::tr("Dashed")},
        {QStringLiteral("double"), EmailEditor::tr("Double")},   {QStringLiteral("groove"), EmailEditor::tr("Groove")},
        {QStringLiteral("ridge"), EmailEditor::tr("Ridge")},     {QStringLiteral("inset"), EmailEditor::tr("Inset")},
        {QStringLiteral("outset"), EmailEditor::tr("Outset")},
    };
    const QVariantMap traits{
        {QStringLiteral("id"), EmailEditor::tr("Identifier")},
        {QStringLiteral("title"), EmailEditor::tr("Tooltip")},
        {QStringLiteral("href"), EmailEditor::tr("Link address")},
        {QStringLiteral("target"), EmailEditor::tr("Opens in")},
        {QStringLiteral("alt"), EmailEditor::tr("Text instead of the image")},
    };
    return {
        {QStringLiteral("panels"),
         QVariantMap{{QStringLiteral("buttons"), QVariantMap{{QStringLiteral("titles"), titles}}}}},
        {QStringLiteral("blockManager"), QVariantMap{{QStringLiteral("labels"), blocks}}},
        {QStringLiteral("styleManager"),
         QVariantMap{{QStringLiteral("properties"), properties},
                     {QStringLiteral("options"),
                      QVariantMap{{QStringLiteral("font-weight"), weights},
                                  {QStringLiteral("vertical-align"), verticalAlign},
                                  {QStringLiteral("border-style"), borderStyles},
                                  {QStringLiteral("border-style-sub"), borderStyles}}}}},
        {QStringLiteral("traitManager"),
         QVariantMap{{QStringLiteral("traits"), QVariantMap{{QStringLiteral("labels"), traits}}}}},
    };
}

void EmailEditorBridge::pageReady() {
    m_editor->m_ready = true;
    const auto queued = std::exchange(m_editor->m_queued, {});
    for (const auto &action : queued) action();
    emit m_editor->ready();
}

void EmailEditorBridge::pageLoaded() {
    pageChanged(false, false);
    m_editor->m_changedTimer.stop();
    emit m_editor->loaded();
}

void EmailEditorBridge::pageChanged(bool canUndo, bool canRedo) {
    EmailEditor &e = *m_editor;
    if (canUndo != e.m_canUndo || canRedo != e.m_canRedo) {
        e.m_canUndo = canUndo;
        e.m_canRedo = canRedo;
        e.m_undo->setEnabled(canUndo);
        e.m_redo->setEnabled(canRedo);
        emit e.undoStateChanged(canUndo, canRedo);
    }
    e.m_changedTimer.start();
}

void EmailEditorBridge::contentReady(int id, const QString &html, const QString &design) {
    auto done = m_editor->m_requests.take(id);
    if (!done) return;
    done(QJsonObject{{QStringLiteral("html"), html}, {QStringLiteral("design"), design}});
}

void EmailEditorBridge::contentFailed(int id, const QString &message) {
    qWarning("EmailEditor: export failed: %s", qUtf8Printable(message));
    if (auto done = m_editor->m_requests.take(id)) done({});
}

void EmailEditorBridge::pickImage() {
    m_editor->chooseImage();
}

}  // namespace LoyaltyDesk::Widgets
