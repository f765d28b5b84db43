// The Messages section driven like a user against the real server: the library with
// its filters, the SMS editor with its counters, merge tags and preview, versions,
// duplicate, delete, HTML import, local drafts that survive a crash and a dead
// network, and the test-send dialog.
#include "apptest.h"
#include "support/channelsink.h"

#include "core/messages/sms.h"
#include "models/apiclient.h"
#include "models/drafts.h"
#include "models/language.h"
#include "models/localcache.h"
#include "models/repository.h"
#include "ui/mainwindow.h"
#include "ui/templateeditor.h"
#include "ui/templatespage.h"
#include "ui/testsenddialog.h"
#include "widgets/customerpicker.h"
#include "widgets/devicepreview.h"
#include "widgets/emaileditor.h"
#include "widgets/mergetagpicker.h"
#include "widgets/phonepreview.h"
#include "widgets/searchbox.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <gtest/gtest.h>

using namespace LoyaltyDesk;
namespace LT = LoyaltyDesk::Test;
using LT::demoServer;
using LT::waitUntil;

namespace {

// Types like a keyboard does, Cyrillic and typographic characters included.
void type(QWidget *w, const QString &text) {
    for (const QChar c : text) {
        if (c.unicode() < 128 && c.unicode() >= 32) {
            QTest::keyClick(w, char(c.unicode()));
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &press);
        QApplication::sendEvent(w, &release);
    }
}

QByteArray json(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Creates a template straight through the API; returns its id.
qint64 createTemplate(const QString &token, const QString &channel, const QString &name,
                      const QString &folder, const QStringList &tags, const QJsonObject &content) {
    const auto r =
        demoServer().post("/api/v1/templates",
                          json({{QStringLiteral("channel"), channel},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("folder"), folder},
                                {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                                {QStringLiteral("content"), content}}),
                          token);
    EXPECT_EQ(r.status, 201) << r.body.toStdString();
    return r.json().value(QStringLiteral("id")).toInteger();
}

QJsonObject serverTemplate(qint64 id) {
    return demoServer()
        .get("/api/v1/templates/" + std::to_string(id), LT::adminToken(demoServer()))
        .json();
}

// A small library a marketer would have.
void seedLibrary() {
    const QString t = LT::adminToken(demoServer());
    const auto text = [](const char *s) {
        return QJsonObject{{QStringLiteral("text"), QString::fromUtf8(s)}};
    };
    createTemplate(
        t, QStringLiteral("sms"), QStringLiteral("Birthday greeting"),
        QStringLiteral("Loyalty/Birthday"), {QStringLiteral("birthday"), QStringLiteral("auto")},
        text("{{ customer.first_name }}, с днём рождения! Дарим 500 бонусов до конца недели."));
    createTemplate(t, QStringLiteral("sms"), QStringLiteral("Points expiring"),
                   QStringLiteral("Loyalty"), {QStringLiteral("balance")},
                   text("{{ balance.expiring_soon }} bonus points expire in 30 days. Spend them at "
                        "any store!"));
    createTemplate(
        t, QStringLiteral("push"), QStringLiteral("Summer sale starts"),
        QStringLiteral("Promo/Summer"), {QStringLiteral("sale"), QStringLiteral("summer")},
        QJsonObject{{QStringLiteral("title"), QStringLiteral("Летняя распродажа −30%")},
                    {QStringLiteral("body"),
                     QStringLiteral("{{ customer.first_name | default: \"Друг\" }}, скидки на "
                                    "летнюю коллекцию уже в приложении")},
                    {QStringLiteral("deep_link"), QStringLiteral("shop://sale/summer")}});
    createTemplate(
        t, QStringLiteral("email"), QStringLiteral("Welcome letter"), QStringLiteral("Onboarding"),
        {QStringLiteral("welcome"), QStringLiteral("auto")},
        QJsonObject{
            {QStringLiteral("subject"),
             QStringLiteral("Добро пожаловать в клуб, {{ customer.first_name }}!")},
            {QStringLiteral("preheader"), QStringLiteral("Ваши первые 300 бонусов уже на карте")},
            {QStringLiteral("sender_name"), QStringLiteral("Клуб покупателей")},
            {QStringLiteral("html"), QStringLiteral("<h1>Здравствуйте, {{ customer.first_name "
                                                    "}}!</h1><p>Спасибо, что вы с нами.</p>")}});
    createTemplate(
        t, QStringLiteral("in_app"), QStringLiteral("Tier upgrade"), QStringLiteral("Loyalty"),
        {QStringLiteral("tier")},
        QJsonObject{
            {QStringLiteral("title"), QStringLiteral("Вы получили статус {{ tier.name }}")},
            {QStringLiteral("body"), QStringLiteral("Теперь кешбэк больше на каждой покупке.")},
            {QStringLiteral("button"), QStringLiteral("Подробнее")}});
    createTemplate(t, QStringLiteral("messenger"), QStringLiteral("Order ready"),
                   QStringLiteral("Service"), {QStringLiteral("service")},
                   text("{{ customer.first_name }}, ваш заказ готов к выдаче в магазине {{ "
                        "last_receipt.pos }}."));
    createTemplate(t, QStringLiteral("push"), QStringLiteral("Cart reminder"),
                   QStringLiteral("Promo"), {QStringLiteral("cart"), QStringLiteral("auto")},
                   QJsonObject{{QStringLiteral("title"), QStringLiteral("Вы кое-что забыли")},
                               {QStringLiteral("body"), QStringLiteral("Товары ждут в корзине")}});
}

// The app's data layer signed in as a user, and the Messages section on top of it.
struct Library {
    QTemporaryDir dir;
    QString cachePath;
    std::unique_ptr<Models::ApiClient> api;
    std::unique_ptr<Models::LocalCache> cache;
    std::unique_ptr<Models::Repository> repository;
    Models::Session session;
    std::unique_ptr<Ui::TemplatesPage> page;

    explicit Library(const QString &user = QStringLiteral("admin"), const QString &cacheFile = {})
        : cachePath(cacheFile.isEmpty() ? dir.filePath(QStringLiteral("cache.sqlite")) : cacheFile),
          api(std::make_unique<Models::ApiClient>()),
          cache(std::make_unique<Models::LocalCache>(cachePath)),
          repository(std::make_unique<Models::Repository>(api.get(), cache.get())) {
        Models::Language::apply(QStringLiteral("en"));
        api->setBaseUrl(QUrl(demoServer().baseUrl()));
        bool done = false;
        api->login(user, LT::passwordOf(user), api.get(), [&](Core::Result<Models::Session> r) {
            done = true;
            if (r) session = *r;
        });
        waitUntil([&] { return done; });
        repository->setUser(user);
        page = std::make_unique<Ui::TemplatesPage>(repository.get(), session);
        page->confirm = [this](const QString &, const QString &text) {
            asked << text;
            return answer;
        };
        page->resize(1280, 800);
        page->show();
        page->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(page.get()));
    }

    QStringList asked;
    bool answer = true;

    bool loaded() {
        const int before = page->loadCount();
        page->reload();
        return waitUntil([&] { return page->loadCount() > before && !page->isLoading(); });
    }
    // Waits for the list after a filter change.
    bool settled(int before) {
        return waitUntil([&] { return page->loadCount() > before && !page->isLoading(); });
    }
    QStringList names() const {
        QStringList out;
        for (int r = 0; r < page->model()->rowCount(); ++r)
            out << page->model()->index(r, 0).data().toString();
        out.sort();
        return out;
    }
    Ui::TemplateEditor *editor() const { return page->editor(); }
    bool editorLoaded() {
        return waitUntil([&] { return editor() && editor()->isLoaded(); });
    }
};

// Types the last ten digits of a phone into a customer picker and takes the first match.
bool chooseByPhone(Widgets::CustomerPicker *picker, const QString &e164) {
    picker->setFocus();
    type(picker, e164.right(10));
    if (!waitUntil([&] { return picker->matches()->rowCount() > 0; })) return false;
    picker->completer()->popup()->setCurrentIndex(
        picker->completer()->completionModel()->index(0, 0));
    QTest::keyClick(picker->completer()->popup(), Qt::Key_Return);
    return picker->customerId() > 0;
}

QPlainTextEdit *plain(Ui::TemplateEditor *e, const char *part) {
    return qobject_cast<QPlainTextEdit *>(e->field(QString::fromLatin1(part)));
}

}  // namespace

