// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets never leak. Two integrations are configured through `switchboard-cli integration add
// --secrets-stdin` with distinctive secret values (agent password + App JWT client secret for a Custom
// Endpoint bot; OAuth client secret + webhook signing secret + callback token for a webhook bot), the
// sandbox (a separate process, configured with the same credentials) throws every fault at
// `switchboard-cli run` logging at debug level, integrations and transcripts are exported, and then
// every file the application wrote (its own HOME, XDG config/data/cache/state and TMPDIR) and every
// byte it printed is searched for each secret, raw, base64 (standard and URL-safe), percent- and
// form-encoded, JSON-escaped and UTF-16: zero hits. Runs inside tests/support/with-keyring.sh.
#include "IntegrationTransfer.h"
#include "SandboxProcess.h"
#include "storage/IntegrationStore.h"
#include "storage/TranscriptStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Switchboard;

namespace
{
const QString s_cli = QStringLiteral(SWITCHBOARD_CLI);

// Distinctive values with the characters that encodings change ('+', '/', '=', '&', '%', '!').
const QString s_password = QStringLiteral("Pw7+qLx/Zr=9&k%!LeakCheckPassword");
const QString s_oauthClientId = QStringLiteral("oauth-leakcheck-client-4711");
const QString s_oauthSecret = QStringLiteral("Oa9+Sec/ret=Kq&3%LeakCheckOAuth");
const QString s_appClientId = QStringLiteral("app-leakcheck-client-0815");
const QString s_appSecret = QStringLiteral("Ap1+Sec/ret=Mw&7%LeakCheckAppJwt");

/** Every form in which a secret could end up in a file or a log. */
QList<QByteArray> forms(const QString &secret)
{
    const QByteArray raw = secret.toUtf8();
    QList<QByteArray> result{raw,
                             raw.toBase64(),
                             raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
                             raw.toPercentEncoding(),
                             QUrl::toPercentEncoding(secret, " "),
                             QByteArray(raw).replace('/', "\\/"),
                             QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)};
    QByteArray form = raw.toPercentEncoding(" ");
    form.replace(' ', '+');
    result << form;
    // Base64 of a longer string (e.g. "id:secret" in a Basic header) contains the secret's base64 at
    // one of three alignments, without the last, partial group: cover all three.
    result << raw.toBase64().left((raw.size() / 3) * 4);
    for (const QByteArray &prefix : {QByteArray("x"), QByteArray("xy")}) {
        QByteArray encoded = QByteArray(prefix + raw).toBase64();
        encoded = encoded.mid(4, ((raw.size() - 3) / 3) * 4);
        result << encoded;
    }
    result.removeAll(QByteArray());
    return result;
}
} // namespace

