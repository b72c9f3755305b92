// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchRunner.h"

#include "connector/ConnectorSession.h"
#include "connector/LatencyProbe.h"
#include "connector/SessionManager.h"
#include "storage/MemorySecretStore.h"
#include "storage/TranscriptStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>
#include <vector>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unistd.h>

namespace Switchboard::Cli
{

namespace
{
qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 monotonicMs()
{
    return monotonicNs() / 1'000'000;
}

/** {p50, p95, p99, samples} of microsecond samples, in milliseconds. */
QJsonObject percentilesMs(std::vector<float> samples)
{
    std::sort(samples.begin(), samples.end());
    const auto at = [&samples](double p) {
        if (samples.empty()) {
            return 0.0;
        }
        const auto index = std::min(samples.size() - 1, static_cast<size_t>(p * static_cast<double>(samples.size())));
        return static_cast<double>(samples[index]) / 1000.0;
    };
    return QJsonObject{{QStringLiteral("p50"), at(0.50)},
                       {QStringLiteral("p95"), at(0.95)},
                       {QStringLiteral("p99"), at(0.99)},
                       {QStringLiteral("samples"), static_cast<qint64>(samples.size())}};
}

constexpr double kSaturationRate = 100000; // LoadGenerator's ceiling: "as fast as replies come back"
// How long the fill must have been complete, nothing in flight, before the memory is read.
constexpr qint64 s_fillSettleMs = 1000;

/**
 * CPU seconds of this process's live threads by role, from /proc/self/task/<tid>/schedstat (time
 * on a CPU, in ns): {session (the "session:…" worker threads), transcriptStore, other}; empty where
 * /proc does not tell. A thread that ended is not counted, so take both readings while the
 * sessions run.
 */
QJsonObject cpuSecondsByThreadRole()
{
    QJsonObject seconds;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    const QStringList tids = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile schedstat(tasks.filePath(tid + QStringLiteral("/schedstat")));
        if (!comm.open(QIODevice::ReadOnly) || !schedstat.open(QIODevice::ReadOnly)) {
            continue; // the thread ended meanwhile
        }
        const QByteArray name = comm.readAll().trimmed();
        bool ok = false;
        // schedstat: time on a CPU (ns), time waiting to run (ns), time slices.
        const qint64 onCpuNs = schedstat.readAll().split(' ').value(0).toLongLong(&ok);
        if (!ok) {
            continue;
        }
        // Kernel thread names hold 15 bytes: "session:<name>" as ConnectorSessionImpl names it
        // (cut short), "TranscriptStore" whole.
        const QString role = name.startsWith("session:") ? QStringLiteral("session")
                             : name == "TranscriptStore" ? QStringLiteral("transcriptStore")
                                                         : QStringLiteral("other");
        seconds.insert(role, seconds.value(role).toDouble() + static_cast<double>(onCpuNs) / 1e9);
    }
    return seconds;
}

/** (end − start) per 1 000 round trips for each thread role of cpuSecondsByThreadRole(). */
QJsonObject perThousand(const QJsonObject &end, const QJsonObject &start, qint64 roundTrips)
{
    QJsonObject result;
    for (auto it = end.begin(); it != end.end(); ++it) {
        const double seconds = std::max(0.0, it.value().toDouble() - start.value(it.key()).toDouble());
        result.insert(it.key(), seconds / static_cast<double>(roundTrips) * 1000.0);
    }
    return result;
}

} // namespace

double currentRssMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2) {
        return 0;
    }
    return static_cast<double>(fields.at(1).toLongLong()) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
           (1024.0 * 1024.0);
}

double trimmedRssMb()
{
#ifdef __GLIBC__
    // Hands freed heap pages back to the kernel, so the RSS shows live memory, not malloc's cache.
    malloc_trim(0);
#endif
    return currentRssMb();
}

