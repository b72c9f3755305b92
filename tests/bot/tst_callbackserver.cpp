// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The webhook callback server over real HTTP: every error status with its JSON body (400 saying
// what, 401 missing or bad token, 404 unknown path/consumer/conversation/delivery, 405, 413 while
// the body arrives, 429 with Retry-After), accepted callbacks reaching the integration's handler
// as typed replies, nothing passed on when rejected, and the server on its own thread.

#include "FakeClock.h"
#include "bot/BotClient.h"
#include "bot/BotErrors.h"
#include "bot/CallbackServer.h"
#include "bot/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace Switchboard;
using namespace Switchboard::Bot;
using namespace Switchboard::Test;

namespace
{

const QByteArray s_token = "callback-token-0123456789abcdef";

QByteArray callbackBody(const QString &deliveryId = QStringLiteral("d1"),
                        const QString &conversationId = QStringLiteral("conv-1"))
{
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                     {QStringLiteral("deliveryId"), deliveryId},
                                     {QStringLiteral("conversationId"), conversationId},
                                     {QStringLiteral("replies"),
                                      QJsonArray{QJsonObject{
                                          {QStringLiteral("type"), QStringLiteral("TEXT")},
                                          {QStringLiteral("data"),
                                           QJsonObject{{QStringLiteral("message"), QStringLiteral("later")}}}}}},
                                     {QStringLiteral("intents"), QJsonArray{}}})
        .toJson(QJsonDocument::Compact);
}

struct Call
{
    int status = 0;
    QJsonObject body;
    QByteArray retryAfter;
};

} // namespace

class tst_CallbackServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void accepted();
    void errors_data();
    void errors();
    void tooLargeWhileArriving();
    void rateLimited();
    void forgottenConversation();
    void onItsOwnThread();
    void listenFailure();

private:
    Call post(const QString &path,
              const QByteArray &body,
              const QByteArray &authorization = "Bearer " + s_token,
              const QByteArray &method = "POST");

    FakeClock m_clock;
    std::unique_ptr<CallbackServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QList<CallbackRequest> m_received;
    QObject m_receiver;
};

void tst_CallbackServer::init()
{
    registerBotMetaTypes();
    CallbackServerOptions options;
    options.maxBodyBytes = 64 * 1024;
    options.burst = 5;
    options.ratePerSecond = 1;
    m_server = std::make_unique<CallbackServer>(options, m_clock);
    const Result<quint16> port = m_server->listen();
    QVERIFY(port.ok());
    QVERIFY(port.value() > 0);
    m_received.clear();
    m_server->registerIntegration(QStringLiteral("int-1"),
                                  s_token,
                                  &m_receiver,
                                  [this](const CallbackRequest &request) { m_received.append(request); });
    m_server->registerIntegration(
        QStringLiteral("int-2"),
        QByteArrayLiteral("other-token-0123456789abcdef"),
        &m_receiver,
        [](const CallbackRequest &) { QFAIL("the other integration must not receive anything"); });
    m_server->expectDelivery(
        QStringLiteral("int-1"), QStringLiteral("consumer-1"), QStringLiteral("conv-1"), QStringLiteral("d1"));
    m_server->expectDelivery(
        QStringLiteral("int-2"), QStringLiteral("consumer-2"), QStringLiteral("conv-2"), QStringLiteral("e1"));
    m_http = std::make_unique<HttpClient>();
}

void tst_CallbackServer::cleanup()
{
    m_http.reset();
    m_server.reset();
}

Call tst_CallbackServer::post(const QString &path,
                              const QByteArray &body,
                              const QByteArray &authorization,
                              const QByteArray &method)
{
    HttpRequest request;
    request.method = method;
    request.url = (m_server->baseUrl() + path).toUtf8();
    request.body = body;
    if (!authorization.isEmpty()) {
        request.headers = {{"Authorization", authorization}};
    }
    Call call;
    bool done = false;
    m_http->send(request, this, [&call, &done](const HttpResponse &response) {
        call.status = response.transportOk() ? response.status : -1;
        call.body = QJsonDocument::fromJson(response.body).object();
        call.retryAfter =
            response.retryAfterSeconds > 0 ? QByteArray::number(response.retryAfterSeconds) : QByteArray();
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000)) {
        call.status = -2;
    }
    return call;
}

