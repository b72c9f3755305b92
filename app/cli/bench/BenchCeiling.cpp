// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchCeiling.h"

#include "BenchRunner.h"
#include "sandbox/CertificateAuthority.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace Switchboard::Cli
{

namespace
{

/** The server half, made and run on the server thread. */
class Servers final : public QObject
{
public:
    Servers(const QSslConfiguration &tls)
        : m_wss(QStringLiteral("ceiling"), QWebSocketServer::SecureMode)
        , m_ws(QStringLiteral("ceiling"), QWebSocketServer::NonSecureMode)
    {
        m_wss.setSslConfiguration(tls);
        for (QWebSocketServer *server : {&m_wss, &m_ws}) {
            connect(server, &QWebSocketServer::newConnection, this, [server] {
                while (QWebSocket *socket = server->nextPendingConnection()) {
                    socket->setParent(server);
                    connect(socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &text) {
                        socket->sendTextMessage(text);
                    });
                    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
                }
            });
        }
    }
    bool listen()
    {
        return m_wss.listen(QHostAddress::LocalHost, 0) && m_ws.listen(QHostAddress::LocalHost, 0);
    }

    QWebSocketServer m_wss;
    QWebSocketServer m_ws;
};

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

/** Runs the rows one after another on the main event loop. */
class CeilingRun final : public QObject
{
public:
    CeilingRun(CeilingOptions options, quint16 wss, quint16 ws, QSslConfiguration client)
        : m_options(options)
        , m_client(std::move(client))
    {
        m_rows = {
            [this, wss] {
                runWebSocket(QStringLiteral("QWebSocket echo, wss:// (TLS)"),
                             QStringLiteral("wss://127.0.0.1:%1").arg(wss));
            },
            [this, ws] {
                runWebSocket(QStringLiteral("QWebSocket echo, ws://"), QStringLiteral("ws://127.0.0.1:%1").arg(ws));
            },
        };
    }

    void next()
    {
        cleanUp();
        if (m_row >= m_rows.size()) {
            QCoreApplication::exit(0);
            return;
        }
        m_rows.at(m_row++)();
    }

    QJsonArray results;
    QString error;

private:
    void cleanUp()
    {
        m_objects.clear();
        m_count = 0;
        m_measuring = false;
    }

    void count()
    {
        if (m_measuring) {
            ++m_count;
        }
    }

    /** Warm-up, then a measured window; calls done(name). */
    void measure(const QString &name)
    {
        QTimer::singleShot(300, this, [this, name] {
            m_measuring = true;
            m_count = 0;
            m_cpu = processCpuSeconds();
            m_clientCpu = threadCpuSeconds();
            m_wall.start();
            QTimer::singleShot(static_cast<int>(m_options.durationS * 1000), this, [this, name] {
                m_measuring = false;
                const double wallS = static_cast<double>(m_wall.nsecsElapsed()) / 1e9;
                const double cpu = processCpuSeconds() - m_cpu;
                const double clientCpu = threadCpuSeconds() - m_clientCpu;
                results.append(
                    QJsonObject{{QStringLiteral("name"), name},
                                {QStringLiteral("roundTrips"), m_count},
                                {QStringLiteral("roundTripsPerSecond"), static_cast<double>(m_count) / wallS},
                                {QStringLiteral("cpuMsPerRoundTrip"),
                                 m_count > 0 ? cpu * 1000 / static_cast<double>(m_count) : 0.0},
                                {QStringLiteral("clientCpuMsPerRoundTrip"),
                                 m_count > 0 ? clientCpu * 1000 / static_cast<double>(m_count) : 0.0},
                                {QStringLiteral("inFlight"), m_options.inFlight}});
                QTimer::singleShot(0, this, [this] { next(); });
            });
        });
    }

    void runWebSocket(const QString &name, const QString &url)
    {
        auto socket = std::make_shared<QWebSocket>();
        socket->setSslConfiguration(m_client);
        // A UMS MessagingEventNotification is about 600 bytes.
        const QString frame =
            QStringLiteral("{\"kind\":\"notification\",\"type\":\"ms.MessagingEventNotification\",\"body\":{"
                           "\"changes\":[{\"event\":{\"type\":\"ContentEvent\",\"message\":\"%1\"}}]}}")
                .arg(QString(480, QLatin1Char('m')));
        QWebSocket *raw = socket.get();
        connect(raw, &QWebSocket::textMessageReceived, this, [this, raw, frame](const QString &) {
            count();
            raw->sendTextMessage(frame);
        });
        connect(raw, &QWebSocket::connected, this, [this, raw, frame, name] {
            for (int i = 0; i < m_options.inFlight; ++i) {
                raw->sendTextMessage(frame);
            }
            measure(name);
        });
        connect(raw, &QWebSocket::sslErrors, this, [this, name](const QList<QSslError> &errors) {
            error = QStringLiteral("%1: %2").arg(name, errors.value(0).errorString());
            QCoreApplication::exit(1);
        });
        m_objects.push_back(socket);
        raw->open(QUrl(url));
    }

    CeilingOptions m_options;
    QSslConfiguration m_client;
    QList<std::function<void()>> m_rows;
    qsizetype m_row = 0;
    std::vector<std::shared_ptr<QObject>> m_objects;
    qint64 m_count = 0;
    bool m_measuring = false;
    double m_cpu = 0;
    double m_clientCpu = 0;
    QElapsedTimer m_wall;
};

} // namespace