QJsonObject mallocStats()
{
    QJsonObject stats;
#ifdef __GLIBC__
    // Live heap (what the program holds) against what malloc keeps from the kernel, summed over
    // every arena; the number of arenas comes from malloc_info's XML (one <heap> per arena).
    const struct mallinfo2 info = mallinfo2();
    constexpr double mib = 1024.0 * 1024.0;
    stats.insert(QStringLiteral("inUseMb"), static_cast<double>(info.uordblks + info.hblkhd) / mib);
    stats.insert(QStringLiteral("freeInArenasMb"), static_cast<double>(info.fordblks) / mib);
    stats.insert(QStringLiteral("mmappedMb"), static_cast<double>(info.hblkhd) / mib);
    char *buffer = nullptr;
    size_t size = 0;
    if (FILE *stream = open_memstream(&buffer, &size)) {
        malloc_info(0, stream);
        std::fclose(stream);
        stats.insert(QStringLiteral("arenas"), QByteArray(buffer, static_cast<qsizetype>(size)).count("<heap nr="));
        std::free(buffer);
    }
#endif
    return stats;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux: KiB
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

BenchRunner::BenchRunner(BenchOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_manager(std::make_unique<Connector::SessionManager>())
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_phase == QLatin1String("load")) {
            pollLoad();
        } else if (m_phase == QLatin1String("fill")) {
            pollFill();
        }
    });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(tr("The benchmark phase \"%1\" did not finish in time.").arg(m_phase));
    });
}

BenchRunner::~BenchRunner()
{
    Connector::LatencyProbe::setEnabled(false);
    if (m_sandbox.state() != QProcess::NotRunning) {
        m_sandbox.terminate();
        if (!m_sandbox.waitForFinished(5000)) {
            m_sandbox.kill();
            m_sandbox.waitForFinished(2000);
        }
    }
}

void BenchRunner::start()
{
    if (!m_scratch.isValid()) {
        fail(tr("Cannot create a temporary directory: %1").arg(m_scratch.errorString()));
        return;
    }
    m_phase = QStringLiteral("sandbox");
    m_sandbox.setProgram(m_options.cliPath);
    QStringList arguments{
        QStringLiteral("sandbox"), QStringLiteral("--state-dir"), m_scratch.filePath(QStringLiteral("sandbox"))};
    if (m_options.integrations > 1) {
        // N bot users on the default bot skill (1001) and one simulated human for the fallback skill.
        QJsonArray agents;
        for (int i = 0; i < m_options.integrations; ++i) {
            agents.append(QJsonObject{{QStringLiteral("loginName"), QStringLiteral("bench-bot-%1").arg(i + 1)},
                                      {QStringLiteral("skills"), QJsonArray{QStringLiteral("1001")}}});
        }
        agents.append(QJsonObject{{QStringLiteral("loginName"), QStringLiteral("human-agent-1")},
                                  {QStringLiteral("skills"), QJsonArray{QStringLiteral("1002")}},
                                  {QStringLiteral("simulated"), true}});
        QFile config(m_scratch.filePath(QStringLiteral("sandbox-config.json")));
        if (!config.open(QIODevice::WriteOnly) ||
            config.write(QJsonDocument(QJsonObject{{QStringLiteral("agents"), agents}}).toJson()) < 0) {
            fail(tr("Cannot write %1: %2").arg(config.fileName(), config.errorString()));
            return;
        }
        arguments << QStringLiteral("--config") << config.fileName();
    }
    m_sandbox.setArguments(arguments);
    connect(&m_sandbox, &QProcess::readyReadStandardOutput, this, &BenchRunner::handleSandboxOutput);
    connect(&m_sandbox, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray chunk = m_sandbox.readAllStandardError();
        if (m_options.verbose) {
            std::fwrite(chunk.constData(), 1, static_cast<size_t>(chunk.size()), stderr);
        }
        m_sandboxErr.append(chunk);
        m_sandboxErr = m_sandboxErr.right(4000);
    });
    connect(&m_sandbox, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (!m_done && m_phase != QLatin1String("shutdown")) {
            fail(tr("The sandbox process exited (code %1) during \"%2\": %3")
                     .arg(code)
                     .arg(m_phase, QString::fromUtf8(m_sandboxErr.right(600)).trimmed()));
        }
    });
    connect(&m_sandbox, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            fail(tr("Cannot start \"%1 sandbox\": %2").arg(m_options.cliPath, m_sandbox.errorString()));
        }
    });
    m_deadline.start(30000 + 500 * m_options.integrations);
    m_sandbox.start();
}

void BenchRunner::fail(const QString &error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_poll.stop();
    m_deadline.stop();
    Connector::LatencyProbe::setEnabled(false);
    Q_EMIT finished(QJsonObject(), error);
}

