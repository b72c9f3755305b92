// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// HttpClient (libcurl multi on the Qt event loop): requests and bodies, kept-alive connections,
// timeouts, refused connections, the response size limit, TLS verification with an extra CA,
// proxies from the environment with NO_PROXY, cancellation and context lifetime.

#include "MiniHttpServer.h"
#include "bot/HttpClient.h"

#include <QFile>
#include <QProcess>
#include <QPointer>
#include <QSocketNotifier>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;
using namespace Switchboard::Bot;
using namespace Switchboard::Test;

namespace
{

/** Collects callbacks; tests wait on `count`. */
struct Sink
{
    QList<HttpResponse> responses;
    HttpClient::Callback callback()
    {
        return [this](const HttpResponse &r) { responses.append(r); };
    }
};

HttpRequest get(const QString &url)
{
    HttpRequest r;
    r.url = url.toUtf8();
    return r;
}

} // namespace

class tst_HttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void getAndPost();
    void keepsConnectionsAlive();
    void parallelRequests();
    void queuesBeyondActiveLimit();
    void waitingRequestTimesOutAndCancels();
    void timeout();
    void connectionRefused();
    void responseTooLarge();
    void retryAfterHeader();
    void tlsNeedsTrustedCa();
    void connectionsReusedUnderLoad_data();
    void connectionsReusedUnderLoad();
    void proxyFromEnvironment();
    void cancelAndContext();
    void destroyedWithPendingRequests();

private:
    QTemporaryDir m_tmp;
    QByteArray m_certPem;
    QByteArray m_keyPem;
};

void tst_HttpClient::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        return;
    }
    QProcess p;
    p.start(openssl,
            {QStringLiteral("req"),
             QStringLiteral("-x509"),
             QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"),
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
    QCOMPARE(p.exitCode(), 0);
    QFile cert(m_tmp.filePath(QStringLiteral("cert.pem")));
    QFile key(m_tmp.filePath(QStringLiteral("key.pem")));
    QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    m_certPem = cert.readAll();
    m_keyPem = key.readAll();
}

void tst_HttpClient::getAndPost()
{
    MiniHttpServer server([](const MiniRequest &request, MiniResponder responder) {
        responder.send(201,
                       "{\"echo\":\"" + request.method + " " + request.body + "\"}",
                       "application/json",
                       {{"Retry-After", "3"}});
    });
    server.listen();
    HttpClient client;
    Sink sink;
    HttpRequest post;
    post.method = "POST";
    post.url = (server.baseUrl() + QStringLiteral("/events")).toUtf8();
    post.body = "abc";
    post.headers = {{"X-Test", "1"}};
    const quint64 id = client.send(post, this, sink.callback());
    QVERIFY(id != 0);
    QCOMPARE(client.pendingCount(), 1);
    QTRY_COMPARE(sink.responses.size(), 1);
    const HttpResponse &r = sink.responses.first();
    QVERIFY(r.transportOk());
    QCOMPARE(r.status, 201);
    QCOMPARE(r.httpVersion, 11);
    QCOMPARE(r.body, QByteArray("{\"echo\":\"POST abc\"}"));
    QCOMPARE(r.contentType, QByteArray("application/json"));
    QVERIFY(r.startedAtMs > 0 && r.finishedAtMs >= r.startedAtMs);
    QVERIFY(r.elapsedUs > 0);
    QCOMPARE(client.pendingCount(), 0);
    const MiniRequest &seen = server.requests.first();
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.target, QByteArray("/events"));
    QCOMPARE(seen.header("x-test"), QByteArray("1"));
    QCOMPARE(seen.header("content-type"), QByteArray("application/json"));
    QVERIFY(seen.header("expect").isEmpty());
    QVERIFY(seen.header("user-agent").startsWith("Switchboard/"));

    HttpRequest put = post;
    put.method = "PUT";
    client.send(put, this, sink.callback());
    client.send(get(server.baseUrl() + QStringLiteral("/state")), this, sink.callback());
    QTRY_COMPARE(sink.responses.size(), 3);
    QCOMPARE(server.requests.at(1).method, QByteArray("PUT"));
    QCOMPARE(server.requests.at(1).body, QByteArray("abc"));
    QCOMPARE(server.requests.at(2).method, QByteArray("GET"));
    QVERIFY(server.requests.at(2).body.isEmpty());
}

