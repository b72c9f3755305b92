// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "SandboxLauncher.h"
#include "SignalWatcher.h"
#include "sandbox/SandboxConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <cstdio>

namespace Switchboard::Cli
{

namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}
} // namespace

int sandboxCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs the LivePerson emulator (CSDS, Login Service, Sentinel, Messaging Agent API, control API) and the "
           "demo bots (Custom Endpoint v1 and webhook) on "
           "127.0.0.1 over TLS with its own certificate authority, and prints its endpoints as one JSON line on "
           "standard output, then runs until SIGINT or SIGTERM.\n\n"
           "The JSON line intentionally contains the sandbox's generated demo credentials (agent passwords, "
           "application keys, client secrets). They are random per run, valid only against this sandbox, and "
           "are not real secrets. See docs/sandbox.md for the JSON line and the control API."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        tr("HTTPS/WSS port on 127.0.0.1 (default: any free port)."),
                                        QStringLiteral("port"),
                                        QStringLiteral("0"));
    const QCommandLineOption plainOption(QStringLiteral("plain"),
                                         tr("Also serve plain http/ws on another port (reported as \"plain\")."));
    const QCommandLineOption plainPortOption(QStringLiteral("plain-port"),
                                             tr("Port for --plain (default: any)."),
                                             QStringLiteral("port"),
                                             QStringLiteral("0"));
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        tr("JSON file with accountId, skills, agents, applications (docs/sandbox.md)."),
        QStringLiteral("file"));
    const QCommandLineOption stateOption(QStringLiteral("state-dir"),
                                         tr("Directory for the CA certificate (default: a temporary directory)."),
                                         QStringLiteral("dir"));
    const QCommandLineOption frameLogOption(QStringLiteral("frame-log"),
                                            tr("Write every UMS frame in and out as JSON lines to this file."),
                                            QStringLiteral("file"));
    const QCommandLineOption ringOption(QStringLiteral("ring-expiration-ms"),
                                        tr("How long a ring waits for an answer (default 72000)."),
                                        QStringLiteral("ms"));
    const QCommandLineOption humanDelayOption(QStringLiteral("human-delay-ms"),
                                              tr("Delay before a simulated human agent accepts a ring (default 1500)."),
                                              QStringLiteral("ms"));
    parser.addOptions({portOption,
                       plainOption,
                       plainPortOption,
                       configOption,
                       stateOption,
                       frameLogOption,
                       ringOption,
                       humanDelayOption});
    parser.process(arguments);

    using namespace Switchboard::Sandbox;
    SandboxConfig config = SandboxConfig::defaults();
    if (parser.isSet(configOption)) {
        const Result<SandboxConfig> loaded = SandboxConfig::fromFile(parser.value(configOption), config);
        if (!loaded) {
            std::fprintf(stderr, "%s\n", qPrintable(loaded.error().message));
            return 2;
        }
        config = loaded.value();
    }
    const auto intOption = [&parser](const QCommandLineOption &option, int min, int max, int *out) {
        if (!parser.isSet(option)) {
            return true;
        }
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min || value > max) {
            std::fprintf(
                stderr,
                "%s\n",
                qPrintable(
                    tr("--%1 must be an integer from %2 to %3.").arg(option.names().constFirst()).arg(min).arg(max)));
            return false;
        }
        *out = value;
        return true;
    };
    int port = 0;
    int plainPort = 0;
    if (!intOption(portOption, 0, 65535, &port) || !intOption(plainPortOption, 0, 65535, &plainPort) ||
        !intOption(ringOption, 1, 3600000, &config.ringExpirationMs) ||
        !intOption(humanDelayOption, 0, 3600000, &config.humanAcceptDelayMs)) {
        return 2;
    }
    config.port = static_cast<quint16>(port);
    config.plain = parser.isSet(plainOption);
    config.plainPort = static_cast<quint16>(plainPort);
    config.stateDir = parser.value(stateOption);
    config.frameLogPath = parser.value(frameLogOption);

    // The emulator and both demo bots (Custom Endpoint and webhook), as `switchboard --sandbox` uses them.
    SandboxLauncher::Options options;
    options.config = config;
    SandboxLauncher launcher(options);
    const Result<Success> started = launcher.start();
    if (!started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message));
        return 1;
    }
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &launcher, [] { QCoreApplication::quit(); });

    const QByteArray line = QJsonDocument(launcher.describe()).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);

    return QCoreApplication::exec();
}

} // namespace Switchboard::Cli
