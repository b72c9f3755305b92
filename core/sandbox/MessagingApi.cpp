// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessagingApi.h"

#include <QScopeGuard>

#include "FrameLog.h"
#include "HttpServer.h"
#include "SandboxLogging.h"
#include "StateModel.h"
#include "util/JsonWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QVarLengthArray>
#include <QWebSocket>

namespace Switchboard::Sandbox
{

namespace
{
const QString s_stringResp = QStringLiteral(".ReqBody$StringResp");
const QString s_subscribeResp = QStringLiteral(".ams.GenericSubscribe$Response");
constexpr quint64 s_hardMessageLimit = 16 * 1024 * 1024;

const QRegularExpression &umsPath()
{
    static const QRegularExpression re(QStringLiteral("^/ws_api/account/([^/]+)/messaging/brand/([^/?]+)/?$"));
    return re;
}

const QStringList s_standardRoles = {Role::Consumer, Role::AssignedAgent, Role::Manager, Role::Reader};
} // namespace

MessagingApi::MessagingApi(StateModel *model, LoginService *login, HttpServer *server, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_login(login)
    , m_server(server)
{
    connect(server, &HttpServer::newWebSocketConnection, this, &MessagingApi::handleNewSockets);
    connect(model, &StateModel::conversationChanged, this, &MessagingApi::handleConversationChanged);
    connect(model, &StateModel::messageAdded, this, &MessagingApi::handleMessageAdded);
    connect(model, &StateModel::ringChanged, this, &MessagingApi::handleRingChanged);
    connect(model, &StateModel::agentStateChanged, this, &MessagingApi::handleAgentStateChanged);
    connect(login,
            &LoginService::sessionEnded,
            this,
            [this](const QString &bearer, const QString &, SessionEnd reason) { handleSessionEnded(bearer, reason); });
}

MessagingApi::~MessagingApi()
{
    for (const auto &connection : std::as_const(m_connections)) {
        if (connection->socket) {
            connection->socket->disconnect(this);
            connection->socket->abort();
        }
    }
}

int MessagingApi::upgradeGate(const HttpRequest &request)
{
    const QRegularExpressionMatch match = umsPath().match(request.path);
    if (!match.hasMatch() || match.captured(1) != m_model->accountId()) {
        return 404;
    }
    return m_login->sessionForBearer(match.captured(2)) ? 0 : 401;
}

void MessagingApi::handleNewSockets()
{
    while (m_server->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_server->nextPendingWebSocketConnection();
        if (!socket) {
            continue;
        }
        const QRegularExpressionMatch match = umsPath().match(socket->requestUrl().path());
        const QString bearer = match.captured(2);
        const std::optional<LoginSession> session = m_login->sessionForBearer(bearer);
        if (!match.hasMatch() || !session) {
            // The session ended between the upgrade and now.
            QWebSocket *raw = socket.release();
            connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
            raw->close(static_cast<QWebSocketProtocol::CloseCode>(4401), QStringLiteral("invalid or expired token"));
            continue;
        }
        auto connection = std::make_shared<Connection>();
        connection->id = m_nextConnectionId++;
        connection->bearer = bearer;
        connection->userId = session->userId;
        connection->socket = std::move(socket);
        QWebSocket *ws = connection->socket.get();
        ws->setParent(nullptr);
        // Past the sandbox's frame limit (maxFrameBytes) requests get a 400; far past it Qt itself
        // closes with 1009 so a client cannot make the emulator buffer without bound.
        ws->setMaxAllowedIncomingMessageSize(s_hardMessageLimit);
        ws->setMaxAllowedIncomingFrameSize(s_hardMessageLimit);
        const int id = connection->id;
        connect(ws, &QWebSocket::textMessageReceived, this, [this, id](const QString &text) {
            const auto it = m_connections.constFind(id);
            if (it != m_connections.constEnd()) {
                const std::shared_ptr<Connection> keep = *it;
                handleText(*keep, text);
            }
        });
        connect(ws, &QWebSocket::binaryMessageReceived, this, [this, id](const QByteArray &) {
            const auto it = m_connections.constFind(id);
            if (it != m_connections.constEnd()) {
                const std::shared_ptr<Connection> keep = *it;
                ++m_stats.framesIn;
                respondError(*keep, {}, 400, tr("Binary frames are not supported; send JSON text frames."));
            }
        });
        connect(ws, &QWebSocket::disconnected, this, [this, id] { removeConnection(id); });
        m_connections.insert(id, connection);
        ++m_stats.socketsOpened;
        qCInfo(lcSandbox) << "UMS socket" << id << "opened for agent" << connection->userId;
        Q_EMIT socketCountChanged(socketCount());
    }
}

void MessagingApi::removeConnection(int id)
{
    const std::shared_ptr<Connection> connection = m_connections.take(id);
    if (!connection) {
        return;
    }
    if (!connection->routingSubscriptionId.isEmpty()) {
        m_model->addRoutingSubscription(connection->userId, -1);
    }
    if (connection->socket) {
        connection->socket->disconnect(this);
        connection->socket.release()->deleteLater();
    }
    qCInfo(lcSandbox) << "UMS socket" << id << "closed";
    Q_EMIT socketCountChanged(socketCount());
}

void MessagingApi::dropAll()
{
    const auto connections = m_connections.values();
    for (const auto &connection : connections) {
        if (connection->socket) {
            connection->socket->abort();
        }
        removeConnection(connection->id);
    }
}

void MessagingApi::closeAll(int code, const QString &reason)
{
    const auto connections = m_connections.values();
    for (const auto &connection : connections) {
        if (connection->socket && !connection->closing) {
            connection->closing = true;
            connection->socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
        }
    }
}

void MessagingApi::handleSessionEnded(const QString &bearer, SessionEnd reason)
{
    const auto connections = m_connections.values();
    for (const auto &connection : connections) {
        if (connection->bearer != bearer || !connection->socket) {
            continue;
        }
        if (reason == SessionEnd::Revoked) {
            // Token revocation has been observed to drop the socket (1006), node-agent-sdk issue #29.
            connection->socket->abort();
            removeConnection(connection->id);
        } else if (!connection->closing) {
            connection->closing = true;
            const QString text = reason == SessionEnd::Replaced ? LoginService::kickCloseReason()
                                                                : QStringLiteral("session ended: logged out");
            connection->socket->close(static_cast<QWebSocketProtocol::CloseCode>(LoginService::kickCloseCode()), text);
        }
    }
}

// --- frames ------------------------------------------------------------------------------------

void MessagingApi::send(Connection &connection, const QJsonObject &frame)
{
    // JsonWriter writes what QJsonDocument::toJson(Compact) writes, without its per-string buffers.
    sendBytes(connection, JsonWriter::toJson(frame));
}

void MessagingApi::sendBytes(Connection &connection, const QByteArray &frame)
{
    if (m_deferring) {
        m_deferred.append({connection.id, frame});
        return;
    }
    if (!connection.socket || connection.closing) {
        return;
    }
    ++m_stats.framesOut;
    if (m_frameLog) {
        m_frameLog->write("out", connection.id, frame);
    }
    connection.socket->sendTextMessage(QString::fromUtf8(frame));
}

void MessagingApi::flushDeferred()
{
    const auto deferred = std::exchange(m_deferred, {});
    for (const auto &[id, frame] : deferred) {
        const auto it = m_connections.constFind(id);
        if (it != m_connections.constEnd()) {
            const std::shared_ptr<Connection> keep = *it;
            sendBytes(*keep, frame);
        }
    }
}

void MessagingApi::respond(
    Connection &connection, const QString &reqId, int code, const QString &type, const QJsonValue &body)
{
    // Written directly, keys in the order a QJsonObject keeps them (sorted), like every other frame;
    // an undefined body is left out as QJsonObject leaves it out.
    JsonWriter frame(128);
    frame.beginObject();
    if (!body.isUndefined()) {
        frame.key(QLatin1String("body")).value(body);
    }
    frame.key(QLatin1String("code")).integer(code);
    frame.key(QLatin1String("kind")).string(QLatin1String("resp"));
    frame.key(QLatin1String("reqId")).string(QStringView(reqId));
    frame.key(QLatin1String("type")).string(QStringView(type));
    frame.endObject();
    const bool deferring = std::exchange(m_deferring, false);
    sendBytes(connection, frame.take());
    m_deferring = deferring;
}

void MessagingApi::respondError(Connection &connection, const QString &reqId, int code, const QString &message)
{
    ++m_stats.errorsSent;
    const bool deferring = std::exchange(m_deferring, false);
    send(connection, umsErrorResponse(UmsParseError{code, message, reqId}));
    m_deferring = deferring;
}

void MessagingApi::handleText(Connection &connection, const QString &text)
{
    ++m_stats.framesIn;
    const QByteArray bytes = text.toUtf8();
    if (m_frameLog) {
        m_frameLog->write("in", connection.id, bytes);
    }
    const UmsParseResult parsed = parseUmsFrame(bytes, m_model->config().maxFrameBytes);
    if (!parsed.ok()) {
        qCDebug(lcSandbox) << "UMS socket" << connection.id << "bad frame:" << parsed.error.code;
        respondError(connection, parsed.error.reqId, parsed.error.code, parsed.error.message);
        return;
    }
    m_deferring = true;
    handleRequest(connection, *parsed.request);
    m_deferring = false;
    flushDeferred();
}

void MessagingApi::handleRequest(Connection &c, const UmsRequest &r)
{
    const QString oldId = m_model->oldId(c.userId);
    const auto fail = [this, &c, &r](const Error &error) {
        respondError(c, r.id, StateModel::httpStatus(error), error.message);
    };
    switch (r.type) {
    case UmsRequestType::GetClock:
        respond(c,
                r.id,
                200,
                QStringLiteral(".GetClock$Response"),
                QJsonObject{{QStringLiteral("currentTime"), QDateTime::currentMSecsSinceEpoch()}});
        return;
    case UmsRequestType::KeepAlive:
        respond(c, r.id, 200, s_stringResp, QStringLiteral("OK"));
        return;
    case UmsRequestType::SetAgentState:
        if (!r.agentUserId.isEmpty()) {
            const AgentUser *target = m_model->agentByAnyId(r.agentUserId);
            if (!target || target->userId != c.userId) {
                respondError(c, r.id, 403, tr("agentUserId must be the logged-in agent (%1).").arg(oldId));
                return;
            }
        }
        respond(c, r.id, 202, s_stringResp, QStringLiteral("Agent state updated successfully"));
        m_model->setAgentAvailability(c.userId, r.availability);
        return;
    case UmsRequestType::SubscribeRoutingTasks: {
        const bool fresh = c.routingSubscriptionId.isEmpty();
        if (fresh) {
            c.routingSubscriptionId = QString::number(m_nextSubscriptionId++);
        }
        respond(
            c, r.id, 200, s_subscribeResp, QJsonObject{{QStringLiteral("subscriptionId"), c.routingSubscriptionId}});
        send(c,
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("notification")},
                         {QStringLiteral("type"), QStringLiteral(".ams.routing.RoutingTaskNotification")},
                         {QStringLiteral("body"),
                          QJsonObject{{QStringLiteral("subscriptionId"), c.routingSubscriptionId},
                                      {QStringLiteral("changes"), QJsonArray()}}}});
        for (const Ring &ring : m_model->waitingRings(c.userId)) {
            send(c, ringNotification(c, ring));
        }
        if (fresh) {
            m_model->addRoutingSubscription(c.userId, +1);
        }
        return;
    }
    case UmsRequestType::UpdateRoutingTaskSubscription:
        respond(c, r.id, 200, s_stringResp, QStringLiteral("Routing task subscription updated successfully"));
        return;
    case UmsRequestType::UpdateRingState: {
        const Result<Success> result = r.ringState == QLatin1String("ACCEPTED")
                                           ? m_model->acceptRing(c.userId, r.ringId)
                                           : m_model->rejectRing(c.userId, r.ringId);
        if (!result) {
            fail(result.error());
            return;
        }
        respond(c, r.id, 202, s_stringResp, QStringLiteral("Ring state updated successfully"));
        return;
    }
    case UmsRequestType::SubscribeAgentsState:
        if (c.agentStateSubscriptionId.isEmpty()) {
            c.agentStateSubscriptionId = QString::number(m_nextSubscriptionId++);
        }
        respond(
            c, r.id, 200, s_subscribeResp, QJsonObject{{QStringLiteral("subscriptionId"), c.agentStateSubscriptionId}});
        sendAgentState(c, true);
        return;
    case UmsRequestType::SubscribeExConversations: {
        ExSubscription sub;
        sub.id = QString::number(m_nextSubscriptionId++);
        sub.states = r.convStates.isEmpty() ? QStringList{QStringLiteral("OPEN")} : r.convStates;
        sub.accountWide = !r.hasAgentIds;
        for (const QString &id : r.agentIds) {
            const AgentUser *agent = m_model->agentByAnyId(id);
            // Unknown ids are kept as given: they match nothing, as on LivePerson.
            sub.agentUserIds.append(agent ? agent->userId : QStringLiteral("?") + id);
        }
        respond(c,
                r.id,
                200,
                QStringLiteral(".ams.aam.SubscribeExConversations$Response"),
                QJsonObject{{QStringLiteral("subscriptionId"), sub.id}});
        c.exSubscriptions.append(sub);
        pushExConversations(c, c.exSubscriptions.last(), r.minLastUpdatedTime);
        return;
    }
    case UmsRequestType::UnsubscribeExConversations: {
        const auto before = c.exSubscriptions.size();
        c.exSubscriptions.removeIf([&r](const ExSubscription &s) { return s.id == r.subscriptionId; });
        if (c.exSubscriptions.size() == before) {
            respondError(c, r.id, 404, tr("Unknown subscriptionId \"%1\".").arg(r.subscriptionId.left(64)));
            return;
        }
        respond(c, r.id, 200, s_stringResp, QStringLiteral("Unsubscribed successfully"));
        return;
    }
    case UmsRequestType::UpdateConversationField:
        updateConversationField(c, r);
        return;
    case UmsRequestType::PublishEvent: {
        PublishRequest publish;
        publish.conversationId =
            r.conversationId.isEmpty() ? m_model->conversationIdForDialog(r.dialogId) : r.conversationId;
        if (publish.conversationId.isEmpty() || !m_model->conversation(publish.conversationId)) {
            respondError(c, r.id, 404, tr("Unknown dialog \"%1\".").arg(r.dialogId.left(64)));
            return;
        }
        publish.dialogId = r.dialogId;
        publish.originatorId = c.userId;
        publish.fromAgent = true;
        publish.event = r.event;
        publish.metadata = r.metadata;
        publish.encodedMetadata = r.encodedMetadata;
        publish.audience = r.audience;
        const Result<Message> message = m_model->publish(publish);
        if (!message) {
            fail(message.error());
            return;
        }
        respond(c,
                r.id,
                200,
                QStringLiteral(".ams.ms.PublishEvent$Response"),
                QJsonObject{{QStringLiteral("sequence"), message->sequence}});
        return;
    }
    case UmsRequestType::QueryMessages: {
        const QString conversationId =
            r.conversationId.isEmpty() ? m_model->conversationIdForDialog(r.dialogId) : r.conversationId;
        if (conversationId.isEmpty() || !m_model->conversation(conversationId)) {
            respondError(c, r.id, 404, tr("Unknown dialog \"%1\".").arg(r.dialogId.left(64)));
            return;
        }
        QJsonArray events;
        const QList<Message> list = m_model->messages(conversationId, r.dialogId, r.fromSeq);
        for (const Message &m : list) {
            if (r.maxQuantity > 0 && events.size() >= r.maxQuantity) {
                break;
            }
            events.append(eventJson(m));
        }
        respond(c, r.id, 200, QStringLiteral(".ams.ms.QueryMessages$Response"), events);
        return;
    }
    case UmsRequestType::GetUserProfile: {
        if (r.consumerId.isEmpty()) {
            respond(c,
                    r.id,
                    200,
                    QStringLiteral(".ams.userprofile.GetUserProfile$Response"),
                    QJsonObject{{QStringLiteral("userId"), oldId}});
            return;
        }
        const Consumer *consumer = m_model->consumer(r.consumerId);
        if (!consumer) {
            respondError(c, r.id, 404, tr("Unknown consumer \"%1\".").arg(r.consumerId.left(64)));
            return;
        }
        const QString email = consumer->firstName.toLower() + QLatin1Char('.') + consumer->lastName.toLower() +
                              QStringLiteral("@example.invalid");
        respond(
            c,
            r.id,
            200,
            QStringLiteral(".ams.userprofile.GetUserProfile$Response"),
            QJsonObject{{QStringLiteral("firstName"), consumer->firstName},
                        {QStringLiteral("lastName"), consumer->lastName},
                        {QStringLiteral("avatarUrl"), QString()},
                        {QStringLiteral("backgndImgUri"), QString()},
                        {QStringLiteral("description"), QString()},
                        {QStringLiteral("privateData"),
                         QJsonObject{{QStringLiteral("mobileNum"), QStringLiteral("+15550100")},
                                     {QStringLiteral("mail"), email},
                                     {QStringLiteral("email"), email},
                                     {QStringLiteral("pushNotificationData"), QJsonObject()}}},
                        {QStringLiteral("authenticatedData"), QJsonObject{{QStringLiteral("lp_sdes"), QJsonArray()}}}});
        return;
    }
    case UmsRequestType::AgentRequestConversation: {
        QString consumerId = r.consumerId;
        QString skillId;
        if (const Conversation *origin = m_model->conversation(r.conversationId)) {
            skillId = origin->skillId;
            if (consumerId.isEmpty()) {
                consumerId = origin->consumerId;
            }
        }
        if (skillId.isEmpty()) {
            skillId = m_model->agent(c.userId)->skillIds.value(0, m_model->config().skills.value(0).id);
        }
        const Result<QString> created = m_model->createConversation(consumerId, skillId, Channel::Messaging);
        if (!created) {
            fail(created.error());
            return;
        }
        const Result<QString> joined = m_model->addParticipant(created.value(), c.userId, Role::AssignedAgent);
        if (!joined) {
            fail(joined.error());
            return;
        }
        respond(c,
                r.id,
                200,
                QStringLiteral(".ams.cm.AgentRequestConversation$Response"),
                QJsonObject{{QStringLiteral("conversationId"), created.value()}});
        return;
    }
    case UmsRequestType::GenerateUrlForUploadFile:
    case UmsRequestType::GenerateUrlForDownloadFile:
    case UmsRequestType::GenerateDownloadToken:
        respondError(c, r.id, 400, tr("%1 is not supported by the sandbox (no file storage).").arg(r.canonicalType));
        return;
    }
}

