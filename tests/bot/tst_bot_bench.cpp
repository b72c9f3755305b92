// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The bot-hop benchmark (label "bench"): client CPU per call and calls per second of
// HttpClient (libcurl multi on the Qt event loop) against QNetworkAccessManager, both POSTing a
// small JSON event to a fast local bot that runs in a child process (bench/fastbot.cpp for
// HTTP/1.1, bench/h2cbot.js on Node for HTTP/2 and TLS), so the server's CPU is not counted.
// TLS rows verify the server against a throw-away CA made with openssl. libcurl 7.88 (Debian 12)
// cannot reuse h2c prior-knowledge connections (curl#10634), so curl's HTTP/2 row is over TLS.
// CPU is getrusage(RUSAGE_SELF) over the measuring window (all threads of this process, so
// QNAM's HTTP thread counts too). Figures go to stdout as a Markdown table; see
// docs/PERFORMANCE.md. SWITCHBOARD_BENCH_STRICT=1 also enforces the issue's targets for curl.
// SWITCHBOARD_BENCH_MS sets the measuring window per row (default 2000 ms).

#include "BenchSupport.h"
#include "bot/CallbackServer.h"
#include "bot/CustomEndpointClient.h"
#include "bot/HttpClient.h"
#include "bot/WebhookClient.h"

#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;
using namespace Switchboard::Bot;
using namespace Switchboard::Test;

namespace
{

const QByteArray s_eventBody =
    R"({"type":"TEXT","source":"CONSUMER","data":{"message":"Hello, I would like to change my flight"},"context":{"lpEvent":{"sequence":3,"serverTimestamp":1790000000000,"event":{"type":"ContentEvent","message":"Hello, I would like to change my flight","contentType":"text/plain"},"conversationId":"c0ffee00-1111-2222-3333-444455556666","dialogId":"c0ffee00-1111-2222-3333-444455556666","metadata":[],"messageAudience":"ALL"}}})";

} // namespace

class tst_BotBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void hop_data();
    void hop();
    void callbackServer();

private:
    std::unique_ptr<ChildServer> m_h1;
    std::unique_ptr<ChildServer> m_h2c;
    std::unique_ptr<ChildServer> m_tls;
    QTemporaryDir m_tmp;
    QByteArray m_certPem;
    QList<BenchRow> m_rows;
    int m_windowMs = 2000;
};

void tst_BotBench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_windowMs = qEnvironmentVariableIntValue("SWITCHBOARD_BENCH_MS") > 0
                     ? qEnvironmentVariableIntValue("SWITCHBOARD_BENCH_MS")
                     : 2000;
    m_h1 = std::make_unique<ChildServer>(QStringLiteral(SWITCHBOARD_FASTBOT), QStringList{});
    QTRY_VERIFY_WITH_TIMEOUT(m_h1->port() > 0, 10000);
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (!node.isEmpty()) {
        m_h2c = std::make_unique<ChildServer>(node, QStringList{QStringLiteral(SWITCHBOARD_H2CBOT)});
        QTRY_VERIFY_WITH_TIMEOUT(m_h2c->port() > 0 || m_h2c->failed(), 10000);
        if (m_h2c->failed()) {
            m_h2c.reset();
        }
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (!openssl.isEmpty() && m_tmp.isValid()) {
            QProcess p;
            p.start(openssl,
                    {QStringLiteral("req"),
                     QStringLiteral("-x509"),
                     QStringLiteral("-newkey"),
                     QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"),
                     QStringLiteral("ec_paramgen_curve:prime256v1"),
                     QStringLiteral("-nodes"),
                     QStringLiteral("-days"),
                     QStringLiteral("2"),
                     QStringLiteral("-subj"),
                     QStringLiteral("/CN=localhost"),
                     QStringLiteral("-addext"),
                     QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
                     QStringLiteral("-keyout"),
                     m_tmp.filePath(QStringLiteral("key.pem")),
                     QStringLiteral("-out"),
                     m_tmp.filePath(QStringLiteral("cert.pem"))});
            QVERIFY(p.waitForFinished(60000));
            QFile cert(m_tmp.filePath(QStringLiteral("cert.pem")));
            if (p.exitCode() == 0 && cert.open(QIODevice::ReadOnly)) {
                m_certPem = cert.readAll();
                m_tls = std::make_unique<ChildServer>(node,
                                                      QStringList{QStringLiteral(SWITCHBOARD_H2CBOT),
                                                                  cert.fileName(),
                                                                  m_tmp.filePath(QStringLiteral("key.pem"))});
                QTRY_VERIFY_WITH_TIMEOUT(m_tls->port() > 0 || m_tls->failed(), 10000);
                if (m_tls->failed()) {
                    m_tls.reset();
                }
            }
        }
    }
}

