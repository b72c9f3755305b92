// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebhookClient.h"

#include "BotErrors.h"
#include "BotLogging.h"
#include "ReplyParser.h"
#include "RetryingRequest.h"
#include "WebhookSignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Switchboard::Bot
{

namespace
{

/** Events that may be acknowledged without any answer. */
bool mayStaySilent(EventType type)
{
    return type == EventType::Transferred || type == EventType::Closed || type == EventType::SurveyClose;
}

/** Finished deliveries are remembered this long, to recognise late and duplicate callbacks. */
constexpr qint64 s_rememberMs = 15 * 60 * 1000;
constexpr int s_rememberMax = 20000;

} // namespace

WebhookClient::WebhookClient(
    const WebhookConfig &config, HttpClient *http, CallbackServer *callbackServer, const Clock &clock, QObject *parent)
    : BotClient(parent)
    , m_config(config)
    , m_http(http)
    , m_server(callbackServer)
    , m_clock(clock)
    , m_configCheck(validateConfig(config))
{
    if (!m_http) {
        m_ownHttp = std::make_unique<HttpClient>();
        m_http = m_ownHttp.get();
    }
    if (m_server && m_configCheck) {
        QPointer<WebhookClient> self(this);
        m_server->registerIntegration(
            m_config.integrationId, m_config.callbackToken, this, [self](const CallbackRequest &request) {
                if (self) {
                    self->handleCallback(request);
                }
            });
    }
    connect(&m_probeTimer, &QTimer::timeout, this, &WebhookClient::probeState);
}

WebhookClient::~WebhookClient()
{
    cancelAll();
    if (m_server) {
        m_server->unregisterIntegration(m_config.integrationId);
    }
}

VoidResult WebhookClient::validateConfig(const WebhookConfig &config)
{
    const QUrl url(config.url);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
        url.host().isEmpty()) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid),
                                   tr("The webhook URL \"%1\" is not an http:// or https:// URL.").arg(config.url));
    }
    if (config.integrationId.isEmpty()) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid), tr("The integration id is empty."));
    }
    if (config.signingSecret.size() < 16) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid),
                                   tr("The signing secret must have at least 16 bytes."));
    }
    if (config.callbackToken.size() < 16) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid),
                                   tr("The callback token must have at least 16 characters."));
    }
    if (config.retry.maxAttempts < 1 || config.retry.timeoutMs < 1 || config.callbackTimeoutMs < 1) {
        return VoidResult::failure(QString::fromLatin1(ErrorCode::ConfigInvalid),
                                   tr("The timeouts and the number of attempts must be at least 1."));
    }
    return Success{};
}

BotProtocol WebhookClient::protocol() const
{
    return BotProtocol::Webhook;
}

const WebhookConfig &WebhookClient::config() const
{
    return m_config;
}

BotState WebhookClient::lastState() const
{
    return m_lastState;
}

QString WebhookClient::eventTypeWireName(EventType type)
{
    switch (type) {
    case EventType::Text:
    case EventType::RichContent:
        return QStringLiteral("message");
    case EventType::Start:
        return QStringLiteral("conversation_started");
    case EventType::Transferred:
        return QStringLiteral("conversation_transferred");
    case EventType::Closed:
        return QStringLiteral("conversation_closed");
    case EventType::SurveyStart:
        return QStringLiteral("survey_started");
    case EventType::SurveyClose:
        return QStringLiteral("survey_closed");
    }
    return QStringLiteral("message");
}