void MessagingApi::updateConversationField(Connection &c, const UmsRequest &r)
{
    const Conversation *conversation = m_model->conversation(r.conversationId);
    if (!conversation) {
        respondError(c, r.id, 404, tr("Unknown conversation \"%1\".").arg(r.conversationId.left(64)));
        return;
    }
    if (!conversation->isOpen()) {
        respondError(c, r.id, 400, tr("Conversation \"%1\" is closed.").arg(r.conversationId.left(64)));
        return;
    }
    const bool callerIsParticipant = conversation->participant(c.userId) != nullptr;
    // Validate every entry first so a request either applies fully or not at all.
    QStringList targets;
    for (const UmsFieldChange &f : r.fields) {
        QString target = c.userId;
        if (f.field == QLatin1String("ParticipantsChange")) {
            if (!f.userId.isEmpty()) {
                const AgentUser *agent = m_model->agentByAnyId(f.userId);
                if (!agent) {
                    respondError(c, r.id, 404, tr("Unknown agent \"%1\".").arg(f.userId.left(64)));
                    return;
                }
                target = agent->userId;
            }
            const Participant *p = conversation->participant(target);
            if (f.type == QLatin1String("REMOVE") && (!p || p->role != f.role)) {
                respondError(c, r.id, 400, tr("Agent does not exist in conversation"));
                return;
            }
            if ((f.type == QLatin1String("REMOVE") || f.type == QLatin1String("UPDATE")) && !callerIsParticipant) {
                respondError(c, r.id, 400, tr("Agent does not exist in conversation"));
                return;
            }
        } else {
            if (!callerIsParticipant) {
                respondError(c, r.id, 400, tr("Agent does not exist in conversation"));
                return;
            }
            if (f.field == QLatin1String("Skill") && !m_model->config().skill(f.skill)) {
                respondError(c, r.id, 404, tr("Unknown skill \"%1\".").arg(f.skill.left(32)));
                return;
            }
            if (f.field == QLatin1String("DialogChange") && !conversation->dialog(f.dialogId)) {
                respondError(c, r.id, 404, tr("Unknown dialog \"%1\".").arg(f.dialogId.left(64)));
                return;
            }
        }
        targets.append(target);
    }
    // One request is one change of the conversation: its notifications go out once, after the
    // response, showing the final state (e.g. the new skill together with the bot's removal).
    m_model->beginChangeBatch();
    const auto endBatch = qScopeGuard([this] { m_model->endChangeBatch(); });
    QString answer;
    for (qsizetype i = 0; i < r.fields.size(); ++i) {
        const UmsFieldChange &f = r.fields.at(i);
        Result<QString> result = QString();
        if (f.field == QLatin1String("ParticipantsChange")) {
            if (f.type == QLatin1String("ADD")) {
                result = m_model->addParticipant(r.conversationId, targets.at(i), f.role);
            } else if (f.type == QLatin1String("REMOVE")) {
                result = m_model->removeParticipant(r.conversationId, targets.at(i), f.role);
            } else if (f.type == QLatin1String("SUGGEST")) {
                result = m_model->suggestAgent(r.conversationId, targets.at(i));
            } else {
                const Conversation *now = m_model->conversation(r.conversationId);
                const Participant *p = now ? now->participant(targets.at(i)) : nullptr;
                if (p && p->role != f.role) {
                    const QString oldRole = p->role;
                    result = m_model->removeParticipant(r.conversationId, targets.at(i), oldRole);
                    if (result) {
                        result = m_model->addParticipant(r.conversationId, targets.at(i), f.role);
                    }
                } else if (p) {
                    result = QStringLiteral("OK Agent updated successfully");
                } else {
                    result = m_model->addParticipant(r.conversationId, targets.at(i), f.role);
                }
            }
        } else if (f.field == QLatin1String("Skill")) {
            result = m_model->transferToSkill(r.conversationId, f.skill);
        } else if (f.field == QLatin1String("ConversationStateField")) {
            result = m_model->closeConversation(r.conversationId, CloseReason::Agent);
        } else if (f.field == QLatin1String("DialogChange")) {
            result = m_model->closeDialog(r.conversationId, f.dialogId, CloseReason::Agent);
        } else if (f.field == QLatin1String("TTRField")) {
            result = m_model->setTtr(r.conversationId, f.ttrType, f.ttrValue);
        }
        if (!result) {
            respondError(c, r.id, StateModel::httpStatus(result.error()), result.error().message);
            return;
        }
        if (answer.isEmpty() ||
            (f.field == QLatin1String("ParticipantsChange") && !answer.contains(QLatin1String("Agent")))) {
            answer = result.value();
        }
    }
    QStringList fieldNames;
    for (const UmsFieldChange &f : r.fields) {
        fieldNames.append(f.field);
    }
    m_model->recordFieldUpdate(r.conversationId, fieldNames, r.metadata);
    respond(c, r.id, 200, s_stringResp, answer);
}

