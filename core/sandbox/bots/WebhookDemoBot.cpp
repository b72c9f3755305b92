// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebhookDemoBot.h"

#include "sandbox/SandboxLogging.h"
#include "sandbox/bots/BotHttpServer.h"
#include "sandbox/bots/DemoBotAnswers.h"
#include "util/JsonWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Switchboard::Sandbox
{

namespace
{

QByteArray compact(const QJsonObject &object)
{
    // QJsonDocument::toJson(Compact)'s bytes, without its per-string buffers (every answer goes through here).
    return JsonWriter::toJson(object);
}

QByteArray randomDemoValue()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return "sandbox-" + bytes.toHex();
}

/** Compares in time that depends only on the lengths (STYLE §7). */
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    }
    return difference == 0;
}

bool isHex(QByteArrayView text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

bool isLoopback(const QUrl &url)
{
    const QHostAddress address(url.host());
    return url.host() == "localhost"_L1 || (!address.isNull() && address.isLoopback());
}

QJsonArray contractViolationReplies(const QString &variant, const QString &humanSkill)
{
    const QJsonObject text = DemoBotAnswers::textItem(u"This answer breaks the webhook contract."_s);
    if (variant == "unknown-type"_L1) {
        return {text, QJsonObject{{"type"_L1, "VIDEO"_L1}, {"data"_L1, QJsonObject{}}}};
    }
    if (variant == "bad-delay"_L1) {
        return {text, QJsonObject{{"type"_L1, "DELAY"_L1}, {"data"_L1, QJsonObject{{"seconds"_L1, 0}}}}};
    }
    if (variant == "empty-response"_L1) {
        return {};
    }
    return {text,
            DemoBotAnswers::actionItem(u"TRANSFER"_s, QJsonObject{{"skillName"_L1, humanSkill}}),
            DemoBotAnswers::actionItem(u"CLOSE_CONVERSATION"_s)};
}

} // namespace

WebhookDemoBot::WebhookDemoBot(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    if (m_config.signingSecret.isEmpty()) {
        m_config.signingSecret = randomDemoValue();
    }
    if (m_config.callbackToken.isEmpty()) {
        m_config.callbackToken = randomDemoValue();
    }
    if (!m_config.path.startsWith(u'/')) {
        m_config.path.prepend(u'/');
    }
    m_server = std::make_unique<BotHttpServer>(
        [this](const BotHttpRequest &request, BotHttpResponder &&responder) {
            handleRequest(request, std::move(responder));
        },
        this);
    if (m_config.serverTls) {
        m_server->setTls(*m_config.serverTls);
    }
}

WebhookDemoBot::~WebhookDemoBot() = default;

Result<quint16> WebhookDemoBot::listen(const QHostAddress &address, quint16 port)
{
    auto bound = m_server->listen(address, port);
    if (bound) {
        qCInfo(lcSandbox).noquote() << "Webhook demo bot listening on" << url().toString();
    }
    return bound;
}

QUrl WebhookDemoBot::url() const
{
    QUrl result = m_server->rootUrl();
    if (!result.isEmpty()) {
        result.setPath(m_config.path);
    }
    return result;
}

QUrl WebhookDemoBot::controlUrl() const
{
    QUrl result = m_server->rootUrl();
    if (!result.isEmpty()) {
        result.setPath(u"/control"_s);
    }
    return result;
}

QByteArray WebhookDemoBot::signingSecret() const
{
    return m_config.signingSecret;
}

QByteArray WebhookDemoBot::callbackToken() const
{
    return m_config.callbackToken;
}

void WebhookDemoBot::setReplyMode(ReplyMode mode, int asyncDelayMs)
{
    m_config.mode = mode;
    if (asyncDelayMs >= 0) {
        m_config.asyncDelayMs = asyncDelayMs;
    }
}

WebhookDemoBot::ReplyMode WebhookDemoBot::replyMode() const
{
    return m_config.mode;
}

void WebhookDemoBot::setBehaviour(const DemoBotBehaviour &behaviour)
{
    m_behaviour = behaviour;
    m_faultAccumulator = 0;
    qCInfo(lcSandbox).noquote() << "Webhook demo bot behaviour:" << DemoBotBehaviour::modeName(behaviour.mode)
                                << "ratio" << behaviour.failRatio;
}

DemoBotBehaviour WebhookDemoBot::behaviour() const
{
    return m_behaviour;
}

qint64 WebhookDemoBot::now() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentSecsSinceEpoch();
}

QByteArray WebhookDemoBot::signature(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(timestamp);
    mac.addData(".", 1);
    mac.addData(body);
    return "sha256=" + mac.result().toHex();
}