QJsonObject WebhookClient::eventBody(const BotEvent &event, const QString &callbackUrl, bool withSdes)
{
    QJsonObject body{{QStringLiteral("version"), 1},
                     {QStringLiteral("type"), eventTypeWireName(event.type)},
                     {QStringLiteral("deliveryId"), event.deliveryId},
                     {QStringLiteral("timestamp"), double(event.timestampMs > 0 ? event.timestampMs : 0)},
                     {QStringLiteral("conversationId"), event.conversationId},
                     {QStringLiteral("dialogId"), event.dialogId.isEmpty() ? event.conversationId : event.dialogId},
                     {QStringLiteral("consumerId"), event.consumerId},
                     {QStringLiteral("callbackUrl"), callbackUrl}};
    if (event.constituentDeliveryIds.size() > 1) {
        body.insert(QStringLiteral("deliveryIds"), QJsonArray::fromStringList(event.constituentDeliveryIds));
    }
    if (event.sequence >= 0) {
        body.insert(QStringLiteral("sequence"), double(event.sequence));
    }
    QJsonObject message;
    switch (event.type) {
    case EventType::Text:
        message.insert(QStringLiteral("text"), event.text);
        break;
    case EventType::RichContent:
    case EventType::SurveyClose:
        if (!event.content.isEmpty() || event.type == EventType::RichContent) {
            message.insert(QStringLiteral("content"), event.content);
        }
        break;
    case EventType::Start:
        if (!event.text.isEmpty()) {
            message.insert(QStringLiteral("text"), event.text);
        }
        break;
    case EventType::Transferred:
    case EventType::Closed:
    case EventType::SurveyStart:
        break;
    }
    if (!message.isEmpty() || event.type == EventType::Text || event.type == EventType::RichContent) {
        body.insert(QStringLiteral("message"), message);
    }
    const ConversationContext &c = event.context;
    QJsonObject context{{QStringLiteral("channel"),
                         c.channel == ChannelType::Chat ? QStringLiteral("chat") : QStringLiteral("messaging")}};
    auto put = [&context](const char *key, const QString &value) {
        if (!value.isEmpty()) {
            context.insert(QLatin1String(key), value);
        }
    };
    put("skillId", c.skillId);
    put("engagementId", c.engagementId);
    put("campaignId", c.campaignId);
    put("contextType", c.contextType);
    put("assignedAgentId", c.assignedAgentId);
    if (!c.visitor.isEmpty()) {
        context.insert(QStringLiteral("visitor"), c.visitor);
    }
    body.insert(QStringLiteral("context"), context);
    if (withSdes) {
        QJsonObject sdes = event.sdes;
        if (!sdes.value(QLatin1String("authenticatedSdes")).isObject()) {
            sdes.insert(QStringLiteral("authenticatedSdes"), QJsonObject{});
        }
        if (!sdes.value(QLatin1String("unauthenticatedSdes")).isObject()) {
            sdes.insert(QStringLiteral("unauthenticatedSdes"), QJsonObject{});
        }
        body.insert(QStringLiteral("sdes"), sdes);
    }
    if (!event.lpEvent.isEmpty()) {
        body.insert(QStringLiteral("lpEvent"), event.lpEvent);
    } else if (!event.lpEventJson.isEmpty()) {
        body.insert(QStringLiteral("lpEvent"), QJsonDocument::fromJson(event.lpEventJson).object());
    }
    return body;
}

QString WebhookClient::consumerKey(const BotEvent &event) const
{
    // Chat conversations may come without a consumer id; the conversation then names the consumer.
    return event.consumerId.isEmpty() ? event.conversationId : event.consumerId;
}

HttpRequest
WebhookClient::signedRequest(const QByteArray &body, const QString &eventType, const QString &deliveryId) const
{
    const QByteArray timestamp = QByteArray::number(m_clock.nowMs() / 1000);
    HttpRequest request;
    request.method = "POST";
    request.url = m_config.url.toUtf8();
    request.body = body;
    request.timeoutMs = m_config.retry.timeoutMs;
    request.headers = {{"Content-Type", "application/json"},
                       {"Accept", "application/json"},
                       {"X-Switchboard-Event", eventType.toUtf8()},
                       {"X-Switchboard-Delivery", deliveryId.toUtf8()},
                       {"X-Switchboard-Timestamp", timestamp},
                       {"X-Switchboard-Signature", WebhookSignature::sign(m_config.signingSecret, timestamp, body)}};
    if (!m_config.authorization.isEmpty()) {
        request.headers.append(std::pair<QByteArray, QByteArray>("Authorization", m_config.authorization));
    }
    return request;
}

