// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/SessionFactory.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <memory>

namespace Switchboard::Connector
{
class SessionManager;
}
namespace Switchboard::Storage
{
class IntegrationStore;
class SecretStore;
class TranscriptStore;
struct IntegrationDefinition;
} // namespace Switchboard::Storage

namespace Switchboard
{

class MainWindow;
class RestSandboxController;
class SandboxLauncher;

/**
 * Joins the console's window to the core: integrations file, keychain, transcript store and the
 * session manager, the integration dialogs, and the sandbox first run. Lives on the UI thread;
 * the sandbox runs on a thread of its own and every session on its own thread, so the window
 * never waits on the network or the disk.
 */
class Console final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Console)

public:
    struct Options
    {
        QString configDir;
        bool sandbox = false;
        /** Test seam: the secret store to use instead of the OS keychain (not owned). */
        Storage::SecretStore *secretStore = nullptr;
        /** Where the transcript store lives; empty = the platform location (a scratch directory in sandbox mode). */
        QString transcriptPath;
        /** Test seam: timing overrides for every session (store and event log are the console's). */
        Connector::SessionEnvironment environment;
    };

    Console(MainWindow *window, Options options, QObject *parent = nullptr);
    ~Console() override;

    /** Loads the integrations and starts the enabled ones (and the sandbox when asked). */
    void start();
    /** Stops every session (agents away, store flushed); shutdownFinished() follows. */
    void shutdown();

    /** The running sandbox's controller (nullptr until the sandbox is up). */
    RestSandboxController *sandboxController() const;
    /** The sandbox's integration (empty until the sandbox is up); its secrets are not in the keychain. */
    Storage::IntegrationDefinition sandboxIntegration() const;

Q_SIGNALS:
    void shutdownFinished();
    /** The sandbox is up and its integration's session was added. */
    void sandboxReady(const QString &integrationId);

private:
    void startSandbox();
    void sandboxStarted(const QJsonObject &line,
                        const Storage::IntegrationDefinition &definition,
                        const QVariantMap &secrets);
    void createSession(const Storage::IntegrationDefinition &definition);
    void openIntegrationDialog(const QString &integrationId);
    void removeIntegration(const QString &integrationId);

    QPointer<MainWindow> m_window;
    Options m_options;
    std::unique_ptr<Storage::IntegrationStore> m_integrations;
    std::unique_ptr<Storage::SecretStore> m_ownedSecrets;
    Storage::SecretStore *m_secrets = nullptr;
    std::unique_ptr<Storage::TranscriptStore> m_store;
    std::unique_ptr<Connector::SessionManager> m_manager;
    QThread m_sandboxThread;
    SandboxLauncher *m_sandbox = nullptr;
    RestSandboxController *m_sandboxController = nullptr;
    QString m_scratchDir;
    std::unique_ptr<Storage::IntegrationDefinition> m_sandboxDefinition;
};

} // namespace Switchboard
