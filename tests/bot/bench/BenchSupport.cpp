// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <ctime>
#include <pthread.h>
#include <sys/resource.h>

namespace Switchboard::Test
{

ChildServer::ChildServer(const QString &program, const QStringList &arguments)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(program, arguments);
}

ChildServer::~ChildServer()
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

int ChildServer::port()
{
    while (m_port == 0 && m_process.canReadLine()) {
        const QByteArray line = m_process.readLine().trimmed();
        if (line.startsWith("PORT ")) {
            m_port = line.mid(5).toInt();
        }
    }
    return m_port;
}

bool ChildServer::failed() const
{
    return m_process.state() == QProcess::NotRunning;
}

qint64 processCpuUs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000 + usage.ru_utime.tv_usec +
           usage.ru_stime.tv_usec;
}

qint64 threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

void LoadRunner::start()
{
    m_timer.start();
    m_phase = Phase::Warmup;
    for (int i = 0; i < concurrency; ++i) {
        launch();
    }
}

void LoadRunner::launch()
{
    ++m_inFlight;
    issue([this](bool ok) { handleDone(ok); });
}

void LoadRunner::handleDone(bool ok)
{
    --m_inFlight;
    const qint64 elapsed = m_timer.nsecsElapsed() / 1000;
    if (m_phase == Phase::Warmup && elapsed >= qint64(warmupMs) * 1000) {
        m_phase = Phase::Measure;
        m_cpuStart = cpuClock();
        m_wallStart = elapsed;
    } else if (m_phase == Phase::Measure) {
        ++completed;
        if (!ok) {
            ++failures;
        }
        if (elapsed - m_wallStart >= qint64(durationMs) * 1000) {
            cpuUs = cpuClock() - m_cpuStart;
            wallUs = elapsed - m_wallStart;
            m_phase = Phase::Drain;
        }
    } else if (!ok) {
        ++failures;
    }
    if (m_phase != Phase::Drain) {
        launch();
    } else if (m_inFlight == 0) {
        // Emitted from the event loop, after the last callback has returned.
        QTimer::singleShot(0, this, &LoadRunner::finished);
    }
}

CallbackServerBench::CallbackServerBench()
{
    m_thread.start();
}

CallbackServerBench::~CallbackServerBench()
{
    m_runner.reset();
    m_http.reset();
    if (m_server) {
        Bot::CallbackServer *server = m_server;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

bool CallbackServerBench::start()
{
    Bot::CallbackServerOptions options;
    options.ratePerSecond = 1e9;
    options.burst = 1000000000;
    m_server = new Bot::CallbackServer(options);
    m_server->moveToThread(&m_thread);
    Bot::CallbackServer *server = m_server;
    std::atomic<qint64> *handled = &m_handled;
    QMetaObject::invokeMethod(
        server,
        [this, server, handled] {
            m_serverThreadId = QThread::currentThreadId();
            m_port = server->listen().ok() ? server->port() : 0;
            server->registerIntegration(
                QStringLiteral("bench"),
                QByteArrayLiteral("bench-token-0123456789abcdef"),
                server,
                [handled](const Bot::CallbackRequest &) { handled->fetch_add(1, std::memory_order_relaxed); });
            server->expectDelivery(
                QStringLiteral("bench"), QStringLiteral("consumer-1"), QStringLiteral("conv-1"), QStringLiteral("d-1"));
        },
        Qt::BlockingQueuedConnection);
    return m_port != 0;
}

qint64 CallbackServerBench::serverCpuUs() const
{
    clockid_t cid;
    if (pthread_getcpuclockid(reinterpret_cast<pthread_t>(m_serverThreadId), &cid) != 0) {
        return 0;
    }
    timespec ts{};
    clock_gettime(cid, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

void CallbackServerBench::run(int concurrency)
{
    m_http = std::make_unique<Bot::HttpClient>();
    m_runner = std::make_unique<LoadRunner>();
    m_runner->concurrency = concurrency;
    m_runner->durationMs = windowMs;
    m_runner->cpuClock = threadCpuUs;
    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(m_port) + "/connector/consumer-1";
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("version"), 1},
                        {QStringLiteral("deliveryId"), QStringLiteral("d-1")},
                        {QStringLiteral("conversationId"), QStringLiteral("conv-1")},
                        {QStringLiteral("replies"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("type"), QStringLiteral("TEXT")},
                             {QStringLiteral("data"),
                              QJsonObject{{QStringLiteral("message"), QStringLiteral("Your flight is changed.")}}}}}}})
            .toJson(QJsonDocument::Compact);
    Bot::HttpClient *http = m_http.get();
    LoadRunner *runner = m_runner.get();
    runner->issue = [http, url, body, runner](LoadRunner::Done done) {
        Bot::HttpRequest request;
        request.method = "POST";
        request.url = url;
        request.body = body;
        request.headers = {{"Authorization", "Bearer bench-token-0123456789abcdef"}};
        http->send(request, runner, [done](const Bot::HttpResponse &response) {
            done(response.transportOk() && response.status == 200);
        });
    };
    // Server CPU is sampled at the same moments as the runner's window, by wrapping its clock.
    runner->cpuClock = [this]() {
        const qint64 server = serverCpuUs();
        const qint64 client = threadCpuUs();
        if (m_serverCpuStart == 0) {
            m_serverCpuStart = server;
            m_clientCpuUs = client;
            return client;
        }
        m_serverCpuUs = server - m_serverCpuStart;
        m_clientCpuUs = client - m_clientCpuUs;
        return client;
    };
    connect(runner, &LoadRunner::finished, this, [this, runner] {
        completed = runner->completed;
        failures = runner->failures;
        m_wallUs = runner->wallUs;
        Q_EMIT finished();
    });
    runner->start();
}

double CallbackServerBench::callsPerSecond() const
{
    return m_wallUs > 0 ? double(completed) * 1e6 / double(m_wallUs) : 0;
}

double CallbackServerBench::serverCpuMsPerCall() const
{
    return completed > 0 ? double(m_serverCpuUs) / 1000.0 / double(completed) : 0;
}

double CallbackServerBench::clientCpuMsPerCall() const
{
    return completed > 0 ? double(m_clientCpuUs) / 1000.0 / double(completed) : 0;
}

} // namespace Switchboard::Test