void tst_CallbackServer::accepted()
{
    QSignalSpy acceptedSpy(m_server.get(), &CallbackServer::callbackAccepted);
    QCOMPARE(m_server->callbackUrl(QStringLiteral("consumer 1/x")),
             m_server->baseUrl() + QStringLiteral("/connector/consumer%201%2Fx"));
    QVERIFY(m_server->baseUrl().startsWith(QLatin1String("http://127.0.0.1:")));
    const Call call = post(QStringLiteral("/connector/consumer-1"), callbackBody());
    QCOMPARE(call.status, 200);
    QCOMPARE(call.body.value(QLatin1String("accepted")).toBool(), true);
    QCOMPARE(call.body.value(QLatin1String("deliveryId")).toString(), QStringLiteral("d1"));
    QCOMPARE(call.body.value(QLatin1String("items")).toInt(), 1);
    QTRY_COMPARE(m_received.size(), 1);
    const CallbackRequest &r = m_received.first();
    QCOMPARE(r.integrationId, QStringLiteral("int-1"));
    QCOMPARE(r.consumerId, QStringLiteral("consumer-1"));
    QCOMPARE(r.conversationId, QStringLiteral("conv-1"));
    QCOMPARE(r.deliveryId, QStringLiteral("d1"));
    QCOMPARE(r.response.items.size(), 1);
    QCOMPARE(r.response.items.first().text, QStringLiteral("later"));
    QVERIFY(r.response.viaCallback);
    QCOMPARE(acceptedSpy.size(), 1);
    QCOMPARE(m_server->acceptedCount(), 1u);
}

void tst_CallbackServer::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("says");

    const QString ok = QStringLiteral("/connector/consumer-1");
    const QByteArray bearer = "Bearer " + s_token;
    QTest::newRow("unknown path") << QStringLiteral("/connectors/x") << callbackBody() << bearer << QByteArray("POST")
                                  << 404 << QStringLiteral("callback.not_found") << QStringLiteral("/connector/");
    QTest::newRow("nested path") << QStringLiteral("/connector/a/b") << callbackBody() << bearer << QByteArray("POST")
                                 << 404 << QStringLiteral("callback.not_found") << QString();
    QTest::newRow("get") << ok << QByteArray() << bearer << QByteArray("GET") << 405
                         << QStringLiteral("callback.method_not_allowed") << QStringLiteral("POST");
    QTest::newRow("no token") << ok << callbackBody() << QByteArray() << QByteArray("POST") << 401
                              << QStringLiteral("callback.unauthorized") << QStringLiteral("missing");
    QTest::newRow("basic auth") << ok << callbackBody() << QByteArray("Basic dXNlcjpwdw==") << QByteArray("POST") << 401
                                << QStringLiteral("callback.unauthorized") << QStringLiteral("Bearer");
    QTest::newRow("bad token") << ok << callbackBody() << QByteArray("Bearer wrong-token-0123456789abcdef")
                               << QByteArray("POST") << 401 << QStringLiteral("callback.unauthorized")
                               << QStringLiteral("not valid");
    QTest::newRow("token prefix") << ok << callbackBody() << QByteArray("Bearer " + s_token.left(10))
                                  << QByteArray("POST") << 401 << QStringLiteral("callback.unauthorized") << QString();
    QTest::newRow("other integration's consumer")
        << QStringLiteral("/connector/consumer-2") << callbackBody() << bearer << QByteArray("POST") << 404
        << QStringLiteral("callback.unknown_consumer") << QStringLiteral("consumer-2");
    QTest::newRow("unknown consumer") << QStringLiteral("/connector/nobody") << callbackBody() << bearer
                                      << QByteArray("POST") << 404 << QStringLiteral("callback.unknown_consumer")
                                      << QStringLiteral("nobody");
    QTest::newRow("unknown conversation")
        << ok << callbackBody(QStringLiteral("d1"), QStringLiteral("conv-9")) << bearer << QByteArray("POST") << 404
        << QStringLiteral("callback.unknown_conversation") << QStringLiteral("conv-9");
    QTest::newRow("unknown delivery") << ok << callbackBody(QStringLiteral("d9")) << bearer << QByteArray("POST") << 404
                                      << QStringLiteral("callback.unknown_conversation") << QStringLiteral("d9");
    QTest::newRow("not json") << ok << QByteArray("{\"version\":1,") << bearer << QByteArray("POST") << 400
                              << QStringLiteral("callback.malformed") << QStringLiteral("not valid JSON");
    QTest::newRow("empty body") << ok << QByteArray() << bearer << QByteArray("POST") << 400
                                << QStringLiteral("callback.malformed") << QStringLiteral("empty");
    QTest::newRow("array") << ok << QByteArray("[]") << bearer << QByteArray("POST") << 400
                           << QStringLiteral("callback.malformed") << QStringLiteral("object");
    QTest::newRow("no version") << ok << QByteArray(R"({"deliveryId":"d1","conversationId":"conv-1","replies":[]})")
                                << bearer << QByteArray("POST") << 400 << QStringLiteral("callback.malformed")
                                << QStringLiteral("$.version");
    QTest::newRow("version 2") << ok
                               << QByteArray(
                                      R"({"version":2,"deliveryId":"d1","conversationId":"conv-1","replies":[]})")
                               << bearer << QByteArray("POST") << 400 << QStringLiteral("callback.malformed")
                               << QStringLiteral("$.version");
    QTest::newRow("no delivery") << ok << QByteArray(R"({"version":1,"conversationId":"conv-1","replies":[]})")
                                 << bearer << QByteArray("POST") << 400 << QStringLiteral("callback.malformed")
                                 << QStringLiteral("$.deliveryId");
    QTest::newRow("no conversation") << ok << QByteArray(R"({"version":1,"deliveryId":"d1","replies":[]})") << bearer
                                     << QByteArray("POST") << 400 << QStringLiteral("callback.malformed")
                                     << QStringLiteral("$.conversationId");
    QTest::newRow("no replies") << ok << QByteArray(R"({"version":1,"deliveryId":"d1","conversationId":"conv-1"})")
                                << bearer << QByteArray("POST") << 400 << QStringLiteral("callback.malformed")
                                << QStringLiteral("$.replies");
    QTest::newRow("bad delay")
        << ok
        << QByteArray(
               R"({"version":1,"deliveryId":"d1","conversationId":"conv-1","replies":[{"type":"DELAY","data":{"seconds":0}}]})")
        << bearer << QByteArray("POST") << 400 << QStringLiteral("callback.malformed")
        << QStringLiteral("$.replies[0].data.seconds");
    QTest::newRow("invalid card")
        << ok
        << QByteArray(
               R"({"version":1,"deliveryId":"d1","conversationId":"conv-1","replies":[{"type":"STRUCTURED_CONTENT","data":{"structuredContent":{"type":"vertical","elements":[{"type":"image","url":"http://x"}]}}}]})")
        << bearer << QByteArray("POST") << 400 << QStringLiteral("callback.malformed")
        << QStringLiteral("bot.sc_invalid");
}

