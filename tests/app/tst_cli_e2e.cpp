// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// switchboard-cli as a server operator uses it: `sandbox` in one process; `integration add` with
// secrets on standard input (into a real gnome-keyring), `integration test`, then `run`, which is
// killed with SIGKILL mid-conversation and started again. Runs inside tests/support/with-keyring.sh.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace
{
const QString s_cli = QStringLiteral(SWITCHBOARD_CLI);

} // namespace

class TestCliE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_sandbox;
    QJsonObject m_line;
    QNetworkAccessManager m_http;
    QSslConfiguration m_ssl;

    QJsonValue call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(m_line.value(QStringLiteral("controlUrl")).toString() + path));
        request.setSslConfiguration(m_ssl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_http.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000)) {
            return {};
        }
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            qWarning("control API %s %s: %s", method.constData(), qPrintable(path), qPrintable(reply->errorString()));
            return {};
        }
        const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
        return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    }

    QStringList agentTexts(const QString &conversationId)
    {
        QStringList texts;
        const QJsonArray messages =
            call("GET", QStringLiteral("/sandbox/conversations/%1").arg(conversationId)).toObject().value(QStringLiteral("messages")).toArray();
        for (const QJsonValue &value : messages) {
            const QJsonObject message = value.toObject();
            if (message.value(QStringLiteral("role")).toString() == QLatin1String("ASSIGNED_AGENT")
                && message.value(QStringLiteral("type")).toString() == QLatin1String("ContentEvent")) {
                texts << message.value(QStringLiteral("text")).toString();
            }
        }
        return texts;
    }

    static int runCli(const QStringList &arguments, const QByteArray &input, QByteArray *output = nullptr)
    {
        QProcess process;
        process.start(s_cli, arguments);
        if (!process.waitForStarted(10000)) {
            return -1;
        }
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000)) {
            process.kill();
            return -2;
        }
        if (output) {
            *output = process.readAllStandardOutput() + process.readAllStandardError();
        }
        return process.exitCode();
    }

    std::unique_ptr<QProcess> startRun()
    {
        auto run = std::make_unique<QProcess>();
        run->setProcessChannelMode(QProcess::SeparateChannels);
        run->start(s_cli, {QStringLiteral("run"), QStringLiteral("--config-dir"), m_dir.filePath(QStringLiteral("config")),
                           QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))});
        return run;
    }

    static bool waitForText(QProcess &process, const QByteArray &text, QByteArray &seen, int timeoutMs)
    {
        return QTest::qWaitFor(
            [&] {
                seen += process.readAllStandardError();
                return seen.contains(text);
            },
            timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<QProcess>();
        m_sandbox->start(s_cli, {QStringLiteral("sandbox"), QStringLiteral("--state-dir"), m_dir.filePath(QStringLiteral("sandbox"))});
        QVERIFY(m_sandbox->waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([&] { return m_sandbox->canReadLine(); }, 20000));
        m_line = QJsonDocument::fromJson(m_sandbox->readLine()).object();
        QVERIFY(m_line.contains(QStringLiteral("controlUrl")));
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl.addCaCertificates(QSslCertificate::fromPath(m_line.value(QStringLiteral("caFile")).toString()));
    }

    void cleanupTestCase()
    {
        if (m_sandbox) {
            m_sandbox->terminate();
            m_sandbox->waitForFinished(10000);
        }
    }

    void addTestRunKillRestart()
    {
        const QJsonObject agent = m_line.value(QStringLiteral("agents")).toArray().first().toObject();
        const QJsonObject application = m_line.value(QStringLiteral("applications")).toArray().first().toObject();
        const QJsonObject bot = m_line.value(QStringLiteral("bots")).toObject().value(QStringLiteral("customEndpoint")).toObject();
        QVERIFY2(!bot.isEmpty(), "the sandbox line names its Custom Endpoint demo bot");
        const QString botSkill = agent.value(QStringLiteral("skills")).toArray().first().toString();
        const QString humanSkill = m_line.value(QStringLiteral("skills")).toArray().at(1).toObject().value(QStringLiteral("id")).toString();

        // add: options on the command line, secrets on standard input only.
        const QString configDir = m_dir.filePath(QStringLiteral("config"));
        QByteArray output;
        const QByteArray secrets = "loginPassword=" + agent.value(QStringLiteral("password")).toString().toUtf8()
                                   + "\nappJwtClientId=" + application.value(QStringLiteral("clientId")).toString().toUtf8()
                                   + "\nappJwtClientSecret=" + application.value(QStringLiteral("clientSecret")).toString().toUtf8()
                                   + "\n";
        QCOMPARE(runCli({QStringLiteral("integration"), QStringLiteral("add"), QStringLiteral("--config-dir"), configDir,
                         QStringLiteral("--name"), QStringLiteral("CLI test bot"),
                         QStringLiteral("--account"), m_line.value(QStringLiteral("accountId")).toString(),
                         QStringLiteral("--csds"), m_line.value(QStringLiteral("csdsDomain")).toString(),
                         QStringLiteral("--login-name"), agent.value(QStringLiteral("loginName")).toString(),
                         QStringLiteral("--ca-file"), m_line.value(QStringLiteral("caFile")).toString(),
                         QStringLiteral("--protocol"), QStringLiteral("customEndpoint"),
                         QStringLiteral("--base-url"), bot.value(QStringLiteral("baseUrl")).toString(),
                         QStringLiteral("--bot-id"), bot.value(QStringLiteral("botId")).toString(),
                         QStringLiteral("--bot-skill"), botSkill, QStringLiteral("--fallback-skill"), humanSkill,
                         QStringLiteral("--timeout-ms"), QStringLiteral("5000"), QStringLiteral("--secrets-stdin")},
                        secrets, &output),
                 0);
        QVERIFY2(output.contains("added integration"), output.constData());
        // The password is in the keychain, not in the file.
        QFile file(QDir(configDir).filePath(QStringLiteral("integrations.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(!json.contains(agent.value(QStringLiteral("password")).toString().toUtf8()));
        QVERIFY(!json.contains(application.value(QStringLiteral("clientSecret")).toString().toUtf8()));
        const QString id = QJsonDocument::fromJson(json).object().value(QStringLiteral("integrations")).toArray().first()
                               .toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());

        // test: every step reports ok.
        const int testExit = runCli({QStringLiteral("integration"), QStringLiteral("test"), id, QStringLiteral("--config-dir"), configDir},
                                    {}, &output);
        QVERIFY2(testExit == 0, output.constData());
        QCOMPARE(output.count("ok  "), 4);

        // run, then a conversation.
        std::unique_ptr<QProcess> run = startRun();
        QByteArray log;
        QVERIFY2(waitForText(*run, "is online", log, 30000), log.constData());
        const QString consumer = call("POST", QStringLiteral("/sandbox/consumers")).toObject().value(QStringLiteral("consumerId")).toString();
        QVERIFY(!consumer.isEmpty());
        const QString conversation = call("POST", QStringLiteral("/sandbox/conversations"),
                                          {{QStringLiteral("consumerId"), consumer},
                                           {QStringLiteral("skillId"), botSkill},
                                           {QStringLiteral("channel"), QStringLiteral("messaging")}})
                                         .toObject().value(QStringLiteral("conversationId")).toString();
        QVERIFY(!conversation.isEmpty());
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(call("POST", QStringLiteral("/sandbox/conversations/%1/messages").arg(conversation),
                         {{QStringLiteral("text"), QStringLiteral("k%1").arg(i)}}).isObject());
            QTRY_COMPARE_WITH_TIMEOUT(agentTexts(conversation).size(), i, 15000);
        }

        // SIGKILL: no goodbye. The consumer writes on while the connector is gone.
        run->kill();
        QVERIFY(run->waitForFinished(10000));
        for (int i = 4; i <= 6; ++i) {
            QVERIFY(call("POST", QStringLiteral("/sandbox/conversations/%1/messages").arg(conversation),
                         {{QStringLiteral("text"), QStringLiteral("k%1").arg(i)}}).isObject());
        }
        run = startRun();
        log.clear();
        QVERIFY2(waitForText(*run, "is online", log, 30000), log.constData());
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(conversation).size(), 6, 30000);
        QStringList expected;
        for (int i = 1; i <= 6; ++i) {
            expected << QStringLiteral("echo: k%1").arg(i);
        }
        QCOMPARE(agentTexts(conversation), expected);

        // SIGTERM: agents away, store flushed, exit 0.
        run->terminate();
        QVERIFY(run->waitForFinished(20000));
        QCOMPARE(run->exitStatus(), QProcess::NormalExit);
        QCOMPARE(run->exitCode(), 0);
        log += run->readAllStandardError() + run->readAllStandardOutput();
        QVERIFY(!log.contains(agent.value(QStringLiteral("password")).toString().toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliE2E)
#include "tst_cli_e2e.moc"
