// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Switchboard::Storage
{

/** One field that failed validation: its JSON path (e.g. "integrations[2].bot.baseUrl") and why. */
struct FieldError
{
    QString path;
    QString message;

    /** "path: message", the form shown to operators. */
    QString toString() const;
    bool operator==(const FieldError &) const = default;
};

/** Names of the secret fields an integration may refer to (keys of IntegrationDefinition::secrets). */
namespace SecretField
{
/** LivePerson agent password (login type "password"). */
inline constexpr QLatin1String LoginPassword{"loginPassword"};
/** LivePerson OAuth2 application client id and secret (login type "oauth2"). */
inline constexpr QLatin1String OAuthClientId{"oauthClientId"};
inline constexpr QLatin1String OAuthClientSecret{"oauthClientSecret"};
/** Conversational Cloud application credentials used to obtain the App JWT (Custom Endpoint bots). */
inline constexpr QLatin1String AppJwtClientId{"appJwtClientId"};
inline constexpr QLatin1String AppJwtClientSecret{"appJwtClientSecret"};
/** HMAC-SHA256 key signing webhook requests, and the bearer token the bot sends on callbacks. */
inline constexpr QLatin1String WebhookSigningSecret{"webhookSigningSecret"};
inline constexpr QLatin1String CallbackToken{"callbackToken"};
} // namespace SecretField

/**
 * The configuration of one integration (one LivePerson bot user joined to one bot), as stored in
 * integrations.json by IntegrationStore. A plain value type: copy it, edit it, validate() it.
 *
 * It never holds a secret. `secrets` maps a secret field (see SecretField) to the name of the
 * SecretStore key that holds the value; secretKey() gives the key to use for a field.
 *
 * JSON layout (schema version 1):
 * @code
 * { "id": "<uuid>", "name": "Support bot", "enabled": true,
 *   "liveperson": { "accountId": "12345678", "csdsDomain": "adminlogin.liveperson.net",
 *                   "channel": "messaging|chat", "loginType": "password|oauth2",
 *                   "loginName": "bot-user", "caFile": "/path/extra-ca.pem" },
 *   "bot": { "protocol": "customEndpoint|webhook",
 *            "baseUrl": "https://…", "botId": "…", "environment": "draft",
 *            "webhookUrl": "https://…", "callbackAddress": "127.0.0.1", "callbackPort": 8443,
 *            "sendWelcome": false },
 *   "routing": { "botSkillId": "…", "fallbackSkillId": "…", "fallbackSkillName": "…", "surveyBot": false },
 *   "delivery": { "requestTimeoutMs": 60000, "attempts": 3, "burstWindowMs": 0, "maxBurstCount": 0 },
 *   "secrets": { "loginPassword": "<id>/loginPassword" } }
 * @endcode
 * Fields this version does not know are kept in the `unknownFields` members and written back
 * unchanged, so a file edited by a newer minor version survives a round trip.
 */
struct IntegrationDefinition
{
    Q_DECLARE_TR_FUNCTIONS(Switchboard::Storage::IntegrationDefinition)

public:
    enum class Channel {
        Messaging,
        Chat,
    };
    enum class LoginType {
        /** Agent user name and password. */
        Password,
        /** Agent user name and OAuth2 application keys (client id and secret). */
        OAuth2,
    };
    enum class BotProtocol {
        /** LivePerson's Custom Endpoint v1 contract (default). */
        CustomEndpoint,
        /** Switchboard's signed webhook with a callback server. */
        Webhook,
    };

    static constexpr QLatin1String DefaultCsdsDomain{"adminlogin.liveperson.net"};
    static constexpr QLatin1String DefaultEnvironment{"draft"};
    static constexpr QLatin1String DefaultCallbackAddress{"127.0.0.1"};
    static constexpr int DefaultRequestTimeoutMs = 60000;
    static constexpr int DefaultAttempts = 3;

    struct LivePerson
    {
        QString accountId;
        /** host[:port] of the Domain API (CSDS). */
        QString csdsDomain = DefaultCsdsDomain;
        Channel channel = Channel::Messaging;
        LoginType loginType = LoginType::Password;
        QString loginName;
        /** Optional PEM file with extra trusted CA certificates (used for the sandbox). */
        QString caFile;
        QJsonObject unknownFields;
        bool operator==(const LivePerson &) const = default;
    };

    struct Bot
    {
        BotProtocol protocol = BotProtocol::CustomEndpoint;
        // Custom Endpoint v1
        QString baseUrl;
        QString botId;
        QString environment = DefaultEnvironment;
        // Webhook
        QString webhookUrl;
        /** Address the callback server binds to. */
        QString callbackAddress = DefaultCallbackAddress;
        /** Port of the callback server; 0 = any free port. */
        int callbackPort = 0;
        /** Send the bot a welcome (Custom Endpoint START) event when it joins a conversation. */
        bool sendWelcome = false;
        QJsonObject unknownFields;
        bool operator==(const Bot &) const = default;
    };

    struct Routing
    {
        /** The skill the bot user serves; escalation never transfers back to it. */
        QString botSkillId;
        /** Where escalated conversations go; empty = nothing is transferred automatically. */
        QString fallbackSkillId;
        QString fallbackSkillName;
        /** The bot is a post-conversation survey bot. */
        bool surveyBot = false;
        QJsonObject unknownFields;
        bool operator==(const Routing &) const = default;
    };

    struct Delivery
    {
        /** Timeout of one bot request. */
        int requestTimeoutMs = DefaultRequestTimeoutMs;
        /** Attempts per consumer message before escalating (1 = no retry). */
        int attempts = DefaultAttempts;
        /** Window for coalescing a burst of consumer messages; 0 = off. */
        int burstWindowMs = 0;
        /** Most consumer messages in one burst (when burstWindowMs > 0). */
        int maxBurstCount = 0;
        QJsonObject unknownFields;
        bool operator==(const Delivery &) const = default;
    };

    /** Stable UUID (without braces); IntegrationStore::add() assigns one when empty. */
    QString id;
    QString name;
    bool enabled = true;
    LivePerson liveperson;
    Bot bot;
    Routing routing;
    Delivery delivery;
    /** Secret field (see SecretField) → SecretStore key. Never a secret value. */
    QMap<QString, QString> secrets;
    /** Top-level fields this version does not know, kept for the round trip. */
    QJsonObject unknownFields;

    bool operator==(const IntegrationDefinition &) const = default;

    /** The JSON object of this definition (schema version 1). */
    QJsonObject toJson() const;

    /**
     * Reads a definition from @p json. Every field that has the wrong type or fails validation
     * is appended to @p errors with its path under @p path (e.g. "integrations[2]"); the
     * returned value is usable only when no error was added.
     */
    static IntegrationDefinition fromJson(const QJsonObject &json, const QString &path, QList<FieldError> *errors);

    /** fromJson() as a Result whose error message lists every bad field, one per line. */
    static Result<IntegrationDefinition> parse(const QJsonObject &json);

    /** Checks values (not types); each bad field yields one FieldError with its path under @p path. */
    QList<FieldError> validate(const QString &path = QString()) const;

    /** The SecretStore key for @p field: the one named in `secrets`, else SecretStore::keyFor(id, field). */
    QString secretKey(const QString &field) const;

    /** A new random id. */
    static QString newId();

    static QString channelName(Channel channel);
    static std::optional<Channel> channelFromName(const QString &name);
    static QString loginTypeName(LoginType type);
    static std::optional<LoginType> loginTypeFromName(const QString &name);
    static QString botProtocolName(BotProtocol protocol);
    static std::optional<BotProtocol> botProtocolFromName(const QString &name);

    /** Joins errors as "path: message" lines. */
    static QString joinErrors(const QList<FieldError> &errors);
};

} // namespace Switchboard::Storage