void tst_CallbackServer::errors()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, says);
    QSignalSpy rejected(m_server.get(), &CallbackServer::callbackRejected);
    const Call call = post(path, body, authorization, method);
    QCOMPARE(call.status, status);
    const QJsonObject error = call.body.value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(says),
             qPrintable(error.value(QLatin1String("message")).toString()));
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().at(2).value<BotError>().code, code);
    QCOMPARE(m_server->rejectedCount(status), 1u);
    // Nothing rejected is passed on.
    QCOMPARE(m_server->acceptedCount(), 0u);
    QCOMPARE(m_received.size(), 0);
}

void tst_CallbackServer::tooLargeWhileArriving()
{
    QSignalSpy rejected(m_server.get(), &CallbackServer::callbackRejected);
    const QByteArray big =
        R"({"version":1,"deliveryId":"d1","conversationId":"conv-1","replies":[{"type":"TEXT","data":{"message":")" +
        QByteArray(300 * 1024, 'x') + R"("}}]})";
    const Call call = post(QStringLiteral("/connector/consumer-1"), big);
    QCOMPARE(call.status, 413);
    QCOMPARE(call.body.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("callback.too_large"));
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(m_server->rejectedCount(413), 1u);
    QCOMPARE(m_received.size(), 0);

    // A declared Content-Length over the limit is refused before any body byte is sent.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /connector/consumer-1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + s_token +
                 "\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n");
    QTRY_VERIFY(socket.bytesAvailable() > 0 || socket.state() != QAbstractSocket::ConnectedState);
    QTRY_VERIFY(socket.peek(64).startsWith("HTTP/1.1 413"));
    QCOMPARE(m_server->rejectedCount(413), 2u);

    // A chunked body (no Content-Length) is counted while it arrives.
    QTcpSocket chunked;
    chunked.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(chunked.waitForConnected(5000));
    chunked.write("POST /connector/consumer-1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + s_token +
                  "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = QByteArray::number(8192, 16) + "\r\n" + QByteArray(8192, ' ') + "\r\n";
    for (int i = 0; i < 16; ++i) {
        chunked.write(chunk);
    }
    QTRY_VERIFY(chunked.peek(64).startsWith("HTTP/1.1 413"));
    QCOMPARE(m_server->rejectedCount(413), 3u);

    // Just under the limit is fine.
    const QByteArray fits =
        R"({"version":1,"deliveryId":"d1","conversationId":"conv-1","replies":[{"type":"TEXT","data":{"message":")" +
        QByteArray(60 * 1024, 'x') + R"("}}]})";
    QCOMPARE(post(QStringLiteral("/connector/consumer-1"), fits).status, 200);
}

