// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntegrationDefinition.h"

#include "storage/SecretStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUuid>

#include <cmath>
#include <limits>

namespace Switchboard::Storage
{

namespace
{

using namespace Qt::StringLiterals;

QString joinPath(const QString &path, const QString &field)
{
    return path.isEmpty() ? field : path + u'.' + field;
}

/** Reads typed fields of one JSON object, recording type errors, and remembers which keys it knew. */
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString path, QList<FieldError> *errors)
        : m_object(object)
        , m_path(std::move(path))
        , m_errors(errors)
    {
    }

    QString string(const QString &key, const QString &fallback = QString())
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            fail(key, IntegrationDefinition::tr("must be a string"));
            return fallback;
        }
        return value.toString();
    }

    bool boolean(const QString &key, bool fallback)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull()) {
            return fallback;
        }
        if (!value.isBool()) {
            fail(key, IntegrationDefinition::tr("must be true or false"));
            return fallback;
        }
        return value.toBool();
    }

    int integer(const QString &key, int fallback)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull()) {
            return fallback;
        }
        const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!value.isDouble() || std::isnan(number) || std::floor(number) != number
            || number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
            fail(key, IntegrationDefinition::tr("must be a whole number"));
            return fallback;
        }
        return static_cast<int>(number);
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull()) {
            return {};
        }
        if (!value.isObject()) {
            fail(key, IntegrationDefinition::tr("must be an object"));
            return {};
        }
        return value.toObject();
    }

    template<typename Enum>
    Enum enumeration(const QString &key, Enum fallback, std::optional<Enum> (*fromName)(const QString &), const QStringList &names)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull()) {
            return fallback;
        }
        const std::optional<Enum> parsed = value.isString() ? fromName(value.toString()) : std::nullopt;
        if (!parsed) {
            fail(key, IntegrationDefinition::tr("must be one of %1").arg(quoteList(names)));
            return fallback;
        }
        return *parsed;
    }

    /** The fields that were not read: kept for the round trip. */
    QJsonObject unknownFields() const
    {
        QJsonObject rest = m_object;
        for (const QString &key : m_known) {
            rest.remove(key);
        }
        return rest;
    }

    QString pathOf(const QString &key) const
    {
        return joinPath(m_path, key);
    }

    void fail(const QString &key, const QString &message)
    {
        m_errors->append(FieldError{pathOf(key), message});
    }

    static QString quoteList(const QStringList &names)
    {
        QStringList quoted;
        for (const QString &name : names) {
            quoted.append(u'"' + name + u'"');
        }
        return quoted.join(u", "_s);
    }

private:
    QJsonValue take(const QString &key)
    {
        m_known.insert(key);
        return m_object.value(key);
    }

    QJsonObject m_object;
    QString m_path;
    QList<FieldError> *m_errors;
    QSet<QString> m_known;
};

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http"_s || scheme == u"https"_s) && !url.host().isEmpty();
}

bool hasUserInfo(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return !url.userInfo().isEmpty();
}

bool isIPv4(const QString &text)
{
    static const QRegularExpression pattern(u"^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return false;
    }
    for (int i = 1; i <= 4; ++i) {
        if (match.captured(i).toInt() > 255) {
            return false;
        }
    }
    return true;
}

bool isIPv6(const QString &text)
{
    // storage/ does not link QtNetwork; QUrl's strict host parser validates IPv6 literals.
    static const QRegularExpression pattern(u"^[0-9A-Fa-f:.]+$"_s);
    return text.contains(u':') && pattern.match(text).hasMatch()
        && QUrl(u"http://["_s + text + u"]/"_s, QUrl::StrictMode).isValid();
}

bool isHostAndPort(const QString &text)
{
    static const QRegularExpression hostPattern(
        u"^(?:([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)"
        u"|\\[([0-9A-Fa-f:.]+)\\])(?::([0-9]{1,5}))?$"_s);
    const QRegularExpressionMatch match = hostPattern.match(text);
    if (!match.hasMatch() || text.size() > 260) {
        return false;
    }
    if (match.hasCaptured(2) && !isIPv6(match.captured(2))) {
        return false;
    }
    if (match.hasCaptured(3)) {
        const int port = match.captured(3).toInt();
        return port >= 1 && port <= 65535;
    }
    return true;
}