class TestSecretsLeak : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_appDir;
    QTemporaryDir m_sandboxDir;
    std::unique_ptr<Test::SandboxProcess> m_sandbox;
    QProcessEnvironment m_env;
    /** Everything the application printed, by invocation. */
    QHash<QString, QByteArray> m_printed;

    int runCli(const QString &label, const QStringList &arguments, const QByteArray &input, QByteArray *stdOut = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.start(s_cli, arguments);
        if (!process.waitForStarted(10000)) {
            return -1;
        }
        process.write(input);
        process.closeWriteChannel();
        const bool finished = process.waitForFinished(60000);
        if (!finished) {
            process.kill();
            process.waitForFinished(5000);
        }
        const QByteArray out = process.readAllStandardOutput();
        if (stdOut) {
            *stdOut = out;
        }
        m_printed[label] += out + process.readAllStandardError();
        return finished ? process.exitCode() : -2;
    }

    QJsonObject conversation(const QString &id)
    {
        return m_sandbox->call("GET", QStringLiteral("/sandbox/conversations/%1").arg(id)).toObject();
    }

    /** Whether the bot answered @p text in @p id, or the conversation was escalated. */
    bool answeredOrEscalated(const QString &id, const QString &text)
    {
        const QJsonObject c = conversation(id);
        if (c.value(QStringLiteral("transfers")).toInt() > 0) {
            return true;
        }
        for (const QJsonValue &m : c.value(QStringLiteral("messages")).toArray()) {
            if (m.toObject().value(QStringLiteral("text")).toString() == QStringLiteral("echo: ") + text) {
                return true;
            }
        }
        return false;
    }

    QString startConversation(const QString &skillId)
    {
        return m_sandbox
            ->call("POST", QStringLiteral("/sandbox/conversations"),
                   {{QStringLiteral("skillId"), skillId}, {QStringLiteral("channel"), QStringLiteral("messaging")}})
            .toObject()
            .value(QStringLiteral("conversationId"))
            .toString();
    }

    bool say(const QString &id, const QString &text)
    {
        return m_sandbox
            ->call("POST", QStringLiteral("/sandbox/conversations/%1/messages").arg(id), {{QStringLiteral("text"), text}})
            .isObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_appDir.isValid());
        QVERIFY(m_sandboxDir.isValid());
        // The sandbox knows the same credentials; its files and output are outside the searched tree.
        const QJsonObject config{
            {QStringLiteral("agents"),
             QJsonArray{QJsonObject{{QStringLiteral("loginName"), QStringLiteral("leak-bot-password")},
                                    {QStringLiteral("userId"), QStringLiteral("2000001")},
                                    {QStringLiteral("skills"), QJsonArray{QStringLiteral("1001")}},
                                    {QStringLiteral("password"), s_password}},
                        QJsonObject{{QStringLiteral("loginName"), QStringLiteral("leak-bot-oauth")},
                                    {QStringLiteral("userId"), QStringLiteral("2000005")},
                                    {QStringLiteral("skills"), QJsonArray{QStringLiteral("1003")}},
                                    {QStringLiteral("appKey"), s_oauthClientId},
                                    {QStringLiteral("secret"), s_oauthSecret}},
                        QJsonObject{{QStringLiteral("loginName"), QStringLiteral("human-agent-1")},
                                    {QStringLiteral("userId"), QStringLiteral("3000001")},
                                    {QStringLiteral("skills"), QJsonArray{QStringLiteral("1002")}},
                                    {QStringLiteral("simulated"), true}}}},
            {QStringLiteral("applications"),
             QJsonArray{QJsonObject{{QStringLiteral("clientId"), s_appClientId},
                                    {QStringLiteral("clientSecret"), s_appSecret}}}},
            {QStringLiteral("humanAcceptDelayMs"), 100}};
        QFile file(m_sandboxDir.filePath(QStringLiteral("sandbox.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(config).toJson());
        file.close();
        m_sandbox = std::make_unique<Test::SandboxProcess>(s_cli);
        QVERIFY(m_sandbox->start({QStringLiteral("--state-dir"), m_sandboxDir.filePath(QStringLiteral("state")),
                                  QStringLiteral("--config"), file.fileName()}));

        m_env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "TMPDIR"}) {
            const QString path = m_appDir.filePath(QString::fromLatin1(name).toLower());
            QVERIFY(QDir().mkpath(path));
            m_env.insert(QString::fromLatin1(name), path);
        }
        m_env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("switchboard.*.debug=true"));
    }

    void cleanupTestCase()
    {
        if (m_sandbox) {
            m_sandbox->stop();
        }
    }

    void noSecretInAnythingTheAppWrites()
    {
        const QJsonObject line = m_sandbox->line();
        const QJsonObject ceBot = m_sandbox->customEndpointBot();
        const QJsonObject webhookBot = line.value(QStringLiteral("bots")).toObject().value(QStringLiteral("webhook")).toObject();
        const QString signingSecret = webhookBot.value(QStringLiteral("signingSecret")).toString();
        const QString callbackToken = webhookBot.value(QStringLiteral("callbackToken")).toString();
        QVERIFY(signingSecret.size() >= 16 && callbackToken.size() >= 16);
        const QStringList common{QStringLiteral("--account"), line.value(QStringLiteral("accountId")).toString(),
                                 QStringLiteral("--csds"), line.value(QStringLiteral("csdsDomain")).toString(),
                                 QStringLiteral("--ca-file"), line.value(QStringLiteral("caFile")).toString(),
                                 QStringLiteral("--fallback-skill"), QStringLiteral("1002"),
                                 QStringLiteral("--timeout-ms"), QStringLiteral("2000"),
                                 QStringLiteral("--secrets-stdin")};
        QCOMPARE(runCli(QStringLiteral("add custom endpoint"),
                        QStringList{QStringLiteral("integration"), QStringLiteral("add"),
                                    QStringLiteral("--name"), QStringLiteral("Leak check CE"),
                                    QStringLiteral("--login-name"), QStringLiteral("leak-bot-password"),
                                    QStringLiteral("--protocol"), QStringLiteral("customEndpoint"),
                                    QStringLiteral("--base-url"), ceBot.value(QStringLiteral("baseUrl")).toString(),
                                    QStringLiteral("--bot-id"), ceBot.value(QStringLiteral("botId")).toString(),
                                    QStringLiteral("--bot-skill"), QStringLiteral("1001")}
                            + common,
                        "loginPassword=" + s_password.toUtf8() + "\nappJwtClientId=" + s_appClientId.toUtf8()
                            + "\nappJwtClientSecret=" + s_appSecret.toUtf8() + "\n"),
                 0);
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString callbackPort = QString::number(probe.serverPort());
        probe.close();
        QCOMPARE(runCli(QStringLiteral("add webhook"),
                        QStringList{QStringLiteral("integration"), QStringLiteral("add"),
                                    QStringLiteral("--name"), QStringLiteral("Leak check webhook"),
                                    QStringLiteral("--login-type"), QStringLiteral("oauth2"),
                                    QStringLiteral("--login-name"), QStringLiteral("leak-bot-oauth"),
                                    QStringLiteral("--protocol"), QStringLiteral("webhook"),
                                    QStringLiteral("--webhook-url"), webhookBot.value(QStringLiteral("url")).toString(),
                                    QStringLiteral("--callback-address"), QStringLiteral("127.0.0.1"),
                                    QStringLiteral("--callback-port"), callbackPort,
                                    QStringLiteral("--bot-skill"), QStringLiteral("1003")}
                            + common,
                        "oauthClientId=" + s_oauthClientId.toUtf8() + "\noauthClientSecret=" + s_oauthSecret.toUtf8()
                            + "\nwebhookSigningSecret=" + signingSecret.toUtf8() + "\ncallbackToken="
                            + callbackToken.toUtf8() + "\n"),
                 0);
        QByteArray listed;
        QCOMPARE(runCli(QStringLiteral("list"), {QStringLiteral("integration"), QStringLiteral("list"), QStringLiteral("--json")}, {},
                        &listed),
                 0);
        const QJsonDocument listDocument = QJsonDocument::fromJson(listed);
        const QJsonArray integrations = listDocument.isArray()
                                            ? listDocument.array()
                                            : listDocument.object().value(QStringLiteral("integrations")).toArray();
        QCOMPARE(integrations.size(), 2);
        for (const QJsonValue &integration : integrations) {
            const QString id = integration.toObject().value(QStringLiteral("id")).toString();
            QCOMPARE(runCli(QStringLiteral("test ") + id, {QStringLiteral("integration"), QStringLiteral("test"), id}, {}), 0);
        }

        // Run, logging at debug level, through every fault.
        QProcess run;
        run.setProcessEnvironment(m_env);
        run.start(s_cli, {QStringLiteral("run")});
        QVERIFY(run.waitForStarted(10000));
        QByteArray &runOutput = m_printed[QStringLiteral("run")];
        const auto readRun = [&] {
            runOutput += run.readAllStandardOutput();
            runOutput += run.readAllStandardError();
        };
        QVERIFY2(QTest::qWaitFor([&] { readRun(); return runOutput.count("is online") >= 2; }, 40000), runOutput.constData());

        const QStringList skills{QStringLiteral("1001"), QStringLiteral("1003")};
        QStringList conversations;
        int said = 0;
        const auto roundTrip = [&](const QString &label) {
            QStringList texts;
            for (const QString &skill : skills) {
                const QString id = startConversation(skill);
                if (id.isEmpty()) {
                    return false;
                }
                conversations << id;
                const QString text = QStringLiteral("%1 %2").arg(label).arg(++said);
                if (!say(id, text)) {
                    return false;
                }
                texts << id << text;
            }
            return QTest::qWaitFor(
                [&] {
                    readRun();
                    for (int i = 0; i < texts.size(); i += 2) {
                        if (!answeredOrEscalated(texts.at(i), texts.at(i + 1))) {
                            return false;
                        }
                    }
                    return true;
                },
                30000);
        };
        const auto fault = [&](const QJsonObject &object) { return m_sandbox->applyFault(object); };
        QVERIFY(roundTrip(QStringLiteral("hello")));
        QVERIFY(fault({{QStringLiteral("kind"), QStringLiteral("drop-sockets")}}));
        QVERIFY(roundTrip(QStringLiteral("after drop")));
        QVERIFY(fault({{QStringLiteral("kind"), QStringLiteral("close")}, {QStringLiteral("code"), 4401}}));
        QVERIFY(roundTrip(QStringLiteral("after 4401")));
        QVERIFY(fault({{QStringLiteral("kind"), QStringLiteral("revoke-tokens")}}));
        QVERIFY(roundTrip(QStringLiteral("after revoke")));
        for (const QString &route : {QStringLiteral("login"), QStringLiteral("sentinel"), QStringLiteral("refresh")}) {
            QVERIFY(fault({{QStringLiteral("kind"), QStringLiteral("http")}, {QStringLiteral("route"), route},
                           {QStringLiteral("status"), 503}, {QStringLiteral("count"), 2}}));
        }
        QVERIFY(fault({{QStringLiteral("kind"), QStringLiteral("revoke-tokens")}}));
        QVERIFY(roundTrip(QStringLiteral("after login 503")));
        QVERIFY(m_sandbox->call("DELETE", QStringLiteral("/sandbox/faults")).isObject());
        const QJsonObject failing{{QStringLiteral("mode"), QStringLiteral("fail5xx")}, {QStringLiteral("failRatio"), 0.5},
                                  {QStringLiteral("status"), 503}};
        QVERIFY(m_sandbox->callBot("POST", QStringLiteral("/behaviour"), failing).isObject());
        QNetworkAccessManager http;
        {
            QNetworkRequest request(QUrl(webhookBot.value(QStringLiteral("controlUrl")).toString()
                                         + QStringLiteral("/behaviour")));
            request.setSslConfiguration(m_sandbox->sslConfiguration());
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            QNetworkReply *reply = http.post(request, QJsonDocument(failing).toJson(QJsonDocument::Compact));
            QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            reply->deleteLater();
        }
        QVERIFY(roundTrip(QStringLiteral("bot failing")));
        QVERIFY(roundTrip(QStringLiteral("bot failing again")));
        QVERIFY(fault({{QStringLiteral("kind"), QStringLiteral("kick-session")},
                       {QStringLiteral("loginName"), QStringLiteral("leak-bot-password")}}));
        QVERIFY(fault({{QStringLiteral("kind"), QStringLiteral("kick-session")},
                       {QStringLiteral("loginName"), QStringLiteral("leak-bot-oauth")}}));
        const qsizetype before = runOutput.size();
        (void)QTest::qWaitFor([&] { readRun(); return runOutput.size() > before + 200; }, 10000);
        run.terminate();
        QVERIFY(run.waitForFinished(20000));
        readRun();
        QVERIFY2(runOutput.contains("switchboard."), "run logs at debug level with its categories");

        // Exports: integrations (IntegrationTransfer, as the console's export) and transcripts.
        QString configDir;
        QString transcriptPath;
        for (QDirIterator it(m_appDir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String("/integrations.json"))) {
                configDir = QFileInfo(path).absolutePath();
            } else if (path.endsWith(QLatin1String("/transcripts.sqlite"))) {
                transcriptPath = path;
            }
        }
        QVERIFY2(!configDir.isEmpty() && !transcriptPath.isEmpty(), "the app wrote its files under its XDG dirs");
        const QString exportDir = m_appDir.filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(exportDir));
        Storage::IntegrationStore integrationStore(configDir);
        QVERIFY(integrationStore.load().ok());
        QCOMPARE(integrationStore.integrations().size(), 2);
        QFile integrationExport(QDir(exportDir).filePath(QStringLiteral("integrations.json")));
        QVERIFY(integrationExport.open(QIODevice::WriteOnly));
        integrationExport.write(IntegrationTransfer::serialize(integrationStore.integrations()));
        integrationExport.close();
        {
            Storage::TranscriptStore::Options options;
            options.path = transcriptPath;
            Storage::TranscriptStore store(options);
            QVERIFY(store.openAndWait().ok());
            QJsonArray dump;
            int hops = 0;
            for (const QString &id : std::as_const(conversations)) {
                const auto transcript = store.transcript(id);
                QVERIFY(transcript.ok());
                QJsonArray messages;
                for (const auto &m : transcript.value().messages) {
                    messages.append(QJsonObject{{QStringLiteral("text"), m.text}, {QStringLiteral("deliveryId"), m.deliveryId}});
                }
                QJsonArray hopArray;
                for (const auto &h : transcript.value().hops) {
                    ++hops;
                    hopArray.append(QJsonObject{{QStringLiteral("outcome"), h.outcome},
                                                {QStringLiteral("payload"), QString::fromUtf8(h.payload)}});
                }
                QJsonArray escalations;
                for (const auto &e : transcript.value().escalations) {
                    escalations.append(QJsonObject{{QStringLiteral("cause"), e.cause}, {QStringLiteral("reason"), e.reason},
                                                   {QStringLiteral("outcome"), e.outcome}});
                }
                dump.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("messages"), messages},
                                        {QStringLiteral("hops"), hopArray}, {QStringLiteral("escalations"), escalations}});
            }
            QVERIFY2(hops > 0, "the transcripts have bot hops");
            QFile transcriptExport(QDir(exportDir).filePath(QStringLiteral("transcripts.json")));
            QVERIFY(transcriptExport.open(QIODevice::WriteOnly));
            transcriptExport.write(QJsonDocument(dump).toJson());
        }

        // The search. A positive control first: the sandbox's config file holds every secret.
        QHash<QString, QList<QByteArray>> needles;
        for (const QString &secret : {s_password, s_oauthSecret, s_appSecret, signingSecret, callbackToken}) {
            needles.insert(secret.left(6) + QStringLiteral("…"), forms(secret));
        }
        QFile sandboxConfig(m_sandboxDir.filePath(QStringLiteral("sandbox.json")));
        QVERIFY(sandboxConfig.open(QIODevice::ReadOnly));
        const QByteArray control = sandboxConfig.readAll() + signingSecret.toUtf8() + callbackToken.toUtf8();
        for (auto it = needles.cbegin(); it != needles.cend(); ++it) {
            QVERIFY2(control.contains(it.value().first()), qPrintable(it.key()));
        }
        QStringList hits;
        int files = 0;
        qint64 bytes = 0;
        const auto search = [&](const QString &where, const QByteArray &content) {
            bytes += content.size();
            for (auto it = needles.cbegin(); it != needles.cend(); ++it) {
                for (const QByteArray &form : it.value()) {
                    if (content.contains(form)) {
                        hits << QStringLiteral("%1 in %2 (as \"%3\")").arg(it.key(), where, QString::fromUtf8(form.left(12)));
                    }
                }
            }
        };
        for (QDirIterator it(m_appDir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
             it.hasNext();) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly)) {
                ++files;
                search(file.fileName(), file.readAll());
            }
        }
        for (auto it = m_printed.cbegin(); it != m_printed.cend(); ++it) {
            search(QStringLiteral("the output of \"%1\"").arg(it.key()), it.value());
        }
        qInfo("secrets: searched %d files and %d outputs (%lld bytes, run output %lld bytes) for 5 secrets in %lld "
              "forms each; %d conversations; %d hits",
              files, int(m_printed.size()), bytes, qint64(runOutput.size()), qint64(needles.cbegin().value().size()),
              int(conversations.size()), int(hits.size()));
        QVERIFY2(files >= 4, "config, transcripts and both exports were searched");
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QStringLiteral("; "))));
    }
};

QTEST_GUILESS_MAIN(TestSecretsLeak)
#include "tst_secrets_leak.moc"