void BenchRunner::handleSandboxOutput()
{
    m_sandboxOut += m_sandbox.readAllStandardOutput();
    if (!m_line.isEmpty()) {
        m_sandboxOut.clear();
        return;
    }
    const qsizetype newline = m_sandboxOut.indexOf('\n');
    if (newline < 0) {
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(m_sandboxOut.left(newline), &parseError);
    m_sandboxOut.clear();
    if (!document.isObject()) {
        fail(tr("The sandbox's first line is not a JSON object: %1").arg(parseError.errorString()));
        return;
    }
    m_line = document.object();
    startSession();
}

void BenchRunner::startSession()
{
    m_phase = QStringLiteral("session");
    const QJsonArray skills = m_line.value(QStringLiteral("skills")).toArray();
    const QJsonObject application = m_line.value(QStringLiteral("applications")).toArray().at(0).toObject();
    const QJsonObject bot =
        m_line.value(QStringLiteral("bots")).toObject().value(QStringLiteral("customEndpoint")).toObject();
    const QJsonArray agents = m_line.value(QStringLiteral("agents")).toArray();
    if (agents.isEmpty() || bot.isEmpty() || skills.isEmpty()) {
        fail(tr("The sandbox's JSON line lacks agents, skills or bots.customEndpoint."));
        return;
    }

    // The control API trusts the sandbox's own CA only.
    m_ssl = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> cas = m_ssl.caCertificates();
    cas += QSslCertificate::fromPath(m_line.value(QStringLiteral("caFile")).toString());
    m_ssl.setCaCertificates(cas);
    m_http = std::make_unique<QNetworkAccessManager>();

    Storage::TranscriptStore::Options storeOptions;
    storeOptions.path = m_scratch.filePath(QStringLiteral("transcripts.sqlite"));
    m_store = std::make_unique<Storage::TranscriptStore>(storeOptions);
    if (const VoidResult opened = m_store->openAndWait(); !opened) {
        fail(tr("Cannot open the transcript store: %1").arg(opened.error().message));
        return;
    }
    m_secrets = std::make_unique<Storage::MemorySecretStore>();

    // The first agent is the bot user on the bot skill; with --integrations the sandbox was given
    // that many bot users on the same skill.
    const QString botSkill = agents.at(0).toObject().value(QStringLiteral("skills")).toArray().at(0).toString();
    int index = 0;
    for (const QJsonValue &value : agents) {
        const QJsonObject agent = value.toObject();
        if (agent.value(QStringLiteral("simulated")).toBool() ||
            !agent.value(QStringLiteral("skills")).toArray().contains(QJsonValue(botSkill))) {
            continue;
        }
        addSession(agent, application, bot, index++);
        if (index >= m_options.integrations) {
            break;
        }
    }
    if (index < m_options.integrations) {
        fail(tr("The sandbox has %1 bot users on skill %2; %3 are needed.")
                 .arg(index)
                 .arg(botSkill)
                 .arg(m_options.integrations));
    }
}

void BenchRunner::addSession(const QJsonObject &agent,
                             const QJsonObject &application,
                             const QJsonObject &bot,
                             int index)
{
    using Storage::IntegrationDefinition;
    const QJsonArray skills = m_line.value(QStringLiteral("skills")).toArray();
    IntegrationDefinition definition;
    definition.id = QStringLiteral("bench-%1").arg(index);
    definition.name = QStringLiteral("Benchmark %1").arg(index + 1);
    definition.liveperson.accountId = m_line.value(QStringLiteral("accountId")).toString();
    definition.liveperson.csdsDomain = m_line.value(QStringLiteral("csdsDomain")).toString();
    definition.liveperson.channel = IntegrationDefinition::Channel::Messaging;
    definition.liveperson.loginType = IntegrationDefinition::LoginType::Password;
    definition.liveperson.loginName = agent.value(QStringLiteral("loginName")).toString();
    definition.liveperson.caFile = m_line.value(QStringLiteral("caFile")).toString();
    definition.bot.protocol = IntegrationDefinition::BotProtocol::CustomEndpoint;
    definition.bot.baseUrl = bot.value(QStringLiteral("baseUrl")).toString();
    definition.bot.botId = bot.value(QStringLiteral("botId")).toString();
    definition.bot.environment = bot.value(QStringLiteral("environment")).toString();
    definition.routing.botSkillId = agent.value(QStringLiteral("skills")).toArray().at(0).toString();
    if (skills.size() > 1) {
        definition.routing.fallbackSkillId = skills.at(1).toObject().value(QStringLiteral("id")).toString();
        definition.routing.fallbackSkillName = skills.at(1).toObject().value(QStringLiteral("name")).toString();
    }
    if (index == 0) {
        m_definition = definition;
    }

    // Secrets: JSON line (a pipe) → MemorySecretStore → SessionSecrets, as `run` reads the keychain.
    const QList<std::pair<QLatin1String, QString>> values = {
        {Storage::SecretField::LoginPassword, agent.value(QStringLiteral("password")).toString()},
        {Storage::SecretField::AppJwtClientId, application.value(QStringLiteral("clientId")).toString()},
        {Storage::SecretField::AppJwtClientSecret, application.value(QStringLiteral("clientSecret")).toString()},
    };
    for (const auto &[field, value] : values) {
        const QString key = QStringLiteral("%1/%2").arg(definition.id, field);
        definition.secrets.insert(field, key);
        m_secrets->write(key, value, this, [](const Storage::SecretResult &) {});
    }

    Connector::SessionFactory::loadSecrets(
        m_secrets.get(), definition, this, [this, definition](const Result<Connector::SessionSecrets> &secrets) {
            if (m_done) {
                return;
            }
            if (!secrets) {
                fail(secrets.error().message);
                return;
            }
            Connector::SessionEnvironment environment;
            environment.store = m_store.get();
            environment.eventLog = m_manager->eventLog();
            // As `run` makes its sessions: headless, no console table of conversations.
            environment.keepConversationTable = false;
            Connector::ConnectorSession *session =
                Connector::SessionFactory::create(definition, secrets.value(), environment);
            m_sessions.append(session);
            m_manager->addSession(session);
            auto online = std::make_shared<bool>(false);
            connect(session,
                    &Connector::ConnectorSession::statusChanged,
                    this,
                    [this, online](const Connector::SessionStatus &status) {
                        const bool isOnline = status.state == Connector::SessionState::Online;
                        if (m_phase == QLatin1String("session")) {
                            if (isOnline && !*online) {
                                *online = true;
                                if (++m_online == m_options.integrations) {
                                    startLoad();
                                }
                            } else if (status.state == Connector::SessionState::Failed) {
                                fail(tr("A connector session failed: %1").arg(status.reason));
                            }
                        } else if (!isOnline && m_phase != QLatin1String("shutdown")) {
                            fail(tr("A connector session left Online during \"%1\": %2").arg(m_phase, status.reason));
                        }
                    });
            session->start();
        });
}

Connector::SessionManager *BenchRunner::sessionManager() const
{
    return m_manager.get();
}

qint64 BenchRunner::unansweredMessages() const
{
    qint64 unanswered = 0;
    for (const Connector::ConnectorSession *session : m_sessions) {
        const Connector::SessionCounters counters = session->counters();
        // The demo bot answers every event with one reply item.
        unanswered += counters.consumerMessages - counters.botReplies - counters.botFailures;
    }
    return unanswered;
}

int BenchRunner::openConversations() const
{
    int open = 0;
    for (const Connector::ConnectorSession *session : m_sessions) {
        open += session->counters().openConversations;
    }
    return open;
}

void BenchRunner::control(const QByteArray &method,
                          const QString &path,
                          const QJsonObject &body,
                          std::function<void(const QJsonObject &)> done)
{
    QNetworkRequest request(QUrl(m_line.value(QStringLiteral("controlUrl")).toString() + path));
    request.setSslConfiguration(m_ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_http->sendCustomRequest(request, method, payload);
    connect(reply, &QNetworkReply::finished, this, [this, reply, path, done = std::move(done)] {
        reply->deleteLater();
        if (m_done) {
            return;
        }
        const QByteArray data = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            fail(tr("Control API %1 failed: %2").arg(path, reply->errorString()));
            return;
        }
        if (status >= 300) {
            fail(tr("Control API %1 answered %2: %3").arg(path).arg(status).arg(QString::fromUtf8(data.left(300))));
            return;
        }
        done(QJsonDocument::fromJson(data).object());
    });
}

void BenchRunner::startLoad()
{
    m_phase = QStringLiteral("load");
    m_deadline.stop();
    Q_EMIT loadStarting();
    m_baselineRssMb = currentRssMb();
    m_baselineHeap = mallocStats();
    const int messages = m_options.durationS > 0 ? 100000 : m_options.messages;
    const double rate = m_options.rate > 0 ? m_options.rate : kSaturationRate;
    const QJsonObject plan{{QStringLiteral("consumers"), m_options.consumers},
                           {QStringLiteral("messagesPerConsumer"), messages},
                           {QStringLiteral("ratePerSecond"), rate},
                           {QStringLiteral("skillId"), m_definition.routing.botSkillId},
                           {QStringLiteral("replyTimeoutMs"), 10000}};
    // Deadline: the planned messages at a pessimistic 500/s (or the rate), plus slack.
    const double planned =
        m_options.durationS > 0 ? m_options.durationS : double(m_options.consumers) * messages / std::min(rate, 500.0);
    m_deadline.start(static_cast<int>(std::min(planned * 1000 + 60000, 3'600'000.0)));
    (void)Connector::LatencyProbe::take(Connector::LatencyProbe::Leg::Inbound);
    (void)Connector::LatencyProbe::take(Connector::LatencyProbe::Leg::Outbound);
    Connector::LatencyProbe::setEnabled(true);
    m_cpuStart = processCpuSeconds();
    m_threadCpuStart = cpuSecondsByThreadRole();
    m_sandboxCpuStart = sandboxCpuSeconds();
    m_wallStartNs = monotonicNs();
    m_stopAtMs = m_options.durationS > 0 ? monotonicMs() + static_cast<qint64>(m_options.durationS * 1000) : 0;
    m_settleSinceMs = -1;
    control("POST", QStringLiteral("/sandbox/load"), plan, [this](const QJsonObject &) { m_poll.start(); });
}

void BenchRunner::pollLoad()
{
    if (m_stopAtMs > 0 && monotonicMs() >= m_stopAtMs) {
        m_stopAtMs = 0;
        control("DELETE", QStringLiteral("/sandbox/load"), {}, [](const QJsonObject &) {});
    }
    m_poll.stop();
    control("GET", QStringLiteral("/sandbox/stats"), {}, [this](const QJsonObject &stats) {
        const QJsonObject load = stats.value(QStringLiteral("load")).toObject();
        const bool active = load.value(QStringLiteral("active")).toBool();
        const qint64 sent = load.value(QStringLiteral("sent")).toInteger();
        const qint64 replies = load.value(QStringLiteral("replies")).toInteger();
        if (!active && m_stopAtMs == 0) {
            if (replies >= sent) {
                finishLoad(stats);
                return;
            }
            // Stopped by --duration: give the messages in flight up to 5 s to be answered.
            if (m_settleSinceMs < 0) {
                m_settleSinceMs = monotonicMs();
            } else if (monotonicMs() - m_settleSinceMs > 5000) {
                finishLoad(stats);
                return;
            }
        }
        m_poll.start();
    });
}

void BenchRunner::finishLoad(const QJsonObject &stats)
{
    Connector::LatencyProbe::setEnabled(false);
    Q_EMIT loadFinished();
    const double cpu = processCpuSeconds() - m_cpuStart;
    const QJsonObject threadCpu = cpuSecondsByThreadRole();
    const double sandboxCpu = sandboxCpuSeconds() - m_sandboxCpuStart;
    const double wallS = static_cast<double>(monotonicNs() - m_wallStartNs) / 1e9;
    const QJsonObject load = stats.value(QStringLiteral("load")).toObject();
    const qint64 replies = load.value(QStringLiteral("replies")).toInteger();
    const qint64 sent = load.value(QStringLiteral("sent")).toInteger();
    const double elapsedMs = load.value(QStringLiteral("elapsedMs")).toDouble();
    if (replies <= 0 || elapsedMs <= 0) {
        fail(tr("No consumer message was answered (sent %1). Is the demo bot reachable?").arg(sent));
        return;
    }
    const std::vector<float> inbound = Connector::LatencyProbe::take(Connector::LatencyProbe::Leg::Inbound);
    const std::vector<float> outbound = Connector::LatencyProbe::take(Connector::LatencyProbe::Leg::Outbound);
    const QJsonObject in = percentilesMs(inbound);
    const QJsonObject out = percentilesMs(outbound);
    const auto sum = [&in, &out](const char *key) {
        return in.value(QLatin1String(key)).toDouble() + out.value(QLatin1String(key)).toDouble();
    };
    const QJsonObject e2e = load.value(QStringLiteral("latencyMs")).toObject();
    // The bot call as the bot client timed it (request out → answer parsed), from the first
    // session's health window: the third party's share of the round trip.
    const Connector::LatencyWindow botCalls = m_sessions.value(0)->health().lastMinute;

    m_result = QJsonObject{
        {QStringLiteral("mode"), m_options.rate > 0 ? QStringLiteral("rate") : QStringLiteral("saturation")},
        {QStringLiteral("targetRatePerSecond"), m_options.rate},
        {QStringLiteral("consumers"), m_options.consumers},
        {QStringLiteral("integrations"), m_options.integrations},
        {QStringLiteral("messagesSent"), sent},
        {QStringLiteral("roundTrips"), replies},
        {QStringLiteral("elapsedSeconds"), elapsedMs / 1000.0},
        {QStringLiteral("roundTripsPerSecond"), static_cast<double>(replies) / (elapsedMs / 1000.0)},
        {QStringLiteral("e2eLatencyMs"),
         QJsonObject{{QStringLiteral("p50"), e2e.value(QStringLiteral("p50"))},
                     {QStringLiteral("p95"), e2e.value(QStringLiteral("p95"))},
                     {QStringLiteral("p99"), e2e.value(QStringLiteral("p99"))},
                     {QStringLiteral("max"), e2e.value(QStringLiteral("max"))},
                     {QStringLiteral("samples"), e2e.value(QStringLiteral("samples"))}}},
        {QStringLiteral("connectorLatencyMs"),
         QJsonObject{{QStringLiteral("p50"), sum("p50")},
                     {QStringLiteral("p95"), sum("p95")},
                     {QStringLiteral("p99"), sum("p99")},
                     {QStringLiteral("inbound"), in},
                     {QStringLiteral("outbound"), out}}},
        {QStringLiteral("botCallLatencyMs"),
         QJsonObject{{QStringLiteral("p50"), botCalls.p50Ms},
                     {QStringLiteral("p95"), botCalls.p95Ms},
                     {QStringLiteral("p99"), botCalls.p99Ms},
                     {QStringLiteral("calls"), botCalls.calls}}},
        {QStringLiteral("connectorCpuSeconds"), cpu},
        {QStringLiteral("connectorCpuSecondsPer1000"), cpu / static_cast<double>(replies) * 1000.0},
        {QStringLiteral("connectorCpuUtilisation"), wallS > 0 ? cpu / wallS : 0.0},
        {QStringLiteral("connectorThreadCpuSecondsPer1000"), perThousand(threadCpu, m_threadCpuStart, replies)},
        {QStringLiteral("sandboxCpuSecondsPer1000"), sandboxCpu / static_cast<double>(replies) * 1000.0},
        {QStringLiteral("sandboxCpuUtilisation"), wallS > 0 ? sandboxCpu / wallS : 0.0},
        {QStringLiteral("idleRssMb"), m_baselineRssMb},
        {QStringLiteral("idleHeap"), m_baselineHeap},
        {QStringLiteral("rssAfterLoadMb"), currentRssMb()},
    };
    startFill();
}

void BenchRunner::startFill()
{
    const int open = openConversations();
    m_fillTarget = m_options.openConversations;
    const int missing = m_fillTarget - open;
    if (m_options.openConversations <= 0 || missing <= 0) {
        if (m_options.openConversations > 0) {
            m_result.insert(QStringLiteral("openConversations"), open);
            m_result.insert(QStringLiteral("rss10kConversationsMb"), currentRssMb());
        }
        shutDown();
        return;
    }
    m_phase = QStringLiteral("fill");
    m_deadline.start(300000);
    m_fillStartedMs = monotonicMs();
    const QJsonObject plan{{QStringLiteral("consumers"), missing},
                           {QStringLiteral("messagesPerConsumer"), 1},
                           {QStringLiteral("ratePerSecond"), m_options.fillRate},
                           {QStringLiteral("skillId"), m_definition.routing.botSkillId},
                           {QStringLiteral("replyTimeoutMs"), 30000}};
    control("POST", QStringLiteral("/sandbox/load"), plan, [this](const QJsonObject &) { m_poll.start(); });
}

void BenchRunner::pollFill()
{
    m_poll.stop();
    control("GET", QStringLiteral("/sandbox/stats"), {}, [this](const QJsonObject &stats) {
        const QJsonObject load = stats.value(QStringLiteral("load")).toObject();
        const int open = openConversations();
        // The figure is for open, idle conversations: every consumer message the connector took
        // must have been answered (or failed) first, so no delivery is still in flight, …
        // … and the transcript store has taken up what they recorded (its queue is memory too).
        const bool idle = !load.value(QStringLiteral("active")).toBool() && open >= m_fillTarget &&
                          unansweredMessages() <= 0 && m_store->pendingCount() == 0;
        if (!idle) {
            m_fillIdleSinceMs = 0;
            m_poll.start();
            return;
        }
        // … and has stayed so for a moment: a connector holding its conversations between bursts,
        // which gives its transcript cache and free heap pages back 250 ms after its last delivery
        // (SessionSettings::returnMemoryIdleMs). The RSS at the first idle poll is reported too.
        if (m_fillIdleSinceMs == 0) {
            m_fillIdleSinceMs = monotonicMs();
            m_rssAtFillEndMb = currentRssMb();
        }
        if (monotonicMs() - m_fillIdleSinceMs >= s_fillSettleMs) {
            m_result.insert(QStringLiteral("rss10kConversationsAtFillEndMb"), m_rssAtFillEndMb);
            m_result.insert(QStringLiteral("fillLoad"),
                            QJsonObject{{QStringLiteral("sent"), load.value(QStringLiteral("sent"))},
                                        {QStringLiteral("replies"), load.value(QStringLiteral("replies"))},
                                        {QStringLiteral("failures"), load.value(QStringLiteral("failures"))}});
            m_result.insert(QStringLiteral("openConversations"), open);
            const double rss = currentRssMb();
            const QJsonObject heap = mallocStats();
            m_result.insert(QStringLiteral("rss10kConversationsMb"), rss);
            m_result.insert(QStringLiteral("heap10kConversations"), heap);
            m_result.insert(QStringLiteral("fillSeconds"), double(m_fillIdleSinceMs - m_fillStartedMs) / 1000.0);
            const double trimmed = trimmedRssMb();
            m_result.insert(QStringLiteral("rss10kConversationsTrimmedMb"), trimmed);
            // Progress for whoever watches the run (e.g. a heap profiler's driver script).
            std::fprintf(stderr,
                         "bench: %d open conversations: RSS %.1f MB (%.1f MB after malloc_trim), heap in use %.1f MB\n",
                         open,
                         rss,
                         trimmed,
                         heap.value(QStringLiteral("inUseMb")).toDouble());
            std::fflush(stderr);
            shutDown();
            return;
        }
        m_poll.start();
    });
}

void BenchRunner::shutDown()
{
    m_phase = QStringLiteral("shutdown");
    m_poll.stop();
    m_result.insert(QStringLiteral("peakRssMb"), std::max(peakRssMb(), currentRssMb()));
    m_deadline.stop();
    const auto done = [this] {
        if (m_done) {
            return;
        }
        m_done = true;
        m_deadline.stop();
        Q_EMIT finished(m_result, QString());
    };
    connect(m_manager.get(), &Connector::SessionManager::allStopped, this, done);
    // A session that cannot reach the sandbox any more must not hold the exit.
    disconnect(&m_deadline, nullptr, this, nullptr);
    connect(&m_deadline, &QTimer::timeout, this, done);
    m_deadline.start(10000);
    m_manager->stopAll();
}

double BenchRunner::sandboxCpuSeconds() const
{
    const qint64 pid = m_sandbox.processId();
    if (pid <= 0) {
        return 0;
    }
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QByteArray text = stat.readAll();
    // Fields after the ")" that ends the command name: state is field 3; utime 14, stime 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13) {
        return 0;
    }
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return static_cast<double>(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / ticks;
}

} // namespace Switchboard::Cli
