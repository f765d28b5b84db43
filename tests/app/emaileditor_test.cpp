// The e-mail editor (GrapesJS in Qt WebEngine, driven through its QWebChannel bridge)
// and the device preview, against the real server; writes the editor's and the
// preview's screenshots to docs/screenshots/.
#include "apptest.h"

#include "models/apiclient.h"
#include "models/language.h"
#include "widgets/devicepreview.h"
#include "widgets/emaileditor.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListWidget>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSplitter>
#include <QWebEngineView>

#include <gtest/gtest.h>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::demoServer;
using LT::waitUntil;
using Widgets::DevicePreview;
using Widgets::EmailEditor;

namespace {

const QString ScreenshotDir = QStringLiteral(LD_SCREENSHOT_DIR);
constexpr int PageTimeoutMs = 60000;

QByteArray json(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The editor's content, waited for.
QJsonObject contentOf(EmailEditor &editor) {
    std::optional<QJsonObject> got;
    editor.requestContent([&](QJsonObject c) { got = c; });
    EXPECT_TRUE(waitUntil([&] { return got.has_value(); }, PageTimeoutMs));
    return got.value_or(QJsonObject());
}

QString htmlOf(EmailEditor &editor) {
    return contentOf(editor).value(QStringLiteral("html")).toString();
}

std::unique_ptr<EmailEditor> openEditor() {
    auto editor = std::make_unique<EmailEditor>();
    editor->resize(1360, 860);
    editor->show();
    EXPECT_TRUE(waitUntil([&] { return editor->isReady(); }, PageTimeoutMs))
        << "the editor page did not come up";
    return editor;
}

QJsonObject variablesCatalog() {
    return demoServer().get("/api/v1/templates/variables", LT::adminToken(demoServer())).json();
}

// An editor in `language` with the variables catalog and an empty e-mail, loaded.
std::unique_ptr<EmailEditor> openBlankEditor(const QString &language) {
    Models::Language::apply(language);
    auto editor = openEditor();
    editor->setVariables(variablesCatalog().value(QStringLiteral("items")).toArray());
    QSignalSpy loaded(editor.get(), &EmailEditor::loaded);
    editor->load({{QStringLiteral("html"), QString()}});
    EXPECT_TRUE(waitUntil([&] { return !loaded.isEmpty(); }, PageTimeoutMs));
    return editor;
}

bool saveShot(QWidget *widget, const QString &name) {
    QApplication::processEvents();
    QTest::qWait(600);  // let the web views paint
    const QPixmap pixmap = widget->grab();
    return QDir().mkpath(ScreenshotDir) && !pixmap.isNull() &&
           pixmap.save(ScreenshotDir + u'/' + name + QStringLiteral(".png"));
}

// The text a web view shows, waited for.
QString plainTextOf(QWebEngineView *view) {
    std::optional<QString> text;
    view->page()->toPlainText([&](const QString &t) { text = t; });
    EXPECT_TRUE(waitUntil([&] { return text.has_value(); }, PageTimeoutMs));
    return text.value_or(QString());
}

struct Client {
    Models::ApiClient api;
    Client() {
        api.setBaseUrl(QUrl(demoServer().baseUrl()));
        api.setToken(LT::adminToken(demoServer()));
    }
};

// A demo customer with favourite products and an active coupon, for a full e-mail.
qint64 customerWithFavoritesAndCoupons() {
    LT::TestServer &server = demoServer();
    const QString token = LT::adminToken(server);
    const QJsonArray items = server.get("/api/v1/customers?limit=200", token)
                                 .json()
                                 .value(QStringLiteral("items"))
                                 .toArray();
    for (const auto &v : items) {
        const qint64 id = v.toObject().value(QStringLiteral("id")).toInteger();
        const QJsonObject body{
            {QStringLiteral("channel"), QStringLiteral("sms")},
            {QStringLiteral("customer_id"), id},
            {QStringLiteral("content"),
             QJsonObject{
                 {QStringLiteral("text"),
                  QStringLiteral(
                      "{{ favorite_products.size }} {{ coupons.size }} {{ balance.active }}")}}}};
        const QStringList counts = server.post("/api/v1/templates/render", json(body), token)
                                       .json()
                                       .value(QStringLiteral("parts"))
                                       .toObject()
                                       .value(QStringLiteral("text"))
                                       .toString()
                                       .split(u' ');
        if (counts.size() == 3 && counts[0].toInt() >= 3 && counts[1].toInt() >= 1 &&
            counts[2].toInt() > 0)
            return id;
    }
    return LT::demoCustomer().id;
}

}  // namespace

TEST(EmailEditor, BlocksAndMergeTagsSaveToTheServerAndReloadTheSame) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    Models::Language::apply(QStringLiteral("en"));
    auto editor = openEditor();
    ASSERT_TRUE(editor->isReady());
    // Calls made before anything was loaded start from an empty e-mail.
    editor->load(QJsonObject{{QStringLiteral("html"), QString()}});
    ASSERT_TRUE(waitUntil([&] { return !htmlOf(*editor).contains(QStringLiteral("<table")); },
                          PageTimeoutMs));

