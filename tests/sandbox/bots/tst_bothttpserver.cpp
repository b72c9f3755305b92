// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The demo bots' HTTP/1.1 adapter on raw sockets: framing, keep-alive, pipelining in order (also with a
// deferred answer), chunked bodies, Expect: 100-continue, limits and malformed input.
#include "BotTestKit.h"
#include "sandbox/bots/BotHttpServer.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Switchboard::Sandbox;
using namespace Switchboard::Test;

class TestBotHttpServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void simpleGet();
    void keepAliveServesManyRequests();
    void splitDeliveryIsReassembled();
    void pipelinedRequestsAnswerInOrder();
    void chunkedBody();
    void expectContinue();
    void connectionClose();
    void http10ClosesByDefault();
    void pathAndQueryAreDecoded();
    void malformed_data();
    void malformed();
    void abandonedResponderClosesTheConnection();
    void tls();

private:
    struct Recorded
    {
        BotHttpRequest::Method method;
        QString path;
        QByteArray body;
        QByteArray header;
    };

    /** Sends \a bytes on a fresh connection and collects everything until \a until bytes arrive or EOF. */
    QByteArray exchange(const QByteArray &bytes, const QByteArray &until, bool expectClose = false);

    std::unique_ptr<QObject> m_owner;
    std::unique_ptr<BotHttpServer> m_server;
    QList<Recorded> m_requests;
    std::vector<std::shared_ptr<BotHttpResponder>> m_deferred;
    bool m_defer = false;
    bool m_abandon = false;
};

void TestBotHttpServer::init()
{
    m_requests.clear();
    m_deferred.clear();
    m_defer = false;
    m_abandon = false;
    m_owner = std::make_unique<QObject>();
    m_server = std::make_unique<BotHttpServer>(
        [this](const BotHttpRequest &request, BotHttpResponder &&responder) {
            m_requests.append(Recorded{request.method, request.path, request.body, request.header("x-test")});
            if (m_abandon) {
                return; // the responder dies unanswered
            }
            const QByteArray body = "path=" + request.path.toUtf8() +
                                    ";q=" + request.query.queryItemValue(u"q"_s, QUrl::FullyDecoded).toUtf8() +
                                    ";body=" + request.body;
            if (m_defer && request.path == "/slow"_L1) {
                auto held = std::make_shared<BotHttpResponder>(std::move(responder));
                m_deferred.push_back(held);
                QTimer::singleShot(100, m_owner.get(), [held, body] { held->send(200, body, "text/plain"); });
                return;
            }
            responder.send(200, body, "text/plain");
        },
        m_owner.get());
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
}

void TestBotHttpServer::cleanup()
{
    m_deferred.clear();
    m_server.reset();
    m_owner.reset();
}

QByteArray TestBotHttpServer::exchange(const QByteArray &bytes, const QByteArray &until, bool expectClose)
{
    // Declared before the socket: its destructor disconnects, which runs the lambda below (ASan
    // found the write to an out-of-scope `closed`).
    QByteArray received;
    bool closed = false;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_server->rootUrl().port()));
    if (!socket.waitForConnected(5000)) {
        return "connect failed";
    }
    socket.write(bytes);
    connect(&socket, &QTcpSocket::disconnected, this, [&closed] { closed = true; });
    const auto done = [&] {
        received += socket.readAll();
        return expectClose ? closed : received.contains(until);
    };
    if (!QTest::qWaitFor(done, 5000)) {
        received += "<timed out>";
    }
    received += socket.readAll();
    return received;
}

void TestBotHttpServer::simpleGet()
{
    const QByteArray reply = exchange("GET /hello HTTP/1.1\r\nHost: x\r\nX-Test: one\r\n\r\n", "body=");
    QVERIFY2(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply.constData());
    QVERIFY(reply.contains("\r\nContent-Length: 20\r\n"));
    QVERIFY(reply.endsWith("\r\n\r\npath=/hello;q=;body="));
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.at(0).method, BotHttpRequest::Method::Get);
    QCOMPARE(m_requests.at(0).header, QByteArray("one"));
}

void TestBotHttpServer::keepAliveServesManyRequests()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_server->rootUrl().port()));
    QVERIFY(socket.waitForConnected(5000));
    QByteArray received;
    for (int i = 0; i < 20; ++i) {
        const QByteArray body = "n=" + QByteArray::number(i);
        socket.write("POST /k HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                     body);
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return received.endsWith(body);
            },
            5000));
    }
    QCOMPARE(received.count("HTTP/1.1 200 OK"), 20);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestBotHttpServer::splitDeliveryIsReassembled()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_server->rootUrl().port()));
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray request = "POST /split HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world";
    for (char c : request) {
        socket.write(&c, 1);
        socket.flush();
        QCoreApplication::processEvents();
    }
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return received.endsWith("body=hello world");
        },
        5000));
    QCOMPARE(m_requests.size(), 1);
}

