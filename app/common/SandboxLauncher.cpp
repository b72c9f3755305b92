// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxLauncher.h"

#include "sandbox/Emulator.h"
#include "sandbox/SandboxConfig.h"
#include "sandbox/bots/CustomEndpointDemoBot.h"
#include "sandbox/bots/WebhookDemoBot.h"

#include <QSslCertificate>

namespace Switchboard
{

SandboxLauncher::SandboxLauncher(QObject *parent)
    : SandboxLauncher(Options{}, parent)
{
}

SandboxLauncher::SandboxLauncher(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

SandboxLauncher::~SandboxLauncher() = default;

Result<Success> SandboxLauncher::start()
{
    Sandbox::SandboxConfig config = m_options.config.value_or(Sandbox::SandboxConfig::defaults());
    if (!m_options.config) {
        config.port = m_options.port;
        config.stateDir = m_options.stateDir;
        config.frameLogPath = m_options.frameLogPath;
    }
    m_emulator = std::make_unique<Sandbox::Emulator>(config);
    const Result<Success> started = m_emulator->start();
    if (!started) {
        return started;
    }
    const QList<QSslCertificate> cas = QSslCertificate::fromData(m_emulator->caPem());
    const QString humanSkill = config.skills.size() > 1 ? config.skills.at(1).name : QStringLiteral("human");

    Sandbox::CustomEndpointDemoBot::Config botConfig;
    botConfig.accountId = m_emulator->accountId();
    botConfig.humanSkillName = humanSkill;
    botConfig.jwksUrl = QUrl(QStringLiteral("https://%1/sentinel/well-known/jwks").arg(m_emulator->csdsDomain()));
    botConfig.trustedCas = cas;
    m_customEndpointBot = std::make_unique<Sandbox::CustomEndpointDemoBot>(botConfig);
    if (const Result<quint16> listening = m_customEndpointBot->listen(); !listening) {
        return listening.error();
    }

    Sandbox::WebhookDemoBot::Config webhookConfig;
    webhookConfig.humanSkillName = humanSkill;
    webhookConfig.trustedCas = cas;
    m_webhookBot = std::make_unique<Sandbox::WebhookDemoBot>(webhookConfig);
    if (const Result<quint16> listening = m_webhookBot->listen(); !listening) {
        return listening.error();
    }
    m_emulator->setBots(QJsonObject{{QStringLiteral("customEndpoint"), m_customEndpointBot->describe()},
                                    {QStringLiteral("webhook"), m_webhookBot->describe()}});
    return Success{};
}

Sandbox::Emulator *SandboxLauncher::emulator() const
{
    return m_emulator.get();
}

Sandbox::CustomEndpointDemoBot *SandboxLauncher::customEndpointBot() const
{
    return m_customEndpointBot.get();
}

Sandbox::WebhookDemoBot *SandboxLauncher::webhookBot() const
{
    return m_webhookBot.get();
}

QJsonObject SandboxLauncher::describe() const
{
    return m_emulator ? m_emulator->describe() : QJsonObject();
}

QString SandboxLauncher::controlUrl() const
{
    return m_emulator ? m_emulator->controlUrl() : QString();
}

Storage::IntegrationDefinition SandboxLauncher::messagingIntegration() const
{
    const Sandbox::SandboxConfig &config = m_emulator->config();
    const Sandbox::AgentConfig &agent = config.agents.first();
    Storage::IntegrationDefinition definition;
    definition.id = QStringLiteral("sandbox-messaging");
    definition.name = tr("Sandbox demo bot");
    definition.liveperson.accountId = m_emulator->accountId();
    definition.liveperson.csdsDomain = m_emulator->csdsDomain();
    definition.liveperson.channel = Storage::IntegrationDefinition::Channel::Messaging;
    definition.liveperson.loginType = Storage::IntegrationDefinition::LoginType::Password;
    definition.liveperson.loginName = agent.loginName;
    definition.liveperson.caFile = m_emulator->caFile();
    definition.bot.protocol = Storage::IntegrationDefinition::BotProtocol::CustomEndpoint;
    definition.bot.baseUrl = m_customEndpointBot->baseUrl().toString();
    definition.bot.botId = m_customEndpointBot->config().botId;
    definition.bot.environment = QStringLiteral("draft");
    definition.routing.botSkillId = agent.skillIds.value(0);
    if (config.skills.size() > 1) {
        definition.routing.fallbackSkillId = config.skills.at(1).id;
        definition.routing.fallbackSkillName = config.skills.at(1).name;
    }
    return definition;
}

Connector::SessionSecrets SandboxLauncher::messagingSecrets() const
{
    const Sandbox::SandboxConfig &config = m_emulator->config();
    Connector::SessionSecrets secrets;
    secrets.loginPassword = config.agents.first().password;
    if (!config.applications.isEmpty()) {
        secrets.appJwtClientId = config.applications.first().clientId;
        secrets.appJwtClientSecret = config.applications.first().clientSecret;
    }
    return secrets;
}

} // namespace Switchboard