    QSignalSpy changed(editor.get(), &EmailEditor::changed);
    editor->insertBlock(QStringLiteral("ld-header"));
    editor->insertBlock(QStringLiteral("ld-balance"));
    editor->insertMergeTag(QStringLiteral("customer.first_name"));
    editor->insertBlock(QStringLiteral("ld-footer"));
    ASSERT_TRUE(waitUntil([&] { return !changed.isEmpty(); }, PageTimeoutMs))
        << "no changed() after edits";
    EXPECT_TRUE(editor->canUndo());
    EXPECT_TRUE(editor->undoAction()->isEnabled());

    const QJsonObject saved = contentOf(*editor);
    const QString html = saved.value(QStringLiteral("html")).toString();
    EXPECT_TRUE(html.startsWith(QStringLiteral("<!doctype html>")));
    EXPECT_EQ(html.count(QStringLiteral("<body")), 1);
    EXPECT_TRUE(html.contains(QStringLiteral("{{ customer.first_name }}"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("{{ balance.active }}")));
    EXPECT_TRUE(html.contains(QStringLiteral("{% if balance.expiring_soon > 0 %}")))
        << "Liquid is written as typed, not as HTML entities";
    EXPECT_TRUE(html.contains(QStringLiteral("href=\"{{ unsubscribe_url }}\"")));
    EXPECT_TRUE(html.contains(QStringLiteral("Your bonus balance")));
    EXPECT_TRUE(html.contains(QStringLiteral("style=\""))) << "CSS is inlined";
    EXPECT_FALSE(html.contains(QStringLiteral("<style")));
    EXPECT_LT(html.indexOf(QStringLiteral("Your brand")),
              html.indexOf(QStringLiteral("Your bonus balance")));
    EXPECT_LT(html.indexOf(QStringLiteral("{{ customer.first_name }}")),
              html.indexOf(QStringLiteral("{{ unsubscribe_url }}")));
    const QString design = saved.value(QStringLiteral("design")).toString();
    ASSERT_TRUE(
        QJsonDocument::fromJson(design.toUtf8()).object().value(QStringLiteral("pages")).isArray())
        << design.left(200).toStdString();

    // Stored by the real server, read back, loaded into a new editor: the same e-mail.
    LT::TestServer &server = demoServer();
    const QString token = LT::adminToken(server);
    const QJsonObject content{
        {QStringLiteral("subject"), QStringLiteral("{{ customer.first_name }}, your points")},
        {QStringLiteral("html"), html},
        {QStringLiteral("design"), design}};
    const LT::HttpResult created =
        server.post("/api/v1/templates",
                    json({{QStringLiteral("channel"), QStringLiteral("email")},
                          {QStringLiteral("name"), QStringLiteral("Points reminder")},
                          {QStringLiteral("content"), content}}),
                    token);
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const std::string path = "/api/v1/templates/" +
                             std::to_string(created.json().value(QStringLiteral("id")).toInteger());
    const QJsonObject stored =
        server.get(path, token).json().value(QStringLiteral("content")).toObject();
    EXPECT_EQ(stored.value(QStringLiteral("design")).toString(), design);

    auto reopened = openEditor();
    QSignalSpy loaded(reopened.get(), &EmailEditor::loaded);
    reopened->load(stored);
    ASSERT_TRUE(waitUntil([&] { return !loaded.isEmpty(); }, PageTimeoutMs));
    const QJsonObject again = contentOf(*reopened);
    EXPECT_EQ(again.value(QStringLiteral("html")).toString().toStdString(), html.toStdString());
    EXPECT_EQ(again.value(QStringLiteral("design")).toString().toStdString(), design.toStdString());
    EXPECT_FALSE(reopened->canUndo()) << "loading is not an edit";

    // Undo takes the last block away again, redo brings it back.
    editor->undo();
    ASSERT_TRUE(waitUntil(
        [&] { return !htmlOf(*editor).contains(QStringLiteral("{{ unsubscribe_url }}")); },
        PageTimeoutMs));
    editor->redo();
    ASSERT_TRUE(
        waitUntil([&] { return htmlOf(*editor).contains(QStringLiteral("{{ unsubscribe_url }}")); },
                  PageTimeoutMs));
}

TEST(EmailEditor, MergeTagPickerListsTheVariablesCatalog) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    auto editor = openEditor();
    editor->setVariables(variablesCatalog().value(QStringLiteral("items")).toArray());
    QSignalSpy loaded(editor.get(), &EmailEditor::loaded);
    editor->load(
        {{QStringLiteral("html"), QStringLiteral("<table><tr><td>Hello</td></tr></table>")}});
    ASSERT_TRUE(waitUntil([&] { return !loaded.isEmpty(); }, PageTimeoutMs));
    // The picker (the "{ }" button) filters the catalog as the user types; a click inserts.
    std::optional<QVariant> shown;
    editor->view()->page()->runJavaScript(
        QStringLiteral(
            "(() => { ldEditor.runCommand('ld-merge-tags');"
            "const input = document.querySelector('.ld-tags input'); input.value = 'expiring'; "
            "input.dispatchEvent(new Event('input'));"
            "const items = Array.from(document.querySelectorAll('.ld-tags li code')).map(c => "
            "c.textContent);"
            "document.querySelector('.ld-tags li').click(); return items.join(','); })()"),
        [&](const QVariant &v) { shown = v; });
    ASSERT_TRUE(waitUntil([&] { return shown.has_value(); }, PageTimeoutMs));
    EXPECT_EQ(shown->toString(), QStringLiteral("balance.expiring_soon"));
    ASSERT_TRUE(waitUntil(
        [&] { return htmlOf(*editor).contains(QStringLiteral("{{ balance.expiring_soon }}")); },
        PageTimeoutMs));
}

