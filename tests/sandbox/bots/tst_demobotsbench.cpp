// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of the demo bots on loopback (label "bench"): the bot runs in its own thread; several
// keep-alive clients in the test thread send one request at a time each, as a connector's pool would.
#include "BotTestKit.h"
#include "sandbox/bots/CustomEndpointDemoBot.h"
#include "sandbox/bots/WebhookDemoBot.h"

#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QScopeGuard>
#include <QSslSocket>
#include <QTest>
#include <QTestEventLoop>
#include <QThread>
#include <ctime>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Switchboard::Sandbox;
using namespace Switchboard::Test;

namespace
{

constexpr int s_connections = 8;
constexpr int s_requestsPerRun = 40'000;

/** One keep-alive HTTP/1.1 connection that sends the next request as soon as the previous answer is in. */
class BenchConnection final : public QObject
{
public:
    using RequestMaker = std::function<QByteArray(int connection, qint64 sequence)>;

    BenchConnection(int index,
                    const QUrl &root,
                    const QList<QSslCertificate> &cas,
                    RequestMaker maker,
                    int *budget,
                    std::function<void()> answered)
        : m_index(index)
        , m_maker(std::move(maker))
        , m_budget(budget)
        , m_answered(std::move(answered))
    {
        if (root.scheme() == "https"_L1) {
            auto *socket = new QSslSocket(this);
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.addCaCertificates(cas);
            socket->setSslConfiguration(tls);
            socket->setPeerVerifyName(root.host());
            m_socket = socket;
            connect(socket, &QSslSocket::encrypted, this, [this] { sendNext(); });
            socket->connectToHostEncrypted(root.host(), static_cast<quint16>(root.port()));
        } else {
            m_socket = new QTcpSocket(this);
            connect(m_socket, &QTcpSocket::connected, this, [this] { sendNext(); });
            m_socket->connectToHost(root.host(), static_cast<quint16>(root.port()));
        }
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { handleReadyRead(); });
    }

    int completed = 0;
    int failures = 0;
    bool finished = false;

private:
    void sendNext()
    {
        if (*m_budget <= 0) {
            finished = true;
            return;
        }
        --*m_budget;
        m_socket->write(m_maker(m_index, ++m_sequence));
    }

    void handleReadyRead()
    {
        m_buffer += m_socket->readAll();
        while (true) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                return;
            }
            const QByteArray head = m_buffer.left(headerEnd).toLower();
            const qsizetype lengthAt = head.indexOf("content-length:");
            qsizetype length = 0;
            if (lengthAt >= 0) {
                const qsizetype lineEnd = head.indexOf("\r\n", lengthAt);
                length = head.mid(lengthAt + 15, lineEnd < 0 ? -1 : lineEnd - lengthAt - 15).trimmed().toLongLong();
            }
            if (m_buffer.size() < headerEnd + 4 + length) {
                return;
            }
            if (!head.startsWith("http/1.1 200")) {
                ++failures;
            }
            ++completed;
            m_buffer.remove(0, headerEnd + 4 + length);
            m_answered();
            sendNext();
        }
    }

    int m_index;
    RequestMaker m_maker;
    int *m_budget;
    std::function<void()> m_answered;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_buffer;
    qint64 m_sequence = 0;
};

/** CPU time of the calling thread, in microseconds. */
qint64 threadCpuMicros()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<qint64>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
}

struct BenchResult
{
    int completed = 0;
    int failures = 0;
    qint64 elapsedMs = 0;
    double perSecond() const
    {
        return elapsedMs > 0 ? completed * 1000.0 / static_cast<double>(elapsedMs) : 0;
    }
};

} // namespace

class TestDemoBotsBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void customEndpoint_data();
    void customEndpoint();
    void webhookSync();

private:
    BenchResult drive(const QUrl &root, const BenchConnection::RequestMaker &maker);

    TestRsaKey m_key;
    TestTlsIdentity m_tls;
};

void TestDemoBotsBench::initTestCase()
{
    m_key = TestRsaKey::generate(u"bench"_s);
    m_tls = TestTlsIdentity::generate();
}