// --- notifications -----------------------------------------------------------------------------

QString MessagingApi::wireId(const Participant &p) const
{
    return p.agent ? m_model->oldId(p.id) : p.id;
}

QString MessagingApi::wirePid(const Participant &p) const
{
    if (!p.agent) {
        return p.id;
    }
    const AgentUser *agent = m_model->agent(p.id);
    return agent ? agent->pid : p.id;
}

QJsonObject MessagingApi::conversationDetails(const Conversation &c) const
{
    QJsonObject participants;
    QJsonObject participantsPId;
    for (const QString &role : s_standardRoles) {
        participants.insert(role, QJsonArray());
        participantsPId.insert(role, QJsonArray());
    }
    for (const Participant &p : c.participants) {
        QJsonArray ids = participants.value(p.role).toArray();
        ids.append(wireId(p));
        participants.insert(p.role, ids);
        QJsonArray pids = participantsPId.value(p.role).toArray();
        pids.append(wirePid(p));
        participantsPId.insert(p.role, pids);
    }
    QJsonArray dialogs;
    for (const Dialog &d : c.dialogs) {
        QJsonArray details;
        for (const Participant &p : d.participants) {
            details.append(QJsonObject{{QStringLiteral("id"), wireId(p)},
                                       {QStringLiteral("role"), p.role},
                                       {QStringLiteral("state"), p.state}});
        }
        QJsonObject dialog{{QStringLiteral("dialogId"), d.id},
                           {QStringLiteral("dialogType"), d.type},
                           {QStringLiteral("channelType"), channelType(c.channel)},
                           {QStringLiteral("state"), d.state},
                           {QStringLiteral("creationTs"), d.creationTs},
                           {QStringLiteral("metaDataLastUpdateTs"), d.metaDataLastUpdateTs},
                           {QStringLiteral("participantsDetails"), details}};
        if (d.state != QLatin1String("OPEN")) {
            dialog.insert(QStringLiteral("endTs"), d.endTs);
            dialog.insert(QStringLiteral("closedBy"), d.closedBy);
            dialog.insert(QStringLiteral("closedCause"), d.closedCause);
        }
        dialogs.append(dialog);
    }
    QJsonObject details{
        {QStringLiteral("convId"), c.id},
        {QStringLiteral("skillId"), c.skillId},
        {QStringLiteral("brandId"), m_model->accountId()},
        {QStringLiteral("state"), c.state},
        {QStringLiteral("stage"), c.state},
        {QStringLiteral("startTs"), c.startTs},
        {QStringLiteral("metaDataLastUpdateTs"), c.metaDataLastUpdateTs},
        {QStringLiteral("firstConversation"), false},
        {QStringLiteral("csatRate"), 0},
        {QStringLiteral("note"), QString()},
        {QStringLiteral("groupId"), QStringLiteral("-1")},
        {QStringLiteral("ttr"),
         QJsonObject{{QStringLiteral("ttrType"), c.ttrType}, {QStringLiteral("value"), c.ttrValue}}},
        {QStringLiteral("context"), c.context},
        {QStringLiteral("conversationHandlerDetails"),
         QJsonObject{{QStringLiteral("accountId"), m_model->accountId()}, {QStringLiteral("skillId"), c.skillId}}},
        {QStringLiteral("participants"), participants},
        {QStringLiteral("participantsPId"), participantsPId},
        {QStringLiteral("dialogs"), dialogs}};
    if (!c.isOpen()) {
        details.insert(QStringLiteral("closeReason"), c.closeReason);
        details.insert(QStringLiteral("endTs"), c.endTs);
    }
    return details;
}