QJsonObject WebhookDemoBot::stats() const
{
    QJsonObject rejected;
    for (auto it = m_counters.rejectedByReason.cbegin(); it != m_counters.rejectedByReason.cend(); ++it) {
        rejected.insert(it.key(), static_cast<qint64>(it.value()));
    }
    QJsonObject events;
    for (auto it = m_counters.eventsByType.cbegin(); it != m_counters.eventsByType.cend(); ++it) {
        events.insert(it.key(), static_cast<qint64>(it.value()));
    }
    const auto n = [](quint64 value) { return static_cast<qint64>(value); };
    return QJsonObject{{"requests"_L1, n(m_counters.requests)},
                       {"accepted"_L1, n(m_counters.accepted)},
                       {"pings"_L1, n(m_counters.pings)},
                       {"rejectedSignatures"_L1, n(m_counters.rejectedSignatures)},
                       {"rejectedByReason"_L1, rejected},
                       {"badRequests"_L1, n(m_counters.badRequests)},
                       {"syncReplies"_L1, n(m_counters.syncReplies)},
                       {"asyncAccepted"_L1, n(m_counters.asyncAccepted)},
                       {"callbacksSent"_L1, n(m_counters.callbacksSent)},
                       {"callbacksSucceeded"_L1, n(m_counters.callbacksSucceeded)},
                       {"callbacksFailed"_L1, n(m_counters.callbacksFailed)},
                       {"duplicateDeliveries"_L1, n(m_counters.duplicateDeliveries)},
                       {"duplicateSequences"_L1, n(m_counters.duplicateSequences)},
                       {"faultsInjected"_L1, n(m_counters.faultsInjected)},
                       {"heldRequests"_L1, static_cast<qint64>(m_held.size())},
                       {"control"_L1, n(m_counters.control)},
                       {"events"_L1, events},
                       {"conversations"_L1, m_lastDelivery.size()},
                       {"mode"_L1, m_config.mode == ReplyMode::Sync ? u"sync"_s : u"async"_s},
                       {"behaviour"_L1, m_behaviour.toJson()}};
}

QJsonObject WebhookDemoBot::conversationStats(const QString &conversationId) const
{
    const auto delivery = m_lastDelivery.constFind(conversationId);
    if (delivery == m_lastDelivery.constEnd()) {
        return {};
    }
    return QJsonObject{{"conversationId"_L1, conversationId},
                       {"lastDeliveryId"_L1, *delivery},
                       {"lastSequence"_L1, m_lastSequence.value(conversationId, -1)}};
}

void WebhookDemoBot::resetStats()
{
    m_counters = Counters{};
}

QJsonObject WebhookDemoBot::describe() const
{
    return QJsonObject{{"url"_L1, url().toString()},
                       {"signingSecret"_L1, QString::fromLatin1(m_config.signingSecret)},
                       {"callbackToken"_L1, QString::fromLatin1(m_config.callbackToken)},
                       {"mode"_L1, m_config.mode == ReplyMode::Sync ? u"sync"_s : u"async"_s},
                       {"controlUrl"_L1, controlUrl().toString()}};
}

void WebhookDemoBot::handleRequest(const BotHttpRequest &request, BotHttpResponder &&responder)
{
    if (request.path == "/control"_L1 || request.path.startsWith("/control/"_L1)) {
        ++m_counters.control;
        handleControl(request, responder);
        return;
    }
    if (request.path != m_config.path || request.method != BotHttpRequest::Method::Post) {
        reject(responder, 404, u"not_found"_s, tr("The webhook accepts POST %1 only.").arg(m_config.path));
        return;
    }
    ++m_counters.requests;
    handleEvent(request, responder);
}

void WebhookDemoBot::reject(BotHttpResponder &responder, int status, const QString &code, const QString &message)
{
    if (status == 401) {
        ++m_counters.rejectedSignatures;
        ++m_counters.rejectedByReason[code];
        qCDebug(lcSandbox) << "webhook demo bot: request rejected:" << code;
        Q_EMIT signatureRejected(code);
    } else if (status == 400) {
        ++m_counters.badRequests;
    }
    // The error shape of docs/bot-webhook.md §4.1.
    responder.send(status, compact(QJsonObject{{"error"_L1, QJsonObject{{"code"_L1, code}, {"message"_L1, message}}}}));
}