TEST(MessagesLibrary, ListsAndFiltersByChannelFolderTagAndSearch) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    seedLibrary();
    Library lib;
    ASSERT_TRUE(lib.loaded());
    EXPECT_EQ(lib.page->model()->rowCount(), 7);
    EXPECT_EQ(lib.page->folders(),
              (QStringList{QStringLiteral("Loyalty"), QStringLiteral("Loyalty/Birthday"),
                           QStringLiteral("Onboarding"), QStringLiteral("Promo"),
                           QStringLiteral("Promo/Summer"), QStringLiteral("Service")}));
    EXPECT_TRUE(lib.page->tags().contains(QStringLiteral("auto")));
    // The folder tree nests "Promo/Summer" under "Promo".
    QTreeWidgetItem *promo = nullptr;
    for (QTreeWidgetItemIterator it(lib.page->folderTree()); *it; ++it)
        if ((*it)->text(0) == QLatin1String("Promo")) promo = *it;
    ASSERT_NE(promo, nullptr);
    ASSERT_EQ(promo->childCount(), 1);
    EXPECT_EQ(promo->child(0)->text(0), QStringLiteral("Summer"));

    int before = lib.page->loadCount();
    lib.page->setChannelFilter(QStringLiteral("push"));
    ASSERT_TRUE(lib.settled(before));
    EXPECT_EQ(lib.names(),
              (QStringList{QStringLiteral("Cart reminder"), QStringLiteral("Summer sale starts")}));

    before = lib.page->loadCount();
    lib.page->setChannelFilter({});
    lib.page->folderTree()->setCurrentItem(promo->child(0));  // a click on "Summer"
    ASSERT_TRUE(lib.settled(before));
    EXPECT_EQ(lib.names(), QStringList{QStringLiteral("Summer sale starts")});

    before = lib.page->loadCount();
    lib.page->setFolderFilter({});
    ASSERT_TRUE(lib.settled(before));
    before = lib.page->loadCount();
    lib.page->setTagFilter(QStringLiteral("auto"));
    ASSERT_TRUE(lib.settled(before));
    EXPECT_EQ(lib.names(),
              (QStringList{QStringLiteral("Birthday greeting"), QStringLiteral("Cart reminder"),
                           QStringLiteral("Welcome letter")}));

    before = lib.page->loadCount();
    lib.page->setTagFilter({});
    ASSERT_TRUE(lib.settled(before));
    // Search finds texts too, typed into the search box.
    before = lib.page->loadCount();
    lib.page->searchBox()->setFocus();
    type(lib.page->searchBox(), QStringLiteral("заказ"));
    ASSERT_TRUE(lib.settled(before));
    EXPECT_EQ(lib.names(), QStringList{QStringLiteral("Order ready")});
    // The row shows the channel, folder, tags and version.
    const QStandardItemModel *m = lib.page->model();
    EXPECT_EQ(m->index(0, 2).data().toString(), QStringLiteral("Service"));
    EXPECT_EQ(m->index(0, 3).data().toString(), QStringLiteral("#service"));
    EXPECT_EQ(m->index(0, 5).data().toString(), QStringLiteral("admin"));
    EXPECT_EQ(m->index(0, 6).data().toInt(), 1);
    EXPECT_FALSE(m->index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
    // Enter opens the selected template.
    lib.page->list()->setFocus();
    lib.page->list()->setCurrentIndex(m->index(0, 0));
    QTest::keyClick(lib.page->list(), Qt::Key_Return);
    ASSERT_TRUE(lib.editorLoaded());
    EXPECT_TRUE(lib.page->isEditorShown());
    EXPECT_EQ(lib.editor()->nameEdit()->text(), QStringLiteral("Order ready"));
    EXPECT_EQ(lib.editor()->channel(), QStringLiteral("messenger"));
}