namespace
{
QJsonObject makeClientProperties(bool agent)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral(".ClientProperties")},
        {QStringLiteral("appId"), agent ? QStringLiteral("ums") : QStringLiteral("webAsync")},
        {QStringLiteral("ipAddress"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("deviceFamily"), agent ? QStringLiteral("DESKTOP") : QStringLiteral("PERSONAL_COMPUTER")},
        {QStringLiteral("os"), QStringLiteral("LINUX")},
        {QStringLiteral("features"),
         QJsonArray{QStringLiteral("PHOTO_SHARING"),
                    QStringLiteral("CO_BROWSE"),
                    QStringLiteral("QUICK_REPLIES"),
                    QStringLiteral("MULTI_DIALOG"),
                    QStringLiteral("RICH_CONTENT")}}};
}

// Built once: implicitly shared copies are cheap, building them per event is not.
const QJsonObject &clientProperties(bool agent)
{
    static const QJsonObject agentProperties = makeClientProperties(true);
    static const QJsonObject consumerProperties = makeClientProperties(false);
    return agent ? agentProperties : consumerProperties;
}

const QByteArray &clientPropertiesJson(bool agent)
{
    static const QByteArray agentProperties = JsonWriter::toJson(clientProperties(true));
    static const QByteArray consumerProperties = JsonWriter::toJson(clientProperties(false));
    return agent ? agentProperties : consumerProperties;
}
} // namespace