void tst_BotBench::cleanupTestCase()
{
    std::printf("\n| client | protocol | concurrency | calls/s | client CPU ms/call | calls measured | failed |\n");
    std::printf("|---|---|---:|---:|---:|---:|---:|\n");
    for (const BenchRow &r : std::as_const(m_rows)) {
        std::printf("| %s | %s | %d | %.0f | %.4f | %lld | %d |\n",
                    qPrintable(r.client),
                    qPrintable(r.protocol),
                    r.concurrency,
                    r.callsPerSecond(),
                    r.cpuMsPerCall(),
                    r.completed,
                    r.failures);
    }
    if (!m_h2c || !m_tls) {
        std::printf(
            "(HTTP/2 and TLS rows skipped: node or openssl not found; fastbot.cpp speaks plain HTTP/1.1 only)\n");
    }
    std::fflush(stdout);
}

void tst_BotBench::hop_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<int>("concurrency");
    QTest::newRow("curl h1 c1") << QStringLiteral("HttpClient (curl multi)") << QStringLiteral("HTTP/1.1") << 1;
    QTest::newRow("curl h1 c8") << QStringLiteral("HttpClient (curl multi)") << QStringLiteral("HTTP/1.1") << 8;
    QTest::newRow("curl h1 c32") << QStringLiteral("HttpClient (curl multi)") << QStringLiteral("HTTP/1.1") << 32;
    QTest::newRow("qnam h1 c6") << QStringLiteral("QNetworkAccessManager") << QStringLiteral("HTTP/1.1") << 6;
    QTest::newRow("qnam h1 c32") << QStringLiteral("QNetworkAccessManager") << QStringLiteral("HTTP/1.1") << 32;
    QTest::newRow("curl h1 tls c32") << QStringLiteral("HttpClient (curl multi)") << QStringLiteral("HTTP/1.1 + TLS")
                                     << 32;
    QTest::newRow("qnam h1 tls c32") << QStringLiteral("QNetworkAccessManager") << QStringLiteral("HTTP/1.1 + TLS")
                                     << 32;
    QTest::newRow("curl h2 tls c32") << QStringLiteral("HttpClient (curl multi)") << QStringLiteral("HTTP/2 + TLS")
                                     << 32;
    QTest::newRow("qnam h2 tls c32") << QStringLiteral("QNetworkAccessManager") << QStringLiteral("HTTP/2 + TLS") << 32;
    QTest::newRow("qnam h2c c32") << QStringLiteral("QNetworkAccessManager") << QStringLiteral("HTTP/2 (h2c)") << 32;
    QTest::newRow("custom endpoint c32") << QStringLiteral("CustomEndpointClient (whole delivery)")
                                         << QStringLiteral("HTTP/1.1") << 32;
}

