// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "SandboxLauncher.h"
#include "SignalWatcher.h"
#include "connector/EventLog.h"
#include "connector/SessionFactory.h"
#include "connector/SessionManager.h"
#include "storage/IntegrationStore.h"
#include "storage/KeychainSecretStore.h"
#include "storage/TranscriptStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace Switchboard::Cli
{

namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

const char *levelName(Connector::EventLogEntry::Level level)
{
    switch (level) {
    case Connector::EventLogEntry::Level::Info:
        return "info";
    case Connector::EventLogEntry::Level::Warning:
        return "warning";
    case Connector::EventLogEntry::Level::Error:
        return "error";
    }
    return "info";
}

/** Everything `run` keeps alive while it runs; destroyed in reverse order. */
struct Runtime
{
    std::unique_ptr<QTemporaryDir> scratch;
    std::unique_ptr<SandboxLauncher> sandbox;
    std::unique_ptr<Storage::TranscriptStore> store;
    std::unique_ptr<Storage::IntegrationStore> integrations;
    std::unique_ptr<Storage::KeychainSecretStore> secrets;
    std::unique_ptr<Connector::SessionManager> manager;
    Connector::SessionEnvironment environment;
};
} // namespace

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs every enabled integration headless: logs in to LivePerson as each bot's agent user, forwards "
           "consumer messages to the bot and publishes its replies, escalating to the fallback skill when the bot "
           "fails. State changes and errors go to standard error. SIGTERM or SIGINT sets every agent away, "
           "flushes the transcript store and exits 0.\n\n"
           "With --sandbox it starts the built-in LivePerson sandbox, its demo bot and an integration joining "
           "them instead of the configured integrations, and prints the sandbox's JSON line (endpoints and demo "
           "credentials, see 'switchboard-cli sandbox --help') first on standard output."));
    parser.addHelpOption();
    const QCommandLineOption configDirOption(QStringLiteral("config-dir"),
                                             tr("Read integrations from <dir> instead of the platform location."),
                                             QStringLiteral("dir"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           tr("Keep the transcript store in <dir> (default: the platform data "
                                              "location; with --sandbox a temporary directory)."),
                                           QStringLiteral("dir"));
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           tr("Run the sandbox demo: emulator, demo bot and an integration joining "
                                              "them."));
    const QCommandLineOption portOption(QStringLiteral("sandbox-port"),
                                        tr("With --sandbox: the emulator's port on 127.0.0.1 (default: any free port)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    parser.addOptions({configDirOption, dataDirOption, sandboxOption, portOption});
    parser.process(arguments);

    Runtime runtime;
    SignalWatcher signals;
    runtime.manager = std::make_unique<Connector::SessionManager>();
    QObject::connect(runtime.manager->eventLog(), &Connector::EventLog::messageAdded, runtime.manager.get(),
                     [](const Connector::EventLogEntry &entry) {
                         std::fprintf(stderr, "%s %-7s %s %s%s%s\n",
                                      qPrintable(entry.time.toString(Qt::ISODateWithMs)), levelName(entry.level),
                                      qPrintable(entry.code.isEmpty() ? QStringLiteral("-") : entry.code),
                                      qPrintable(entry.message),
                                      entry.conversationId.isEmpty() ? "" : " conversation=",
                                      qPrintable(entry.conversationId));
                     });

    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty() && parser.isSet(sandboxOption)) {
        runtime.scratch = std::make_unique<QTemporaryDir>();
        dataDir = runtime.scratch->path();
    }
    Storage::TranscriptStore::Options storeOptions;
    if (!dataDir.isEmpty()) {
        QDir().mkpath(dataDir);
        storeOptions.path = QDir(dataDir).filePath(QStringLiteral("transcripts.sqlite"));
    }
    runtime.store = std::make_unique<Storage::TranscriptStore>(storeOptions);
    if (const VoidResult opened = runtime.store->openAndWait(); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(tr("Cannot open the transcript store: %1").arg(opened.error().message)));
        return 1;
    }
    runtime.environment.store = runtime.store.get();
    runtime.environment.eventLog = runtime.manager->eventLog();
    // Headless: nothing reads the console's table of conversations.
    runtime.environment.keepConversationTable = false;

    if (parser.isSet(sandboxOption)) {
        SandboxLauncher::Options options;
        options.port = quint16(parser.value(portOption).toUInt());
        options.chatConsumers = 3;
        if (runtime.scratch) {
            options.stateDir = runtime.scratch->filePath(QStringLiteral("sandbox"));
        } else {
            options.stateDir = QDir(dataDir).filePath(QStringLiteral("sandbox"));
        }
        runtime.sandbox = std::make_unique<SandboxLauncher>(options);
        if (const Result<Success> started = runtime.sandbox->start(); !started) {
            std::fprintf(stderr, "%s\n", qPrintable(tr("The sandbox did not start: %1").arg(started.error().message)));
            return 1;
        }
        // The first line on standard output is the sandbox's, so scripts can drive consumers.
        std::fprintf(stdout, "%s\n", QJsonDocument(runtime.sandbox->describe()).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        // Both channels are live in a sandbox run: messaging (agent 0) and chat (the chat bot agent).
        for (const SandboxLauncher::Integration &integration : runtime.sandbox->integrations()) {
            runtime.manager->addSession(
                Connector::SessionFactory::create(integration.definition, integration.secrets, runtime.environment));
        }
        runtime.manager->startAll();
    } else {
        runtime.integrations = std::make_unique<Storage::IntegrationStore>(parser.value(configDirOption));
        if (const VoidResult loaded = runtime.integrations->load(); !loaded) {
            std::fprintf(stderr, "%s\n", qPrintable(loaded.error().message));
            if (runtime.integrations->integrations().isEmpty()) {
                return 1;
            }
        }
        runtime.secrets = std::make_unique<Storage::KeychainSecretStore>();
        QList<Storage::IntegrationDefinition> enabled;
        for (const auto &definition : runtime.integrations->integrations()) {
            if (definition.enabled) {
                enabled.append(definition);
            }
        }
        if (enabled.isEmpty()) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(tr("No enabled integration. Add one with 'switchboard-cli integration add'.")));
            return 1;
        }
        // Secrets are read one integration after another (keychain jobs run one at a time).
        auto pending = std::make_shared<QList<Storage::IntegrationDefinition>>(enabled);
        auto next = std::make_shared<std::function<void()>>();
        // The step holds itself weakly (a strong self-capture is a cycle LeakSanitizer reports); the
        // pending keychain callback keeps it alive between steps.
        *next = [&runtime, pending, weakNext = std::weak_ptr<std::function<void()>>(next)] {
            const std::shared_ptr<std::function<void()>> next = weakNext.lock();
            if (!next || pending->isEmpty()) {
                return;
            }
            const Storage::IntegrationDefinition definition = pending->takeFirst();
            Connector::SessionFactory::loadSecrets(
                runtime.secrets.get(), definition, runtime.manager.get(),
                [&runtime, definition, next](const Result<Connector::SessionSecrets> &secrets) {
                    if (!secrets) {
                        runtime.manager->eventLog()->append(Connector::EventLogEntry::Level::Error, definition.id, {},
                                                            secrets.error().code, secrets.error().message);
                    } else {
                        Connector::ConnectorSession *session =
                            Connector::SessionFactory::create(definition, secrets.value(), runtime.environment);
                        runtime.manager->addSession(session);
                        session->start();
                    }
                    QTimer::singleShot(0, runtime.manager.get(), [next] { (*next)(); });
                });
        };
        (*next)();
    }

    QObject::connect(&signals, &SignalWatcher::terminationRequested, runtime.manager.get(), [&runtime](int) {
        std::fprintf(stderr, "%s\n", qPrintable(tr("Stopping: setting agents away and flushing the transcript store.")));
        runtime.manager->stopAll();
        // A session that cannot reach LivePerson any more must not hold the exit forever.
        QTimer::singleShot(15000, runtime.manager.get(), [] { QCoreApplication::exit(0); });
    });
    QObject::connect(runtime.manager.get(), &Connector::SessionManager::allStopped, runtime.manager.get(),
                     [] { QCoreApplication::exit(0); });

    const int code = QCoreApplication::exec();
    runtime.manager.reset();
    runtime.store->flushAndWait();
    return code;
}

} // namespace Switchboard::Cli