TEST(EmailEditor, LoadsPlainHtmlWithoutADesign) {
    auto editor = openEditor();
    QSignalSpy loaded(editor.get(), &EmailEditor::loaded);
    editor->load(
        {{QStringLiteral("html"),
          QStringLiteral("<!doctype html><html><head><style>.x{color:#c00}</style></head><body>"
                         "<table><tr><td class=\"x\">Hello {{ customer.first_name "
                         "}}</td></tr></table></body></html>")}});
    ASSERT_TRUE(waitUntil([&] { return !loaded.isEmpty(); }, PageTimeoutMs));
    const QString html = htmlOf(*editor);
    EXPECT_TRUE(html.contains(QStringLiteral("Hello {{ customer.first_name }}")))
        << html.toStdString();
    EXPECT_TRUE(html.contains(QRegularExpression(
        QStringLiteral("<td[^>]*style=\"[^\"]*color: ?(#c00|rgb\\(204, 0, 0\\))"))))
        << "the document's CSS is inlined: " << html.toStdString();
    // An image by URL goes in as a new row.
    editor->insertImage(QStringLiteral("https://cdn.example.com/banner.png"));
    ASSERT_TRUE(waitUntil(
        [&] {
            return htmlOf(*editor).contains(
                QStringLiteral("src=\"https://cdn.example.com/banner.png\""));
        },
        PageTimeoutMs));
    // A local file goes in as a data: URL (what chooseImage() reads from the file dialog).
    const QString pixel = QStringLiteral(
        "data:image/"
        "png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
        "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    editor->insertImage(pixel);
    ASSERT_TRUE(
        waitUntil([&] { return htmlOf(*editor).contains(QStringLiteral("src=\"") + pixel + u'"'); },
                  PageTimeoutMs));
}

TEST(DevicePreview, RendersASampleCustomerAtThreeWidthsAndListsStrictErrors) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    Models::Language::apply(QStringLiteral("en"));
    Client client;
    DevicePreview preview(&client.api);
    preview.setDebounce(50);
    preview.resize(1500, 900);
    preview.show();
    const LT::DemoCustomer customer = LT::demoCustomer();
    const QString firstName =
        demoServer()
            .get("/api/v1/customers/" + std::to_string(customer.id), LT::adminToken(demoServer()))
            .json()
            .value(QStringLiteral("first_name"))
            .toString();
    ASSERT_FALSE(firstName.isEmpty());

    // Found by the phone as people type it.
    QSignalSpy found(&preview, &DevicePreview::customersFound);
    preview.searchCustomers(LT::localPhoneFormat(customer.phoneE164));
    ASSERT_TRUE(waitUntil([&] { return !found.isEmpty(); }));
    EXPECT_GE(found.first().first().toInt(), 1);
    EXPECT_EQ(preview.customerId(), customer.id);

    QSignalSpy rendered(&preview, &DevicePreview::rendered);
    preview.setContent(
        {{QStringLiteral("subject"), QStringLiteral("{{ customer.first_name }}, your points")},
         {QStringLiteral("preheader"), QStringLiteral("Balance inside")},
         {QStringLiteral("html"),
          QStringLiteral(
              "<table width=\"100%\"><tr><td>Hello {{ customer.first_name }}!</td></tr></table>")},
         {QStringLiteral("design"), QStringLiteral("{\"pages\":[]}")}});
    ASSERT_TRUE(waitUntil([&] { return !rendered.isEmpty(); }, PageTimeoutMs));
    EXPECT_EQ(preview.lastResult()
                  .value(QStringLiteral("parts"))
                  .toObject()
                  .value(QStringLiteral("subject"))
                  .toString(),
              firstName + QStringLiteral(", your points"));
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(plainTextOf(preview.deviceView(i))
                        .contains(QStringLiteral("Hello ") + firstName + u'!'))
            << "width " << i;
        EXPECT_EQ(preview.deviceView(i)->width(),
                  qRound(DevicePreview::Devices[i].width * preview.deviceView(i)->zoomFactor()));
    }
    EXPECT_GT(preview.deviceView(0)->width(), preview.deviceView(1)->width());
    EXPECT_GT(preview.deviceView(1)->width(), preview.deviceView(2)->width());
    EXPECT_TRUE(preview.errorList()->isHidden());

    // An unknown variable: an error at its line and column only when strict.
    const QJsonObject typo{
        {QStringLiteral("subject"), QStringLiteral("Hi")},
        {QStringLiteral("html"), QStringLiteral("<p>Hi</p>\n<p>{{ customer.nickname }}</p>")}};
    preview.setStrict(true);
    preview.setContent(typo);
    ASSERT_TRUE(waitUntil(
        [&] { return preview.errorList()->count() > 0 && !preview.errorList()->isHidden(); },
        PageTimeoutMs));
    const QString error = preview.errorList()->item(0)->text();
    EXPECT_TRUE(error.contains(QStringLiteral("html, line 2, column"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("nickname"))) << error.toStdString();
    QSignalSpy activated(&preview, &DevicePreview::errorActivated);
    emit preview.errorList()->itemActivated(preview.errorList()->item(0));
    ASSERT_EQ(activated.size(), 1);
    EXPECT_EQ(activated.first().at(0).toString(), QStringLiteral("html"));
    EXPECT_EQ(activated.first().at(1).toInt(), 2);
    preview.setStrict(false);
    ASSERT_TRUE(waitUntil(
        [&] { return preview.lastResult().value(QStringLiteral("errors")).toArray().isEmpty(); },
        PageTimeoutMs));

    // Sample data from the variables catalog when no customer is chosen.
    rendered.clear();
    preview.setCustomer(0);
    preview.setContent(
        {{QStringLiteral("subject"), QStringLiteral("x")},
         {QStringLiteral("html"), QStringLiteral("<p>Dear {{ customer.first_name }}</p>")}});
    ASSERT_TRUE(waitUntil(
        [&] {
            return preview.lastResult()
                .value(QStringLiteral("parts"))
                .toObject()
                .value(QStringLiteral("html"))
                .toString()
                .contains(QStringLiteral("Dear Анна"));
        },
        PageTimeoutMs));

    // Larger than QWebEngineView::setHtml() takes (embedded images): still shown.
    rendered.clear();
    preview.setContent({{QStringLiteral("subject"), QStringLiteral("x")},
                        {QStringLiteral("html"),
                         QString(QStringLiteral("<p>Big {{ customer.first_name }}</p><!--") +
                                 QString(700 * 1024, u'x') + QStringLiteral("-->"))}});
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(waitUntil(
            [&] { return plainTextOf(preview.deviceView(i)).contains(QStringLiteral("Big Анна")); },
            PageTimeoutMs))
            << "width " << i;
}