MessagingApi::Originator MessagingApi::originator(const Message &m) const
{
    if (!m.fromAgent) {
        return {m.originatorId, m.originatorId};
    }
    const AgentUser *agent = m_model->agent(m.originatorId);
    return {m_model->oldId(m.originatorId), agent ? agent->pid : m.originatorId};
}

QJsonObject MessagingApi::eventJson(const Message &m) const
{
    const auto [originatorId, originatorPid] = originator(m);
    const QJsonObject &properties = clientProperties(m.fromAgent);
    QJsonObject body{{QStringLiteral("originatorId"), originatorId},
                     {QStringLiteral("originatorPId"), originatorPid},
                     {QStringLiteral("originatorClientProperties"), properties},
                     {QStringLiteral("originatorMetadata"),
                      QJsonObject{{QStringLiteral("id"), originatorPid},
                                  {QStringLiteral("role"), m.role},
                                  {QStringLiteral("clientProperties"), properties}}},
                     {QStringLiteral("event"), m.event},
                     {QStringLiteral("conversationId"), m.conversationId},
                     {QStringLiteral("dialogId"), m.dialogId},
                     {QStringLiteral("messageAudience"), m.audience}};
    if (m.stored) {
        // Chat-state events are neither sequenced nor time-stamped (reference §3.4, §3.5).
        body.insert(QStringLiteral("sequence"), m.sequence);
        body.insert(QStringLiteral("serverTimestamp"), m.serverTimestamp);
    }
    if (!m.metadata.isEmpty()) {
        body.insert(QStringLiteral("metadata"), m.metadata);
    }
    if (!m.encodedMetadata.isEmpty()) {
        body.insert(QStringLiteral("encodedMetadata"), m.encodedMetadata);
    }
    return body;
}