TEST(MessagesEditor, SmsTypedCountsMergeTagSavesVersionsAndRestoresFromHistory) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    Library lib;
    ASSERT_TRUE(lib.loaded());
    lib.page->newTemplate(QStringLiteral("sms"));
    ASSERT_TRUE(lib.editorLoaded());
    Ui::TemplateEditor *e = lib.editor();
    type(e->nameEdit(), QStringLiteral("Weekend offer"));
    QPlainTextEdit *text = plain(e, "text");
    ASSERT_NE(text, nullptr);
    text->setFocus();
    const QString latin = QStringLiteral("Hello! Weekend offer: 20% off everything in store. ");
    type(text, latin);
    auto count = Core::Messages::countSms(text->toPlainText());
    EXPECT_EQ(count.encoding, QStringLiteral("gsm7"));
    EXPECT_EQ(e->counter(QStringLiteral("text"))->text(),
              QStringLiteral("%1 characters · GSM-7 · 1 segment").arg(count.units));
    // Cyrillic switches to UCS-2 and to more segments, as core counts them.
    const QString cyrillic =
        QStringLiteral("Только в эти выходные скидка двадцать процентов на всё!");
    type(text, cyrillic);
    count = Core::Messages::countSms(text->toPlainText());
    EXPECT_EQ(count.encoding, QStringLiteral("ucs2"));
    EXPECT_EQ(count.segments, 2);
    EXPECT_EQ(e->counter(QStringLiteral("text"))->text(),
              QStringLiteral("%1 characters · UCS-2 (Unicode) · 2 segments").arg(count.units));
    // The UCS-2 characters are marked in the text.
    const auto formats = text->document()->firstBlock().layout()->formats();
    ASSERT_FALSE(formats.isEmpty());
    EXPECT_EQ(formats.first().start, latin.size());

    // A merge tag through the picker: search, Enter.
    Widgets::MergeTagPicker *picker = e->mergeTagPicker();
    ASSERT_TRUE(waitUntil([&] { return picker->isLoaded(); }));
    QTest::mouseClick(picker, Qt::LeftButton);
    ASSERT_TRUE(picker->popup()->isVisible());
    type(picker->searchField(), QStringLiteral("first_name"));
    QTest::keyClick(picker->searchField(), Qt::Key_Return);
    EXPECT_FALSE(picker->popup()->isVisible());
    EXPECT_TRUE(text->toPlainText().endsWith(QStringLiteral("{{ customer.first_name }}")))
        << text->toPlainText().toStdString();

    // Save: version 1 on the server.
    QTest::keyClick(e, Qt::Key_S, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return e->templateId() > 0 && !e->isSaving(); }));
    const qint64 id = e->templateId();
    QJsonObject saved = serverTemplate(id);
    EXPECT_EQ(saved.value(QStringLiteral("version")).toInt(), 1);
    EXPECT_EQ(saved.value(QStringLiteral("name")).toString(), QStringLiteral("Weekend offer"));
    const QString v1Text = latin + cyrillic + QStringLiteral("{{ customer.first_name }}");
    EXPECT_EQ(
        saved.value(QStringLiteral("content")).toObject().value(QStringLiteral("text")).toString(),
        v1Text);

    // Edit, save: version 2.
    text->selectAll();
    type(text, QStringLiteral("Sale ends Sunday"));
    e->save();
    ASSERT_TRUE(waitUntil([&] { return e->version() == 2 && !e->isSaving(); }));
    EXPECT_EQ(serverTemplate(id)
                  .value(QStringLiteral("content"))
                  .toObject()
                  .value(QStringLiteral("text"))
                  .toString(),
              QStringLiteral("Sale ends Sunday"));
    EXPECT_TRUE(e->statusLabel()->text().contains(QStringLiteral("version 2")));

    // Back to the library; the history shows both; restore version 1 after confirming.
    const int loads = lib.page->loadCount();
    lib.page->closeEditor();
    ASSERT_TRUE(lib.settled(loads));
    ASSERT_TRUE(lib.page->selectTemplate(id));
    ASSERT_TRUE(waitUntil([&] { return lib.page->versionList()->count() == 2; }))
        << lib.page->messageLabel()->text().toStdString() << " versions "
        << lib.page->versionList()->count() << " selected " << lib.page->selectedId();
    EXPECT_TRUE(lib.page->versionList()->item(0)->text().contains(QStringLiteral("Version 2")));
    EXPECT_FALSE(lib.page->restoreButton()->isEnabled());  // the current one
    lib.page->versionList()->setCurrentRow(1);
    EXPECT_TRUE(lib.page->versionView()->toPlainText().contains(v1Text));
    ASSERT_TRUE(lib.page->restoreButton()->isEnabled());
    lib.answer = false;  // "Cancel" changes nothing
    lib.page->restoreButton()->click();
    ASSERT_EQ(lib.asked.size(), 1);
    QTest::qWait(200);
    EXPECT_EQ(serverTemplate(id).value(QStringLiteral("version")).toInt(), 2);
    lib.answer = true;
    lib.page->restoreButton()->click();
    ASSERT_TRUE(waitUntil([&] { return lib.page->versionList()->count() == 3; }))
        << lib.page->messageLabel()->text().toStdString() << " versions "
        << lib.page->versionList()->count() << " selected " << lib.page->selectedId();
    saved = serverTemplate(id);
    EXPECT_EQ(saved.value(QStringLiteral("version")).toInt(), 3);
    EXPECT_EQ(
        saved.value(QStringLiteral("content")).toObject().value(QStringLiteral("text")).toString(),
        v1Text);
}