TEST(EmailEditor, Screenshots) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    auto editor = openBlankEditor(QStringLiteral("en"));
    for (const char *block :
         {"ld-header", "ld-hero", "ld-balance", "ld-favorites", "ld-coupon", "ld-footer"})
        editor->insertBlock(QString::fromLatin1(block));
    const QJsonObject content = contentOf(*editor);
    ASSERT_TRUE(content.value(QStringLiteral("html"))
                    .toString()
                    .contains(QStringLiteral("favorite_products")));
    // The block library open beside the e-mail.
    editor->view()->page()->runJavaScript(QStringLiteral(
        "ldEditor.selectRemove(ldEditor.getSelectedAll()); ldEditor.runCommand('open-blocks');"
        "ldEditor.Panels.getButton('views', 'open-blocks').set('active', true);"));
    EXPECT_TRUE(saveShot(editor.get(), QStringLiteral("email-editor")));

    Client client;
    DevicePreview preview(&client.api);
    preview.resize(1600, 1000);
    preview.show();
    preview.setCustomer(customerWithFavoritesAndCoupons());
    QSignalSpy rendered(&preview, &DevicePreview::rendered);
    QJsonObject parts = content;
    parts.insert(QStringLiteral("subject"),
                 QStringLiteral("{{ customer.first_name }}, your favourites are waiting"));
    parts.insert(QStringLiteral("preheader"),
                 QStringLiteral("{{ balance.active }} points on your card"));
    parts.insert(QStringLiteral("sender_name"), QStringLiteral("Your brand"));
    parts.insert(QStringLiteral("sender_email"), QStringLiteral("news@yourbrand.example"));
    preview.setContent(parts);
    ASSERT_TRUE(waitUntil([&] { return !rendered.isEmpty(); }, PageTimeoutMs));
    EXPECT_TRUE(preview.lastResult().value(QStringLiteral("ok")).toBool())
        << QJsonDocument(preview.lastResult().value(QStringLiteral("errors")).toArray())
               .toJson()
               .toStdString();
    EXPECT_TRUE(saveShot(&preview, QStringLiteral("email-preview")));
}