void WebhookDemoBot::handleEvent(const BotHttpRequest &request, BotHttpResponder &responder)
{
    // 1. Authenticity: signature over "<timestamp>.<raw body>", then the timestamp window.
    const QByteArray timestamp = request.header("x-switchboard-timestamp").trimmed();
    const QByteArray signatureHeader = request.header("x-switchboard-signature").trimmed();
    if (timestamp.isEmpty()) {
        reject(responder, 401, u"timestamp_missing"_s, tr("The X-Switchboard-Timestamp header is missing."));
        return;
    }
    bool numeric = false;
    const qint64 sentAt = timestamp.toLongLong(&numeric);
    if (!numeric) {
        reject(responder,
               401,
               u"timestamp_invalid"_s,
               tr("X-Switchboard-Timestamp must be whole seconds since the epoch."));
        return;
    }
    if (signatureHeader.isEmpty()) {
        reject(responder, 401, u"signature_missing"_s, tr("The X-Switchboard-Signature header is missing."));
        return;
    }
    if (!signatureHeader.startsWith("sha256=") || signatureHeader.size() != 7 + 64 ||
        !isHex(QByteArrayView(signatureHeader).sliced(7))) {
        reject(responder,
               401,
               u"signature_malformed"_s,
               tr("X-Switchboard-Signature must be \"sha256=\" and 64 hex digits."));
        return;
    }
    const QByteArray expected = signature(m_config.signingSecret, timestamp, request.body);
    if (!constantTimeEquals(expected, "sha256=" + signatureHeader.mid(7).toLower())) {
        reject(responder, 401, u"signature_mismatch"_s, tr("The signature does not match the body and timestamp."));
        return;
    }
    const qint64 nowSeconds = now();
    if (nowSeconds - sentAt > m_config.maxClockSkewSeconds) {
        reject(responder,
               401,
               u"timestamp_stale"_s,
               tr("The request is older than %1 seconds.").arg(m_config.maxClockSkewSeconds));
        return;
    }
    if (sentAt - nowSeconds > m_config.maxClockSkewSeconds) {
        reject(responder,
               401,
               u"timestamp_in_future"_s,
               tr("The timestamp is more than %1 seconds ahead.").arg(m_config.maxClockSkewSeconds));
        return;
    }

    // 2. The event (docs/bot-webhook.md §2.2).
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        reject(responder, 400, u"malformed_json"_s, tr("The body is not a JSON object."));
        return;
    }
    const QJsonObject event = document.object();
    if (event.value("version"_L1).toInt() != 1) {
        reject(responder, 400, u"unsupported_version"_s, tr("Only \"version\": 1 is supported."));
        return;
    }
    const QString type = event.value("type"_L1).toString();
    static const QStringList types{u"message"_s,
                                   u"conversation_started"_s,
                                   u"conversation_transferred"_s,
                                   u"conversation_closed"_s,
                                   u"survey_started"_s,
                                   u"survey_closed"_s,
                                   u"ping"_s};
    if (!types.contains(type)) {
        reject(responder, 400, u"unknown_type"_s, tr("Unknown event type \"%1\".").arg(type));
        return;
    }
    if (const QByteArray header = request.header("x-switchboard-event");
        !header.isEmpty() && QString::fromUtf8(header) != type) {
        reject(responder, 400, u"event_mismatch"_s, tr("X-Switchboard-Event differs from the body's type."));
        return;
    }
    const QString deliveryId = event.value("deliveryId"_L1).toString();
    const QString conversationId = event.value("conversationId"_L1).toString();
    const bool ping = type == "ping"_L1;
    if (deliveryId.isEmpty() || (!ping && conversationId.isEmpty())) {
        reject(responder,
               400,
               u"missing_field"_s,
               tr("\"deliveryId\" and (except for ping) \"conversationId\" are required."));
        return;
    }
    if (const QByteArray header = request.header("x-switchboard-delivery");
        !header.isEmpty() && QString::fromUtf8(header) != deliveryId) {
        reject(
            responder, 400, u"delivery_mismatch"_s, tr("X-Switchboard-Delivery differs from the body's deliveryId."));
        return;
    }
    if (ping) {
        // The health probe is answered at once and is never faulted, so fault ratios count bot calls only.
        ++m_counters.pings;
        const bool offline = m_behaviour.mode == DemoBotBehaviour::Mode::Offline;
        responder.send(200,
                       compact(QJsonObject{{"version"_L1, 1}, {"state"_L1, offline ? u"offline"_s : u"online"_s}}));
        return;
    }
    const QUrl callbackUrl(event.value("callbackUrl"_L1).toString(), QUrl::StrictMode);
    const bool async = m_config.mode == ReplyMode::Async;
    if (async && (!callbackUrl.isValid() || (callbackUrl.scheme() != "http"_L1 && callbackUrl.scheme() != "https"_L1) ||
                  callbackUrl.host().isEmpty())) {
        reject(responder, 400, u"callback_url_invalid"_s, tr("An async bot needs an http(s) \"callbackUrl\"."));
        return;
    }

    DemoBotAnswers::Options options;
    options.humanSkillName = m_config.humanSkillName;
    options.cardImageUrl = m_config.cardImageUrl;
    options.conversationId = conversationId;
    DemoBotAnswers::Answer reply;
    const QJsonObject message = event.value("message"_L1).toObject();
    if (type == "message"_L1) {
        if (message.value("text"_L1).isString()) {
            reply = DemoBotAnswers::forText(message.value("text"_L1).toString(), options);
        } else if (message.value("content"_L1).isObject()) {
            reply = DemoBotAnswers::richContent(options);
        } else {
            reject(
                responder, 400, u"message_invalid"_s, tr("A \"message\" event needs message.text or message.content."));
            return;
        }
    } else if (type == "conversation_started"_L1) {
        reply = DemoBotAnswers::welcome(message.value("text"_L1).toString(), options);
    } else if (type == "survey_started"_L1) {
        reply = DemoBotAnswers::survey(options);
    }
    // conversation_transferred, conversation_closed and survey_closed are answered with no replies.

    ++m_counters.accepted;
    ++m_counters.eventsByType[type];
    Q_EMIT deliveryReceived(deliveryId, conversationId, type);
    if (m_deliveries.value(deliveryId, false)) {
        ++m_counters.duplicateDeliveries;
        Q_EMIT duplicateDeliveryDetected(deliveryId);
    }
    m_deliveries.insert(deliveryId, m_deliveries.value(deliveryId, false));
    m_lastDelivery.insert(conversationId, deliveryId);
    const QJsonValue sequenceValue = event.value("sequence"_L1);
    const bool tracked = type == "message"_L1 && sequenceValue.isDouble();
    const auto sequence = static_cast<qint64>(sequenceValue.toDouble(-1));
    if (tracked) {
        auto &sequences = m_sequences[conversationId];
        if (sequences.value(sequence, false)) {
            ++m_counters.duplicateSequences;
        }
        sequences.insert(sequence, sequences.value(sequence, false));
        m_lastSequence[conversationId] = std::max(m_lastSequence.value(conversationId, -1), sequence);
    }

    // 3. Faults.
    using Mode = DemoBotBehaviour::Mode;
    const Mode mode = m_behaviour.mode;
    const bool applicable = mode != Mode::Normal && mode != Mode::Offline && (mode != Mode::BadCallbackToken || async);
    const bool faulted = applicable && m_behaviour.takeFault(m_faultAccumulator);
    if (faulted) {
        ++m_counters.faultsInjected;
    }
    if (faulted && mode == Mode::Fail5xx) {
        responder.send(
            m_behaviour.status,
            compact(QJsonObject{{"error"_L1,
                                 QJsonObject{{"code"_L1, "injected_fault"_L1},
                                             {"message"_L1, tr("Injected fault: the demo bot fails this call.")}}}}));
        return;
    }
    if (faulted && mode == Mode::Timeout) {
        std::erase_if(m_held, [](const auto &held) { return !held->isPending(); });
        m_held.push_back(std::make_shared<BotHttpResponder>(std::move(responder)));
        return;
    }

    QJsonObject answerObject{{"version"_L1, 1}, {"deliveryId"_L1, deliveryId}};
    if (async) {
        answerObject.insert("conversationId"_L1, conversationId);
    }
    answerObject.insert("replies"_L1,
                        faulted && mode == Mode::ContractViolation
                            ? contractViolationReplies(m_behaviour.violation, m_config.humanSkillName)
                            : reply.items);
    answerObject.insert("intents"_L1, reply.intents);
    QByteArray answerBody = compact(answerObject);
    if (faulted && mode == Mode::Malformed) {
        answerBody = QByteArrayLiteral("{\"version\":1,\"replies\":[{\"type\":\"TEXT\",\"data\":{\"mess");
    } else if (faulted && mode == Mode::Oversize) {
        answerObject.insert(
            "replies"_L1,
            QJsonArray{DemoBotAnswers::textItem(QString(static_cast<qsizetype>(m_behaviour.oversizeBytes), u'x'))});
        answerBody = compact(answerObject);
    }
    const bool badToken = faulted && mode == Mode::BadCallbackToken;
    const bool answersNormally = !faulted || mode == Mode::Slow || mode == Mode::BadCallbackToken;
    const int delayMs = faulted && mode == Mode::Slow ? m_behaviour.delayMs : 0;

    auto held = std::make_shared<BotHttpResponder>(std::move(responder));
    auto respond = [this,
                    held,
                    async,
                    answerBody,
                    deliveryId,
                    conversationId,
                    callbackUrl,
                    badToken,
                    answersNormally,
                    tracked,
                    sequence] {
        if (!held->isPending()) {
            return;
        }
        if (!async) {
            held->send(200, answerBody);
            ++m_counters.syncReplies;
            if (answersNormally) {
                m_deliveries.insert(deliveryId, true);
                if (tracked) {
                    m_sequences[conversationId].insert(sequence, true);
                }
            }
            return;
        }
        held->send(202, compact(QJsonObject{{"version"_L1, 1}, {"deliveryId"_L1, deliveryId}, {"accepted"_L1, true}}));
        ++m_counters.asyncAccepted;
        QTimer::singleShot(
            m_config.asyncDelayMs,
            this,
            [this, callbackUrl, deliveryId, conversationId, answerBody, badToken, answersNormally, tracked, sequence] {
                sendCallback(callbackUrl, deliveryId, answerBody, badToken);
                if (answersNormally && !badToken) {
                    m_deliveries.insert(deliveryId, true);
                    if (tracked) {
                        m_sequences[conversationId].insert(sequence, true);
                    }
                }
            });
    };
    if (delayMs > 0) {
        QTimer::singleShot(delayMs, this, respond);
    } else {
        respond();
    }
}