QByteArray MessagingApi::eventFrame(const Message &m) const
{
    // Every consumer message and every echo goes out as this frame: written straight from the
    // message, the same bytes as eventJson() inside a frame object (keys sorted, as QJsonObject
    // keeps them); tst_messagingapi compares the two.
    const auto [originatorId, originatorPid] = originator(m);
    const QByteArray &properties = clientPropertiesJson(m.fromAgent);
    JsonWriter frame(1024);
    frame.beginObject();
    frame.key(QLatin1String("body")).beginObject();
    frame.key(QLatin1String("conversationId")).string(QStringView(m.conversationId));
    frame.key(QLatin1String("dialogId")).string(QStringView(m.dialogId));
    if (!m.encodedMetadata.isEmpty()) {
        frame.key(QLatin1String("encodedMetadata")).string(QStringView(m.encodedMetadata));
    }
    frame.key(QLatin1String("event")).value(m.event);
    frame.key(QLatin1String("messageAudience")).string(QStringView(m.audience));
    if (!m.metadata.isEmpty()) {
        frame.key(QLatin1String("metadata")).value(m.metadata);
    }
    frame.key(QLatin1String("originatorClientProperties")).raw(properties);
    frame.key(QLatin1String("originatorId")).string(QStringView(originatorId));
    frame.key(QLatin1String("originatorMetadata")).beginObject();
    frame.key(QLatin1String("clientProperties")).raw(properties);
    frame.key(QLatin1String("id")).string(QStringView(originatorPid));
    frame.key(QLatin1String("role")).string(QStringView(m.role));
    frame.endObject();
    frame.key(QLatin1String("originatorPId")).string(QStringView(originatorPid));
    if (m.stored) {
        frame.key(QLatin1String("sequence")).integer(m.sequence);
        frame.key(QLatin1String("serverTimestamp")).integer(m.serverTimestamp);
    }
    frame.endObject();
    frame.key(QLatin1String("kind")).string(QLatin1String("notification"));
    frame.key(QLatin1String("type")).string(QLatin1String(".ams.ms.OnlineEventDistribution"));
    frame.endObject();
    return frame.take();
}