bool looksLikeSecretField(const QString &key)
{
    const QString lower = key.toLower();
    static const QStringList words{u"password"_s, u"passwd"_s, u"secret"_s, u"token"_s, u"passphrase"_s,
                                   u"apikey"_s,   u"api_key"_s, u"privatekey"_s, u"private_key"_s};
    for (const QString &word : words) {
        if (lower.contains(word)) {
            return true;
        }
    }
    return false;
}

void checkUnknownFields(const QJsonObject &unknown, const QString &path, QList<FieldError> &errors)
{
    for (auto it = unknown.constBegin(); it != unknown.constEnd(); ++it) {
        if (looksLikeSecretField(it.key())) {
            errors.append(FieldError{joinPath(path, it.key()),
                                     IntegrationDefinition::tr("looks like a secret and must not be stored in the "
                                                               "configuration file; keep it in the keychain and name "
                                                               "its key under \"secrets\"")});
        }
    }
}

const QRegularExpression &identifierPattern()
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_-]{1,64}$"_s);
    return pattern;
}

void insertIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty()) {
        object.insert(key, value);
    }
}

} // namespace

QString FieldError::toString() const
{
    return path + u": "_s + message;
}

QString IntegrationDefinition::joinErrors(const QList<FieldError> &errors)
{
    QStringList lines;
    lines.reserve(errors.size());
    for (const FieldError &error : errors) {
        lines.append(error.toString());
    }
    return lines.join(u'\n');
}

QString IntegrationDefinition::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString IntegrationDefinition::channelName(Channel channel)
{
    return channel == Channel::Chat ? u"chat"_s : u"messaging"_s;
}

std::optional<IntegrationDefinition::Channel> IntegrationDefinition::channelFromName(const QString &name)
{
    if (name == u"messaging"_s) {
        return Channel::Messaging;
    }
    if (name == u"chat"_s) {
        return Channel::Chat;
    }
    return std::nullopt;
}

QString IntegrationDefinition::loginTypeName(LoginType type)
{
    return type == LoginType::OAuth2 ? u"oauth2"_s : u"password"_s;
}

std::optional<IntegrationDefinition::LoginType> IntegrationDefinition::loginTypeFromName(const QString &name)
{
    if (name == u"password"_s) {
        return LoginType::Password;
    }
    if (name == u"oauth2"_s) {
        return LoginType::OAuth2;
    }
    return std::nullopt;
}

QString IntegrationDefinition::botProtocolName(BotProtocol protocol)
{
    return protocol == BotProtocol::Webhook ? u"webhook"_s : u"customEndpoint"_s;
}

std::optional<IntegrationDefinition::BotProtocol> IntegrationDefinition::botProtocolFromName(const QString &name)
{
    if (name == u"customEndpoint"_s) {
        return BotProtocol::CustomEndpoint;
    }
    if (name == u"webhook"_s) {
        return BotProtocol::Webhook;
    }
    return std::nullopt;
}

QString IntegrationDefinition::secretKey(const QString &field) const
{
    const QString named = secrets.value(field);
    return named.isEmpty() ? SecretStore::keyFor(id, field) : named;
}

