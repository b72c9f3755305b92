// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/IntegrationStore.h"
#include "storage/KeychainSecretStore.h"
#include "storage/TranscriptStore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Storage;

// Runs against a real Secret Service: ctest starts it inside tests/support/with-keyring.sh
// (private D-Bus session, unlocked gnome-keyring-daemon, HOME and XDG_* in a temporary directory
// exported as SWITCHBOARD_TEST_HOME).

namespace
{

const char *const ProbeArgument = "--keychain-probe";
constexpr int Timeout = 15000;

QString statusName(SecretResult::Status status)
{
    switch (status) {
    case SecretResult::Status::Ok:
        return u"ok"_s;
    case SecretResult::Status::NotFound:
        return u"not-found"_s;
    case SecretResult::Status::Unavailable:
        return u"unavailable"_s;
    case SecretResult::Status::AccessDenied:
        return u"access-denied"_s;
    case SecretResult::Status::Failed:
        return u"failed"_s;
    }
    return u"?"_s;
}

/**
 * The child side of noSecretServiceIsReportedClearly(): writes and reads one secret with a
 * KeychainSecretStore in whatever environment it was started in and prints the outcomes.
 */
int runProbe()
{
    auto *store = new KeychainSecretStore(qApp);
    QTimer::singleShot(Timeout, qApp, [] {
        std::fputs("probe timed out\n", stdout);
        QCoreApplication::exit(3);
    });
    // The secret comes from the environment, never from the command line.
    const QString secret = qEnvironmentVariable("SWITCHBOARD_PROBE_SECRET");
    store->write(u"probe/loginPassword"_s, secret, qApp, [](const SecretResult &result) {
        std::printf("write=%s\nwrite-message=%s\n", qPrintable(statusName(result.status)),
                    qPrintable(result.errorMessage));
    });
    store->read(u"probe/loginPassword"_s, qApp, [](const SecretResult &result) {
        std::printf("read=%s\nread-message=%s\n", qPrintable(statusName(result.status)),
                    qPrintable(result.errorMessage));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    return QCoreApplication::exec();
}

struct ProcessResult
{
    int exitCode = -1;
    QString output;
};

ProcessResult run(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(Timeout * 2)) {
        process.kill();
        process.waitForFinished();
        return ProcessResult{-1, QString::fromUtf8(process.readAll())};
    }
    return ProcessResult{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                         QString::fromUtf8(process.readAll())};
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_home = qEnvironmentVariable("SWITCHBOARD_TEST_HOME");
        if (m_home.isEmpty()) {
            QSKIP("needs a private Secret Service: run through tests/support/with-keyring.sh (ctest does)");
        }
        QCOMPARE(QDir::homePath(), QDir(m_home).absolutePath());
        m_secretTool = QStandardPaths::findExecutable(u"secret-tool"_s);
        if (m_secretTool.isEmpty()) {
            QSKIP("secret-tool (package libsecret-tools) is not installed");
        }
    }

    void writeReadOverwriteDelete()
    {
        KeychainSecretStore store;
        QCOMPARE(store.serviceName(), u"Switchboard"_s);
        const QString key = SecretStore::keyFor(QUuid::createUuid().toString(QUuid::WithoutBraces), u"loginPassword"_s);
        const QString secret = u"sb-secret-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);

        QCOMPARE(write(store, key, secret).status, SecretResult::Status::Ok);

        // It is in the keyring, as one entry with server = service and user = key.
        const ProcessResult search = run(m_secretTool, {u"search"_s, u"--all"_s, u"server"_s, u"Switchboard"_s});
        QCOMPARE(search.exitCode, 0);
        QVERIFY2(search.output.contains(u"attribute.user = "_s + key), qPrintable(search.output));
        QVERIFY2(search.output.contains(u"attribute.server = Switchboard"_s), qPrintable(search.output));
        QVERIFY2(search.output.contains(u"secret = "_s + secret), qPrintable(search.output));
        const ProcessResult lookup =
            run(m_secretTool, {u"lookup"_s, u"server"_s, u"Switchboard"_s, u"user"_s, key});
        QCOMPARE(lookup.exitCode, 0);
        QCOMPARE(lookup.output.trimmed(), secret);

        SecretResult read = this->read(store, key);
        QCOMPARE(read.status, SecretResult::Status::Ok);
        QCOMPARE(read.value, secret);

        const QString replaced = secret + u"-replaced"_s;
        QCOMPARE(write(store, key, replaced).status, SecretResult::Status::Ok);
        QCOMPARE(this->read(store, key).value, replaced);
        QCOMPARE(run(m_secretTool, {u"lookup"_s, u"server"_s, u"Switchboard"_s, u"user"_s, key}).output.trimmed(),
                 replaced);

        QCOMPARE(remove(store, key).status, SecretResult::Status::Ok);
        read = this->read(store, key);
        QCOMPARE(read.status, SecretResult::Status::NotFound);
        QVERIFY(read.value.isEmpty());
        QVERIFY2(read.errorMessage.contains(key), qPrintable(read.errorMessage));
        const ProcessResult gone = run(m_secretTool, {u"search"_s, u"--all"_s, u"server"_s, u"Switchboard"_s});
        QVERIFY2(!gone.output.contains(key), qPrintable(gone.output));
        // Deleting what is not there succeeds (as the Secret Service does).
        QCOMPARE(remove(store, key).status, SecretResult::Status::Ok);
    }

    void jobsRunOneAfterAnother()
    {
        KeychainSecretStore store;
        const QString prefix = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QStringList log;
        // Issued back to back without waiting: the store queues them and runs them in order.
        for (int i = 0; i < 5; ++i) {
            const QString key = SecretStore::keyFor(prefix, u"field%1"_s.arg(i));
            store.write(key, u"value-%1"_s.arg(i), this, [&log, i](const SecretResult &r) {
                log.append(u"write %1 %2"_s.arg(i).arg(statusName(r.status)));
            });
            store.read(key, this, [&log, i](const SecretResult &r) {
                log.append(u"read %1 %2"_s.arg(i).arg(r.value));
            });
        }
        store.remove(SecretStore::keyFor(prefix, u"field0"_s), this, [&log](const SecretResult &r) {
            log.append(u"remove 0 %1"_s.arg(statusName(r.status)));
        });
        store.read(SecretStore::keyFor(prefix, u"field0"_s), this, [&log](const SecretResult &r) {
            log.append(u"read 0 %1"_s.arg(statusName(r.status)));
        });
        QVERIFY(log.isEmpty()); // nothing completes inside the calls
        QTRY_COMPARE_WITH_TIMEOUT(log.size(), 12, Timeout);
        QStringList expected;
        for (int i = 0; i < 5; ++i) {
            expected << u"write %1 ok"_s.arg(i) << u"read %1 value-%1"_s.arg(i);
        }
        expected << u"remove 0 ok"_s << u"read 0 not-found"_s;
        QCOMPARE(log, expected);
        for (int i = 1; i < 5; ++i) {
            QCOMPARE(remove(store, SecretStore::keyFor(prefix, u"field%1"_s.arg(i))).status, SecretResult::Status::Ok);
        }
    }

    void noSecretInFilesTheAppWrote()
    {
        KeychainSecretStore secrets;
        // The application's own files, in the platform locations (HOME is the temporary one).
        IntegrationStore integrations;
        QVERIFY(integrations.configDir().startsWith(m_home));
        QVERIFY(integrations.load().ok());
        IntegrationDefinition def;
        def.id = IntegrationDefinition::newId();
        def.name = u"Keychain test"_s;
        def.liveperson.accountId = u"12345678"_s;
        def.liveperson.loginName = u"bot"_s;
        def.liveperson.loginType = IntegrationDefinition::LoginType::OAuth2;
        def.bot.baseUrl = u"https://bots.example.com"_s;
        def.bot.botId = u"b1"_s;
        const QString secret = u"sb-distinctive-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (const QLatin1String field : {SecretField::OAuthClientSecret, SecretField::AppJwtClientSecret}) {
            def.secrets.insert(field, SecretStore::keyFor(def.id, field));
            QCOMPARE(write(secrets, def.secretKey(field), secret).status, SecretResult::Status::Ok);
        }
        QVERIFY(integrations.add(def).ok());
        {
            TranscriptStore::Options options;
            TranscriptStore transcripts(options);
            QVERIFY(transcripts.path().startsWith(m_home));
            QVERIFY(transcripts.openAndWait().ok());
            ConversationRecord conversation;
            conversation.id = u"c1"_s;
            conversation.integrationId = def.id;
            conversation.state = u"open"_s;
            transcripts.upsertConversation(conversation);
            QVERIFY(transcripts.flushAndWait());
        }
        QCOMPARE(this->read(secrets, def.secretKey(SecretField::OAuthClientSecret)).value, secret);

        // Every file under the temporary HOME except the keyring's own holds no trace of it.
        const QString keyrings = QDir(m_home).filePath(u"share/keyrings"_s);
        QStringList scanned;
        QDirIterator it(m_home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.startsWith(keyrings + u'/') || !it.fileInfo().isFile()) {
                continue;
            }
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(u"the secret is in "_s + path));
            QVERIFY2(!content.contains(QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)),
                     qPrintable(u"the secret (UTF-16) is in "_s + path));
            scanned.append(path);
        }
        QVERIFY(scanned.contains(integrations.filePath()));
        QVERIFY(std::any_of(scanned.cbegin(), scanned.cend(), [](const QString &path) {
            return path.endsWith(u"transcripts.sqlite"_s);
        }));
        QVERIFY(QFileInfo(keyrings).isDir()); // the secrets went there (encrypted)

        for (const QLatin1String field : {SecretField::OAuthClientSecret, SecretField::AppJwtClientSecret}) {
            QCOMPARE(remove(secrets, def.secretKey(field)).status, SecretResult::Status::Ok);
        }
    }

    void noSecretServiceIsReportedClearly()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // A session bus that does not exist, and no X display to autolaunch one from.
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1/no-such-bus-socket"_s.arg(m_home));
        environment.remove(u"DISPLAY"_s);
        const QString secret = u"sb-probe-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        environment.insert(u"SWITCHBOARD_PROBE_SECRET"_s, secret);
        const ProcessResult probe =
            run(QCoreApplication::applicationFilePath(), {QString::fromLatin1(ProbeArgument)}, environment);
        QVERIFY2(probe.exitCode == 0, qPrintable(probe.output));
        QVERIFY2(probe.output.contains(u"write=unavailable"_s), qPrintable(probe.output));
        QVERIFY2(probe.output.contains(u"read=unavailable"_s), qPrintable(probe.output));
        // Words an operator can act on: what is missing and what to start.
        QVERIFY2(probe.output.contains(u"No system keychain is available"_s), qPrintable(probe.output));
        QVERIFY2(probe.output.contains(u"Secret Service"_s), qPrintable(probe.output));
        QVERIFY2(probe.output.contains(u"DBUS_SESSION_BUS_ADDRESS"_s), qPrintable(probe.output));
        QVERIFY(!probe.output.contains(secret));
        for (const QString &line : probe.output.split(u'\n')) {
            if (line.startsWith(u"read-message="_s)) {
                qInfo().noquote() << "no Secret Service, as the operator sees it:" << line.mid(13);
            }
        }

        // No insecure fallback: nothing under HOME (outside the keyring) received the secret.
        const QString keyrings = QDir(m_home).filePath(u"share/keyrings"_s);
        QDirIterator it(m_home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.startsWith(keyrings + u'/') || !it.fileInfo().isFile()) {
                continue;
            }
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(u"the secret is in "_s + path));
        }
    }

private:
    SecretResult wait(const std::function<void(SecretCallback)> &start)
    {
        std::optional<SecretResult> result;
        start([&result](const SecretResult &r) {
            result = r;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), Timeout);
        }();
        return result.value_or(SecretResult{SecretResult::Status::Failed, {}, {}, u"timed out"_s});
    }
    SecretResult write(SecretStore &store, const QString &key, const QString &value)
    {
        return wait([&](SecretCallback done) {
            store.write(key, value, this, std::move(done));
        });
    }
    SecretResult read(SecretStore &store, const QString &key)
    {
        return wait([&](SecretCallback done) {
            store.read(key, this, std::move(done));
        });
    }
    SecretResult remove(SecretStore &store, const QString &key)
    {
        return wait([&](SecretCallback done) {
            store.remove(key, this, std::move(done));
        });
    }

    QString m_home;
    QString m_secretTool;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], ProbeArgument) == 0) {
        return runProbe();
    }
    TestKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