QJsonObject MessagingApi::exChange(const Conversation &c, bool deleted) const
{
    QJsonObject result{{QStringLiteral("convId"), c.id},
                       {QStringLiteral("effectiveTTR"), -1},
                       {QStringLiteral("lastUpdateTime"), c.metaDataLastUpdateTs},
                       {QStringLiteral("numberOfunreadMessages"), QJsonObject()},
                       {QStringLiteral("conversationDetails"), conversationDetails(c)}};
    for (auto it = c.messages.crbegin(); it != c.messages.crend(); ++it) {
        const QString type = it->event.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("ContentEvent") || type == QLatin1String("RichContentEvent")) {
            QJsonObject last = eventJson(*it);
            last.remove(QStringLiteral("conversationId"));
            last.remove(QStringLiteral("originatorClientProperties"));
            last.remove(QStringLiteral("messageAudience"));
            result.insert(QStringLiteral("lastContentEventNotification"), last);
            break;
        }
    }
    return QJsonObject{{QStringLiteral("type"), deleted ? QStringLiteral("DELETE") : QStringLiteral("UPSERT")},
                       {QStringLiteral("result"), result}};
}

bool MessagingApi::matches(const ExSubscription &s, const Conversation &c) const
{
    if (!s.states.contains(c.state)) {
        return false;
    }
    if (s.accountWide) {
        return true;
    }
    for (const Participant &p : c.participants) {
        if (p.agent && s.agentUserIds.contains(p.id)) {
            return true;
        }
    }
    return false;
}

void MessagingApi::pushExConversations(Connection &connection, ExSubscription &subscription, qint64 minLastUpdated)
{
    QJsonArray changes;
    const auto flush = [&] {
        if (changes.isEmpty()) {
            return;
        }
        send(connection,
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("notification")},
                         {QStringLiteral("type"), QStringLiteral(".ams.aam.ExConversationChangeNotification")},
                         {QStringLiteral("body"),
                          QJsonObject{{QStringLiteral("subscriptionId"), subscription.id},
                                      {QStringLiteral("changes"), changes}}}});
        changes = QJsonArray();
    };
    int pushed = 0;
    for (const Conversation *c : m_model->conversations()) {
        if (pushed >= 1000) {
            break;
        }
        if (c->metaDataLastUpdateTs < minLastUpdated || !matches(subscription, *c)) {
            continue;
        }
        subscription.known.insert(c->id);
        changes.append(exChange(*c, false));
        ++pushed;
        if (changes.size() >= 50) {
            flush();
        }
    }
    flush();
}