void WebhookClient::sendEvent(const BotEvent &event)
{
    prune();
    auto delivery = std::make_shared<Delivery>();
    delivery->event = event;
    if (const std::shared_ptr<Delivery> previous = m_deliveries.value(event.deliveryId)) {
        // A redelivery (after a reconnect or restart) supersedes whatever is still under way.
        qCInfo(lcBot) << "delivery" << event.deliveryId << "sent again (redelivery)";
        if (previous->request) {
            previous->request->cancel();
        }
        if (previous->callbackTimer) {
            previous->callbackTimer->stop();
        }
    }
    m_deliveries.insert(event.deliveryId, delivery);
    const QString deliveryId = event.deliveryId;
    if (!m_configCheck) {
        const BotError error = BotErrors::make(ErrorCode::ConfigInvalid, m_configCheck.error().message);
        QTimer::singleShot(0, this, [this, deliveryId, error] {
            if (auto d = m_deliveries.value(deliveryId)) {
                failDelivery(*d, error);
            }
        });
        return;
    }
    const QString consumer = consumerKey(event);
    QString callbackUrl;
    if (m_server) {
        m_server->expectDelivery(m_config.integrationId, consumer, event.conversationId, event.deliveryId);
        callbackUrl = m_server->callbackUrl(consumer);
    }
    const QByteArray body =
        QJsonDocument(eventBody(event, callbackUrl, m_config.sendSdes)).toJson(QJsonDocument::Compact);
    const QString wireType = eventTypeWireName(event.type);

    RetryingRequest::Params params;
    params.http = m_http;
    params.context = this;
    params.policy = m_config.retry;
    params.hopTemplate.deliveryId = event.deliveryId;
    params.hopTemplate.conversationId = event.conversationId;
    params.hopTemplate.operation = HopOperation::Webhook;
    params.makeRequest = [this, body, wireType, deliveryId] { return signedRequest(body, wireType, deliveryId); };
    params.onRetriedHop = [this](const HopRecord &hop) { Q_EMIT attemptFinished(hop); };
    params.onDone = [this, deliveryId](const HttpResponse &response, const HopRecord &hop) {
        handleAnswer(deliveryId, response, hop);
    };
    delivery->request = RetryingRequest::start(std::move(params));
}

void WebhookClient::handleAnswer(const QString &deliveryId, const HttpResponse &response, HopRecord hop)
{
    const std::shared_ptr<Delivery> delivery = m_deliveries.value(deliveryId);
    if (!delivery) {
        Q_EMIT attemptFinished(hop);
        return;
    }
    delivery->request.reset();
    const bool lifecycle = mayStaySilent(delivery->event.type);
    if (!response.transportOk() || response.status < 200 || response.status > 299) {
        Q_EMIT attemptFinished(hop);
        if (delivery->state == State::InFlight) {
            BotError error = BotErrors::fromHttp(response);
            error.attempts = hop.attempt;
            failDelivery(*delivery, error);
        }
        return;
    }
    if (response.status == 202 || response.status == 204) {
        Q_EMIT attemptFinished(hop);
        if (delivery->state != State::InFlight) {
            return; // the callback overtook the acknowledgement
        }
        if (lifecycle) {
            BotResponse empty;
            complete(*delivery, empty);
            delivery->state = State::Acknowledged;
            return;
        }
        if (!m_server || !m_server->isListening()) {
            failDelivery(
                *delivery,
                BotErrors::make(
                    ErrorCode::ConfigInvalid,
                    tr("The bot answered %1 (answer later), but no callback server is running.").arg(response.status),
                    response.status));
            return;
        }
        delivery->state = State::AwaitingCallback;
        delivery->callbackTimer = std::make_unique<QTimer>();
        delivery->callbackTimer->setSingleShot(true);
        connect(delivery->callbackTimer.get(), &QTimer::timeout, this, [this, deliveryId] {
            const std::shared_ptr<Delivery> d = m_deliveries.value(deliveryId);
            if (d && d->state == State::AwaitingCallback) {
                failDelivery(
                    *d,
                    BotErrors::make(ErrorCode::CallbackTimeout,
                                    tr("No callback for delivery \"%1\" within %2 ms of the bot's acknowledgement.")
                                        .arg(deliveryId)
                                        .arg(m_config.callbackTimeoutMs)));
            }
        });
        delivery->callbackTimer->start(m_config.callbackTimeoutMs);
        Q_EMIT deliveryAccepted(deliveryId);
        return;
    }

    ReplyParser::Options options = ReplyParser::webhookOptions();
    options.allowEmpty = lifecycle;
    options.channel = delivery->event.context.channel;
    ReplyParseResult parsed = ReplyParser::parseBody(response.body, options);
    if (parsed.ok()) {
        const QJsonObject object = QJsonDocument::fromJson(response.body).object();
        const QJsonValue version = object.value(QLatin1String("version"));
        const QJsonValue echoed = object.value(QLatin1String("deliveryId"));
        if (!version.isUndefined() && version.toDouble() != 1.0) {
            parsed.error = BotErrors::make(ErrorCode::ContractViolation,
                                           tr("$.version: only version 1 is supported."),
                                           0,
                                           QStringLiteral("$.version"));
        } else if (!echoed.isUndefined() && echoed.toString() != deliveryId) {
            parsed.error = BotErrors::make(
                ErrorCode::ContractViolation,
                tr("$.deliveryId: the answer names delivery \"%1\", not \"%2\".").arg(echoed.toString(), deliveryId),
                0,
                QStringLiteral("$.deliveryId"));
        }
    }
    if (!parsed.ok()) {
        hop.outcome = HopOutcome::InvalidReply;
        hop.errorCode = parsed.error.code;
        Q_EMIT attemptFinished(hop);
        if (delivery->state == State::InFlight) {
            parsed.error.httpStatus = response.status;
            parsed.error.attempts = hop.attempt;
            failDelivery(*delivery, parsed.error);
        }
        return;
    }
    Q_EMIT attemptFinished(hop);
    if (delivery->state != State::InFlight) {
        // A callback already answered this delivery; the synchronous answer is the second one.
        parsed.response.duplicate = true;
    }
    complete(*delivery, parsed.response);
}