void TestBotHttpServer::pipelinedRequestsAnswerInOrder()
{
    m_defer = true;
    const QByteArray reply = exchange("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                                      "POST /fast HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                                      "GET /third HTTP/1.1\r\nHost: x\r\n\r\n",
                                      "path=/third");
    const qsizetype slow = reply.indexOf("path=/slow");
    const qsizetype fast = reply.indexOf("path=/fast");
    const qsizetype third = reply.indexOf("path=/third");
    QVERIFY2(slow >= 0 && fast > slow && third > fast, reply.constData());
    QCOMPARE(m_requests.size(), 3);
}

void TestBotHttpServer::chunkedBody()
{
    const QByteArray reply = exchange("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                      "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n",
                                      "world");
    QVERIFY2(reply.endsWith("body=hello, world"), reply.constData());
}

void TestBotHttpServer::expectContinue()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_server->rootUrl().port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return received.contains("\r\n\r\n");
        },
        5000));
    QCOMPARE(received, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    socket.write("data");
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return received.endsWith("body=data");
        },
        5000));
}

void TestBotHttpServer::connectionClose()
{
    const QByteArray reply = exchange("GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", {}, true);
    QVERIFY(reply.contains("\r\nConnection: close\r\n"));
    QVERIFY(reply.endsWith("path=/bye;q=;body="));
}

void TestBotHttpServer::http10ClosesByDefault()
{
    const QByteArray reply = exchange("GET /old HTTP/1.0\r\n\r\n", {}, true);
    QVERIFY(reply.startsWith("HTTP/1.1 200 OK"));
}

void TestBotHttpServer::pathAndQueryAreDecoded()
{
    const QByteArray reply = exchange("GET /conversations/a%20b%2Fc?q=x%26y HTTP/1.1\r\nHost: x\r\n\r\n", "body=");
    QVERIFY2(reply.contains("path=/conversations/a b/c;q=x&y;"), reply.constData());
}

void TestBotHttpServer::malformed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << QByteArray("400");
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << QByteArray("505");
    QTest::newRow("bad header line") << QByteArray("GET / HTTP/1.1\r\nno colon here\r\n\r\n") << QByteArray("400");
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -3\r\n\r\n")
                                     << QByteArray("400");
    QTest::newRow("conflicting lengths") << QByteArray(
                                                "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")
                                         << QByteArray("400");
    QTest::newRow("too large body") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n")
                                    << QByteArray("413");
    QTest::newRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                 << QByteArray("501");
    QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << QByteArray("400");
    QTest::newRow("huge head") << "GET / HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a') << QByteArray("431");
}

void TestBotHttpServer::malformed()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    const QByteArray reply = exchange(request, {}, true);
    QVERIFY2(reply.startsWith(QByteArray("HTTP/1.1 " + status)), reply.left(200).constData());
    QVERIFY(reply.contains("Connection: close"));
    QVERIFY(reply.contains("\"message\""));
    QCOMPARE(m_requests.size(), 0);
}

void TestBotHttpServer::abandonedResponderClosesTheConnection()
{
    m_abandon = true;
    const QByteArray reply = exchange("GET /lost HTTP/1.1\r\nHost: x\r\n\r\n", {}, true);
    QVERIFY(reply.isEmpty());
    QCOMPARE(m_requests.size(), 1);
}

void TestBotHttpServer::tls()
{
    const TestTlsIdentity identity = TestTlsIdentity::generate();
    m_server = std::make_unique<BotHttpServer>(
        [](const BotHttpRequest &request, BotHttpResponder &&responder) {
            responder.send(200, request.path.toUtf8(), "text/plain");
        },
        m_owner.get());
    m_server->setTls(identity.serverConfiguration());
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    QCOMPARE(m_server->rootUrl().scheme(), u"https"_s);
    HttpTestClient client({identity.certificate});
    QUrl url = m_server->rootUrl();
    url.setPath(u"/secure"_s);
    const HttpResult result = client.request("GET", url);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("/secure"));
    // Not trusted: the client refuses, nothing is served.
    HttpTestClient untrusting;
    QCOMPARE(untrusting.request("GET", url).error, QNetworkReply::SslHandshakeFailedError);
}

QTEST_GUILESS_MAIN(TestBotHttpServer)
#include "tst_bothttpserver.moc"
