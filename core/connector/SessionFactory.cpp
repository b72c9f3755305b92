// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionFactory.h"

#include "ConnectorSessionImpl.h"
#include "bot/CallbackServer.h"
#include "bot/CustomEndpointClient.h"
#include "bot/HttpClient.h"
#include "bot/WebhookClient.h"
#include "liveperson/ChatAgentChannel.h"
#include "liveperson/DomainResolver.h"
#include "liveperson/LivePersonHttp.h"
#include "liveperson/MessagingAgentChannel.h"
#include "storage/SecretStore.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

namespace Switchboard::Connector
{

namespace
{
using Storage::IntegrationDefinition;
namespace SecretField = Storage::SecretField;

QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::Connector::SessionFactory", text);
}

QString *fieldOf(SessionSecrets &secrets, const QString &field)
{
    if (field == SecretField::LoginPassword) {
        return &secrets.loginPassword;
    }
    if (field == SecretField::OAuthClientId) {
        return &secrets.oauthClientId;
    }
    if (field == SecretField::OAuthClientSecret) {
        return &secrets.oauthClientSecret;
    }
    if (field == SecretField::AppJwtClientId) {
        return &secrets.appJwtClientId;
    }
    if (field == SecretField::AppJwtClientSecret) {
        return &secrets.appJwtClientSecret;
    }
    if (field == SecretField::WebhookSigningSecret) {
        return &secrets.webhookSigningSecret;
    }
    if (field == SecretField::CallbackToken) {
        return &secrets.callbackToken;
    }
    return nullptr;
}

/** Reads one secret after the other; each next job starts from a fresh event-loop turn. */
struct SecretReader : std::enable_shared_from_this<SecretReader>
{
    Storage::SecretStore *store = nullptr;
    IntegrationDefinition definition;
    QStringList fields;
    SessionSecrets secrets;
    QPointer<QObject> context;
    std::function<void(const Result<SessionSecrets> &)> done;

    void next()
    {
        if (!context) {
            return;
        }
        if (fields.isEmpty()) {
            done(secrets);
            return;
        }
        const QString field = fields.takeFirst();
        const QString key = definition.secretKey(field);
        auto self = shared_from_this();
        store->read(key, context, [self, field, key](const Storage::SecretResult &result) {
            if (!result.ok()) {
                self->done(Result<SessionSecrets>::failure(
                    QStringLiteral("storage.secret_missing"),
                    // Explicit context: lupdate would file a tr() here under SecretReader.
                    QCoreApplication::translate(
                        "Switchboard::Connector::SessionFactory",
                        "The secret “%1” of integration “%2” could not be read (keychain entry “%3”): %4")
                        .arg(field, self->definition.name, key, result.errorMessage)));
                return;
            }
            self->secrets.set(field, result.value);
            QTimer::singleShot(0, self->context, [self] { self->next(); });
        });
    }
};
} // namespace

bool SessionSecrets::set(const QString &field, const QString &value)
{
    QString *target = fieldOf(*this, field);
    if (target) {
        *target = value;
    }
    return target != nullptr;
}