TEST(MessagesLibrary, DuplicateDeleteWithConfirmationImportAndExport) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    const QString token = LT::adminToken(demoServer());
    const qint64 id =
        createTemplate(token, QStringLiteral("sms"), QStringLiteral("Reactivation"),
                       QStringLiteral("Loyalty"), {QStringLiteral("winback")},
                       QJsonObject{{QStringLiteral("text"),
                                    QStringLiteral("We miss you, {{ customer.first_name }}!")}});
    Library lib;
    ASSERT_TRUE(lib.loaded());
    ASSERT_TRUE(lib.page->selectTemplate(id));
    QTest::keyClick(lib.page->list(), Qt::Key_D, Qt::ControlModifier);
    ASSERT_TRUE(
        waitUntil([&] { return lib.names().contains(QStringLiteral("Reactivation (copy)")); }));
    const qint64 copy = lib.page->selectedId();
    EXPECT_NE(copy, id);
    EXPECT_EQ(serverTemplate(copy).value(QStringLiteral("folder")).toString(),
              QStringLiteral("Loyalty"));

    // Delete asks; "Cancel" keeps it, "Yes" deletes it.
    lib.answer = false;
    lib.page->list()->setFocus();
    QTest::keyClick(lib.page->list(), Qt::Key_Delete);
    ASSERT_EQ(lib.asked.size(), 1);
    EXPECT_TRUE(lib.asked[0].contains(QStringLiteral("Reactivation (copy)")));
    QTest::qWait(200);
    EXPECT_EQ(demoServer().get("/api/v1/templates/" + std::to_string(copy), token).status, 200);
    lib.answer = true;
    QTest::keyClick(lib.page->list(), Qt::Key_Delete);
    ASSERT_TRUE(
        waitUntil([&] { return !lib.names().contains(QStringLiteral("Reactivation (copy)")); }));
    EXPECT_EQ(demoServer().get("/api/v1/templates/" + std::to_string(copy), token).status, 404);

    // Import an HTML file: an e-mail template named after the file, subject from <title>.
    const QString file = lib.dir.filePath(QStringLiteral("Black Friday.html"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("<html><head><title>Чёрная пятница: −50%</title></head><body><p>Привет, "
                           "{{ customer.first_name }}!</p></body></html>")
                .toUtf8());
    }
    lib.page->importHtmlFile(file);
    ASSERT_TRUE(waitUntil([&] {
        return lib.names().contains(QStringLiteral("Black Friday")) && !lib.page->isLoading();
    }));
    const QJsonObject imported = lib.page->selectedTemplate();
    EXPECT_EQ(imported.value(QStringLiteral("name")).toString(), QStringLiteral("Black Friday"));
    EXPECT_EQ(imported.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    EXPECT_EQ(imported.value(QStringLiteral("content"))
                  .toObject()
                  .value(QStringLiteral("subject"))
                  .toString(),
              QStringLiteral("Чёрная пятница: −50%"));

    // Export it back: the file is what the server's export route answers, byte for byte.
    const auto exportedFile = [&](const QString &name) {
        const QString out = lib.dir.filePath(name);
        lib.page->exportSelected(out);
        EXPECT_TRUE(waitUntil([&] { return lib.page->messageLabel()->text().contains(name); }));
        QFile f(out);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const auto serverExport = [&](qint64 templateId) {
        const auto r =
            demoServer().get("/api/v1/templates/" + std::to_string(templateId) + "/export", token);
        EXPECT_EQ(r.status, 200);
        return r.body;
    };
    const QByteArray html = exportedFile(QStringLiteral("export.html"));
    EXPECT_TRUE(html.contains("Привет, {{ customer.first_name }}!"));
    EXPECT_EQ(html, serverExport(imported.value(QStringLiteral("id")).toInteger()));
    // An SMS template leaves as its JSON, indented for people to read.
    ASSERT_TRUE(lib.page->selectTemplate(id));
    const QByteArray sms = exportedFile(QStringLiteral("reactivation.json"));
    EXPECT_EQ(sms, serverExport(id));
    EXPECT_EQ(QJsonDocument::fromJson(sms).object(), serverTemplate(id));
    EXPECT_TRUE(sms.contains("\n    \"channel\": \"sms\""));
    // A file that does not exist says so.
    lib.page->importHtmlFile(lib.dir.filePath(QStringLiteral("missing.html")));
    EXPECT_TRUE(lib.page->messageLabel()->text().contains(QStringLiteral("missing.html")));
}

TEST(MessagesEditor, EmailDesignerWritesTheHtmlKeepsItsDesignAndMakesThePlainText) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    const QString token = LT::adminToken(demoServer());
    const qint64 id = createTemplate(
        token, QStringLiteral("email"), QStringLiteral("Welcome letter"),
        QStringLiteral("Onboarding"), {},
        QJsonObject{
            {QStringLiteral("subject"),
             QStringLiteral("Добро пожаловать, {{ customer.first_name }}!")},
            {QStringLiteral("html"), QStringLiteral("<html><body><h1>Здравствуйте!</h1><p>Спасибо, "
                                                    "что вы с нами.</p></body></html>")}});
    Library lib;
    lib.page->openTemplate(id);
    ASSERT_TRUE(lib.editorLoaded());
    Ui::TemplateEditor *e = lib.editor();
    Widgets::EmailEditor *designer = e->emailEditor();
    ASSERT_NE(designer, nullptr);
    QTabWidget *tabs = e->emailTabs();
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i) titles << tabs->tabText(i);
    EXPECT_EQ(titles, (QStringList{QStringLiteral("Design"), QStringLiteral("HTML source"),
                                   QStringLiteral("Plain-text part"),
                                   QStringLiteral("Preview on devices")}));
    // The plain-text part is made from the HTML unless the user writes it.
    EXPECT_FALSE(e->ownPlainTextBox()->isChecked());
    EXPECT_TRUE(plain(e, "text")->toPlainText().contains(QStringLiteral("Спасибо, что вы с нами.")))
        << plain(e, "text")->toPlainText().toStdString();
    EXPECT_TRUE(plain(e, "text")->isReadOnly());
    EXPECT_FALSE(e->content().contains(QStringLiteral("text")));
    ASSERT_TRUE(waitUntil([&] { return designer->isReady(); }, 60000));
    QTest::qWait(1500);
    EXPECT_FALSE(e->isModified());  // loading is not an edit

    // A merge tag through the picker goes into the designer when it is the target.
    Widgets::MergeTagPicker *picker = e->mergeTagPicker();
    ASSERT_TRUE(waitUntil([&] { return picker->isLoaded(); }));
    picker->setTarget(designer);
    ASSERT_TRUE(picker->insert(QStringLiteral("customer.first_name")));
    ASSERT_TRUE(waitUntil(
        [&] {
            return plain(e, "html")->toPlainText().contains(
                QStringLiteral("{{ customer.first_name }}"));
        },
        15000))
        << plain(e, "html")->toPlainText().toStdString();
    EXPECT_TRUE(e->isModified());
    EXPECT_TRUE(
        e->content().value(QStringLiteral("design")).toString().startsWith(QLatin1Char('{')));
    EXPECT_TRUE(
        plain(e, "text")->toPlainText().contains(QStringLiteral("{{ customer.first_name }}")));
    e->save();
    ASSERT_TRUE(waitUntil([&] { return e->version() == 2 && !e->isSaving(); }));
    const QJsonObject saved = serverTemplate(id).value(QStringLiteral("content")).toObject();
    EXPECT_TRUE(saved.value(QStringLiteral("html"))
                    .toString()
                    .contains(QStringLiteral("{{ customer.first_name }}")));
    EXPECT_FALSE(saved.value(QStringLiteral("design")).toString().isEmpty());
    EXPECT_FALSE(saved.contains(QStringLiteral("text")));

    // Editing the source drops the stale design; the designer starts again from the HTML.
    plain(e, "html")->setFocus();
    plain(e, "html")->moveCursor(QTextCursor::Start);
    type(plain(e, "html"), QStringLiteral("<!-- v3 -->"));
    EXPECT_FALSE(e->content().contains(QStringLiteral("design")));
    tabs->setCurrentWidget(e->devicePreview());
    EXPECT_EQ(e->devicePreview()->customerId(), 0);
    ASSERT_TRUE(waitUntil(
        [&] { return e->devicePreview()->lastResult().value(QStringLiteral("ok")).toBool(); },
        15000));
}

