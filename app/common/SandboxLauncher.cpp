// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxLauncher.h"

#include "sandbox/Emulator.h"
#include "sandbox/SandboxConfig.h"
#include "sandbox/StateModel.h"
#include "sandbox/bots/CustomEndpointDemoBot.h"
#include "sandbox/bots/WebhookDemoBot.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QTimer>
#include <algorithm>

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

SandboxLauncher::~SandboxLauncher()
{
    stopChatTraffic();
}

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

    // Simulated chat consumers start once the chat bot agent is Online on the Chat Agent API.
    if (const Sandbox::AgentConfig *agent = chatAgent(); agent && m_options.chatConsumers > 0) {
        const QString userId = agent->userId;
        connect(m_emulator->model(), &Sandbox::StateModel::agentStateChanged, this, [this, userId](const QString &id) {
            const Sandbox::AgentUser *user = m_emulator->model()->agent(id);
            if (id != userId || m_chatTrafficStarted || !user || !user->chatAvailable) {
                return;
            }
            startChatTraffic(
                m_options.chatConsumers, m_options.chatMessagesPerConsumer, m_options.chatMessagesPerSecond);
        });
    }
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

const Sandbox::AgentConfig *SandboxLauncher::chatAgent() const
{
    if (!m_emulator) {
        return nullptr;
    }
    const QList<Sandbox::AgentConfig> &agents = m_emulator->config().agents;
    const auto it = std::find_if(agents.cbegin(), agents.cend(), [](const Sandbox::AgentConfig &agent) {
        return !agent.simulated && agent.loginName.contains(QStringLiteral("chat"), Qt::CaseInsensitive);
    });
    return it == agents.cend() ? nullptr : &*it;
}

Storage::IntegrationDefinition SandboxLauncher::chatIntegration() const
{
    const Sandbox::AgentConfig *agent = chatAgent();
    if (!agent) {
        return {};
    }
    Storage::IntegrationDefinition definition = messagingIntegration();
    definition.id = QStringLiteral("sandbox-chat");
    definition.name = tr("Sandbox demo bot (chat)");
    definition.liveperson.channel = Storage::IntegrationDefinition::Channel::Chat;
    definition.liveperson.loginName = agent->loginName;
    definition.routing.botSkillId = agent->skillIds.value(0);
    return definition;
}

Connector::SessionSecrets SandboxLauncher::chatSecrets() const
{
    Connector::SessionSecrets secrets = messagingSecrets();
    const Sandbox::AgentConfig *agent = chatAgent();
    secrets.loginPassword = agent ? agent->password : QString();
    return secrets;
}

QList<SandboxLauncher::Integration> SandboxLauncher::integrations() const
{
    QList<Integration> out;
    if (!m_emulator) {
        return out;
    }
    out.append(Integration{messagingIntegration(), messagingSecrets()});
    if (chatAgent()) {
        out.append(Integration{chatIntegration(), chatSecrets()});
    }
    return out;
}

int SandboxLauncher::startChatTraffic(int consumers, int messagesPerConsumer, double messagesPerSecond)
{
    stopChatTraffic();
    const Sandbox::AgentConfig *agent = chatAgent();
    if (!m_emulator || !agent || consumers <= 0 || messagesPerConsumer <= 0 || messagesPerSecond <= 0) {
        return 0;
    }
    m_chatTrafficStarted = true;
    m_chatMessagesPerConsumer = messagesPerConsumer;
    Sandbox::StateModel *model = m_emulator->model();
    const QString skillId = agent->skillIds.value(0);
    for (int i = 0; i < consumers; ++i) {
        const Sandbox::Consumer consumer =
            model->createConsumer(QStringLiteral("Chat"), QStringLiteral("Visitor %1").arg(i + 1));
        const Result<QString> created = model->createConversation(consumer.id, skillId, Sandbox::Channel::Chat);
        if (!created) {
            qWarning("sandbox chat traffic: %s", qPrintable(created.error().message));
            continue;
        }
        m_chatTraffic.append(SimulatedChat{created.value(), 0, false, 0});
    }
    connect(model,
            &Sandbox::StateModel::messageAdded,
            this,
            [this](const QString &conversationId, const Sandbox::Message &message) {
                if (!message.fromAgent || !message.stored) {
                    return;
                }
                for (SimulatedChat &chat : m_chatTraffic) {
                    if (chat.conversationId == conversationId) {
                        chat.awaitingReply = false;
                    }
                }
            });
    auto *timer = new QTimer(this);
    timer->setInterval(std::max(20, static_cast<int>(1000.0 / messagesPerSecond)));
    connect(timer, &QTimer::timeout, this, &SandboxLauncher::chatTrafficTick);
    timer->start();
    m_chatTimer = timer;
    return static_cast<int>(m_chatTraffic.size());
}

void SandboxLauncher::stopChatTraffic()
{
    delete m_chatTimer.data();
    m_chatTimer = nullptr;
    if (m_emulator) {
        disconnect(m_emulator->model(), &Sandbox::StateModel::messageAdded, this, nullptr);
    }
    m_chatTraffic.clear();
    m_chatTrafficCursor = 0;
}

QStringList SandboxLauncher::chatTrafficConversations() const
{
    QStringList ids;
    for (const SimulatedChat &chat : m_chatTraffic) {
        ids.append(chat.conversationId);
    }
    return ids;
}

void SandboxLauncher::chatTrafficTick()
{
    // What the simulated visitors say; every few lines one that exercises the demo bot.
    static const QStringList lines{QStringLiteral("Hello, is anyone there?"),
                                   QStringLiteral("I have a question about my order."),
                                   QStringLiteral("Can you show me structured content?"),
                                   QStringLiteral("Do you have quick replies for me?"),
                                   QStringLiteral("It is order 4711, placed yesterday."),
                                   QStringLiteral("Thanks, that helps.")};
    Sandbox::StateModel *model = m_emulator->model();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int count = static_cast<int>(m_chatTraffic.size());
    bool anyLeft = false;
    for (int step = 0; step < count; ++step) {
        SimulatedChat &chat = m_chatTraffic[(m_chatTrafficCursor + step) % count];
        const Sandbox::Conversation *conversation = model->conversation(chat.conversationId);
        if (!conversation || !conversation->isOpen() || chat.sent >= m_chatMessagesPerConsumer) {
            continue;
        }
        anyLeft = true;
        if (chat.awaitingReply && now - chat.lastSentMs < 3000) {
            continue;
        }
        const QString text = lines.at(chat.sent % lines.size());
        if (model->consumerText(chat.conversationId, text)) {
            ++chat.sent;
            chat.awaitingReply = true;
            chat.lastSentMs = now;
        }
        m_chatTrafficCursor = (m_chatTrafficCursor + step + 1) % count;
        return;
    }
    if (!anyLeft) {
        delete m_chatTimer.data();
        m_chatTimer = nullptr;
    }
}

} // namespace Switchboard
