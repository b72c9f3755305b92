// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Console.h"

#include "IntegrationDialog.h"
#include "MainWindow.h"
#include "RestSandboxController.h"
#include "SandboxLauncher.h"
#include "connector/EventLog.h"
#include "connector/LiveConnectionTest.h"
#include "connector/SessionFactory.h"
#include "connector/SessionManager.h"
#include "storage/IntegrationStore.h"
#include "storage/KeychainSecretStore.h"
#include "storage/TranscriptStore.h"

#include <QDir>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

namespace Switchboard
{

Console::Console(MainWindow *window, Options options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_options(std::move(options))
    , m_integrations(std::make_unique<Storage::IntegrationStore>(m_options.configDir))
    , m_manager(std::make_unique<Connector::SessionManager>())
{
    if (m_options.secretStore) {
        m_secrets = m_options.secretStore;
    } else {
        m_ownedSecrets = std::make_unique<Storage::KeychainSecretStore>();
        m_secrets = m_ownedSecrets.get();
    }
    Storage::TranscriptStore::Options storeOptions;
    if (m_options.sandbox) {
        // The sandbox's conversations are demo data: they live in a scratch directory.
        m_scratchDir = QDir(QDir::tempPath())
                           .filePath(QStringLiteral("switchboard-sandbox-%1").arg(QCoreApplication::applicationPid()));
        QDir().mkpath(m_scratchDir);
        storeOptions.path = QDir(m_scratchDir).filePath(QStringLiteral("transcripts.sqlite"));
    }
    if (!m_options.transcriptPath.isEmpty()) {
        storeOptions.path = m_options.transcriptPath;
    }
    m_store = std::make_unique<Storage::TranscriptStore>(storeOptions);
    m_store->open();

    m_window->setSessionManager(m_manager.get());
    connect(m_window, &MainWindow::addIntegrationRequested, this, [this] { openIntegrationDialog(QString()); });
    connect(m_window, &MainWindow::editIntegrationRequested, this, &Console::openIntegrationDialog);
    connect(m_window, &MainWindow::removeIntegrationRequested, this, &Console::removeIntegration);
    connect(m_window, &MainWindow::sandboxRequested, this, &Console::startSandbox);
    connect(m_integrations.get(), &Storage::IntegrationStore::integrationAdded, this, [this](const QString &id) {
        if (const auto definition = m_integrations->integration(id)) {
            createSession(*definition);
        }
    });
    connect(m_integrations.get(), &Storage::IntegrationStore::integrationUpdated, this, [this](const QString &id) {
        if (const auto definition = m_integrations->integration(id)) {
            createSession(*definition);
        }
    });
    connect(m_integrations.get(), &Storage::IntegrationStore::integrationRemoved, this, [this](const QString &id) {
        m_manager->removeSession(id);
    });
}

Console::~Console()
{
    m_manager.reset();
    if (m_sandboxThread.isRunning()) {
        QMetaObject::invokeMethod(m_sandbox, &QObject::deleteLater, Qt::QueuedConnection);
        m_sandboxThread.quit();
        m_sandboxThread.wait();
    }
    m_store.reset();
    if (!m_scratchDir.isEmpty()) {
        QDir(m_scratchDir).removeRecursively();
    }
}

void Console::start()
{
    if (const VoidResult loaded = m_integrations->load(); !loaded) {
        m_manager->eventLog()->append(
            Connector::EventLogEntry::Level::Error, {}, {}, QStringLiteral("storage.load"), loaded.error().message);
    }
    for (const auto &definition : m_integrations->integrations()) {
        createSession(definition);
    }
    if (m_options.sandbox) {
        startSandbox();
    }
}

void Console::shutdown()
{
    connect(m_manager.get(),
            &Connector::SessionManager::allStopped,
            this,
            &Console::shutdownFinished,
            Qt::UniqueConnection);
    m_manager->stopAll();
    // A session that cannot reach LivePerson must not keep the window from closing.
    QTimer::singleShot(10000, this, &Console::shutdownFinished);
}

void Console::createSession(const Storage::IntegrationDefinition &definition)
{
    m_manager->removeSession(definition.id);
    if (!definition.enabled) {
        return;
    }
    Connector::SessionFactory::loadSecrets(
        m_secrets, definition, this, [this, definition](const Result<Connector::SessionSecrets> &secrets) {
            if (!secrets) {
                m_manager->eventLog()->append(Connector::EventLogEntry::Level::Error,
                                              definition.id,
                                              {},
                                              secrets.error().code,
                                              secrets.error().message);
                return;
            }
            Connector::SessionEnvironment environment = m_options.environment;
            environment.store = m_store.get();
            environment.eventLog = m_manager->eventLog();
            Connector::ConnectorSession *session =
                Connector::SessionFactory::create(definition, secrets.value(), environment);
            m_manager->addSession(session);
            session->start();
        });
}

void Console::startSandbox()
{
    if (m_sandbox) {
        return;
    }
    // The emulator and its demo bots serve on their own thread: none of their I/O is the UI's.
    SandboxLauncher::Options options;
    options.stateDir =
        QDir(m_scratchDir.isEmpty() ? QDir::tempPath() : m_scratchDir).filePath(QStringLiteral("sandbox"));
    options.chatConsumers = 3;
    m_sandbox = new SandboxLauncher(options);
    m_sandbox->moveToThread(&m_sandboxThread);
    m_sandboxThread.setObjectName(QStringLiteral("sandbox"));
    m_sandboxThread.start();
    QMetaObject::invokeMethod(
        m_sandbox,
        [this, launcher = m_sandbox] {
            const Result<Success> started = launcher->start();
            if (!started) {
                const QString message = started.error().message;
                QMetaObject::invokeMethod(this, [this, message] {
                    m_manager->eventLog()->append(Connector::EventLogEntry::Level::Error,
                                                  {},
                                                  {},
                                                  QStringLiteral("sandbox.start"),
                                                  tr("The sandbox did not start: %1").arg(message));
                });
                return;
            }
            const QJsonObject line = launcher->describe();
            const Storage::IntegrationDefinition definition = launcher->messagingIntegration();
            const Connector::SessionSecrets secrets = launcher->messagingSecrets();
            const QVariantMap secretMap{{QStringLiteral("loginPassword"), secrets.loginPassword},
                                        {QStringLiteral("appJwtClientId"), secrets.appJwtClientId},
                                        {QStringLiteral("appJwtClientSecret"), secrets.appJwtClientSecret}};
            QMetaObject::invokeMethod(
                this, [this, line, definition, secretMap] { sandboxStarted(line, definition, secretMap); });
            // The chat-channel integration (Chat Agent API, the chat bot user) runs beside it, so
            // both channels are live in the first run; its simulated visitors start by themselves
            // once the chat bot is Online (SandboxLauncher::Options::chatConsumers).
            const Storage::IntegrationDefinition chat = launcher->chatIntegration();
            if (!chat.id.isEmpty()) {
                const Connector::SessionSecrets chatSecrets = launcher->chatSecrets();
                QMetaObject::invokeMethod(this, [this, chat, chatSecrets] {
                    Connector::SessionEnvironment environment = m_options.environment;
                    environment.store = m_store.get();
                    environment.eventLog = m_manager->eventLog();
                    Connector::ConnectorSession *session =
                        Connector::SessionFactory::create(chat, chatSecrets, environment);
                    m_manager->addSession(session);
                    session->start();
                });
            }
        },
        Qt::QueuedConnection);
}

void Console::sandboxStarted(const QJsonObject &line,
                             const Storage::IntegrationDefinition &definition,
                             const QVariantMap &secretMap)
{
    Connector::SessionSecrets secrets;
    secrets.loginPassword = secretMap.value(QStringLiteral("loginPassword")).toString();
    secrets.appJwtClientId = secretMap.value(QStringLiteral("appJwtClientId")).toString();
    secrets.appJwtClientSecret = secretMap.value(QStringLiteral("appJwtClientSecret")).toString();
    Connector::SessionEnvironment environment = m_options.environment;
    environment.store = m_store.get();
    environment.eventLog = m_manager->eventLog();
    Connector::ConnectorSession *session = Connector::SessionFactory::create(definition, secrets, environment);
    m_manager->addSession(session);
    session->start();
    m_sandboxController = new RestSandboxController(line, this);
    m_window->setSandboxController(m_sandboxController);
    m_window->showIntegration(definition.id);
    // Simulated consumers chat as soon as the bot user is online.
    connect(session,
            &Connector::ConnectorSession::statusChanged,
            this,
            [this, started = std::make_shared<bool>(false)](const Connector::SessionStatus &status) {
                if (status.state == Connector::SessionState::Online && !*started) {
                    *started = true;
                    m_sandboxController->startLoad(6, 40, 2.0);
                }
            });
    m_sandboxDefinition = std::make_unique<Storage::IntegrationDefinition>(definition);
    Q_EMIT sandboxReady(definition.id);
}

RestSandboxController *Console::sandboxController() const
{
    return m_sandboxController;
}

Storage::IntegrationDefinition Console::sandboxIntegration() const
{
    return m_sandboxDefinition ? *m_sandboxDefinition : Storage::IntegrationDefinition();
}

void Console::openIntegrationDialog(const QString &integrationId)
{
    auto *dialog = new IntegrationDialog(m_integrations.get(), m_secrets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConnectionTest(new Connector::LiveConnectionTest(m_secrets, dialog));
    if (!integrationId.isEmpty()) {
        if (const auto definition = m_integrations->integration(integrationId)) {
            dialog->setDefinition(*definition);
        }
        if (Connector::ConnectorSession *session = m_manager->session(integrationId)) {
            dialog->setSkills(session->skills());
        }
    }
    dialog->open();
}

void Console::removeIntegration(const QString &integrationId)
{
    const auto definition = m_integrations->integration(integrationId);
    if (!definition) {
        m_manager->removeSession(integrationId);
        return;
    }
    if (const VoidResult removed = m_integrations->remove(integrationId); !removed) {
        m_manager->eventLog()->append(Connector::EventLogEntry::Level::Error,
                                      integrationId,
                                      {},
                                      QStringLiteral("storage.remove"),
                                      removed.error().message);
        return;
    }
    // Its keychain entries go too, one job after the other.
    auto keys = std::make_shared<QStringList>(definition->secrets.values());
    auto next = std::make_shared<std::function<void()>>();
    *next = [this, keys, next] {
        if (keys->isEmpty()) {
            return;
        }
        m_secrets->remove(keys->takeFirst(), this, [this, next](const Storage::SecretResult &) {
            QTimer::singleShot(0, this, [next] { (*next)(); });
        });
    };
    (*next)();
}

} // namespace Switchboard