void WebhookDemoBot::sendCallback(const QUrl &callbackUrl,
                                  const QString &deliveryId,
                                  const QByteArray &body,
                                  bool badToken)
{
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
    }
    QNetworkRequest request(callbackUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization",
                         "Bearer " + (badToken ? "wrong-" + m_config.callbackToken : m_config.callbackToken));
    request.setRawHeader("X-Switchboard-Delivery", deliveryId.toUtf8());
    request.setTransferTimeout(30'000);
    if (callbackUrl.scheme() == "https"_L1) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_config.trustedCas);
        request.setSslConfiguration(tls);
    }
    if (isLoopback(callbackUrl)) {
        // The connector's callback server is on loopback in the sandbox; no proxy from the environment.
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
    ++m_counters.callbacksSent;
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, deliveryId] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300) {
            ++m_counters.callbacksSucceeded;
        } else {
            ++m_counters.callbacksFailed;
            qCDebug(lcSandbox) << "webhook demo bot: callback failed" << status << reply->error();
        }
        Q_EMIT callbackFinished(deliveryId, status);
    });
}

void WebhookDemoBot::handleControl(const BotHttpRequest &request, BotHttpResponder &responder)
{
    using Method = BotHttpRequest::Method;
    const QString &path = request.path;
    if (path == "/control/behaviour"_L1 && request.method == Method::Get) {
        responder.send(200, compact(m_behaviour.toJson()));
    } else if (path == "/control/behaviour"_L1 && request.method == Method::Post) {
        const auto parsed = DemoBotBehaviour::fromJson(QJsonDocument::fromJson(request.body).object());
        if (!parsed) {
            reject(responder, 400, u"bad_behaviour"_s, parsed.error().message);
            return;
        }
        setBehaviour(parsed.value());
        responder.send(200, compact(m_behaviour.toJson()));
    } else if (path == "/control/stats"_L1 && request.method == Method::Get) {
        const QString conversationId = request.query.queryItemValue(u"conversationId"_s, QUrl::FullyDecoded);
        if (conversationId.isEmpty()) {
            responder.send(200, compact(stats()));
        } else if (const QJsonObject conversation = conversationStats(conversationId); !conversation.isEmpty()) {
            responder.send(200, compact(conversation));
        } else {
            reject(responder, 404, u"not_found"_s, tr("Unknown conversation."));
        }
    } else if (path == "/control/mode"_L1 && request.method == Method::Post) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QString mode = body.value("mode"_L1).toString();
        if (mode != "sync"_L1 && mode != "async"_L1) {
            reject(responder, 400, u"bad_mode"_s, tr("\"mode\" must be sync or async."));
            return;
        }
        setReplyMode(mode == "sync"_L1 ? ReplyMode::Sync : ReplyMode::Async, body.value("asyncDelayMs"_L1).toInt(-1));
        responder.send(200, compact(QJsonObject{{"mode"_L1, mode}, {"asyncDelayMs"_L1, m_config.asyncDelayMs}}));
    } else if (path == "/control/reset-stats"_L1 && request.method == Method::Post) {
        resetStats();
        responder.sendEmpty(204);
    } else {
        reject(responder, 404, u"not_found"_s, tr("Unknown control endpoint."));
    }
}

} // namespace Switchboard::Sandbox