QJsonObject IntegrationDefinition::toJson() const
{
    QJsonObject root = unknownFields;
    root.insert(u"id"_s, id);
    root.insert(u"name"_s, name);
    root.insert(u"enabled"_s, enabled);

    QJsonObject lp = liveperson.unknownFields;
    lp.insert(u"accountId"_s, liveperson.accountId);
    lp.insert(u"csdsDomain"_s, liveperson.csdsDomain);
    lp.insert(u"channel"_s, channelName(liveperson.channel));
    lp.insert(u"loginType"_s, loginTypeName(liveperson.loginType));
    lp.insert(u"loginName"_s, liveperson.loginName);
    insertIfSet(lp, u"caFile"_s, liveperson.caFile);
    root.insert(u"liveperson"_s, lp);

    QJsonObject b = bot.unknownFields;
    b.insert(u"protocol"_s, botProtocolName(bot.protocol));
    insertIfSet(b, u"baseUrl"_s, bot.baseUrl);
    insertIfSet(b, u"botId"_s, bot.botId);
    b.insert(u"environment"_s, bot.environment);
    insertIfSet(b, u"webhookUrl"_s, bot.webhookUrl);
    b.insert(u"callbackAddress"_s, bot.callbackAddress);
    b.insert(u"callbackPort"_s, bot.callbackPort);
    b.insert(u"sendWelcome"_s, bot.sendWelcome);
    root.insert(u"bot"_s, b);

    QJsonObject r = routing.unknownFields;
    insertIfSet(r, u"botSkillId"_s, routing.botSkillId);
    insertIfSet(r, u"fallbackSkillId"_s, routing.fallbackSkillId);
    insertIfSet(r, u"fallbackSkillName"_s, routing.fallbackSkillName);
    r.insert(u"surveyBot"_s, routing.surveyBot);
    root.insert(u"routing"_s, r);

    QJsonObject d = delivery.unknownFields;
    d.insert(u"requestTimeoutMs"_s, delivery.requestTimeoutMs);
    d.insert(u"attempts"_s, delivery.attempts);
    d.insert(u"burstWindowMs"_s, delivery.burstWindowMs);
    d.insert(u"maxBurstCount"_s, delivery.maxBurstCount);
    root.insert(u"delivery"_s, d);

    QJsonObject s;
    for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it) {
        s.insert(it.key(), it.value());
    }
    root.insert(u"secrets"_s, s);
    return root;
}

IntegrationDefinition IntegrationDefinition::fromJson(const QJsonObject &json, const QString &path,
                                                      QList<FieldError> *errors)
{
    QList<FieldError> typeErrors;
    IntegrationDefinition def;
    FieldReader root(json, path, &typeErrors);
    def.id = root.string(u"id"_s);
    def.name = root.string(u"name"_s);
    def.enabled = root.boolean(u"enabled"_s, true);

    {
        FieldReader lp(root.object(u"liveperson"_s), root.pathOf(u"liveperson"_s), &typeErrors);
        def.liveperson.accountId = lp.string(u"accountId"_s);
        def.liveperson.csdsDomain = lp.string(u"csdsDomain"_s, DefaultCsdsDomain);
        def.liveperson.channel =
            lp.enumeration(u"channel"_s, Channel::Messaging, &channelFromName, {u"messaging"_s, u"chat"_s});
        def.liveperson.loginType =
            lp.enumeration(u"loginType"_s, LoginType::Password, &loginTypeFromName, {u"password"_s, u"oauth2"_s});
        def.liveperson.loginName = lp.string(u"loginName"_s);
        def.liveperson.caFile = lp.string(u"caFile"_s);
        def.liveperson.unknownFields = lp.unknownFields();
    }
    {
        FieldReader b(root.object(u"bot"_s), root.pathOf(u"bot"_s), &typeErrors);
        def.bot.protocol = b.enumeration(u"protocol"_s, BotProtocol::CustomEndpoint, &botProtocolFromName,
                                         {u"customEndpoint"_s, u"webhook"_s});
        def.bot.baseUrl = b.string(u"baseUrl"_s);
        def.bot.botId = b.string(u"botId"_s);
        def.bot.environment = b.string(u"environment"_s, DefaultEnvironment);
        def.bot.webhookUrl = b.string(u"webhookUrl"_s);
        def.bot.callbackAddress = b.string(u"callbackAddress"_s, DefaultCallbackAddress);
        def.bot.callbackPort = b.integer(u"callbackPort"_s, 0);
        def.bot.sendWelcome = b.boolean(u"sendWelcome"_s, false);
        def.bot.unknownFields = b.unknownFields();
    }
    {
        FieldReader r(root.object(u"routing"_s), root.pathOf(u"routing"_s), &typeErrors);
        def.routing.botSkillId = r.string(u"botSkillId"_s);
        def.routing.fallbackSkillId = r.string(u"fallbackSkillId"_s);
        def.routing.fallbackSkillName = r.string(u"fallbackSkillName"_s);
        def.routing.surveyBot = r.boolean(u"surveyBot"_s, false);
        def.routing.unknownFields = r.unknownFields();
    }
    {
        FieldReader d(root.object(u"delivery"_s), root.pathOf(u"delivery"_s), &typeErrors);
        def.delivery.requestTimeoutMs = d.integer(u"requestTimeoutMs"_s, DefaultRequestTimeoutMs);
        def.delivery.attempts = d.integer(u"attempts"_s, DefaultAttempts);
        def.delivery.burstWindowMs = d.integer(u"burstWindowMs"_s, 0);
        def.delivery.maxBurstCount = d.integer(u"maxBurstCount"_s, 0);
        def.delivery.unknownFields = d.unknownFields();
    }
    {
        const QJsonObject secrets = root.object(u"secrets"_s);
        for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it) {
            if (!it.value().isString()) {
                typeErrors.append(FieldError{joinPath(root.pathOf(u"secrets"_s), it.key()),
                                             tr("must be the name of a keychain entry (a string)")});
                continue;
            }
            def.secrets.insert(it.key(), it.value().toString());
        }
    }
    def.unknownFields = root.unknownFields();

    // Value checks only for the fields that had the right type, so each field is reported once.
    QSet<QString> reported;
    for (const FieldError &error : std::as_const(typeErrors)) {
        reported.insert(error.path);
    }
    errors->append(typeErrors);
    for (const FieldError &error : def.validate(path)) {
        if (!reported.contains(error.path)) {
            errors->append(error);
        }
    }
    return def;
}