// The labels and tooltips of GrapesJS's own panels that a user reads: panel buttons,
// block labels and categories, style sectors and properties, settings (traits), layers
// and the component toolbar. `view` is opened first ("open-blocks", "open-sm", ...).
// What `script` evaluates to in the editor page, waited for.
static QVariant evaluate(EmailEditor &editor, const QString &script) {
    std::optional<QVariant> result;
    editor.view()->page()->runJavaScript(script, [&](const QVariant &v) { result = v; });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, PageTimeoutMs));
    return result.value_or(QVariant());
}

static QStringList editorLabels(EmailEditor &editor, const QString &view) {
    EXPECT_TRUE(evaluate(editor,
        QStringLiteral(
            "(() => { const e = ldEditor;"
            "  const a = e.getWrapper().find('a')[0]; if (a) e.select(a);"
            "  e.StyleManager.getSectors().forEach((s) => s.setOpen(true));"
            "  e.Panels.getButton('views', '%1').set('active', true); return true; })()")
            .arg(view)).toBool());
    QTest::qWait(300);  // the views render after the events
    return evaluate(editor,
        QStringLiteral(
            "(() => { const out = []; let e;"
            "  const visible = (el) => el.offsetParent !== null;"
            "  document.querySelectorAll('.gjs-pn-btn[title], .gjs-toolbar-item[title]')"
            "    .forEach((el) => out.push(el.getAttribute('title')));"
            "  document.querySelectorAll('.gjs-block-label, .gjs-block-category .gjs-title,"
            "    .gjs-sm-sector-title, .gjs-sm-label, .gjs-trt-trait .gjs-label, .gjs-layer-name,"
            "    .gjs-trt-header, .gjs-sm-header, .gjs-clm-label')"
            "    .forEach((el) => { if (visible(el)) out.push(el.innerText.trim()); });"
            "  document.querySelectorAll('.gjs-sm-property select:not(.gjs-input-unit) option,"
            "    .gjs-trt-trait select option')"
            "    .forEach((el) => { if (visible(el.parentElement)"
            "      && !el.closest('.gjs-sm-property__font-family')) out.push(el.textContent.trim()); });"
            "  document.querySelectorAll('.gjs-sm-property [title], .gjs-radio-item [title]')"
            "    .forEach((el) => { if (visible(el)) out.push(el.getAttribute('title')); });"
            "  e = ldEditor; e.Panels.getPanels().forEach((p) => p.get('buttons').forEach((b) => {"
            "    if (b.id && !e.I18n.t('panels.buttons.titles.' + b.id) && !(b.get('attributes') || {}).title)"
            "      out.push('no tooltip: ' + b.id); }));"
            "  return out.filter((t) => t.length > 0); })()")).toStringList();
}