Result<QJsonObject> runCeiling(const CeilingOptions &options)
{
    const Result<Sandbox::CertificateAuthority> ca = Sandbox::CertificateAuthority::create();
    if (!ca) {
        return ca.error();
    }
    QThread thread;
    thread.setObjectName(QStringLiteral("ceiling-server"));
    // The servers (and their sockets) are made on the server thread, so they live there.
    QObject anchor;
    anchor.moveToThread(&thread);
    thread.start();
    Servers *servers = nullptr;
    bool listening = false;
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            servers = new Servers(ca.value().serverConfiguration());
            listening = servers->listen();
        },
        Qt::BlockingQueuedConnection);
    const auto stopServers = [&] {
        QMetaObject::invokeMethod(
            &anchor, [servers] { delete servers; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    };
    if (!listening) {
        stopServers();
        return Error{QStringLiteral("bench.listen"),
                     QCoreApplication::translate("cli", "Cannot listen on 127.0.0.1 for the ceiling servers.")};
    }
    QJsonArray rows;
    QString error;
    {
        CeilingRun run(
            options, servers->m_wss.serverPort(), servers->m_ws.serverPort(), ca.value().clientConfiguration());
        QTimer::singleShot(0, &run, [&run] { run.next(); });
        QCoreApplication::exec();
        rows = run.results;
        error = run.error;
    }
    stopServers();
    if (!error.isEmpty()) {
        return Error{QStringLiteral("bench.ceiling"), error};
    }
    return QJsonObject{{QStringLiteral("rows"), rows}, {QStringLiteral("cores"), QThread::idealThreadCount()}};
}

void printCeilingTable(const QJsonObject &ceiling)
{
    std::printf("%s\n",
                qPrintable(QCoreApplication::translate(
                    "cli", "Loopback ceiling (server thread + client thread, one process):")));
    std::printf("  %-40s %12s %14s %16s\n", "path", "round trips/s", "CPU ms/trip", "client CPU ms");
    for (const QJsonValue &value : ceiling.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject row = value.toObject();
        std::printf("  %-40s %12.0f %14.4f %16.4f\n",
                    qPrintable(row.value(QStringLiteral("name")).toString()),
                    row.value(QStringLiteral("roundTripsPerSecond")).toDouble(),
                    row.value(QStringLiteral("cpuMsPerRoundTrip")).toDouble(),
                    row.value(QStringLiteral("clientCpuMsPerRoundTrip")).toDouble());
    }
}

} // namespace Switchboard::Cli
