// Builds both Debian packages with cpack into a temporary folder (installs nothing)
// and checks their contents lists and maintainer scripts.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct Outcome {
    int code = -1;
    QString output;
};

Outcome run(const QString &program, const QStringList &args, const QString &workDir = {}, int timeoutMs = 600000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty()) p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

class Packages : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir = new QTemporaryDir;
        const Outcome r = run(QStringLiteral(LD_CPACK_COMMAND),
                          {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"), QStringLiteral(LD_CPACK_CONFIG),
                           QStringLiteral("-B"), dir->path()});
        cpackOutput = new QString(r.output);
        cpackCode = r.code;
    }
    static void TearDownTestSuite()
    {
        delete dir;
        delete cpackOutput;
    }

    static QString package(const QString &prefix)
    {
        const QStringList debs = QDir(dir->path()).entryList({prefix + QStringLiteral("_*.deb")}, QDir::Files);
        return debs.isEmpty() ? QString() : dir->filePath(debs.first());
    }
    static QString contents(const QString &deb) { return run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), deb}).output; }
    static QString info(const QString &deb, const QString &what = {})
    {
        QStringList args{QStringLiteral("-I"), deb};
        if (!what.isEmpty()) args << what;
        return run(QStringLiteral("dpkg-deb"), args).output;
    }

    static inline QTemporaryDir *dir = nullptr;
    static inline QString *cpackOutput = nullptr;
    static inline int cpackCode = -1;
};

}  // namespace

TEST_F(Packages, CpackMakesBoth)
{
    ASSERT_EQ(cpackCode, 0) << cpackOutput->toStdString();
    EXPECT_FALSE(package(QStringLiteral("loyaltydesk")).isEmpty()) << cpackOutput->toStdString();
    EXPECT_FALSE(package(QStringLiteral("loyaltydesk-server")).isEmpty()) << cpackOutput->toStdString();
}

TEST_F(Packages, AppHasTheProgramDesktopEntryAndIcon)
{
    const QString deb = package(QStringLiteral("loyaltydesk"));
    ASSERT_FALSE(deb.isEmpty());
    const QString files = contents(deb);
    EXPECT_TRUE(files.contains(QLatin1String("./usr/bin/loyaltydesk\n"))) << files.toStdString();
    EXPECT_TRUE(files.contains(QLatin1String("./usr/share/applications/loyaltydesk.desktop")));
    EXPECT_TRUE(files.contains(QLatin1String("./usr/share/icons/hicolor/scalable/apps/loyaltydesk.svg")));
    EXPECT_FALSE(files.contains(QLatin1String("loyaltydesk-server")));
    const QString control = info(deb, QStringLiteral("control"));
    EXPECT_TRUE(control.contains(QLatin1String("Package: loyaltydesk\n")));
    EXPECT_TRUE(control.contains(QLatin1String("libqt6widgets6"))) << control.toStdString();  // Debian's Qt
}

TEST_F(Packages, ServerHasTheUnitSettingsAndASystemUser)
{
    const QString deb = package(QStringLiteral("loyaltydesk-server"));
    ASSERT_FALSE(deb.isEmpty());
    const QString files = contents(deb);
    EXPECT_TRUE(files.contains(QLatin1String("./usr/bin/loyaltydesk-server"))) << files.toStdString();
    EXPECT_TRUE(files.contains(QLatin1String("./usr/lib/systemd/system/loyaltydesk-server.service")));
    EXPECT_TRUE(files.contains(QLatin1String("./etc/loyaltydesk/server.env")));
    EXPECT_FALSE(files.contains(QLatin1String("./usr/bin/loyaltydesk\n")));
    const QString control = info(deb, QStringLiteral("control"));
    EXPECT_TRUE(control.contains(QLatin1String("Package: loyaltydesk-server\n")));
    EXPECT_TRUE(control.contains(QLatin1String("adduser")));
    EXPECT_TRUE(control.contains(QLatin1String("libqt6sql6-sqlite")));
    const QString postinst = info(deb, QStringLiteral("postinst"));
    EXPECT_TRUE(postinst.contains(QLatin1String("adduser --system"))) << postinst.toStdString();
    EXPECT_TRUE(postinst.contains(QLatin1String("systemctl enable loyaltydesk-server.service")));
    EXPECT_TRUE(info(deb, QStringLiteral("conffiles")).contains(QLatin1String("/etc/loyaltydesk/server.env")));
    EXPECT_TRUE(info(deb, QStringLiteral("postrm")).contains(QLatin1String("deluser --system loyaltydesk")));
}