void tst_CallbackServer::rateLimited()
{
    // burst 5, then 1 per second (the fake clock stands still).
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(post(QStringLiteral("/connector/consumer-1"), callbackBody()).status, 200);
    }
    const Call limited = post(QStringLiteral("/connector/consumer-1"), callbackBody());
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.body.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("callback.rate_limited"));
    QCOMPARE(limited.retryAfter, QByteArray("1"));
    QTRY_COMPARE(m_received.size(), 5);
    // Another consumer of the same integration has its own bucket.
    m_server->expectDelivery(
        QStringLiteral("int-1"), QStringLiteral("consumer-3"), QStringLiteral("conv-3"), QStringLiteral("f1"));
    QCOMPARE(post(QStringLiteral("/connector/consumer-3"), callbackBody(QStringLiteral("f1"), QStringLiteral("conv-3")))
                 .status,
             200);
    // Time refills the bucket.
    m_clock.advance(1000);
    QCOMPARE(post(QStringLiteral("/connector/consumer-1"), callbackBody()).status, 200);
    QCOMPARE(post(QStringLiteral("/connector/consumer-1"), callbackBody()).status, 429);
}

void tst_CallbackServer::forgottenConversation()
{
    m_server->forgetConversation(QStringLiteral("int-1"), QStringLiteral("conv-1"));
    const Call call = post(QStringLiteral("/connector/consumer-1"), callbackBody());
    QCOMPARE(call.status, 404);
    QCOMPARE(call.body.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("callback.unknown_consumer"));
    m_server->unregisterIntegration(QStringLiteral("int-1"));
    QCOMPARE(post(QStringLiteral("/connector/consumer-1"), callbackBody()).status, 401);
}

void tst_CallbackServer::onItsOwnThread()
{
    m_server.reset();
    QThread thread;
    thread.start();
    auto *server = new CallbackServer(CallbackServerOptions{}, Clock::system());
    server->moveToThread(&thread);
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server, [server, &port] { port = server->listen().value(); }, Qt::BlockingQueuedConnection);
    QVERIFY(port > 0);
    QThread *receiverThread = nullptr;
    server->registerIntegration(
        QStringLiteral("int-1"), s_token, &m_receiver, [this, &receiverThread](const CallbackRequest &request) {
            receiverThread = QThread::currentThread();
            m_received.append(request);
        });
    server->expectDelivery(
        QStringLiteral("int-1"), QStringLiteral("consumer-1"), QStringLiteral("conv-1"), QStringLiteral("d1"));
    HttpRequest request;
    request.method = "POST";
    request.url = QStringLiteral("http://127.0.0.1:%1/connector/consumer-1").arg(port).toUtf8();
    request.body = callbackBody();
    request.headers = {{"Authorization", "Bearer " + s_token}};
    int status = 0;
    m_http->send(request, this, [&status](const HttpResponse &r) { status = r.status; });
    QTRY_COMPARE(status, 200);
    QTRY_COMPARE(m_received.size(), 1);
    // The handler ran on the receiver's thread (this one), not the server's.
    QCOMPARE(receiverThread, QThread::currentThread());
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    thread.quit();
    QVERIFY(thread.wait(5000));
}

void tst_CallbackServer::listenFailure()
{
    CallbackServerOptions options;
    options.port = m_server->port(); // taken
    CallbackServer second(options);
    const Result<quint16> result = second.listen();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("callback.listen_failed"));
    QVERIFY(!BotErrors::hint(result.error().code).isEmpty());
}

QTEST_GUILESS_MAIN(tst_CallbackServer)
#include "tst_callbackserver.moc"
