// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "bench/BenchCeiling.h"
#include "bench/BenchRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>
#include <cstdio>
#include <optional>

namespace Switchboard::Cli
{

namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

double number(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toDouble();
}

void printTable(const QJsonObject &r)
{
    const QJsonObject e2e = r.value(QStringLiteral("e2eLatencyMs")).toObject();
    const QJsonObject conn = r.value(QStringLiteral("connectorLatencyMs")).toObject();
    const QJsonObject in = conn.value(QStringLiteral("inbound")).toObject();
    const QJsonObject out = conn.value(QStringLiteral("outbound")).toObject();
    const QString mode = r.value(QStringLiteral("mode")).toString() == QLatin1String("rate")
                             ? tr("fixed rate %1 msg/s").arg(number(r, "targetRatePerSecond"))
                             : tr("saturation");
    std::printf("%s\n",
                qPrintable(tr("Switchboard benchmark: %1, %2 integration(s), %3 consumers, %4 round trips in %5 s")
                               .arg(mode)
                               .arg(r.value(QStringLiteral("integrations")).toInt())
                               .arg(r.value(QStringLiteral("consumers")).toInt())
                               .arg(r.value(QStringLiteral("roundTrips")).toInteger())
                               .arg(number(r, "elapsedSeconds"), 0, 'f', 2)));
    const auto row = [](const QString &name, const QString &value) {
        std::printf("  %-44s %s\n", qPrintable(name), qPrintable(value));
    };
    const auto ms = [](const QJsonObject &o) {
        return QStringLiteral("p50 %1  p95 %2  p99 %3 ms")
            .arg(number(o, "p50"), 0, 'f', 3)
            .arg(number(o, "p95"), 0, 'f', 3)
            .arg(number(o, "p99"), 0, 'f', 3);
    };
    row(tr("round trips/s (consumer → bot → consumer)"), QString::number(number(r, "roundTripsPerSecond"), 'f', 0));
    row(tr("end-to-end latency"), ms(e2e));
    row(tr("connector-added latency (in + out)"), ms(conn));
    row(tr("  LP event in → bot call out"), ms(in));
    row(tr("  bot reply in → PublishEvent out"), ms(out));
    row(tr("bot call (bot client: request → answer)"), ms(r.value(QStringLiteral("botCallLatencyMs")).toObject()));
    row(tr("connector CPU s per 1000 round trips"), QString::number(number(r, "connectorCpuSecondsPer1000"), 'f', 4));
    const QJsonObject threads = r.value(QStringLiteral("connectorThreadCpuSecondsPer1000")).toObject();
    if (!threads.isEmpty()) {
        row(tr("  session / transcript store / other threads"),
            QStringLiteral("%1 / %2 / %3")
                .arg(number(threads, "session"), 0, 'f', 4)
                .arg(number(threads, "transcriptStore"), 0, 'f', 4)
                .arg(number(threads, "other"), 0, 'f', 4));
    }
    row(tr("connector CPU utilisation (cores)"), QString::number(number(r, "connectorCpuUtilisation"), 'f', 2));
    row(tr("sandbox CPU s per 1000 round trips"), QString::number(number(r, "sandboxCpuSecondsPer1000"), 'f', 4));
    row(tr("sandbox CPU utilisation (cores)"), QString::number(number(r, "sandboxCpuUtilisation"), 'f', 2));
    row(tr("connector RSS idle / after load (MB)"),
        QStringLiteral("%1 / %2").arg(number(r, "idleRssMb"), 0, 'f', 1).arg(number(r, "rssAfterLoadMb"), 0, 'f', 1));
    if (r.contains(QStringLiteral("rss10kConversationsMb"))) {
        row(tr("connector RSS with %1 open conversations (MB)")
                .arg(r.value(QStringLiteral("openConversations")).toInt()),
            QStringLiteral("%1 (%2 as the fill ended, %3 after malloc_trim)")
                .arg(number(r, "rss10kConversationsMb"), 0, 'f', 1)
                .arg(number(r, "rss10kConversationsAtFillEndMb"), 0, 'f', 1)
                .arg(number(r, "rss10kConversationsTrimmedMb"), 0, 'f', 1));
    }
    row(tr("connector peak RSS (MB)"), QString::number(number(r, "peakRssMb"), 'f', 1));
}

std::optional<double>
parseNumber(const QCommandLineParser &parser, const QCommandLineOption &option, double min, double max, double fallback)
{
    if (!parser.isSet(option)) {
        return fallback;
    }
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || value < min || value > max) {
        std::fprintf(
            stderr,
            "%s\n",
            qPrintable(tr("--%1 must be a number from %2 to %3.").arg(option.names().constFirst()).arg(min).arg(max)));
        return std::nullopt;
    }
    return value;
}
} // namespace

int benchCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Measures Switchboard end to end on loopback: starts 'switchboard-cli sandbox' (LivePerson emulator and "
           "the Custom Endpoint demo bot) in a child process, runs one connector session in this process, and drives "
           "simulated consumers through the sandbox's load generator. Reports round trips per second (consumer "
           "message → bot reply seen by the consumer), end-to-end and connector-added latency, the connector "
           "process's CPU per 1000 round trips and its memory, then fills up to --open-conversations open "
           "conversations and reports the RSS. Without --rate the consumers send as fast as replies come back "
           "(saturation). See docs/PERFORMANCE.md.\n\n"
           "With --ceiling it instead measures the raw loopback ceiling of this machine: a bare QWebSocket echo "
           "(TLS and plain) and a bare HTTP/1.1 keep-alive round trip, no Switchboard code on the path."));
    parser.addHelpOption();
    const QCommandLineOption consumersOption(QStringLiteral("consumers"),
                                             tr("Simulated consumers, one conversation each (default 200)."),
                                             QStringLiteral("n"));
    const QCommandLineOption messagesOption(
        QStringLiteral("messages"), tr("Messages per consumer (default 50)."), QStringLiteral("n"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        tr("Fixed rate: consumer messages per second across all consumers "
                                           "(default: saturation)."),
                                        QStringLiteral("per-second"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            tr("Run for this many seconds instead of a fixed message count."),
                                            QStringLiteral("seconds"));
    const QCommandLineOption openOption(QStringLiteral("open-conversations"),
                                        tr("Open conversations for the memory figure (default 10000; 0 skips it)."),
                                        QStringLiteral("n"));
    const QCommandLineOption integrationsOption(
        QStringLiteral("integrations"),
        tr("Connector sessions in this process, each its own bot user on the bot skill (default 1)."),
        QStringLiteral("n"));
    const QCommandLineOption fillRateOption(QStringLiteral("fill-rate"),
                                            tr("New conversations per second while filling up to --open-conversations "
                                               "(default 2000)."),
                                            QStringLiteral("per-second"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object instead of the table."));
    const QCommandLineOption ceilingOption(QStringLiteral("ceiling"),
                                           tr("Measure the bare QWebSocket echo and HTTP round-trip ceiling."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           tr("Forward the sandbox's log to standard error."));
    parser.addOptions({consumersOption,
                       messagesOption,
                       rateOption,
                       durationOption,
                       openOption,
                       fillRateOption,
                       integrationsOption,
                       jsonOption,
                       ceilingOption,
                       verboseOption});
    parser.process(arguments);

    const auto consumers = parseNumber(parser, consumersOption, 1, 100000, 200);
    const auto messages = parseNumber(parser, messagesOption, 1, 100000, 50);
    const auto rate = parseNumber(parser, rateOption, 0.1, 100000, 0);
    const auto duration = parseNumber(parser, durationOption, 0.5, 3600, 0);
    const auto open = parseNumber(parser, openOption, 0, 100000, 10000);
    const auto integrations = parseNumber(parser, integrationsOption, 1, 1000, 1);
    const auto fillRate = parseNumber(parser, fillRateOption, 1, 100000, 2000);
    if (!consumers || !messages || !rate || !duration || !open || !integrations || !fillRate) {
        return 2;
    }
    const bool json = parser.isSet(jsonOption);

    if (parser.isSet(ceilingOption)) {
        CeilingOptions options;
        options.durationS = *duration > 0 ? *duration : 3.0;
        options.inFlight = static_cast<int>(*consumers > 0 && parser.isSet(consumersOption) ? *consumers : 32);
        const Result<QJsonObject> ceiling = runCeiling(options);
        if (!ceiling) {
            std::fprintf(stderr, "%s\n", qPrintable(ceiling.error().message));
            return 1;
        }
        if (json) {
            std::printf("%s\n", QJsonDocument(ceiling.value()).toJson(QJsonDocument::Compact).constData());
        } else {
            printCeilingTable(ceiling.value());
        }
        return 0;
    }

    BenchOptions options;
    options.consumers = static_cast<int>(*consumers);
    options.messages = static_cast<int>(*messages);
    options.rate = *rate;
    options.durationS = *duration;
    options.openConversations = static_cast<int>(*open);
    options.integrations = static_cast<int>(*integrations);
    options.fillRate = *fillRate;
    options.cliPath = QCoreApplication::applicationFilePath();
    options.verbose = parser.isSet(verboseOption);

    if (!options.verbose) {
        // The connector's per-conversation info lines would cost CPU and bury the table.
        QLoggingCategory::setFilterRules(QStringLiteral("switchboard.*.info=false\nswitchboard.*.debug=false"));
    }
    BenchRunner runner(options);
    int code = 0;
    QObject::connect(
        &runner, &BenchRunner::finished, &runner, [&code, json](const QJsonObject &result, const QString &error) {
            if (!error.isEmpty()) {
                std::fprintf(stderr, "%s\n", qPrintable(tr("Benchmark failed: %1").arg(error)));
                code = 1;
            } else if (json) {
                std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
            } else {
                printTable(result);
            }
            std::fflush(stdout);
            QCoreApplication::exit(code);
        });
    QTimer::singleShot(0, &runner, &BenchRunner::start);
    QCoreApplication::exec();
    return code;
}

} // namespace Switchboard::Cli
