// CSV import and export: the reader on its own, then the real binary's `import` and
// `export` commands against a temporary database, read back over HTTP and SQL.
#include "services/csvio.h"
#include "services/fold.h"
#include "storage/database.h"
#include "support/testserver.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUrl>

using namespace LoyaltyDesk;
using namespace LoyaltyDesk::Test;
using Server::Csv::Reader;
using Server::Csv::Record;

namespace {

QList<Record> readAll(const QByteArray &data, QChar delimiter = QChar()) {
    Reader reader(data, delimiter);
    QList<Record> out;
    Record r;
    while (reader.next(r)) out << r;
    return out;
}

TEST(CsvReader, QuotesDoubledQuotesLineBreaksAndLineNumbers) {
    const auto records = readAll(
        "a,b,c\r\n"
        "1,\"two, with comma\",3\r\n"
        "\"say \"\"hi\"\"\",\"line one\nline two\",\r\n"
        "\r\n"
        "x,,\"\"\n");
    ASSERT_EQ(records.size(), 4);
    EXPECT_EQ(records[0].fields,
              QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    EXPECT_EQ(records[1].fields.at(1), QStringLiteral("two, with comma"));
    EXPECT_EQ(records[2].fields.at(0), QStringLiteral("say \"hi\""));
    EXPECT_EQ(records[2].fields.at(1), QStringLiteral("line one\nline two"));
    EXPECT_EQ(records[2].fields.at(2), QString());
    EXPECT_EQ(records[2].line, 3);
    EXPECT_EQ(records[3].line, 6);  // after the two-line record and a blank line
    EXPECT_EQ(records[3].fields, QStringList({QStringLiteral("x"), QString(), QString()}));
}

TEST(CsvReader, DetectsTheDelimiterAndSkipsTheByteOrderMark) {
    const auto semicolons = readAll(
        "\xEF\xBB\xBF"
        "first_name;last_name\n\"Иван\";Петров, мл.\n");
    ASSERT_EQ(semicolons.size(), 2);
    EXPECT_EQ(semicolons[0].fields.at(0), QStringLiteral("first_name"));
    EXPECT_EQ(semicolons[1].fields,
              QStringList({QStringLiteral("Иван"), QStringLiteral("Петров, мл.")}));
    const auto tabs = readAll("a\tb\n1\t2\n");
    EXPECT_EQ(tabs[1].fields, QStringList({QStringLiteral("1"), QStringLiteral("2")}));
    const auto forced = readAll("a;b\n1;2\n", u',');
    EXPECT_EQ(forced[1].fields, QStringList({QStringLiteral("1;2")}));
}

TEST(CsvReader, AnUnterminatedQuoteSpoilsOnlyItsRecord) {
    const auto records = readAll("a,b\n1,2\n3,\"never closed\n4,5\n");
    ASSERT_EQ(records.size(), 4);
    EXPECT_EQ(records[2].line, 3);
    EXPECT_FALSE(records[2].error.isEmpty());
    EXPECT_TRUE(records[3].error.isEmpty());
    EXPECT_EQ(records[3].line, 4);
    EXPECT_EQ(records[3].fields, QStringList({QStringLiteral("4"), QStringLiteral("5")}));
}

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
    EXPECT_EQ(Server::Csv::line({QStringLiteral("plain"), QStringLiteral("a,b"),
                                 QStringLiteral("say \"x\""), QStringLiteral("two\nlines")}),
              QStringLiteral("plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\"\r\n"));
    const QString tricky = QStringLiteral("«ООО \"Ромашка\"», офис 5;\r\nвход со двора");
    const auto back = readAll(Server::Csv::line({tricky, QString()}).toUtf8());
    ASSERT_EQ(back.size(), 1);
    EXPECT_EQ(back[0].fields, QStringList({tricky, QString()}));
}

struct ReportLine {
    qint64 line;
    QString externalId, status, reason;
};

class CsvCommands : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        if (GetParam() == Backend::PostgreSQL && !postgresAvailable())
            GTEST_SKIP() << "LOYALTYDESK_TEST_PG is not set";
        ASSERT_TRUE(dir.isValid());
        server = start();
        token = server->loginAdmin();
        ASSERT_FALSE(token.isEmpty());
    }
    std::unique_ptr<TestServer> start(int seed = 0) {
        TestServer::Options options;
        options.backend = GetParam();
        options.seedCustomers = seed;
        auto s = std::make_unique<TestServer>(options);
        EXPECT_TRUE(s->ok()) << s->error().toStdString();
        return s;
    }
    QString path(const QString &name) const { return dir.filePath(name); }
    void write(const QString &name, const QByteArray &data) {
        QFile f(path(name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    QByteArray read(const QString &name) const {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Runs a command and returns its output; checks the exit code.
    QString cli(TestServer &s, const QStringList &args, int expectedCode = 0) {
        QByteArray output;
        EXPECT_EQ(s.runCli(args, &output), expectedCode) << output.toStdString();
        return QString::fromUtf8(output);
    }
    QString import(TestServer &s, const QString &type, const QString &file,
                   const QString &report = QStringLiteral("report.csv")) {
        return cli(
            s, {QStringLiteral("import"), QStringLiteral("--type"), type, QStringLiteral("--file"),
                path(file), QStringLiteral("--report"), path(report)});
    }
    QByteArray exportTo(TestServer &s, const QString &type, const QString &file) {
        cli(s, {QStringLiteral("export"), QStringLiteral("--type"), type, QStringLiteral("--file"),
                path(file)});
        return read(file);
    }
    QList<ReportLine> report(const QString &name = QStringLiteral("report.csv")) {
        QList<ReportLine> out;
        const auto records = readAll(read(name));
        for (qsizetype i = 1; i < records.size(); ++i)
            out << ReportLine{records[i].fields.at(0).toLongLong(), records[i].fields.at(1),
                              records[i].fields.at(2), records[i].fields.at(3)};
        return out;
    }
    QJsonArray search(const QString &q) {
        const HttpResult r =
            server->get("/api/v1/customers?q=" + QUrl::toPercentEncoding(q).toStdString(), token);
        EXPECT_EQ(r.status, 200);
        return r.json().value(QStringLiteral("items")).toArray();
    }

    QTemporaryDir dir;
    std::unique_ptr<TestServer> server;
    QString token;
};

const QByteArray kCustomers =
    "external_id,first_name,last_name,phone,email,birth_date,city,subscribed_email\r\n"  // line 1
    "c-1,Иван,Петров,8 (916) 111-22-33,ivan@Mail.RU,1985-04-12,Казань,1\r\n"             // 2: good
    "c-2,Анна,\"Смирнова, урожд. Ким\",+7 916 111-22-44,anna@yandex.ru,1990-13-45,Москва,0\r\n"  // 3: bad date
    "c-3,Пётр,Сидоров,12345,petr@gmail.com,1970-01-01,Омск,yes\r\n"  // 4: bad phone, kept
    "c-4,Мария,Иванова,+7 916 111-22-55,maria@mail.ru,1999-09-09,Самара,1,surplus\r\n"  // 5: extra
                                                                                        // value
    "c-5,\"Ольга\nМаксимовна\",Орлова,+7 916 111-22-66,olga@mail.ru,1988-08-08,Пермь,maybe\r\n"  // 6-7: bad flag
    "c-6,Елена,Белова,+7 916 111-22-77,elena@mail.ru,1977-07-07,Уфа,0\r\n"       // 8: good
    "c-7,\"Никита,Крылов,+7 916 111-22-88,nikita@mail.ru,1980-01-01,Тула,1\r\n"  // 9: unterminated
    "c-8,Софья,Ким,+7 916 111-22-99,sofya@mail.ru,2001-02-03,Сочи,1\r\n";        // 10: good

TEST_P(CsvCommands, BrokenRowsAreReportedWithLineNumbersAndGoodOnesKept) {
    write(QStringLiteral("customers.csv"), kCustomers);
    const QString out =
        import(*server, QStringLiteral("customers"), QStringLiteral("customers.csv"));
    EXPECT_TRUE(out.contains(QStringLiteral("Read 8 rows"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("imported 4"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("rejected 4, warnings 1"))) << out.toStdString();
    QHash<qint64, ReportLine> byLine;
    for (const auto &r : report()) byLine.insert(r.line, r);
    ASSERT_EQ(byLine.size(), 5) << read(QStringLiteral("report.csv")).toStdString();
    EXPECT_EQ(byLine[3].status, QStringLiteral("rejected"));
    EXPECT_TRUE(byLine[3].reason.contains(QStringLiteral("birth_date")))
        << byLine[3].reason.toStdString();
    EXPECT_EQ(byLine[4].status, QStringLiteral("warning"));
    EXPECT_TRUE(byLine[4].reason.contains(QStringLiteral("phone")))
        << byLine[4].reason.toStdString();
    EXPECT_EQ(byLine[5].externalId, QStringLiteral("c-4"));
    EXPECT_TRUE(byLine[5].reason.contains(QStringLiteral("extra values")))
        << byLine[5].reason.toStdString();
    EXPECT_TRUE(byLine[6].reason.contains(QStringLiteral("subscribed_email")))
        << byLine[6].reason.toStdString();
    EXPECT_TRUE(byLine[9].reason.contains(QStringLiteral("never closed")))
        << byLine[9].reason.toStdString();
    // The good rows, and the flagged phone, are all there.
    for (const QString &q : {QStringLiteral("+79161112233"), QStringLiteral("elena@mail.ru"),
                             QStringLiteral("9161112299"), QStringLiteral("Сидоров")})
        EXPECT_EQ(search(q).size(), 1) << q.toStdString();
    for (const QString &q : {QStringLiteral("+79161112244"), QStringLiteral("maria@mail.ru"),
                             QStringLiteral("nikita@mail.ru")})
        EXPECT_EQ(search(q).size(), 0) << q.toStdString();
    const QJsonArray ivan = search(QStringLiteral("ivan@mail.ru"));
    ASSERT_EQ(ivan.size(), 1);
    const HttpResult profile =
        server->get("/api/v1/customers/" +
                        std::to_string(ivan[0].toObject().value(QStringLiteral("id")).toInteger()),
                    token);
    EXPECT_EQ(profile.json().value(QStringLiteral("time_zone")).toString(),
              QStringLiteral("Europe/Moscow"));
    EXPECT_EQ(profile.json().value(QStringLiteral("birth_date")).toString(),
              QStringLiteral("1985-04-12"));
}

TEST_P(CsvCommands, AnUnknownColumnIsNamedAndNothingIsImported) {
    write(QStringLiteral("bad-header.csv"),
          "external_id;first_name;shoe_size\nx-1;Иван;42\nx-2;Анна;37\n");
    const QString out =
        import(*server, QStringLiteral("customers"), QStringLiteral("bad-header.csv"));
    EXPECT_TRUE(out.contains(QStringLiteral("rejected 2"))) << out.toStdString();
    const auto lines = report();
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(lines[0].line, 1);
    for (const auto &l : lines)
        EXPECT_TRUE(l.reason.contains(QStringLiteral("shoe_size"))) << l.reason.toStdString();
    EXPECT_EQ(search(QStringLiteral("Иван")).size(), 0);
}

TEST_P(CsvCommands, ReimportChangesNothingAndAnEditedRowUpdates) {
    write(QStringLiteral("customers.csv"), kCustomers);
    import(*server, QStringLiteral("customers"), QStringLiteral("customers.csv"));
    const QString again =
        import(*server, QStringLiteral("customers"), QStringLiteral("customers.csv"));
    EXPECT_TRUE(again.contains(QStringLiteral("imported 0, updated 0, unchanged 4")))
        << again.toStdString();
    EXPECT_EQ(search(QStringLiteral("Петров")).size(), 1);

    QByteArray edited = kCustomers;
    edited.replace("c-6,Елена,Белова", "c-6,Елена,Белова-Орлова");
    write(QStringLiteral("edited.csv"), edited);
    const QString third =
        import(*server, QStringLiteral("customers"), QStringLiteral("edited.csv"));
    EXPECT_TRUE(third.contains(QStringLiteral("imported 0, updated 1, unchanged 3")))
        << third.toStdString();
    const QJsonArray elena = search(QStringLiteral("elena@mail.ru"));
    ASSERT_EQ(elena.size(), 1);
    EXPECT_EQ(elena[0].toObject().value(QStringLiteral("last_name")).toString(),
              QStringLiteral("Белова-Орлова"));
}

TEST_P(CsvCommands, ReceiptsAreGroupedByExternalIdAndIngestedOnce) {
    write(QStringLiteral("customers.csv"), kCustomers);
    import(*server, QStringLiteral("customers"), QStringLiteral("customers.csv"));
    write(QStringLiteral("receipts.csv"),
          "external_id;customer_external_id;phone;pos;cheque_number;purchased_at;status;sku;name;"
          "quantity;price\n"
          "r-1;c-1;;MSK-01;555001;2025-03-01T10:00:00Z;completed;DRY-011;Молоко;2;8990\n"
          "r-1;c-1;;MSK-01;555001;2025-03-01T10:00:00Z;completed;BKR-011;Хлеб;1;4500\n"
          "r-2;;+7 916 111-22-77;MSK-02;555002;yesterday;completed;DRY-011;Молоко;1;8990\n"
          "r-3;c-404;;MSK-02;555003;2025-03-02T10:00:00Z;completed;DRY-011;Молоко;1;8990\n"
          "r-4;;+7 916 "
          "111-22-77;MSK-02;555004;2025-03-03T10:00:00Z;completed;BKR-011;Хлеб;-1;4500\n");
    const QString out = import(*server, QStringLiteral("receipts"), QStringLiteral("receipts.csv"));
    EXPECT_TRUE(out.contains(QStringLiteral("imported 1, updated 0, unchanged 0, rejected 3")))
        << out.toStdString();
    QHash<qint64, ReportLine> byLine;
    for (const auto &r : report()) byLine.insert(r.line, r);
    EXPECT_TRUE(byLine[4].reason.contains(QStringLiteral("purchased_at")))
        << byLine[4].reason.toStdString();
    EXPECT_TRUE(byLine[5].reason.contains(QStringLiteral("c-404")))
        << byLine[5].reason.toStdString();
    EXPECT_TRUE(byLine[6].reason.contains(QStringLiteral("quantity")))
        << byLine[6].reason.toStdString();
    const QString again =
        import(*server, QStringLiteral("receipts"), QStringLiteral("receipts.csv"));
    EXPECT_TRUE(again.contains(QStringLiteral("imported 0, updated 0, unchanged 1")))
        << again.toStdString();
    const QJsonArray ivan = search(QStringLiteral("555001"));
    ASSERT_EQ(ivan.size(), 1);
    EXPECT_EQ(ivan[0].toObject().value(QStringLiteral("orders_count")).toInteger(), 1);
    EXPECT_EQ(ivan[0].toObject().value(QStringLiteral("revenue")).toInteger(), 2 * 8990 + 4500);
}

TEST_P(CsvCommands, ExportedFilesImportIntoAnotherDatabaseAndExportTheSame) {
    auto source = start(60);
    ASSERT_TRUE(source->ok());
    const QByteArray customers =
        exportTo(*source, QStringLiteral("customers"), QStringLiteral("a-customers.csv"));
    const QByteArray receipts =
        exportTo(*source, QStringLiteral("receipts"), QStringLiteral("a-receipts.csv"));
    ASSERT_EQ(readAll(customers).size(), 61);

    // The target has the brand's configuration (status tiers, catalog) but no customers.
    cli(*server, {QStringLiteral("seed-demo"), QStringLiteral("--customers"), QStringLiteral("0"),
                  QStringLiteral("--demo-password"), TestServer::demoPassword()});
    const QString in =
        import(*server, QStringLiteral("customers"), QStringLiteral("a-customers.csv"));
    EXPECT_TRUE(in.contains(QStringLiteral("imported 60, updated 0, unchanged 0, rejected 0")))
        << in.toStdString();
    const QString inReceipts =
        import(*server, QStringLiteral("receipts"), QStringLiteral("a-receipts.csv"),
               QStringLiteral("r-report.csv"));
    EXPECT_TRUE(inReceipts.contains(QStringLiteral("rejected 0"))) << inReceipts.toStdString();
    // Cards do not travel in these files: the receipts are linked to their customers only.
    for (const auto &r : report(QStringLiteral("r-report.csv")))
        EXPECT_EQ(r.status, QStringLiteral("warning")) << r.reason.toStdString();

    // Everything but the ids and the cards comes back out the same.
    auto strip = [](const QByteArray &csv, const QList<int> &dropColumns) {
        QStringList out;
        for (const auto &r : readAll(csv)) {
            QStringList f = r.fields;
            for (int c : dropColumns) f[c].clear();
            out << f.join(u'\x1f');
        }
        return out;
    };
    const QByteArray customersB =
        exportTo(*server, QStringLiteral("customers"), QStringLiteral("b-customers.csv"));
    EXPECT_EQ(strip(customersB, {0}), strip(customers, {0}));
    const QByteArray receiptsB =
        exportTo(*server, QStringLiteral("receipts"), QStringLiteral("b-receipts.csv"));
    EXPECT_EQ(strip(receiptsB, {3}), strip(receipts, {3}));

    // And metrics follow: the imported receipts count as the customer's orders (read as
    // every reader does, with the purchases not folded in yet).
    auto sourceDb = Server::DbConfig::parse(source->dbUrl());
    Server::Database a(*sourceDb), b(*Server::DbConfig::parse(server->dbUrl()));
    auto revenue = [](Server::Database &db) {
        auto conn = db.connection();
        Server::Sql q(
            *conn,
            QStringLiteral("SELECT c.external_id, ") + Server::MetricsFold::orders(QStringLiteral("c")) + QStringLiteral(", ") +
                Server::MetricsFold::revenue(QStringLiteral("c")) + QStringLiteral(" FROM customers c ORDER BY c.external_id"));
        EXPECT_TRUE(q.exec().ok());
        QStringList out;
        while (q.next())
            out << q.value(0).toString() + u'|' + q.value(1).toString() + u'|' +
                       q.value(2).toString();
        return out;
    };
    EXPECT_EQ(revenue(b), revenue(a));
    // The round trip is idempotent too.
    const QString again =
        import(*server, QStringLiteral("customers"), QStringLiteral("b-customers.csv"));
    EXPECT_TRUE(again.contains(QStringLiteral("imported 0, updated 0, unchanged 60")))
        << again.toStdString();
}

TEST_P(CsvCommands, AFileThatCannotBeReadFails) {
    const QString out =
        cli(*server,
            {QStringLiteral("import"), QStringLiteral("--type"), QStringLiteral("customers"),
             QStringLiteral("--file"), path(QStringLiteral("missing.csv"))},
            1);
    EXPECT_TRUE(out.contains(QStringLiteral("missing.csv"))) << out.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Backends, CsvCommands,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param).toStdString(); });

}  // namespace