void tst_HttpClient::keepsConnectionsAlive()
{
    MiniHttpServer server([](const MiniRequest &, MiniResponder responder) { responder.send(200, "{}"); });
    server.listen();
    HttpClient client;
    Sink sink;
    QList<QPointer<QSocketNotifier>> firstNotifiers;
    for (int i = 0; i < 20; ++i) {
        client.send(get(server.baseUrl() + QStringLiteral("/x")), this, sink.callback());
        QTRY_COMPARE(sink.responses.size(), i + 1);
        if (i == 0) {
            for (QSocketNotifier *n : client.findChildren<QSocketNotifier *>()) {
                firstNotifiers.append(n);
            }
        }
    }
    QCOMPARE(server.connections, 1);
    // The kept-alive connection's socket notifiers are enabled again for each request, not made anew.
    QVERIFY(!firstNotifiers.isEmpty());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    for (const QPointer<QSocketNotifier> &n : std::as_const(firstNotifiers)) {
        QVERIFY(n);
    }
    QCOMPARE(client.findChildren<QSocketNotifier *>().size(), firstNotifiers.size());
}

void tst_HttpClient::parallelRequests()
{
    QList<MiniResponder> held;
    MiniHttpServer server([&held](const MiniRequest &, MiniResponder responder) { held.append(responder); });
    server.listen();
    HttpClient client;
    Sink sink;
    for (int i = 0; i < 8; ++i) {
        client.send(get(server.baseUrl() + QStringLiteral("/x")), this, sink.callback());
    }
    // All eight are on the wire at once (one connection each), none answered yet.
    QTRY_COMPARE(held.size(), 8);
    QCOMPARE(server.connections, 8);
    QCOMPARE(client.pendingCount(), 8);
    for (MiniResponder &r : held) {
        r.send(200, "{}");
    }
    QTRY_COMPARE(sink.responses.size(), 8);
}

void tst_HttpClient::queuesBeyondActiveLimit()
{
    QList<MiniResponder> held;
    MiniHttpServer server([&held](const MiniRequest &, MiniResponder responder) { held.append(responder); });
    server.listen();
    HttpClientOptions options;
    options.maxActivePerHost = 3;
    options.maxIdleHandles = 2;
    HttpClient client(options);
    Sink sink;
    for (int i = 0; i < 10; ++i) {
        client.send(get(server.baseUrl() + QStringLiteral("/x%1").arg(i)), this, sink.callback());
    }
    // Three are handed to libcurl (each with an easy handle); seven wait in the client's queue.
    QCOMPARE(client.pendingCount(), 10);
    QCOMPARE(client.activeCount(), 3);
    QTRY_COMPARE(held.size(), 3);
    for (int answered = 0; answered < 10; ++answered) {
        QTRY_VERIFY(held.size() > answered);
        QVERIFY(held.size() <= answered + 3);
        QVERIFY(client.activeCount() <= 3);
        held[answered].send(200, "{}");
        QTRY_COMPARE(sink.responses.size(), answered + 1);
    }
    // In order, on the three kept-alive connections; nothing is left behind but two idle handles.
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(server.requests.at(i).target, QStringLiteral("/x%1").arg(i).toUtf8());
        QVERIFY(sink.responses.at(i).transportOk());
    }
    QCOMPARE(server.connections, 3);
    QCOMPARE(client.pendingCount(), 0);
    QCOMPARE(client.activeCount(), 0);
    QCOMPARE(client.idleHandleCount(), 2);
}