TEST(MessagesEditor, CountersSpeakRussianWithPluralForms) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    Library lib;
    ASSERT_TRUE(Models::Language::apply(QStringLiteral("ru")));
    lib.page->newTemplate(QStringLiteral("sms"));
    ASSERT_TRUE(lib.editorLoaded());
    Ui::TemplateEditor *e = lib.editor();
    QPlainTextEdit *text = plain(e, "text");
    text->setFocus();
    type(text, QStringLiteral("Я"));
    EXPECT_EQ(e->counter(QStringLiteral("text"))->text(),
              QStringLiteral("1 символ · UCS-2 (Юникод) · 1 сегмент"));
    type(text, QStringLiteral("ой"));
    EXPECT_EQ(e->counter(QStringLiteral("text"))->text(),
              QStringLiteral("3 символа · UCS-2 (Юникод) · 1 сегмент"));
    type(text, QString(68, QChar(0x0431)));  // 71 characters: two UCS-2 segments
    EXPECT_EQ(e->counter(QStringLiteral("text"))->text(),
              QStringLiteral("71 символ · UCS-2 (Юникод) · 2 сегмента"));
    text->clear();
    type(text, QString(765, QLatin1Char('a')));  // 765 septets: five GSM-7 segments of 153
    EXPECT_EQ(e->counter(QStringLiteral("text"))->text(),
              QStringLiteral("765 символов · GSM-7 · 5 сегментов"));
    Models::Language::apply(QStringLiteral("en"));
}

TEST(MessagesDrafts, EditsSurviveACrashAndComeBackWhenOffered) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    const QString token = LT::adminToken(demoServer());
    const qint64 id = createTemplate(
        token, QStringLiteral("sms"), QStringLiteral("Store opening"), QStringLiteral("Promo"), {},
        QJsonObject{{QStringLiteral("text"), QStringLiteral("A new store opens on Saturday.")}});
    QTemporaryDir keep;
    const QString cacheFile = keep.filePath(QStringLiteral("cache.sqlite"));
    const QString typed = QStringLiteral(" Free coffee for the first 100 guests!");
    {
        Library lib(QStringLiteral("admin"), cacheFile);
        lib.page->openTemplate(id);
        ASSERT_TRUE(lib.editorLoaded());
        QPlainTextEdit *text = plain(lib.editor(), "text");
        text->setFocus();
        text->moveCursor(QTextCursor::End);
        type(text, typed);
        // The draft is written after a pause in typing, without any save or close.
        ASSERT_TRUE(waitUntil([&] { return !lib.editor()->drafts()->hasPending(); }, 3000));
        lib.cache->flush();
        // The crash: the editor and everything else go away with no save and no close handler.
        delete lib.editor();
    }
    Library again(QStringLiteral("admin"), cacheFile);
    again.page->openTemplate(id);
    ASSERT_TRUE(again.editorLoaded());
    Ui::TemplateEditor *e = again.editor();
    EXPECT_EQ(plain(e, "text")->toPlainText(), QStringLiteral("A new store opens on Saturday."));
    ASSERT_TRUE(waitUntil([&] { return e->draftBanner()->isVisible(); }));
    EXPECT_TRUE(
        e->draftBannerText()->text().startsWith(QStringLiteral("Restore your unsaved draft from")));
    e->restoreDraftButton()->click();
    EXPECT_EQ(plain(e, "text")->toPlainText(),
              QStringLiteral("A new store opens on Saturday.") + typed);
    EXPECT_TRUE(e->isModified());
    // Saved to the server: the draft is gone, and the next opening offers nothing.
    e->save();
    ASSERT_TRUE(waitUntil([&] { return e->version() == 2 && !e->isSaving(); }));
    again.cache->flush();
    again.page->openTemplate(id);
    ASSERT_TRUE(again.editorLoaded());
    QTest::qWait(300);
    EXPECT_FALSE(again.editor()->draftBanner()->isVisible());
    EXPECT_EQ(plain(again.editor(), "text")->toPlainText(),
              QStringLiteral("A new store opens on Saturday.") + typed);
}