BenchResult TestDemoBotsBench::drive(const QUrl &root, const BenchConnection::RequestMaker &maker)
{
    int budget = s_requestsPerRun;
    int answered = 0;
    // A real event loop: QTRY_*'s qWait() sleeps 10 ms between event batches, which would starve the clients.
    QTestEventLoop loop;
    const auto count = [&answered, &loop] {
        if (++answered == s_requestsPerRun) {
            loop.exitLoop();
        }
    };
    std::vector<std::unique_ptr<BenchConnection>> connections;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < s_connections; ++i) {
        connections.push_back(std::make_unique<BenchConnection>(
            i, root, QList<QSslCertificate>{m_tls.certificate}, maker, &budget, count));
    }
    loop.enterLoopMSecs(120'000);
    BenchResult result;
    result.elapsedMs = timer.elapsed();
    result.completed = answered;
    for (const auto &connection : connections) {
        result.failures += connection->failures;
    }
    return result;
}

void TestDemoBotsBench::customEndpoint_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

void TestDemoBotsBench::customEndpoint()
{
    QFETCH(bool, tls);
    JwksTestServer jwks(nullptr);
    jwks.setKeys({m_key.jwk});

    CustomEndpointDemoBot::Config config;
    config.accountId = u"12345678"_s;
    config.botId = u"bench-bot"_s;
    config.jwksUrl = jwks.url();
    if (tls) {
        config.serverTls = m_tls.serverConfiguration();
    }
    QThread thread;
    thread.setObjectName(u"demo bot"_s);
    auto *bot = new CustomEndpointDemoBot(config);
    bot->moveToThread(&thread);
    thread.start();
    const auto stop = qScopeGuard([&thread, bot] {
        QMetaObject::invokeMethod(
            bot, [bot] { delete bot; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    });
    bool listening = false;
    QMetaObject::invokeMethod(
        bot, [bot, &listening] { listening = bot->listen().ok(); }, Qt::BlockingQueuedConnection);
    QVERIFY(listening);
    const QUrl root = bot->baseUrl();

    const QByteArray token = signJwt(m_key, appJwtClaims(config.accountId, QDateTime::currentSecsSinceEpoch() + 3600));
    HttpTestClient http({m_tls.certificate});
    for (int i = 0; i < s_connections; ++i) {
        QUrl url = root;
        url.setPath(u"/v1/bots/bench-bot/environments/draft/conversations/bench-%1"_s.arg(i));
        QCOMPARE(http.request("PUT",
                              url,
                              R"({"context":{"type":"MESSAGING","skillId":1,"engagementId":2}})",
                              {{"Authorization", "Bearer " + token}})
                     .status,
                 204);
    }

    const QByteArray host = root.host().toLatin1() + ':' + QByteArray::number(root.port());
    qint64 botCpuBefore = 0;
    QMetaObject::invokeMethod(
        bot, [&botCpuBefore] { botCpuBefore = threadCpuMicros(); }, Qt::BlockingQueuedConnection);
    const BenchResult result = drive(root, [&token, &host](int connection, qint64 sequence) -> QByteArray {
        const QByteArray conversation = "bench-" + QByteArray::number(connection);
        const QByteArray body = R"({"type":"TEXT","source":"CONSUMER","data":{"message":"hello number )" +
                                QByteArray::number(sequence) + R"("},"context":{"lpEvent":{"sequence":)" +
                                QByteArray::number(sequence) + R"(,"conversationId":")" + conversation +
                                R"(","dialogId":")" + conversation +
                                R"(","event":{"type":"ContentEvent","contentType":"text/plain"}}}})";
        return "POST /v1/bots/bench-bot/environments/draft/conversations/" + conversation +
               "/events HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token +
               "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
               body;
    });

    QJsonObject stats;
    qint64 botCpu = 0;
    QMetaObject::invokeMethod(
        bot,
        [bot, &stats, &botCpu, botCpuBefore] {
            botCpu = threadCpuMicros() - botCpuBefore;
            stats = bot->stats();
        },
        Qt::BlockingQueuedConnection);
    // The bot thread's own CPU per request: a figure that holds even on a loaded machine.
    const double cpuPerRequest = static_cast<double>(botCpu) / result.completed;

    qInfo("Custom Endpoint demo bot (%s): %d events over %d keep-alive connections in %lld ms = %.0f requests/s; "
          "bot thread CPU %.1f us/request (= %.0f requests/s per core)",
          tls ? "https" : "http",
          result.completed,
          s_connections,
          static_cast<long long>(result.elapsedMs),
          result.perSecond(),
          cpuPerRequest,
          1e6 / cpuPerRequest);
    QCOMPARE(result.failures, 0);
    QCOMPARE(stats.value("duplicateEvents"_L1).toInt(), 0);
    QCOMPARE(stats.value("requests"_L1).toObject().value("postEvent"_L1).toInt(), result.completed);
    QCOMPARE(stats.value("auth"_L1).toObject().value("jwksFetches"_L1).toInt(), 1);
    // A floor that only a broken or pathologically slow bot misses; the figure itself is printed above.
    QVERIFY2(result.perSecond() > 1000, qPrintable(QString::number(result.perSecond())));
}