void tst_HttpClient::waitingRequestTimesOutAndCancels()
{
    MiniHttpServer server([](const MiniRequest &, MiniResponder) {}); // never answers
    server.listen();
    HttpClientOptions options;
    options.maxActivePerHost = 1;
    HttpClient client(options);
    Sink sink;
    HttpRequest first = get(server.baseUrl() + QStringLiteral("/first"));
    first.timeoutMs = 30000;
    HttpRequest second = get(server.baseUrl() + QStringLiteral("/second"));
    second.timeoutMs = 100;
    HttpRequest third = get(server.baseUrl() + QStringLiteral("/third"));
    client.send(first, this, sink.callback());
    client.send(second, this, sink.callback());
    const quint64 thirdId = client.send(third, this, sink.callback());
    QCOMPARE(client.activeCount(), 1);
    QCOMPARE(client.pendingCount(), 3);
    client.cancel(thirdId);
    QCOMPARE(client.pendingCount(), 2);
    // The second one's time runs out while it waits for the busy host: a timeout, never sent.
    QTRY_COMPARE(sink.responses.size(), 1);
    QCOMPARE(sink.responses.first().error, HttpError::Timeout);
    QVERIFY(sink.responses.first().elapsedUs >= 100 * 1000);
    QCOMPARE(client.pendingCount(), 1);
    QCOMPARE(client.activeCount(), 1);
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(server.requests.first().target, QByteArray("/first"));
}

void tst_HttpClient::timeout()
{
    MiniHttpServer server([](const MiniRequest &, MiniResponder) {});
    server.listen();
    HttpClient client;
    Sink sink;
    HttpRequest request = get(server.baseUrl() + QStringLiteral("/slow"));
    request.timeoutMs = 150;
    client.send(request, this, sink.callback());
    QTRY_COMPARE(sink.responses.size(), 1);
    QCOMPARE(sink.responses.first().error, HttpError::Timeout);
    QVERIFY(!sink.responses.first().errorString.isEmpty());
    QCOMPARE(httpErrorName(HttpError::Timeout), QStringLiteral("timeout"));
}

void tst_HttpClient::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    HttpClient client;
    Sink sink;
    client.send(get(QStringLiteral("http://127.0.0.1:%1/x").arg(port)), this, sink.callback());
    QTRY_COMPARE(sink.responses.size(), 1);
    QCOMPARE(sink.responses.first().error, HttpError::Connect);
}

void tst_HttpClient::responseTooLarge()
{
    MiniHttpServer server([](const MiniRequest &, MiniResponder responder) {
        responder.send(200, QByteArray(200 * 1024, 'x'), "text/plain");
    });
    server.listen();
    HttpClientOptions options;
    options.maxResponseBytes = 64 * 1024;
    HttpClient client(options);
    Sink sink;
    client.send(get(server.baseUrl() + QStringLiteral("/big")), this, sink.callback());
    QTRY_COMPARE(sink.responses.size(), 1);
    QCOMPARE(sink.responses.first().error, HttpError::TooLarge);
    QVERIFY(sink.responses.first().body.isEmpty());
}

void tst_HttpClient::retryAfterHeader()
{
    MiniHttpServer server([](const MiniRequest &, MiniResponder responder) {
        responder.send(429, "{}", "application/json", {{"Retry-After", "7"}});
    });
    server.listen();
    HttpClient client;
    Sink sink;
    client.send(get(server.baseUrl() + QStringLiteral("/x")), this, sink.callback());
    QTRY_COMPARE(sink.responses.size(), 1);
    QCOMPARE(sink.responses.first().status, 429);
    QCOMPARE(sink.responses.first().retryAfterSeconds, 7);
}