void tst_BotBench::hop()
{
    QFETCH(QString, client);
    QFETCH(QString, protocol);
    QFETCH(int, concurrency);
    const bool h2 = protocol.startsWith(QLatin1String("HTTP/2"));
    const bool tls = protocol.endsWith(QLatin1String("TLS"));
    const bool h2c = h2 && !tls;
    if ((h2c && !m_h2c) || (tls && !m_tls)) {
        QSKIP("node or openssl is not installed: no HTTP/2 or TLS bot for the benchmark");
    }
    const int port = tls ? m_tls->port() : h2c ? m_h2c->port() : m_h1->port();
    const QByteArray url = QByteArray(tls ? "https" : "http") + QByteArrayLiteral("://127.0.0.1:") +
                           QByteArray::number(port) + "/v1/bots/b1/environments/draft/conversations/c1/events";

    LoadRunner runner;
    runner.concurrency = concurrency;
    runner.warmupMs = 300;
    runner.durationMs = m_windowMs;

    std::unique_ptr<HttpClient> http;
    std::unique_ptr<QNetworkAccessManager> nam;
    auto connections = std::make_shared<int>(0);
    std::unique_ptr<CustomEndpointClient> ce;
    if (client.startsWith(QLatin1String("HttpClient"))) {
        HttpClientOptions options;
        // Negotiate explicitly: Auto keeps libcurl 7.88 on HTTP/1.1.
        options.http2 = h2 ? Http2Mode::Negotiate : Http2Mode::Never;
        options.extraCaPem = m_certPem;
        http = std::make_unique<HttpClient>(options);
        HttpClient *raw = http.get();
        const int expectedVersion = h2 ? 20 : 11;
        runner.issue = [raw, url, expectedVersion, connections, &runner](LoadRunner::Done done) {
            HttpRequest request;
            request.method = "POST";
            request.url = url;
            request.body = s_eventBody;
            request.headers = {{"Authorization", "Bearer benchmark-token"}};
            raw->send(request, &runner, [done, expectedVersion, connections](const HttpResponse &response) {
                *connections += response.newConnection ? 1 : 0;
                const bool ok = response.transportOk() && response.status == 200 && !response.body.isEmpty() &&
                                response.httpVersion == expectedVersion;
                static bool reported = false;
                if (!ok && !reported) {
                    reported = true;
                    qWarning() << "first failed call:" << httpErrorName(response.error) << response.errorString
                               << response.status;
                }
                done(ok);
            });
        };
    } else if (client.startsWith(QLatin1String("QNetwork"))) {
        nam = std::make_unique<QNetworkAccessManager>();
        QNetworkAccessManager *raw = nam.get();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (tls) {
            QList<QSslCertificate> cas = ssl.caCertificates();
            cas.append(QSslCertificate(m_certPem, QSsl::Pem));
            ssl.setCaCertificates(cas);
        }
        runner.issue = [raw, url, h2, h2c, tls, ssl, &runner](LoadRunner::Done done) {
            QNetworkRequest request{QUrl(QString::fromLatin1(url))};
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer benchmark-token");
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, h2);
            request.setAttribute(QNetworkRequest::Http2DirectAttribute, h2c);
            if (tls) {
                request.setSslConfiguration(ssl);
            }
            QNetworkReply *reply = raw->post(request, s_eventBody);
            QObject::connect(reply, &QNetworkReply::finished, &runner, [reply, done, h2] {
                const QByteArray body = reply->readAll();
                const bool ok = reply->error() == QNetworkReply::NoError &&
                                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 &&
                                !body.isEmpty() &&
                                reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool() == h2;
                static bool reported = false;
                if (!ok && !reported) {
                    reported = true;
                    qWarning() << "first failed call:" << reply->errorString();
                }
                reply->deleteLater();
                done(ok);
            });
        };
    } else {
        http = std::make_unique<HttpClient>();
        CustomEndpointConfig config;
        config.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
        config.botId = QStringLiteral("b1");
        config.staticBearerToken = QByteArrayLiteral("benchmark-token");
        ce = std::make_unique<CustomEndpointClient>(config, http.get());
        CustomEndpointClient *raw = ce.get();
        auto done = std::make_shared<QHash<QString, LoadRunner::Done>>();
        QObject::connect(raw, &BotClient::replied, &runner, [done](const QString &id, const BotResponse &response) {
            if (auto cb = done->take(id)) {
                cb(response.items.size() == 1);
            }
        });
        QObject::connect(raw, &BotClient::deliveryFailed, &runner, [done](const QString &id, const BotError &) {
            if (auto cb = done->take(id)) {
                cb(false);
            }
        });
        auto counter = std::make_shared<qint64>(0);
        runner.issue = [raw, done, counter, concurrency](LoadRunner::Done cb) {
            const qint64 n = (*counter)++;
            BotEvent event;
            event.deliveryId = QStringLiteral("d%1").arg(n);
            // One conversation per concurrent slot: deliveries of one conversation are serialized.
            event.conversationId = QStringLiteral("conv-%1").arg(n % concurrency);
            event.type = EventType::Text;
            event.text = QStringLiteral("Hello, I would like to change my flight");
            event.sequence = n;
            event.lpEvent = QJsonObject{{QStringLiteral("sequence"), double(n)},
                                        {QStringLiteral("conversationId"), event.conversationId},
                                        {QStringLiteral("dialogId"), event.conversationId}};
            event.context.skillId = QStringLiteral("12");
            event.context.engagementId = QStringLiteral("34");
            done->insert(event.deliveryId, cb);
            raw->deliver(event);
        };
    }

    QSignalSpy finished(&runner, &LoadRunner::finished);
    runner.start();
    QVERIFY(finished.wait(m_windowMs + 60000));
    QVERIFY(runner.completed > 0);
    if (h2 && client.startsWith(QLatin1String("HttpClient"))) {
        // libcurl 7.88.1 (Debian 12) fails about one HTTP/2 request in a thousand
        // against Node's server with "Error in the HTTP2 framing layer"; the curl tool does the
        // same. HttpClient reports it as a protocol error, which the bot clients retry.
        QVERIFY2(runner.failures * 100 <= runner.completed, "more than 1 % of HTTP/2 calls failed");
    } else {
        QCOMPARE(runner.failures, 0);
    }

    BenchRow row{client, protocol, concurrency, runner.completed, runner.cpuUs, runner.wallUs, runner.failures};
    m_rows.append(row);
    qInfo("%s %s c%d: %.0f calls/s, %.4f ms CPU/call%s",
          qPrintable(client),
          qPrintable(protocol),
          concurrency,
          row.callsPerSecond(),
          row.cpuMsPerCall(),
          http && !ce ? qPrintable(QStringLiteral(", %1 connections opened").arg(*connections)) : "");
    if (qEnvironmentVariableIntValue("SWITCHBOARD_BENCH_STRICT") == 1 &&
        client.startsWith(QLatin1String("HttpClient")) && !h2 && !tls && concurrency >= 8) {
        QVERIFY2(row.cpuMsPerCall() <= 0.05, "HttpClient costs more than 0.05 ms CPU per call");
        QVERIFY2(row.callsPerSecond() >= 10000, "HttpClient sustains fewer than 10 000 calls/s");
    }
}

void tst_BotBench::callbackServer()
{
    // The callback server on its own thread; a curl-multi client hammers it from this thread.
    CallbackServerBench bench;
    bench.windowMs = m_windowMs;
    QVERIFY2(bench.start(), "callback server did not start");
    QSignalSpy finished(&bench, &CallbackServerBench::finished);
    bench.run(32);
    QVERIFY(finished.wait(m_windowMs + 60000));
    QCOMPARE(bench.failures, 0);
    QVERIFY(bench.completed > 0);
    std::printf("\nCallback server (QHttpServer 6.4 adapter, own thread), 32 concurrent curl clients, "
                "HTTP/1.1 keep-alive: %.0f callbacks/s, server thread CPU %.4f ms per callback "
                "(client side %.4f ms), %lld callbacks measured\n",
                bench.callsPerSecond(),
                bench.serverCpuMsPerCall(),
                bench.clientCpuMsPerCall(),
                bench.completed);
    std::fflush(stdout);
}

QTEST_GUILESS_MAIN(tst_BotBench)
#include "tst_bot_bench.moc"
