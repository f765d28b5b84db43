// `loyaltydesk-server render`: the real binary on real files, as a CI job runs it.

#include <gtest/gtest.h>

#include <QProcess>
#include <QFile>
#include <QTemporaryDir>

namespace {

struct Outcome {
    int exitCode = -1;
    QString out;
    QString err;
};

class RenderCli : public ::testing::Test {
protected:
    QString write(const QString &name, const QByteArray &contents)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(contents);
        return path;
    }

    Outcome run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(LD_SERVER_BINARY), QStringList{QStringLiteral("render")} + args);
        EXPECT_TRUE(p.waitForFinished(30000));
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QTemporaryDir m_dir;
};

}  // namespace

TEST_F(RenderCli, RendersTheBenchmarkEmailAsHtml)
{
    const Outcome r = run({QStringLiteral("--template"), QStringLiteral(LD_BENCH_DIR "/liquid/email.liquid"),
                       QStringLiteral("--data"), QStringLiteral(LD_BENCH_DIR "/liquid/email.json"), QStringLiteral("--html"),
                       QStringLiteral("--strict")});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.err.isEmpty()) << qPrintable(r.err);
    EXPECT_TRUE(r.out.startsWith(QLatin1String("<!DOCTYPE html>")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("<h1>Анна, здравствуйте!</h1>")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("Тверская, 1 &lt;вход со двора&gt;")));  // escaped once, by the HTML mode
    EXPECT_TRUE(r.out.contains(QStringLiteral("Телефон в профиле: +7 916 123-45-67.")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("12345 баллов")));
}

TEST_F(RenderCli, LenientPrintsTheTextAndWarnsWithPositions)
{
    const QString t = write(QStringLiteral("t.liquid"), "Hi {{ customer.nick | default: 'you' }} {{ customer.age }}\n{{ 'x' | shout }}");
    const QString d = write(QStringLiteral("d.json"), R"({"customer": {"name": "Ann"}})");
    const Outcome r = run({QStringLiteral("--template"), t, QStringLiteral("--data"), d});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out, QStringLiteral("Hi you \nx"));
    EXPECT_TRUE(r.err.contains(t + QStringLiteral(":2:10: unknown filter “shout”"))) << qPrintable(r.err);
    EXPECT_TRUE(r.err.contains(t + QStringLiteral(":1:44: unknown variable “customer.age”"))) << qPrintable(r.err);
}

TEST_F(RenderCli, StrictAndSyntaxErrorsExitWithOneAndAPosition)
{
    const QString d = write(QStringLiteral("d.json"), "{}");
    const QString unknown = write(QStringLiteral("u.liquid"), "ok\n  {{ nobody }}");
    Outcome r = run({QStringLiteral("--template"), unknown, QStringLiteral("--data"), d, QStringLiteral("--strict")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_EQ(r.err.trimmed(), QStringLiteral("Error: ") + unknown + QStringLiteral(":2:6: unknown variable “nobody”"));

    const QString include = write(QStringLiteral("i.liquid"), "{% if true %}\n{% include 'header' %}{% endif %}");
    r = run({QStringLiteral("--template"), include, QStringLiteral("--data"), d});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(include + QStringLiteral(":2:1: the “include” tag is not available"))) << qPrintable(r.err);
}

TEST_F(RenderCli, BadInputAndUsage)
{
    const QString t = write(QStringLiteral("t.liquid"), "x");
    const QString bad = write(QStringLiteral("bad.json"), "{not json");
    EXPECT_EQ(run({QStringLiteral("--template"), t, QStringLiteral("--data"), bad}).exitCode, 1);
    EXPECT_EQ(run({QStringLiteral("--template"), t, QStringLiteral("--data"), m_dir.filePath(QStringLiteral("none.json"))}).exitCode, 1);
    EXPECT_EQ(run({QStringLiteral("--template"), t}).exitCode, 2);
}