void tst_HttpClient::tlsNeedsTrustedCa()
{
    if (m_certPem.isEmpty()) {
        QSKIP("openssl is not installed: no test certificate");
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(m_certPem, QSsl::Pem));
    tls.setPrivateKey(QSslKey(m_keyPem, QSsl::Rsa, QSsl::Pem));
    MiniHttpServer server([](const MiniRequest &, MiniResponder responder) { responder.send(200, "{\"tls\":true}"); });
    server.setTls(tls);
    server.listen();
    const QString url = server.baseUrl() + QStringLiteral("/x");
    QVERIFY(url.startsWith(QLatin1String("https://")));

    HttpClient untrusting;
    Sink refused;
    untrusting.send(get(url), this, refused.callback());
    QTRY_COMPARE_WITH_TIMEOUT(refused.responses.size(), 1, 20000);
    QCOMPARE(refused.responses.first().error, HttpError::Tls);

    HttpClientOptions options;
    options.extraCaPem = m_certPem;
    HttpClient trusting(options);
    Sink accepted;
    trusting.send(get(url), this, accepted.callback());
    QTRY_COMPARE_WITH_TIMEOUT(accepted.responses.size(), 1, 20000);
    QVERIFY2(accepted.responses.first().transportOk(), qPrintable(accepted.responses.first().errorString));
    QCOMPARE(accepted.responses.first().body, QByteArray("{\"tls\":true}"));

    // The host name is verified too: the certificate is for localhost/127.0.0.1, not 127.0.0.2.
    Sink wrongName;
    trusting.send(get(QStringLiteral("https://127.0.0.2:%1/x").arg(server.port())), this, wrongName.callback());
    QTRY_COMPARE_WITH_TIMEOUT(wrongName.responses.size(), 1, 20000);
    QVERIFY(!wrongName.responses.first().transportOk());
}

void tst_HttpClient::connectionsReusedUnderLoad_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<int>("active");
    QTest::addColumn<int>("idleHandles");
    QTest::addColumn<int>("requests");
    // The session's settings: 64 at once, 16 idle easy handles kept (fewer than the connections).
    QTest::newRow("http, 64 active, 16 idle handles") << false << 64 << 16 << 1280;
    QTest::newRow("https, 8 active, 2 idle handles") << true << 8 << 2 << 240;
}

void tst_HttpClient::connectionsReusedUnderLoad()
{
    // Steady load with every slot busy: each connection is opened once and then reused, however
    // few idle easy handles are kept (connections live in the multi handle's pool, not in easy
    // handles), so no TLS handshake (and no CA loading) happens after the first round.
    QFETCH(bool, tls);
    QFETCH(int, active);
    QFETCH(int, idleHandles);
    QFETCH(int, requests);
    if (tls && m_certPem.isEmpty()) {
        QSKIP("openssl is not installed: no test certificate");
    }
    MiniHttpServer server([](const MiniRequest &, MiniResponder responder) { responder.send(200, "{}"); });
    if (tls) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(m_certPem, QSsl::Pem));
        config.setPrivateKey(QSslKey(m_keyPem, QSsl::Rsa, QSsl::Pem));
        server.setTls(config);
    }
    server.listen();
    HttpClientOptions options;
    options.maxActivePerHost = active;
    options.maxIdleHandles = idleHandles;
    options.extraCaPem = m_certPem;
    HttpClient client(options);
    int finished = 0;
    int failed = 0;
    int newConnections = 0;
    int sent = 0;
    std::function<void()> sendOne = [&] {
        ++sent;
        client.send(get(server.baseUrl() + QStringLiteral("/x")), this, [&](const HttpResponse &r) {
            ++finished;
            failed += r.transportOk() && r.status == 200 ? 0 : 1;
            newConnections += r.newConnection ? 1 : 0;
            if (sent < requests) {
                sendOne(); // keeps `active` requests in flight
            }
        });
    };
    // One more than the slots: the queue is never empty, every slot stays busy.
    for (int i = 0; i < active + 1; ++i) {
        sendOne();
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, requests, 60000);
    QCOMPARE(failed, 0);
    QVERIFY2(server.connections <= active, qPrintable(QStringLiteral("%1 connections").arg(server.connections)));
    QVERIFY2(newConnections <= active, qPrintable(QStringLiteral("%1 new connections").arg(newConnections)));
    QVERIFY(client.idleHandleCount() <= idleHandles);
}

