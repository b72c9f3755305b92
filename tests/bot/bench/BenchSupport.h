// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bot/CallbackServer.h"
#include "bot/HttpClient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace Switchboard::Test
{

/** A benchmark server in a child process that prints "PORT <n>" and lives while its stdin is open. */
class ChildServer final
{
public:
    ChildServer(const QString &program, const QStringList &arguments);
    ~ChildServer();
    /** 0 until the child has printed its port. */
    int port();
    bool failed() const;

private:
    QProcess m_process;
    int m_port = 0;
};

/** Client CPU time of the whole process (all threads), in microseconds. */
qint64 processCpuUs();
/** CPU time of the calling thread, in microseconds. */
qint64 threadCpuUs();

/**
 * Keeps `concurrency` calls in flight: each completion issues the next. After a warm-up it
 * measures calls and process CPU for `durationMs`, then drains and emits finished().
 */
class LoadRunner final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(bool ok)>;

    std::function<void(Done)> issue;
    int concurrency = 1;
    int warmupMs = 300;
    int durationMs = 2000;
    /** CPU clock to use; the process's by default. */
    std::function<qint64()> cpuClock = processCpuUs;

    qint64 completed = 0;
    int failures = 0;
    qint64 cpuUs = 0;
    qint64 wallUs = 0;

    void start();

Q_SIGNALS:
    void finished();

private:
    void launch();
    void handleDone(bool ok);

    enum class Phase
    {
        Warmup,
        Measure,
        Drain,
    };
    Phase m_phase = Phase::Warmup;
    QElapsedTimer m_timer;
    qint64 m_cpuStart = 0;
    qint64 m_wallStart = 0;
    int m_inFlight = 0;
};

/** One row of the results table. */
struct BenchRow
{
    QString client;
    QString protocol;
    int concurrency = 0;
    qint64 completed = 0;
    qint64 cpuUs = 0;
    qint64 wallUs = 0;
    int failures = 0;

    double callsPerSecond() const
    {
        return wallUs > 0 ? double(completed) * 1e6 / double(wallUs) : 0;
    }
    double cpuMsPerCall() const
    {
        return completed > 0 ? double(cpuUs) / 1000.0 / double(completed) : 0;
    }
};

/**
 * The callback server on its own thread, hammered by an HttpClient on the calling thread; the
 * server thread's CPU is read with its CPU clock (pthread_getcpuclockid).
 */
class CallbackServerBench final : public QObject
{
    Q_OBJECT

public:
    CallbackServerBench();
    ~CallbackServerBench() override;

    bool start();
    void run(int concurrency);

    int windowMs = 2000;
    qint64 completed = 0;
    int failures = 0;

    double callsPerSecond() const;
    double serverCpuMsPerCall() const;
    double clientCpuMsPerCall() const;

Q_SIGNALS:
    void finished();

private:
    qint64 serverCpuUs() const;

    QThread m_thread;
    Bot::CallbackServer *m_server = nullptr;
    std::unique_ptr<Bot::HttpClient> m_http;
    std::unique_ptr<LoadRunner> m_runner;
    quint16 m_port = 0;
    Qt::HANDLE m_serverThreadId = nullptr;
    std::atomic<qint64> m_handled{0};
    qint64 m_serverCpuStart = 0;
    qint64 m_serverCpuUs = 0;
    qint64 m_clientCpuUs = 0;
    qint64 m_wallUs = 0;
};

} // namespace Switchboard::Test
