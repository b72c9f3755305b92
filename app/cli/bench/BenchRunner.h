// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/SessionFactory.h"
#include "storage/IntegrationDefinition.h"

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Switchboard::Storage
{
class MemorySecretStore;
class TranscriptStore;
} // namespace Switchboard::Storage

namespace Switchboard::Connector
{
class ConnectorSession;
class SessionManager;
} // namespace Switchboard::Connector

namespace Switchboard::Cli
{

/** What one `switchboard-cli bench` run does. */
struct BenchOptions
{
    /** Simulated consumers, each with its own conversation. */
    int consumers = 200;
    /** Messages per consumer (ignored with durationS > 0). */
    int messages = 50;
    /** Consumer messages per second across all consumers; 0 = saturation (as fast as replies come back). */
    double rate = 0;
    /** Run for this long (s) instead of a fixed message count; 0 = use messages. */
    double durationS = 0;
    /** Open conversations for the memory figure; 0 = skip that phase. */
    int openConversations = 10000;
    /** New conversations per second while filling up to openConversations. */
    double fillRate = 2000;
    /** The switchboard-cli executable that runs `sandbox` in a child process. */
    QString cliPath;
    /** Forward the sandbox process's standard error. */
    bool verbose = false;
    /**
     * Connector sessions (integrations) in this process, each with its own bot agent user on the
     * bot skill; the sandbox routes the consumers' conversations across them (least loaded first).
     */
    int integrations = 1;
};

/**
 * The end-to-end benchmark behind `switchboard-cli bench`.
 *
 * Processes: the sandbox (emulator and Custom Endpoint demo bot) runs in a child process
 * (`switchboard-cli sandbox`), the connector — one messaging session made by SessionFactory, as
 * `run` makes it, with a SQLite transcript store in a temporary directory — runs in this process,
 * so this process's CPU and memory are the connector's. Secrets go from the sandbox's JSON line
 * (a pipe) into a MemorySecretStore and from there into SessionSecrets: never onto a command line.
 *
 * Phases: start sandbox → session online → load run (POST /sandbox/load, GET /sandbox/stats until
 * every message was answered) with LatencyProbe on and getrusage around it → fill up to
 * openConversations open conversations and read the RSS → stop the session and the sandbox.
 * finished() carries the result object (see BenchCommand.cpp for the fields) or an error.
 *
 * Event-driven on the calling thread; no nested event loops.
 */
class BenchRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchRunner)

public:
    explicit BenchRunner(BenchOptions options, QObject *parent = nullptr);
    ~BenchRunner() override;

    void start();
    /** The sessions' manager (for a window to show them); valid once the sandbox is up. */
    Connector::SessionManager *sessionManager() const;

Q_SIGNALS:
    /** Every session is online and the load run is about to start. */
    void loadStarting();
    /** The load run is over (every message answered, or --duration elapsed and the rest settled). */
    void loadFinished();
    /** @p error is empty on success; then @p result holds the figures. */
    void finished(const QJsonObject &result, const QString &error);

private:
    void fail(const QString &error);
    void handleSandboxOutput();
    void startSession();
    void startLoad();
    void pollLoad();
    void finishLoad(const QJsonObject &stats);
    void startFill();
    void pollFill();
    void shutDown();
    void control(const QByteArray &method,
                 const QString &path,
                 const QJsonObject &body,
                 std::function<void(const QJsonObject &)> done);
    double sandboxCpuSeconds() const;
    int openConversations() const;
    /** Consumer messages the sessions took and neither answered nor failed yet. */
    qint64 unansweredMessages() const;
    void addSession(const QJsonObject &agent, const QJsonObject &application, const QJsonObject &bot, int index);

    BenchOptions m_options;
    QTemporaryDir m_scratch;
    QProcess m_sandbox;
    QByteArray m_sandboxOut;
    QByteArray m_sandboxErr;
    QJsonObject m_line;
    QSslConfiguration m_ssl;
    std::unique_ptr<QNetworkAccessManager> m_http;
    std::unique_ptr<Storage::TranscriptStore> m_store;
    std::unique_ptr<Storage::MemorySecretStore> m_secrets;
    std::unique_ptr<Connector::SessionManager> m_manager;
    QList<Connector::ConnectorSession *> m_sessions;
    int m_online = 0;
    Storage::IntegrationDefinition m_definition;
    QTimer m_poll;
    QTimer m_deadline;
    QString m_phase;
    QJsonObject m_result;
    bool m_done = false;

    // Load-run bookkeeping.
    double m_cpuStart = 0;
    double m_sandboxCpuStart = 0;
    QJsonObject m_threadCpuStart;
    qint64 m_wallStartNs = 0;
    qint64 m_stopAtMs = 0;
    qint64 m_settleSinceMs = -1;
    double m_baselineRssMb = 0;
    QJsonObject m_baselineHeap;
    int m_fillTarget = 0;
    qint64 m_fillStartedMs = 0;
    /** When the fill was first seen complete (0: not yet) and the RSS then. */
    qint64 m_fillIdleSinceMs = 0;
    double m_rssAtFillEndMb = 0;
};

/** Current resident set size of this process, in MiB (Linux /proc; 0 elsewhere). */
double currentRssMb();
/** currentRssMb() after returning malloc's free pages to the kernel (glibc malloc_trim). */
double trimmedRssMb();
/**
 * glibc malloc's view, over all arenas: {inUseMb (live heap), freeInArenasMb (freed, not returned
 * to the kernel), mmappedMb, arenas}; empty elsewhere.
 */
QJsonObject mallocStats();
/** Peak resident set size of this process, in MiB (getrusage). */
double peakRssMb();
/** User + system CPU seconds of this process, all threads (getrusage). */
double processCpuSeconds();

} // namespace Switchboard::Cli
