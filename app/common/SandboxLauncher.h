// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/SessionFactory.h"
#include "sandbox/SandboxConfig.h"
#include "storage/IntegrationDefinition.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QObject>

#include <memory>
#include <optional>

namespace Switchboard::Sandbox
{
class CustomEndpointDemoBot;
class Emulator;
class WebhookDemoBot;
} // namespace Switchboard::Sandbox

namespace Switchboard
{

/**
 * The first-run experience behind `switchboard --sandbox` and `switchboard-cli run --sandbox`:
 * starts the LivePerson emulator, the Custom Endpoint and webhook demo bots, and describes an
 * integration joining the first sandbox agent (a bot user on the first skill) to the Custom
 * Endpoint bot, with the human skill as fallback.
 *
 * The sandbox's credentials are generated demo values; they are handed to the session directly
 * (sessionSecrets()), never written to the keychain or to integrations.json.
 *
 * Ownership and thread: owns the emulator and the bots, all on the creating thread (they are
 * event-driven servers on 127.0.0.1).
 */
class SandboxLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxLauncher)

public:
    struct Options
    {
        quint16 port = 0;
        QString stateDir;
        QString frameLogPath;
        /** The whole emulator configuration; when set, port/stateDir/frameLogPath above are ignored. */
        std::optional<Sandbox::SandboxConfig> config;
    };

    explicit SandboxLauncher(QObject *parent = nullptr);
    SandboxLauncher(Options options, QObject *parent = nullptr);
    ~SandboxLauncher() override;

    Result<Success> start();

    Sandbox::Emulator *emulator() const;
    Sandbox::CustomEndpointDemoBot *customEndpointBot() const;
    Sandbox::WebhookDemoBot *webhookBot() const;

    /** The sandbox's one JSON line: endpoints, demo credentials, skills, bots. */
    QJsonObject describe() const;

    /** The messaging integration joining agent 0 to the Custom Endpoint demo bot. */
    Storage::IntegrationDefinition messagingIntegration() const;
    Connector::SessionSecrets messagingSecrets() const;

    /** The control API's base URL (https, sandbox CA). */
    QString controlUrl() const;

private:
    Options m_options;
    std::unique_ptr<Sandbox::Emulator> m_emulator;
    std::unique_ptr<Sandbox::CustomEndpointDemoBot> m_customEndpointBot;
    std::unique_ptr<Sandbox::WebhookDemoBot> m_webhookBot;
};

} // namespace Switchboard