QByteArray SessionFactory::readCaPem(const QString &path)
{
    if (path.isEmpty()) {
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

QStringList SessionFactory::requiredSecretFields(const IntegrationDefinition &definition)
{
    QStringList fields;
    if (definition.liveperson.loginType == IntegrationDefinition::LoginType::Password) {
        fields << SecretField::LoginPassword;
    } else {
        fields << SecretField::OAuthClientId << SecretField::OAuthClientSecret;
    }
    if (definition.bot.protocol == IntegrationDefinition::BotProtocol::CustomEndpoint) {
        fields << SecretField::AppJwtClientId << SecretField::AppJwtClientSecret;
    } else {
        fields << SecretField::WebhookSigningSecret << SecretField::CallbackToken;
    }
    return fields;
}

void SessionFactory::loadSecrets(Storage::SecretStore *secrets,
                                 const IntegrationDefinition &definition,
                                 QObject *context,
                                 std::function<void(const Result<SessionSecrets> &)> done)
{
    auto reader = std::make_shared<SecretReader>();
    reader->store = secrets;
    reader->definition = definition;
    reader->fields = requiredSecretFields(definition);
    reader->context = context;
    reader->done = std::move(done);
    QTimer::singleShot(0, context, [reader] { reader->next(); });
}

Bot::BotClient *SessionFactory::createBotClient(const IntegrationDefinition &definition,
                                                const SessionSecrets &secrets,
                                                const QString &sentinelUrl,
                                                const Clock &clock,
                                                QObject *parent,
                                                int retryPauseMs)
{
    Bot::RetryPolicy retry;
    retry.timeoutMs = definition.delivery.requestTimeoutMs;
    retry.maxAttempts = definition.delivery.attempts;
    if (retryPauseMs >= 0) {
        retry.pauseOverride = [retryPauseMs](int, int) { return retryPauseMs; };
    }
    Bot::BurstPolicy burst;
    burst.windowMs = definition.delivery.burstWindowMs;
    burst.maxCount = definition.delivery.maxBurstCount > 0 ? definition.delivery.maxBurstCount : burst.maxCount;

    Bot::HttpClientOptions httpOptions;
    httpOptions.extraCaPem = readCaPem(definition.liveperson.caFile);
    httpOptions.defaultTimeoutMs = definition.delivery.requestTimeoutMs;
    auto *http = new Bot::HttpClient(httpOptions, parent);

    Bot::BotClient *client = nullptr;
    if (definition.bot.protocol == IntegrationDefinition::BotProtocol::CustomEndpoint) {
        Bot::CustomEndpointConfig config;
        config.baseUrl = definition.bot.baseUrl;
        config.botId = definition.bot.botId;
        config.environment = definition.bot.environment;
        config.sentinel.sentinelUrl = sentinelUrl;
        config.sentinel.accountId = definition.liveperson.accountId;
        config.sentinel.clientId = secrets.appJwtClientId;
        config.sentinel.clientSecret = secrets.appJwtClientSecret.toUtf8();
        config.retry = retry;
        client = new Bot::CustomEndpointClient(config, http, clock, parent);
    } else {
        Bot::WebhookConfig config;
        config.integrationId = definition.id;
        config.url = definition.bot.webhookUrl;
        config.signingSecret = secrets.webhookSigningSecret.toUtf8();
        config.callbackToken = secrets.callbackToken.toUtf8();
        config.retry = retry;
        config.callbackTimeoutMs = definition.delivery.requestTimeoutMs;
        Bot::CallbackServerOptions callbackOptions;
        callbackOptions.address = QHostAddress(definition.bot.callbackAddress);
        callbackOptions.port = quint16(definition.bot.callbackPort);
        auto *server = new Bot::CallbackServer(callbackOptions, clock, parent);
        if (const Result<quint16> listening = server->listen(); !listening) {
            qWarning("callback server of integration %s could not listen: %s", qPrintable(definition.id),
                     qPrintable(listening.error().message));
        }
        client = new Bot::WebhookClient(config, http, server, clock, parent);
        server->setParent(client);
    }
    client->setBurstPolicy(burst);
    // The client's destructor cancels its requests through the HTTP client (and the callback
    // server): as its children they are destroyed after it, not before (siblings go in creation order).
    http->setParent(client);
    return client;
}

ConnectorSession *SessionFactory::create(const IntegrationDefinition &definition,
                                         const SessionSecrets &secrets,
                                         const SessionEnvironment &environment,
                                         QObject *parent)
{
    const Clock &clock = environment.clock ? *environment.clock : Clock::system();

    SessionSettings settings;
    settings.integrationId = definition.id;
    settings.name = definition.name;
    settings.channel = IntegrationDefinition::channelName(definition.liveperson.channel);
    settings.botSkillId = definition.routing.botSkillId;
    settings.fallbackSkillId = definition.routing.fallbackSkillId;
    settings.surveyBot = definition.routing.surveyBot;
    settings.sendWelcome = definition.bot.sendWelcome;
    if (environment.finishedRetentionMs >= 0) {
        settings.finishedRetentionMs = environment.finishedRetentionMs;
    }
    if (environment.probeIntervalMs > 0) {
        settings.probeIntervalMs = environment.probeIntervalMs;
        settings.probeIntervalDownMs = std::min(settings.probeIntervalDownMs, environment.probeIntervalMs);
    }

    SessionParts parts;
    LivePerson::MessagingChannelConfig channelConfig;
    channelConfig.accountId = definition.liveperson.accountId;
    channelConfig.csdsDomain = definition.liveperson.csdsDomain;
    channelConfig.extraCaFile = definition.liveperson.caFile;
    channelConfig.credentials.loginName = definition.liveperson.loginName;
    if (definition.liveperson.loginType == IntegrationDefinition::LoginType::Password) {
        channelConfig.credentials.password = secrets.loginPassword;
    } else {
        channelConfig.credentials.appKey = secrets.oauthClientId;
        channelConfig.credentials.secret = secrets.oauthClientSecret;
    }
    if (environment.livePersonDelayDivisor > 1) {
        const int d = environment.livePersonDelayDivisor;
        channelConfig.reconnect.initial /= d;
        channelConfig.retry.loginTooManyRequests /= d;
        channelConfig.retry.tooManyRequests /= d;
        for (auto &step : channelConfig.retry.serverErrorSteps) {
            step /= d;
        }
        channelConfig.retry.longBackoffBase /= d;
    }
    if (definition.liveperson.channel == IntegrationDefinition::Channel::Chat) {
        // The older chat channel: the Chat Agent API (REST polling), same login and retry policy.
        LivePerson::ChatChannelConfig chatConfig;
        chatConfig.accountId = channelConfig.accountId;
        chatConfig.csdsDomain = channelConfig.csdsDomain;
        chatConfig.extraCaFile = channelConfig.extraCaFile;
        chatConfig.credentials = channelConfig.credentials;
        chatConfig.retry = channelConfig.retry;
        chatConfig.reconnect = channelConfig.reconnect;
        if (environment.livePersonDelayDivisor > 1) {
            chatConfig.pollInterval /= environment.livePersonDelayDivisor;
        }
        parts.makeChannel = [chatConfig, &clock](QObject *owner) -> LivePerson::AgentChannel * {
            auto *channel = new LivePerson::ChatAgentChannel(chatConfig, owner);
            channel->setClock(clock);
            return channel;
        };
    } else {
        parts.makeChannel = [channelConfig, &clock](QObject *owner) -> LivePerson::AgentChannel * {
            auto *channel = new LivePerson::MessagingAgentChannel(channelConfig, owner);
            channel->setClock(clock);
            return channel;
        };
    }

    if (definition.bot.protocol == IntegrationDefinition::BotProtocol::CustomEndpoint) {
        const QString accountId = definition.liveperson.accountId;
        const QString csds = definition.liveperson.csdsDomain;
        const QString caFile = definition.liveperson.caFile;
        parts.resolveSentinel = [accountId, csds, caFile, &clock](QObject *context,
                                                                   SessionParts::SentinelCallback callback) {
            auto *http = new LivePerson::LivePersonHttp(context);
            if (!caFile.isEmpty()) {
                QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
                ssl.addCaCertificates(QSslCertificate::fromPath(caFile));
                http->setSslConfiguration(ssl);
            }
            auto *resolver = new LivePerson::DomainResolver(http, clock, context);
            resolver->resolve(csds, accountId, context,
                              [http, resolver, callback](const LivePerson::ApiResult<LivePerson::ServiceDomains> &result) {
                                  if (result.ok() && result.value().contains(LivePerson::Service::Sentinel)) {
                                      callback(QStringLiteral("https://%1").arg(
                                                   result.value().host(LivePerson::Service::Sentinel)),
                                               QString());
                                  } else {
                                      callback(QString(), result.ok() ? tr("CSDS lists no “sentinel” service.")
                                                                      : result.error().message);
                                  }
                                  resolver->deleteLater();
                                  http->deleteLater();
                              });
        };
    }
    const int retryPauseMs = environment.retryPauseMs;
    parts.makeBot = [definition, secrets, retryPauseMs, &clock](const QString &sentinelUrl,
                                                                 QObject *owner) -> Bot::BotClient * {
        return createBotClient(definition, secrets, sentinelUrl, clock, owner, retryPauseMs);
    };

    return new ConnectorSessionImpl(settings, std::move(parts), environment.store, environment.eventLog, clock,
                                    environment.keepConversationTable, parent);
}

} // namespace Switchboard::Connector