TEST(MessagesDrafts, DeadNetworkKeepsTheDraftAndSaysSo) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    const QString token = LT::adminToken(demoServer());
    const qint64 id = createTemplate(
        token, QStringLiteral("push"), QStringLiteral("Flash sale"), QStringLiteral("Promo"), {},
        QJsonObject{{QStringLiteral("title"), QStringLiteral("Flash sale")},
                    {QStringLiteral("body"), QStringLiteral("Two hours only")}});
    Library lib;
    lib.page->openTemplate(id);
    ASSERT_TRUE(lib.editorLoaded());
    Ui::TemplateEditor *e = lib.editor();
    auto *title = qobject_cast<QLineEdit *>(e->field(QStringLiteral("title")));
    ASSERT_NE(title, nullptr);
    title->setFocus();
    title->selectAll();
    type(title, QStringLiteral("Flash sale: −40% until 20:00"));
    EXPECT_EQ(e->counter(QStringLiteral("title"))->text(), QStringLiteral("28 / 50"));
    // The network dies: a closed port.
    lib.api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    QTest::keyClick(e, Qt::Key_S, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] {
        return !e->isSaving() && !e->statusLabel()->text().isEmpty() &&
               !e->statusLabel()->text().startsWith(QStringLiteral("Saving"));
    }));
    EXPECT_TRUE(e->statusLabel()->text().startsWith(
        QStringLiteral("Saved locally; will be kept until you save to the server")))
        << e->statusLabel()->text().toStdString();
    EXPECT_EQ(serverTemplate(id).value(QStringLiteral("version")).toInt(), 1);
    lib.cache->flush();
    std::optional<Models::Drafts::Draft> draft;
    bool read = false;
    e->drafts()->load(e, [&](std::optional<Models::Drafts::Draft> d) {
        draft = d;
        read = true;
    });
    ASSERT_TRUE(waitUntil([&] { return read; }));
    ASSERT_TRUE(draft.has_value());
    EXPECT_EQ(draft->document.value(QStringLiteral("content"))
                  .toObject()
                  .value(QStringLiteral("title"))
                  .toString(),
              QStringLiteral("Flash sale: −40% until 20:00"));
    // The server is back: the same Ctrl+S saves it.
    lib.api->setBaseUrl(QUrl(demoServer().baseUrl()));
    e->save();
    ASSERT_TRUE(waitUntil([&] { return e->version() == 2 && !e->isSaving(); }));
    EXPECT_EQ(serverTemplate(id)
                  .value(QStringLiteral("content"))
                  .toObject()
                  .value(QStringLiteral("title"))
                  .toString(),
              QStringLiteral("Flash sale: −40% until 20:00"));
}

TEST(MessagesEditor, PreviewRendersForTheChosenCustomerAndShowsErrorsAtOnce) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    const LT::DemoCustomer customer = LT::demoCustomer();
    ASSERT_GT(customer.id, 0);
    Library lib;
    lib.page->newTemplate(QStringLiteral("sms"));
    ASSERT_TRUE(lib.editorLoaded());
    Ui::TemplateEditor *e = lib.editor();
    QPlainTextEdit *text = plain(e, "text");
    text->setFocus();
    type(text,
         QStringLiteral("Hi {{ customer.first_name }}, you have {{ balance.active }} points"));
    // Sample data first: the example name of the variables.
    ASSERT_TRUE(waitUntil([&] {
        return e->preview()->shownText().contains(QStringLiteral("Hi Анна, you have 450 points"));
    })) << e->preview()->shownText().toStdString();
    // A real customer chosen by name in the picker.
    Widgets::CustomerPicker *picker = e->sampleCustomer();
    ASSERT_TRUE(chooseByPhone(picker, customer.phoneE164));
    ASSERT_EQ(picker->customerId(), customer.id);
    const QJsonObject profile =
        demoServer()
            .get("/api/v1/customers/" + std::to_string(customer.id), LT::adminToken(demoServer()))
            .json();
    const QString name = profile.value(QStringLiteral("first_name")).toString();
    ASSERT_FALSE(name.isEmpty());
    ASSERT_TRUE(waitUntil([&] {
        return e->preview()->shownText().contains(QStringLiteral("Hi ") + name +
                                                  QStringLiteral(", you have"));
    })) << e->preview()->shownText().toStdString();
    // A broken tag: the core parser marks it at once, before any server answer.
    type(text, QStringLiteral(" {{ customer.first_name "));
    QLabel *error = e->fieldError(QStringLiteral("text"));
    EXPECT_TRUE(error->isVisibleTo(e));
    EXPECT_TRUE(error->text().startsWith(QStringLiteral("line 1, column")))
        << error->text().toStdString();
    EXPECT_TRUE(e->preview()->shownText().contains(error->text()));
    // Saving is refused while the template does not parse.
    type(e->nameEdit(), QStringLiteral("Broken"));
    e->save();
    EXPECT_EQ(e->templateId(), 0);
    EXPECT_TRUE(e->statusLabel()->text().contains(QStringLiteral("Fix the marked")));
}