void TestDemoBotsBench::webhookSync()
{
    WebhookDemoBot::Config config;
    config.signingSecret = "bench-secret";
    QThread thread;
    auto *bot = new WebhookDemoBot(config);
    bot->moveToThread(&thread);
    thread.start();
    const auto stop = qScopeGuard([&thread, bot] {
        QMetaObject::invokeMethod(
            bot, [bot] { delete bot; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    });
    bool listening = false;
    QMetaObject::invokeMethod(
        bot, [bot, &listening] { listening = bot->listen().ok(); }, Qt::BlockingQueuedConnection);
    QVERIFY(listening);
    const QUrl url = bot->url();
    const QByteArray host = url.host().toLatin1() + ':' + QByteArray::number(url.port());
    const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    qint64 botCpuBefore = 0;
    QMetaObject::invokeMethod(
        bot, [&botCpuBefore] { botCpuBefore = threadCpuMicros(); }, Qt::BlockingQueuedConnection);

    const BenchResult result = drive(url, [&host, &timestamp](int connection, qint64 sequence) -> QByteArray {
        const QByteArray delivery = "d-" + QByteArray::number(connection) + '-' + QByteArray::number(sequence);
        const QByteArray body = R"({"version":1,"type":"message","deliveryId":")" + delivery +
                                R"(","conversationId":"bench-)" + QByteArray::number(connection) + R"(","sequence":)" +
                                QByteArray::number(sequence) + R"(,"message":{"text":"hello"}})";
        QMessageAuthenticationCode mac(QCryptographicHash::Sha256, "bench-secret");
        mac.addData(timestamp + '.' + body);
        return "POST /webhook HTTP/1.1\r\nHost: " + host + "\r\nX-Switchboard-Timestamp: " + timestamp +
               "\r\nX-Switchboard-Delivery: " + delivery +
               "\r\nX-Switchboard-Signature: sha256=" + mac.result().toHex() +
               "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
               body;
    });

    QJsonObject stats;
    qint64 botCpu = 0;
    QMetaObject::invokeMethod(
        bot,
        [bot, &stats, &botCpu, botCpuBefore] {
            botCpu = threadCpuMicros() - botCpuBefore;
            stats = bot->stats();
        },
        Qt::BlockingQueuedConnection);
    // The bot thread's own CPU per request: a figure that holds even on a loaded machine.
    const double cpuPerRequest = static_cast<double>(botCpu) / result.completed;

    qInfo("Webhook demo bot (http, sync): %d events over %d keep-alive connections in %lld ms = %.0f requests/s; "
          "bot thread CPU %.1f us/request (= %.0f requests/s per core)",
          result.completed,
          s_connections,
          static_cast<long long>(result.elapsedMs),
          result.perSecond(),
          cpuPerRequest,
          1e6 / cpuPerRequest);
    QCOMPARE(result.failures, 0);
    QCOMPARE(stats.value("syncReplies"_L1).toInt(), result.completed);
    QVERIFY2(result.perSecond() > 1000, qPrintable(QString::number(result.perSecond())));
}

QTEST_GUILESS_MAIN(TestDemoBotsBench)
#include "tst_demobotsbench.moc"