Result<IntegrationDefinition> IntegrationDefinition::parse(const QJsonObject &json)
{
    QList<FieldError> errors;
    IntegrationDefinition def = fromJson(json, QString(), &errors);
    if (!errors.isEmpty()) {
        return Error{u"storage.integration_invalid"_s, joinErrors(errors)};
    }
    return def;
}

QList<FieldError> IntegrationDefinition::validate(const QString &path) const
{
    QList<FieldError> errors;
    auto fail = [&](const QString &field, const QString &message) {
        errors.append(FieldError{joinPath(path, field), message});
    };

    if (id.isEmpty()) {
        fail(u"id"_s, tr("is required"));
    } else if (QUuid::fromString(id).isNull()) {
        fail(u"id"_s, tr("must be a UUID such as \"%1\"").arg(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s));
    }
    if (name.trimmed().isEmpty()) {
        fail(u"name"_s, tr("is required"));
    } else if (name.size() > 200) {
        fail(u"name"_s, tr("must be at most 200 characters"));
    }

    // LivePerson
    if (liveperson.accountId.isEmpty()) {
        fail(u"liveperson.accountId"_s, tr("is required"));
    } else if (!identifierPattern().match(liveperson.accountId).hasMatch()) {
        fail(u"liveperson.accountId"_s,
             tr("must be 1 to 64 letters, digits, '-' or '_' (LivePerson account ids look like \"12345678\")"));
    }
    if (liveperson.csdsDomain.isEmpty()) {
        fail(u"liveperson.csdsDomain"_s, tr("is required (the default is \"%1\")").arg(DefaultCsdsDomain));
    } else if (!isHostAndPort(liveperson.csdsDomain)) {
        fail(u"liveperson.csdsDomain"_s, tr("must be a host name with an optional port, such as \"%1\" or "
                                            "\"127.0.0.1:8443\"")
                                             .arg(DefaultCsdsDomain));
    }
    if (liveperson.loginName.trimmed().isEmpty()) {
        fail(u"liveperson.loginName"_s, tr("is required (the login name of the bot's agent user)"));
    }
    if (!liveperson.caFile.isEmpty() && !QDir::isAbsolutePath(liveperson.caFile)) {
        fail(u"liveperson.caFile"_s, tr("must be an absolute path to a PEM file"));
    }

    // Bot: the selected protocol's fields are required, the other protocol's are checked if set.
    const bool customEndpoint = bot.protocol == BotProtocol::CustomEndpoint;
    auto checkUrl = [&](const QString &field, const QString &value, bool required) {
        if (value.isEmpty()) {
            if (required) {
                fail(field, tr("is required"));
            }
        } else if (!isHttpUrl(value)) {
            fail(field, tr("must be an http(s) URL"));
        } else if (hasUserInfo(value)) {
            fail(field, tr("must not contain a user name or password; secrets belong in the keychain"));
        }
    };
    checkUrl(u"bot.baseUrl"_s, bot.baseUrl, customEndpoint);
    static const QRegularExpression botIdPattern(u"^[A-Za-z0-9-]{1,36}$"_s);
    if (bot.botId.isEmpty()) {
        if (customEndpoint) {
            fail(u"bot.botId"_s, tr("is required"));
        }
    } else if (!botIdPattern.match(bot.botId).hasMatch()) {
        fail(u"bot.botId"_s, tr("must be 1 to 36 letters, digits or '-'"));
    }
    static const QRegularExpression environmentPattern(u"^[^/?#\\s]{1,64}$"_s);
    if (!environmentPattern.match(bot.environment).hasMatch()) {
        fail(u"bot.environment"_s,
             tr("must be 1 to 64 characters without '/', '?', '#' or spaces (the default is \"%1\")")
                 .arg(DefaultEnvironment));
    }
    checkUrl(u"bot.webhookUrl"_s, bot.webhookUrl, !customEndpoint);
    if (!isIPv4(bot.callbackAddress) && !isIPv6(bot.callbackAddress)) {
        fail(u"bot.callbackAddress"_s, tr("must be an IP address to bind the callback server to, such as "
                                          "\"127.0.0.1\" or \"0.0.0.0\""));
    }
    if (bot.callbackPort < 0 || bot.callbackPort > 65535) {
        fail(u"bot.callbackPort"_s, tr("must be between 0 (any free port) and 65535"));
    }

    // Routing
    for (const auto &[field, value] : {std::pair{u"routing.botSkillId"_s, routing.botSkillId},
                                       std::pair{u"routing.fallbackSkillId"_s, routing.fallbackSkillId}}) {
        if (!value.isEmpty() && !identifierPattern().match(value).hasMatch()) {
            fail(field, tr("must be a skill id: 1 to 64 letters, digits, '-' or '_'"));
        }
    }
    if (!routing.fallbackSkillId.isEmpty() && routing.fallbackSkillId == routing.botSkillId) {
        fail(u"routing.fallbackSkillId"_s,
             tr("must differ from routing.botSkillId: escalating to the bot's own skill would loop back to the bot"));
    }
    if (routing.fallbackSkillId.isEmpty() && !routing.fallbackSkillName.isEmpty()) {
        fail(u"routing.fallbackSkillId"_s, tr("is required when routing.fallbackSkillName is set"));
    }

    // Delivery
    if (delivery.requestTimeoutMs < 100 || delivery.requestTimeoutMs > 600000) {
        fail(u"delivery.requestTimeoutMs"_s, tr("must be between 100 and 600000 milliseconds"));
    }
    if (delivery.attempts < 1 || delivery.attempts > 10) {
        fail(u"delivery.attempts"_s, tr("must be between 1 and 10"));
    }
    if (delivery.burstWindowMs < 0 || delivery.burstWindowMs > 60000) {
        fail(u"delivery.burstWindowMs"_s, tr("must be between 0 (off) and 60000 milliseconds"));
    }
    if (delivery.maxBurstCount < 0 || delivery.maxBurstCount > 1000) {
        fail(u"delivery.maxBurstCount"_s, tr("must be between 0 and 1000"));
    } else if (delivery.burstWindowMs > 0 && delivery.maxBurstCount < 1) {
        fail(u"delivery.maxBurstCount"_s, tr("must be at least 1 when delivery.burstWindowMs is set"));
    }

    // Secrets: names of keychain entries only.
    static const QRegularExpression secretFieldPattern(u"^[A-Za-z][A-Za-z0-9_]{0,63}$"_s);
    for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it) {
        const QString field = u"secrets."_s + it.key();
        if (!secretFieldPattern.match(it.key()).hasMatch()) {
            fail(field, tr("is not a valid secret field name (letters, digits and '_', starting with a letter)"));
        } else if (it.value().trimmed().isEmpty()) {
            fail(field, tr("must name a keychain entry"));
        } else if (it.value().size() > 256) {
            fail(field, tr("must be a keychain entry name of at most 256 characters"));
        }
    }

    // Unknown fields are kept for forward compatibility, but never ones that look like secrets.
    checkUnknownFields(unknownFields, path, errors);
    checkUnknownFields(liveperson.unknownFields, joinPath(path, u"liveperson"_s), errors);
    checkUnknownFields(bot.unknownFields, joinPath(path, u"bot"_s), errors);
    checkUnknownFields(routing.unknownFields, joinPath(path, u"routing"_s), errors);
    checkUnknownFields(delivery.unknownFields, joinPath(path, u"delivery"_s), errors);
    return errors;
}

} // namespace Switchboard::Storage