TEST(MessagesTestSend, SendsForTheChosenCustomerAndShowsErrorsAndTheProvidersAnswer) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    // The SMS provider: a local HTTP sink (the channel may stay switched off for tests).
    LT::ChannelSink provider(LT::ChannelSink::Kind::Http);
    ASSERT_GT(provider.port(), 0);
    const QString token = LT::adminToken(demoServer());
    const auto set = demoServer().patch(
        "/api/v1/channels/sms",
        json({{QStringLiteral("settings"),
               QJsonObject{{QStringLiteral("url"),
                            QStringLiteral("http://127.0.0.1:%1/send").arg(provider.port())},
                           {QStringLiteral("body_template"),
                            QStringLiteral("{\"to\": \"{{ to }}\", \"text\": \"{{ text }}\"}")}}}}),
        token);
    ASSERT_EQ(set.status, 200) << set.body.toStdString();
    const LT::DemoCustomer customer = LT::demoCustomer();
    const QString firstName = demoServer()
                                  .get("/api/v1/customers/" + std::to_string(customer.id), token)
                                  .json()
                                  .value(QStringLiteral("first_name"))
                                  .toString();
    ASSERT_FALSE(firstName.isEmpty());

    Library lib;
    lib.page->newTemplate(QStringLiteral("sms"));
    ASSERT_TRUE(lib.editorLoaded());
    Ui::TemplateEditor *e = lib.editor();
    plain(e, "text")->setFocus();
    type(plain(e, "text"), QStringLiteral("Hello {{ customer.first_name }}, your code is 2407"));
    QTest::keyClick(e, Qt::Key_T, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return e->testSendDialog() && e->testSendDialog()->isVisible(); }));
    Ui::TestSendDialog *d = e->testSendDialog();
    EXPECT_EQ(d->channel(), QStringLiteral("sms"));
    EXPECT_FALSE(d->sendButton()->isEnabled());
    // The number is checked as it is typed, with the core phone normalizer.
    type(d->recipientEdit(), QStringLiteral("12"));
    EXPECT_TRUE(d->recipientError()->isVisibleTo(d));
    EXPECT_FALSE(d->sendButton()->isEnabled());
    d->recipientEdit()->clear();
    type(d->recipientEdit(), LT::localPhoneFormat(QStringLiteral("+79167654321")));
    EXPECT_FALSE(d->recipientError()->isVisibleTo(d));
    EXPECT_EQ(d->normalizedRecipient(), QStringLiteral("+79167654321"));
    ASSERT_TRUE(d->sendButton()->isEnabled());
    // The customer found by phone in the dialog's own search.
    Widgets::CustomerPicker *picker = d->customerPicker();
    ASSERT_TRUE(chooseByPhone(picker, customer.phoneE164));
    ASSERT_EQ(picker->customerId(), customer.id);

    int finished = 0;
    bool ok = false;
    QObject::connect(d, &Ui::TestSendDialog::finished, d, [&](bool success) {
        ++finished;
        ok = success;
    });
    d->sendButton()->click();
    ASSERT_TRUE(waitUntil([&] { return finished == 1; }));
    EXPECT_TRUE(ok) << d->resultLabel()->text().toStdString() << " "
                    << d->details()->toPlainText().toStdString();
    EXPECT_TRUE(d->resultLabel()->text().startsWith(QStringLiteral("Sent to +79167654321")))
        << d->resultLabel()->text().toStdString();
    const QJsonObject got =
        QJsonDocument::fromJson(
            provider.received(1).value(QStringLiteral("body")).toString().toUtf8())
            .object();
    EXPECT_EQ(got.value(QStringLiteral("to")).toString(), QStringLiteral("+79167654321"));
    EXPECT_EQ(got.value(QStringLiteral("text")).toString(),
              QStringLiteral("Hello ") + firstName + QStringLiteral(", your code is 2407"));

    // Strict: an unknown variable is an error at its line and column, nothing is sent.
    d->setTemplate(
        QStringLiteral("sms"),
        QJsonObject{{QStringLiteral("text"), QStringLiteral("Hi {{ customer.nickname }}")}});
    d->strictBox()->setChecked(true);
    d->sendButton()->click();
    ASSERT_TRUE(waitUntil([&] { return finished == 2; }));
    EXPECT_FALSE(ok);
    EXPECT_TRUE(d->details()->isVisibleTo(d));
    EXPECT_TRUE(d->details()->toPlainText().contains(
        QStringLiteral("Text: line 1, column 7: unknown variable")))
        << d->details()->toPlainText().toStdString();
    EXPECT_EQ(provider.count(), 1);

    // The provider refuses the number: its answer is shown.
    d->strictBox()->setChecked(false);
    d->recipientEdit()->setText(QStringLiteral("+7 999 000-00-00"));
    d->sendButton()->click();
    ASSERT_TRUE(waitUntil([&] { return finished == 3; }));
    EXPECT_FALSE(ok);
    EXPECT_TRUE(
        d->resultLabel()->text().startsWith(QStringLiteral("The provider refused the message")))
        << d->resultLabel()->text().toStdString();
    EXPECT_TRUE(d->details()->toPlainText().contains(QStringLiteral("invalid number")))
        << d->details()->toPlainText().toStdString();

    // An e-mail template wants an address.
    d->setTemplate(QStringLiteral("email"),
                   QJsonObject{{QStringLiteral("html"), QStringLiteral("<p>x</p>")}});
    d->recipientEdit()->setText(QStringLiteral("anna@"));
    EXPECT_FALSE(d->sendButton()->isEnabled());
    d->recipientEdit()->setText(QStringLiteral("Anna@Example.COM"));
    EXPECT_EQ(d->normalizedRecipient(), QStringLiteral("Anna@example.com"));
}