void tst_HttpClient::proxyFromEnvironment()
{
    MiniHttpServer target(
        [](const MiniRequest &, MiniResponder responder) { responder.send(200, "{\"via\":\"direct\"}"); });
    target.listen();
    MiniHttpServer proxy(
        [](const MiniRequest &, MiniResponder responder) { responder.send(200, "{\"via\":\"proxy\"}"); });
    proxy.listen();
    const QByteArray savedProxy = qgetenv("http_proxy");
    const QByteArray savedNoProxy = qgetenv("NO_PROXY");
    const QByteArray savedNoProxyLower = qgetenv("no_proxy");
    auto restoreOne = [](const char *name, const QByteArray &value) {
        if (value.isNull()) {
            qunsetenv(name);
        } else {
            qputenv(name, value);
        }
    };
    auto restore = qScopeGuard([&] {
        restoreOne("http_proxy", savedProxy);
        restoreOne("NO_PROXY", savedNoProxy);
        restoreOne("no_proxy", savedNoProxyLower);
    });
    qputenv("http_proxy", proxy.baseUrl().toUtf8());
    qunsetenv("NO_PROXY");
    qunsetenv("no_proxy");
    HttpClient client;
    Sink sink;
    const QString url = target.baseUrl() + QStringLiteral("/events");
    client.send(get(url), this, sink.callback());
    QTRY_COMPARE(sink.responses.size(), 1);
    QCOMPARE(sink.responses.first().body, QByteArray("{\"via\":\"proxy\"}"));
    QCOMPARE(proxy.requests.size(), 1);
    QCOMPARE(proxy.requests.first().target, url.toUtf8());

    qputenv("NO_PROXY", "127.0.0.1");
    client.send(get(url), this, sink.callback());
    QTRY_COMPARE(sink.responses.size(), 2);
    QCOMPARE(sink.responses.last().body, QByteArray("{\"via\":\"direct\"}"));
    QCOMPARE(proxy.requests.size(), 1);
}

void tst_HttpClient::cancelAndContext()
{
    QList<MiniResponder> held;
    MiniHttpServer server([&held](const MiniRequest &, MiniResponder responder) { held.append(responder); });
    server.listen();
    HttpClient client;
    Sink sink;
    const quint64 cancelled = client.send(get(server.baseUrl() + QStringLiteral("/a")), this, sink.callback());
    auto context = std::make_unique<QObject>();
    client.send(get(server.baseUrl() + QStringLiteral("/b")), context.get(), sink.callback());
    client.send(get(server.baseUrl() + QStringLiteral("/c")), this, sink.callback());
    QTRY_COMPARE(held.size(), 3);
    client.cancel(cancelled);
    client.cancel(cancelled); // twice is harmless
    client.cancel(987654);    // unknown id is harmless
    context.reset();
    for (MiniResponder &r : held) {
        r.send(200, "{}");
    }
    QTRY_COMPARE(client.pendingCount(), 0);
    // Only /c reports: /a was cancelled, /b's context is gone.
    QTRY_COMPARE(sink.responses.size(), 1);
    QCOMPARE(sink.responses.size(), 1);
}

void tst_HttpClient::destroyedWithPendingRequests()
{
    MiniHttpServer server([](const MiniRequest &, MiniResponder) {});
    server.listen();
    Sink sink;
    {
        HttpClient client;
        for (int i = 0; i < 5; ++i) {
            client.send(get(server.baseUrl() + QStringLiteral("/x")), this, sink.callback());
        }
        QTRY_COMPARE(server.requests.size(), 5);
    }
    // The server sees the connections go; no callback ever ran.
    QTRY_COMPARE(server.requests.size(), 5);
    QCOMPARE(sink.responses.size(), 0);
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