void WebhookClient::complete(Delivery &delivery, BotResponse response)
{
    response.deliveryId = delivery.event.deliveryId;
    response.deliveryIds = delivery.event.deliveryIds();
    response.conversationId = delivery.event.conversationId;
    if (delivery.state == State::Answered) {
        response.duplicate = true;
    } else if (delivery.state == State::Failed) {
        response.late = true;
    }
    if (delivery.state == State::InFlight || delivery.state == State::AwaitingCallback ||
        delivery.state == State::Acknowledged) {
        delivery.state = State::Answered;
    }
    if (delivery.callbackTimer) {
        delivery.callbackTimer->stop();
    }
    delivery.finishedAtMonoMs = m_clock.monotonicMs();
    for (const QString &warning : std::as_const(response.warnings)) {
        qCInfo(lcBot) << "protocol warning for delivery" << delivery.event.deliveryId << ":" << warning;
    }
    if (response.duplicate || response.late) {
        qCInfo(lcBot) << "delivery" << delivery.event.deliveryId
                      << "answered again:" << (response.late ? "late" : "duplicate");
    }
    const QString deliveryId = delivery.event.deliveryId;
    Q_EMIT replied(deliveryId, response);
}

void WebhookClient::failDelivery(Delivery &delivery, BotError error)
{
    delivery.state = State::Failed;
    if (delivery.callbackTimer) {
        delivery.callbackTimer->stop();
    }
    delivery.finishedAtMonoMs = m_clock.monotonicMs();
    qCWarning(lcBot) << "webhook delivery" << delivery.event.deliveryId << "failed:" << error.code << error.httpStatus;
    const QString deliveryId = delivery.event.deliveryId;
    Q_EMIT deliveryFailed(deliveryId, error);
}

void WebhookClient::handleCallback(const CallbackRequest &request)
{
    const std::shared_ptr<Delivery> delivery = m_deliveries.value(request.deliveryId);
    if (!delivery) {
        // Known to the server but forgotten here (pruned, or the client was restarted).
        BotResponse response = request.response;
        response.late = true;
        response.viaCallback = true;
        response.deliveryIds = QStringList{request.deliveryId};
        Q_EMIT replied(request.deliveryId, response);
        return;
    }
    BotResponse response = request.response;
    response.viaCallback = true;
    const bool mustSaySomething = !mayStaySilent(delivery->event.type);
    bool hasMessageOrAction = false;
    for (const BotReply &item : std::as_const(response.items)) {
        hasMessageOrAction = hasMessageOrAction || item.kind != ReplyKind::Delay;
    }
    if (mustSaySomething && !hasMessageOrAction &&
        (delivery->state == State::InFlight || delivery->state == State::AwaitingCallback)) {
        failDelivery(
            *delivery,
            BotErrors::make(
                ErrorCode::EmptyResponse,
                tr("The bot's callback for delivery \"%1\" holds no message and no action.").arg(request.deliveryId)));
        return;
    }
    complete(*delivery, response);
}