void MessagingApi::handleConversationChanged(const QString &conversationId)
{
    const Conversation *c = m_model->conversation(conversationId);
    if (!c) {
        return;
    }
    const auto connections = m_connections.values();
    for (const auto &connection : connections) {
        for (ExSubscription &s : connection->exSubscriptions) {
            const bool match = matches(s, *c);
            if (!match && !s.known.contains(conversationId)) {
                continue;
            }
            // A conversation that stops matching (closed, transferred away) gets one DELETE with
            // its full details; whether LivePerson sends DELETE or UPSERT here is UNCONFIRMED (§3.5).
            if (match) {
                s.known.insert(conversationId);
            } else {
                s.known.remove(conversationId);
            }
            send(*connection,
                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("notification")},
                             {QStringLiteral("type"), QStringLiteral(".ams.aam.ExConversationChangeNotification")},
                             {QStringLiteral("body"),
                              QJsonObject{{QStringLiteral("subscriptionId"), s.id},
                                          {QStringLiteral("changes"), QJsonArray{exChange(*c, !match)}}}}});
        }
    }
}

void MessagingApi::handleMessageAdded(const QString &conversationId, const Message &message)
{
    const Conversation *c = m_model->conversation(conversationId);
    if (!c || m_connections.isEmpty()) {
        return;
    }
    // Every participant socket gets the event, the originator's own echo included (§3.5).
    QVarLengthArray<std::shared_ptr<Connection>, 8> targets;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (c->participant((*it)->userId)) {
            targets.append(*it);
        }
    }
    if (targets.isEmpty()) {
        return;
    }
    const QByteArray frame = eventFrame(message);
    for (const auto &connection : targets) {
        sendBytes(*connection, frame);
    }
}

QJsonObject MessagingApi::ringNotification(const Connection &connection, const Ring &ring) const
{
    const QString account = m_model->accountId();
    const QJsonObject details{{QStringLiteral("ringId"), ring.id},
                              {QStringLiteral("ringExpiration"), ring.expirationMs},
                              {QStringLiteral("ringExpirationTs"), ring.expiresAtMs},
                              {QStringLiteral("ringState"), ring.state},
                              {QStringLiteral("weight"), 1},
                              {QStringLiteral("brandId"), account},
                              {QStringLiteral("convId"), ring.conversationId},
                              {QStringLiteral("consumerId"), ring.consumerId},
                              {QStringLiteral("skillId"), ring.skillId}};
    const QJsonObject result{{QStringLiteral("routingTaskId"), ring.routingTaskId},
                             {QStringLiteral("taskCompleted"), ring.state != RingState::Waiting},
                             {QStringLiteral("conversationId"), ring.conversationId},
                             {QStringLiteral("consumerId"), ring.consumerId},
                             {QStringLiteral("skillId"), ring.skillId},
                             {QStringLiteral("brandId"), account},
                             {QStringLiteral("assignedAgentId"),
                              ring.state == RingState::Accepted ? m_model->oldId(ring.agentUserId) : QString()},
                             {QStringLiteral("ringsDetails"), QJsonArray{details}}};
    QJsonArray changes{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("UPSERT")}, {QStringLiteral("result"), result}}};
    if (ring.state != RingState::Waiting) {
        // The task is over for this agent: its final state, then its removal.
        changes.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("DELETE")}, {QStringLiteral("result"), result}});
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("notification")},
                       {QStringLiteral("type"), QStringLiteral(".ams.routing.RoutingTaskNotification")},
                       {QStringLiteral("body"),
                        QJsonObject{{QStringLiteral("subscriptionId"), connection.routingSubscriptionId},
                                    {QStringLiteral("changes"), changes}}}};
}

void MessagingApi::handleRingChanged(const Ring &ring)
{
    const auto connections = m_connections.values();
    for (const auto &connection : connections) {
        if (connection->userId == ring.agentUserId && !connection->routingSubscriptionId.isEmpty()) {
            send(*connection, ringNotification(*connection, ring));
        }
    }
}

void MessagingApi::sendAgentState(Connection &connection, bool force)
{
    const AgentUser *agent = m_model->agent(connection.userId);
    if (!agent || connection.agentStateSubscriptionId.isEmpty()) {
        return;
    }
    if (!force && connection.lastAvailabilitySent == agent->availability) {
        return;
    }
    connection.lastAvailabilitySent = agent->availability;
    const QJsonObject result{{QStringLiteral("channels"), QJsonArray{QStringLiteral("MESSAGING")}},
                             {QStringLiteral("availability"), agent->availability},
                             {QStringLiteral("description"), QString()},
                             {QStringLiteral("agentUserId"), m_model->oldId(agent->userId)}};
    send(connection,
         QJsonObject{{QStringLiteral("kind"), QStringLiteral("notification")},
                     {QStringLiteral("type"), QStringLiteral(".ams.routing.AgentStateNotification")},
                     {QStringLiteral("body"),
                      QJsonObject{{QStringLiteral("subscriptionId"), connection.agentStateSubscriptionId},
                                  {QStringLiteral("changes"),
                                   QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("UPSERT")},
                                                          {QStringLiteral("result"), result}}}}}}});
}

void MessagingApi::handleAgentStateChanged(const QString &userId)
{
    const auto connections = m_connections.values();
    for (const auto &connection : connections) {
        if (connection->userId == userId) {
            sendAgentState(*connection, false);
        }
    }
}

} // namespace Switchboard::Sandbox