TEST(EmailEditor, PanelsBlocksAndSettingsAreRussianInRussian) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    auto editor = openBlankEditor(QStringLiteral("ru"));
    editor->insertBlock(QStringLiteral("ld-hero"));
    // Latin words left in a label (but names: LoyaltyDesk, HTML): English nobody translated.
    static const QRegularExpression names(QStringLiteral("\\b(LoyaltyDesk|HTML)\\b"));
    static const QRegularExpression english(QStringLiteral("[A-Za-z]{2,}"));
    QStringList all;
    for (const char *view : {"open-blocks", "open-sm", "open-tm", "open-layers"}) {
        const QStringList labels = editorLabels(*editor, QString::fromLatin1(view));
        EXPECT_GT(labels.size(), 5) << view;
        for (const QString &l : labels)
            if (QString(l).remove(names).contains(english) && !all.contains(l)) all << l;
    }
    // Known ones, by key.
    EXPECT_EQ(evaluate(*editor, QStringLiteral(
                  "['panels.buttons.titles.canvas-clear', 'blockManager.labels.sect50',"
                  " 'traitManager.traits.labels.href'].map((k) => ldEditor.I18n.t(k)).join('|')"))
                  .toString(),
              QStringLiteral("Очистить письмо|Две колонки|Адрес ссылки"));
    EXPECT_TRUE(all.isEmpty()) << all.join(QStringLiteral(" | ")).toStdString();
    Models::Language::apply(QStringLiteral("en"));
}

TEST(EmailEditor, ScreenshotInRussian) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    auto editor = openBlankEditor(QStringLiteral("ru"));
    for (const char *block : {"ld-header", "ld-hero", "ld-balance", "ld-coupon", "ld-footer"})
        editor->insertBlock(QString::fromLatin1(block));
    ASSERT_TRUE(waitUntil(
        [&] { return htmlOf(*editor).contains(QStringLiteral("Потратить баллы")); }, PageTimeoutMs));
    // The block library in Russian beside the e-mail, the preset's blocks included.
    const QStringList labels = editorLabels(*editor, QStringLiteral("open-blocks"));
    EXPECT_TRUE(labels.contains(QStringLiteral("Две колонки"))) << labels.join(u'|').toStdString();
    EXPECT_TRUE(labels.contains(QStringLiteral("Основные блоки"))) << labels.join(u'|').toStdString();
    editor->view()->page()->runJavaScript(
        QStringLiteral("ldEditor.selectRemove(ldEditor.getSelectedAll());"));
    EXPECT_TRUE(saveShot(editor.get(), QStringLiteral("email-editor-ru")));
    Models::Language::apply(QStringLiteral("en"));
}

TEST(EmailEditor, SpeaksRussianWhenTheAppDoes) {
    Models::Language::apply(QStringLiteral("ru"));
    auto editor = openEditor();
    std::optional<QString> answer;
    editor->view()->page()->runJavaScript(
        QStringLiteral("ldEditor.I18n.getLocale() + '|' + "
                       "ldEditor.Blocks.get('ld-balance').getCategoryLabel() + '|' + "
                       "ldEditor.I18n.t('assetManager.addButton')"),
        [&](const QVariant &v) { answer = v.toString(); });
    ASSERT_TRUE(waitUntil([&] { return answer.has_value(); }, PageTimeoutMs));
    EXPECT_EQ(*answer, QStringLiteral("ru|Блоки LoyaltyDesk|Добавить изображение"));
    const QString html = htmlOf(*editor);
    editor->insertBlock(QStringLiteral("ld-footer"));
    ASSERT_TRUE(waitUntil([&] { return htmlOf(*editor).contains(QStringLiteral("Отписаться")); },
                          PageTimeoutMs));
    EXPECT_FALSE(html.contains(QStringLiteral("Отписаться")));
    Models::Language::apply(QStringLiteral("en"));
}
