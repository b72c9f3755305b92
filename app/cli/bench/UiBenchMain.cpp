// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// switchboard-uibench: the console's UI thread under connector load. Runs `switchboard-cli bench`'s
// BenchRunner (sandbox child process, N connector sessions in this process) with the console's
// MainWindow open on the sessions, and measures how late the UI thread's event loop runs a 1 ms
// timer while the load runs (the stall probe of tests/ui/tst_uibench.cpp). A separate executable so
// the console binary carries no benchmark code. See docs/PERFORMANCE.md.
#include "BenchRunner.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("uibench", text);
}

/**
 * How late the thread's event loop runs a 1 ms repeating timer: every gap beyond the interval is
 * time the thread spent on something else (layout, painting, model updates).
 */
class StallProbe final : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_stalls.append(std::max(0.0, double(now - m_last) / 1e6 - 1.0));
            m_last = now;
        });
    }
    void start()
    {
        m_stalls.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    QJsonObject stop()
    {
        m_timer.stop();
        std::sort(m_stalls.begin(), m_stalls.end());
        const auto at = [this](double p) {
            return m_stalls.isEmpty()
                       ? 0.0
                       : m_stalls.at(std::min<qsizetype>(m_stalls.size() - 1, qsizetype(p * double(m_stalls.size()))));
        };
        return QJsonObject{{QStringLiteral("p50"), at(0.5)},
                           {QStringLiteral("p99"), at(0.99)},
                           {QStringLiteral("max"), m_stalls.isEmpty() ? 0.0 : m_stalls.last()},
                           {QStringLiteral("samples"), qint64(m_stalls.size())}};
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<double> m_stalls;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Switchboard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Switchboard"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs N integrations (connector sessions) in this process against a sandbox child process with the "
           "console window open on them, drives the consumers at a fixed total rate, and reports the UI "
           "thread's event-loop stall (p50, p99, max) next to the bench figures. Default: 100 integrations at "
           "50 messages/s each for 10 s."));
    parser.addHelpOption();
    const QCommandLineOption integrationsOption(
        QStringLiteral("integrations"), tr("Integrations (default 100)."), QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption perIntegrationOption(QStringLiteral("rate-per-integration"),
                                                  tr("Consumer messages per second per integration (default 50)."),
                                                  QStringLiteral("per-second"),
                                                  QStringLiteral("50"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            tr("Seconds of load (default 10)."),
                                            QStringLiteral("seconds"),
                                            QStringLiteral("10"));
    const QCommandLineOption cliOption(QStringLiteral("cli"),
                                       tr("The switchboard-cli executable (default: next to this one)."),
                                       QStringLiteral("path"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({integrationsOption, perIntegrationOption, durationOption, cliOption, jsonOption});
    parser.process(app);

    bool ok1 = false;
    bool ok2 = false;
    bool ok3 = false;
    const int integrations = parser.value(integrationsOption).toInt(&ok1);
    const double perIntegration = parser.value(perIntegrationOption).toDouble(&ok2);
    const double duration = parser.value(durationOption).toDouble(&ok3);
    if (!ok1 || !ok2 || !ok3 || integrations < 1 || integrations > 1000 || perIntegration <= 0 || duration <= 0) {
        std::fprintf(stderr,
                     "%s\n",
                     qPrintable(tr("--integrations, --rate-per-integration and --duration must be "
                                   "positive numbers (integrations at most 1000).")));
        return 2;
    }
    QLoggingCategory::setFilterRules(QStringLiteral("switchboard.*.info=false\nswitchboard.*.debug=false"));

    Switchboard::Cli::BenchOptions options;
    options.integrations = integrations;
    options.consumers = integrations * 10;
    options.rate = perIntegration * integrations;
    options.durationS = duration;
    options.openConversations = 0;
    options.cliPath = parser.isSet(cliOption)
                          ? parser.value(cliOption)
                          : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("switchboard-cli"));

    Switchboard::Cli::BenchRunner runner(options);
    Switchboard::MainWindow window;
    window.resize(1400, 900);
    window.setSessionManager(runner.sessionManager());
    window.show();

    StallProbe probe;
    QJsonObject stall;
    QObject::connect(&runner, &Switchboard::Cli::BenchRunner::loadStarting, &runner, [&probe] { probe.start(); });
    QObject::connect(
        &runner, &Switchboard::Cli::BenchRunner::loadFinished, &runner, [&probe, &stall] { stall = probe.stop(); });
    int code = 0;
    const bool json = parser.isSet(jsonOption);
    QObject::connect(
        &runner, &Switchboard::Cli::BenchRunner::finished, &runner, [&](QJsonObject result, const QString &error) {
            if (!error.isEmpty()) {
                std::fprintf(stderr, "%s\n", qPrintable(tr("UI benchmark failed: %1").arg(error)));
                code = 1;
            } else {
                result.insert(QStringLiteral("uiStallMs"), stall);
                if (json) {
                    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
                } else {
                    std::printf(
                        "%s\n",
                        qPrintable(
                            tr("%1 integrations, %2 msg/s asked: %3 round trips/s; UI event "
                               "loop stall p50 %4 ms, p99 %5 ms, max %6 ms (%7 samples); "
                               "e2e p50 %8 ms; connector %9 CPU s per 1000")
                                .arg(integrations)
                                .arg(options.rate)
                                .arg(result.value(QStringLiteral("roundTripsPerSecond")).toDouble(), 0, 'f', 0)
                                .arg(stall.value(QStringLiteral("p50")).toDouble(), 0, 'f', 2)
                                .arg(stall.value(QStringLiteral("p99")).toDouble(), 0, 'f', 2)
                                .arg(stall.value(QStringLiteral("max")).toDouble(), 0, 'f', 1)
                                .arg(stall.value(QStringLiteral("samples")).toInteger())
                                .arg(result.value(QStringLiteral("e2eLatencyMs"))
                                         .toObject()
                                         .value(QStringLiteral("p50"))
                                         .toDouble(),
                                     0,
                                     'f',
                                     1)
                                .arg(
                                    result.value(QStringLiteral("connectorCpuSecondsPer1000")).toDouble(), 0, 'f', 3)));
                }
            }
            std::fflush(stdout);
            QCoreApplication::exit(code);
        });
    QTimer::singleShot(0, &runner, &Switchboard::Cli::BenchRunner::start);
    QApplication::exec();
    return code;
}