void WebhookClient::prune()
{
    const qint64 now = m_clock.monotonicMs();
    if (m_deliveries.size() < 1024) {
        return;
    }
    for (auto it = m_deliveries.begin(); it != m_deliveries.end();) {
        const Delivery &d = **it;
        const bool finished = d.state == State::Answered || d.state == State::Failed || d.state == State::Acknowledged;
        if (finished && (now - d.finishedAtMonoMs > s_rememberMs || m_deliveries.size() > s_rememberMax)) {
            it = m_deliveries.erase(it);
        } else {
            ++it;
        }
    }
}

void WebhookClient::forgetConversation(const QString &conversationId)
{
    BotClient::forgetConversation(conversationId);
    if (m_server) {
        m_server->forgetConversation(m_config.integrationId, conversationId);
    }
    for (auto it = m_deliveries.begin(); it != m_deliveries.end();) {
        if ((*it)->event.conversationId == conversationId && (*it)->state != State::InFlight &&
            (*it)->state != State::AwaitingCallback) {
            it = m_deliveries.erase(it);
        } else {
            ++it;
        }
    }
}

void WebhookClient::cancelAll()
{
    BotClient::cancelAll();
    for (const auto &delivery : std::as_const(m_deliveries)) {
        if (delivery->request) {
            delivery->request->cancel();
        }
        if (delivery->callbackTimer) {
            delivery->callbackTimer->stop();
        }
    }
    m_deliveries.clear();
    for (const auto &probe : std::as_const(m_probes)) {
        probe->cancel();
    }
    m_probes.clear();
}

int WebhookClient::pendingCount() const
{
    int n = 0;
    for (const auto &delivery : m_deliveries) {
        n += (delivery->state == State::InFlight || delivery->state == State::AwaitingCallback) ? 1 : 0;
    }
    return n;
}

void WebhookClient::startStateProbes()
{
    probeState();
    if (m_config.stateProbeIntervalMs > 0) {
        m_probeTimer.start(m_config.stateProbeIntervalMs);
    }
}

void WebhookClient::stopStateProbes()
{
    m_probeTimer.stop();
}

void WebhookClient::probeState()
{
    if (!m_configCheck) {
        BotState state;
        state.checkedAtMs = m_clock.nowMs();
        state.error = BotErrors::make(ErrorCode::ConfigInvalid, m_configCheck.error().message);
        QTimer::singleShot(0, this, [this, state] {
            m_lastState = state;
            Q_EMIT stateProbed(state);
        });
        return;
    }
    const QString pingId = QStringLiteral("ping-%1").arg(++m_nextProbeId);
    const QJsonObject ping{{QStringLiteral("version"), 1},
                           {QStringLiteral("type"), QStringLiteral("ping")},
                           {QStringLiteral("deliveryId"), pingId},
                           {QStringLiteral("timestamp"), double(m_clock.nowMs())}};
    const QByteArray body = QJsonDocument(ping).toJson(QJsonDocument::Compact);
    RetryingRequest::Params params;
    params.http = m_http;
    params.context = this;
    params.policy = m_config.retry;
    params.policy.maxAttempts = 1;
    params.hopTemplate.operation = HopOperation::State;
    params.makeRequest = [this, body, pingId] { return signedRequest(body, QStringLiteral("ping"), pingId); };
    const quint64 probeId = m_nextProbeId;
    params.onDone = [this, probeId](const HttpResponse &response, const HopRecord &doneHop) {
        m_probes.remove(probeId);
        HopRecord hop = doneHop;
        BotState state;
        state.checkedAtMs = m_clock.nowMs();
        if (!response.transportOk() || response.status < 200 || response.status > 299) {
            state.error = BotErrors::fromHttp(response);
        } else {
            const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
            state.state = answer.value(QLatin1String("state")).toString(QStringLiteral("online"));
            state.version = answer.value(QLatin1String("botVersion")).toString();
            state.online = state.state == QLatin1String("online");
            if (!state.online) {
                state.error = BotErrors::make(
                    ErrorCode::StateNotOnline, tr("The bot reports state \"%1\".").arg(state.state), response.status);
            }
        }
        Q_EMIT attemptFinished(hop);
        m_lastState = state;
        Q_EMIT stateProbed(state);
    };
    m_probes.insert(probeId, RetryingRequest::start(std::move(params)));
}

void WebhookClient::listEnvironments()
{
    QTimer::singleShot(0, this, [this] { Q_EMIT environmentsListed({}, BotError{}); });
}

} // namespace Switchboard::Bot