TEST(MessagesSection, FollowsTheTemplatePermissions) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    // campaign_editor reads templates but may not write them.
    Library reader(QStringLiteral("campaign_editor"));
    ASSERT_TRUE(reader.loaded());
    EXPECT_FALSE(reader.page->newButton()->isEnabled());
    Library designer(QStringLiteral("designer"));
    ASSERT_TRUE(designer.loaded());
    EXPECT_TRUE(designer.page->newButton()->isEnabled());
    Ui::MainWindow window(designer.repository.get(), designer.session);
    EXPECT_EQ(window.sectionIds(), QStringList{QStringLiteral("messages")});
    ASSERT_NE(window.templatesPage(), nullptr);
}

namespace {

bool saveShot(QWidget *widget, const QString &name) {
    QApplication::processEvents();
    QTest::qWait(200);
    const QPixmap pixmap = widget->grab();
    return !pixmap.isNull() && pixmap.save(QStringLiteral(LD_SCREENSHOT_DIR) + QLatin1Char('/') +
                                           name + QStringLiteral(".png"));
}

}  // namespace

// docs/screenshots: the library, the SMS editor and the push editor with demo templates.
TEST(MessagesScreenshots, LibrarySmsEditorAndPushEditor) {
    ASSERT_TRUE(demoServer().ok()) << demoServer().error().toStdString();
    ASSERT_TRUE(QDir().mkpath(QStringLiteral(LD_SCREENSHOT_DIR)));
    seedLibrary();
    const QString token = LT::adminToken(demoServer());
    const qint64 sms = createTemplate(
        token, QStringLiteral("sms"), QStringLiteral("Bonus reminder"), QStringLiteral("Loyalty"),
        {QStringLiteral("balance"), QStringLiteral("auto")},
        QJsonObject{{QStringLiteral("text"),
                     QStringLiteral("{{ customer.first_name }}, у вас {{ balance.active }} "
                                    "бонусов. Оплатите ими до 50% покупки!")}});
    // Two more versions, so the history has something to show.
    demoServer().patch(
        "/api/v1/templates/" + std::to_string(sms),
        json({{QStringLiteral("content"),
               QJsonObject{{QStringLiteral("text"),
                            QStringLiteral("{{ customer.first_name }}, на карте {{ balance.active "
                                           "}} бонусов — оплатите ими до 50% покупки.")}}}}),
        token);
    demoServer().patch(
        "/api/v1/templates/" + std::to_string(sms),
        json({{QStringLiteral("content"),
               QJsonObject{
                   {QStringLiteral("text"),
                    QStringLiteral("{{ customer.first_name }}, на карте {{ balance.active }} "
                                   "бонусов. Оплатите ими до 50% покупки в любом магазине!")}}}}),
        token);
    Library lib(QStringLiteral("marketer"));
    Ui::MainWindow window(lib.repository.get(), lib.session);
    window.resize(1360, 820);
    window.show();
    window.showSection(QStringLiteral("messages"));
    Ui::TemplatesPage *page = window.templatesPage();
    ASSERT_NE(page, nullptr);
    ASSERT_TRUE(waitUntil([&] {
        return page->loadCount() > 0 && !page->isLoading() && page->model()->rowCount() >= 8;
    }));
    ASSERT_TRUE(page->selectTemplate(sms));
    ASSERT_TRUE(waitUntil([&] { return page->versionList()->count() == 3; }));
    page->versionList()->setCurrentRow(1);
    EXPECT_TRUE(saveShot(&window, QStringLiteral("messages-library")));

    // The SMS editor, rendered for a real customer.
    const LT::DemoCustomer customer = LT::demoCustomer();
    page->openTemplate(sms);
    ASSERT_TRUE(waitUntil([&] { return page->editor() && page->editor()->isLoaded(); }));
    Ui::TemplateEditor *e = page->editor();
    e->sampleCustomer()->setCustomer(customer.id, customer.name);
    ASSERT_TRUE(waitUntil([&] {
        return e->renderCount() > 0 && !e->preview()->shownText().contains(QStringLiteral("{{"));
    }));
    ASSERT_TRUE(
        waitUntil([&] { return e->preview()->shownText().contains(QStringLiteral("бонус")); }));
    plain(e, "text")->setFocus();
    plain(e, "text")->moveCursor(QTextCursor::End);
    EXPECT_TRUE(saveShot(&window, QStringLiteral("sms-editor")));

    // The push editor.
    qint64 push = 0;
    for (const auto &v : page->templates())
        if (v.toObject().value(QStringLiteral("name")).toString() ==
            QLatin1String("Summer sale starts"))
            push = v.toObject().value(QStringLiteral("id")).toInteger();
    ASSERT_GT(push, 0);
    page->openTemplate(push);
    ASSERT_TRUE(waitUntil([&] { return page->editor() && page->editor()->isLoaded(); }));
    e = page->editor();
    auto *image = qobject_cast<QLineEdit *>(e->field(QStringLiteral("image")));
    image->setText(QStringLiteral("https://cdn.example.com/push/summer-sale.jpg"));
    e->sampleCustomer()->setCustomer(customer.id, customer.name);
    ASSERT_TRUE(waitUntil(
        [&] { return e->preview()->shownText().contains(QStringLiteral("summer-sale.jpg")); }));
    e->nameEdit()->setFocus();
    EXPECT_TRUE(saveShot(&window, QStringLiteral("push-editor")));
    e->drafts()->discard();
}
