// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatAgentApi.h"

#include "LoginService.h"
#include "SandboxLogging.h"
#include "StateModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <algorithm>
#include <optional>

namespace Switchboard::Sandbox
{

namespace
{
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/** ISO-8601 with milliseconds and an explicit UTC offset, as the Chat Agent API writes times. */
QString isoTime(qint64 ms)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms);
    const int offset = local.offsetFromUtc();
    const int absolute = std::abs(offset);
    return local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           (offset < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
           QStringLiteral("%1:%2")
               .arg(absolute / 3600, 2, 10, QLatin1Char('0'))
               .arg((absolute % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QJsonObject link(const QString &href, const QString &rel)
{
    return QJsonObject{{QStringLiteral("@href"), href}, {QStringLiteral("@rel"), rel}};
}

/** LivePerson writes a one-element list as the element itself (its JSON comes from XML). */
QJsonValue oneOrMany(const QJsonArray &items)
{
    if (items.size() == 1) {
        return items.first();
    }
    return items;
}

HttpResponse error(int status, const QString &message)
{
    return HttpResponse::lpError(status, message, status);
}

HttpResponse created(const QString &key, const QString &href)
{
    HttpResponse response = HttpResponse::json(
        QJsonObject{{key, QJsonObject{{QStringLiteral("link"), link(href, QStringLiteral("location"))}}}}, 201);
    response.headers.append(qMakePair(QByteArray("Location"), href.toUtf8()));
    return response;
}

/** The body as a JSON object; an empty body is {} when @p emptyOk. */
std::optional<QJsonObject> objectBody(const HttpRequest &r, HttpResponse *failure, bool emptyOk)
{
    if (r.body.trimmed().isEmpty()) {
        if (emptyOk) {
            return QJsonObject();
        }
        *failure = error(400, QCoreApplication::translate("Sandbox", "The request needs a JSON body."));
        return std::nullopt;
    }
    if (r.header("content-type").contains("xml")) {
        // §5 allows XML bodies; the sandbox emulates the JSON form only.
        *failure = error(415,
                         QCoreApplication::translate("Sandbox",
                                                     "XML bodies are not emulated by the sandbox; send JSON "
                                                     "(Content-Type: application/json)."));
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(r.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *failure = error(400,
                         QCoreApplication::translate("Sandbox", "The body is not valid JSON: %1 at offset %2.")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *failure = error(400, QCoreApplication::translate("Sandbox", "The body must be a JSON object."));
        return std::nullopt;
    }
    return document.object();
}

/** An id given as a JSON string or number; empty for anything else. */
QString idString(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    return {};
}

HttpResponse modelError(const Error &e)
{
    return error(StateModel::httpStatus(e), e.message);
}
} // namespace

ChatAgentApi::ChatAgentApi(StateModel *model, LoginService *login, HttpServer *server, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_login(login)
    , m_sweepTimer(new QTimer(this))
{
    m_model->setChatRingExpirationMs(defaultRingTimeoutMs);
    // One pattern per method: the handler routes inside, so X-HTTP-Method-Override and the
    // optional ".json" suffix are handled in one place and the "chat" fault covers every call.
    const QString pattern = QStringLiteral("/api/account/([^/]+)/agentSession((?:\\.json)?(?:/.*)?)");
    for (const char *method : {"GET", "POST", "PUT", "DELETE"}) {
        server->addRoute(method, pattern, QStringLiteral("chat"), [this](const HttpRequest &r) { return handle(r); });
    }

    const QString none;
    server->addRoute("GET", QStringLiteral("/sandbox/chat/settings"), none, [this](const HttpRequest &) {
        return HttpResponse::json(QJsonObject{{QStringLiteral("ringTimeoutMs"), ringTimeoutMs()},
                                              {QStringLiteral("sessionTimeoutMs"), m_sessionTimeoutMs}});
    });
    server->addRoute("POST", QStringLiteral("/sandbox/chat/settings"), none, [this](const HttpRequest &r) {
        const QJsonDocument document = QJsonDocument::fromJson(r.body);
        if (!document.isObject()) {
            return HttpResponse::controlError(
                400, tr("Send {\"ringTimeoutMs\": n, \"sessionTimeoutMs\": n} (either may be left out)."));
        }
        const QJsonObject body = document.object();
        for (const char *key : {"ringTimeoutMs", "sessionTimeoutMs"}) {
            const QJsonValue v = body.value(QLatin1String(key));
            if (!v.isUndefined() && (!v.isDouble() || v.toInteger() <= 0 || v.toInteger() > 86400000)) {
                return HttpResponse::controlError(
                    400, tr("\"%1\" must be a positive number of milliseconds.").arg(QLatin1String(key)));
            }
        }
        if (body.contains(QStringLiteral("ringTimeoutMs"))) {
            setRingTimeoutMs(static_cast<int>(body.value(QStringLiteral("ringTimeoutMs")).toInteger()));
        }
        if (body.contains(QStringLiteral("sessionTimeoutMs"))) {
            setSessionTimeoutMs(static_cast<int>(body.value(QStringLiteral("sessionTimeoutMs")).toInteger()));
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("ringTimeoutMs"), ringTimeoutMs()},
                                              {QStringLiteral("sessionTimeoutMs"), m_sessionTimeoutMs}});
    });
    server->addRoute("GET", QStringLiteral("/sandbox/chat/sessions"), none, [this](const HttpRequest &) {
        return HttpResponse::json(sessionsJson());
    });

    server->addRoute("POST", QStringLiteral("/sandbox/chat/sessions/expire"), none, [this](const HttpRequest &) {
        return HttpResponse::json(QJsonObject{{QStringLiteral("expired"), expireAllSessions()}});
    });

    connect(m_model, &StateModel::conversationChanged, this, &ChatAgentApi::handleConversationChanged);
    connect(m_model, &StateModel::messageAdded, this, &ChatAgentApi::handleMessageAdded);
    connect(m_model, &StateModel::ringChanged, this, &ChatAgentApi::handleRingChanged);
    connect(m_sweepTimer, &QTimer::timeout, this, &ChatAgentApi::sweep);
    setSessionTimeoutMs(defaultSessionTimeoutMs);
}

ChatAgentApi::~ChatAgentApi() = default;

void ChatAgentApi::setRingTimeoutMs(int ms)
{
    m_model->setChatRingExpirationMs(std::max(1, ms));
}

int ChatAgentApi::ringTimeoutMs() const
{
    return m_model->chatRingExpirationMs();
}

void ChatAgentApi::setSessionTimeoutMs(int ms)
{
    m_sessionTimeoutMs = std::max(1, ms);
    // Sessions are checked on every request too; the timer only makes idle agents unroutable.
    m_sweepTimer->start(std::clamp(m_sessionTimeoutMs / 4, 10, 5000));
}

QJsonObject ChatAgentApi::sessionsJson() const
{
    QJsonArray sessions;
    for (const AgentSession &s : m_sessions) {
        QStringList chats(s.chats.begin(), s.chats.end());
        chats.sort();
        sessions.append(QJsonObject{{QStringLiteral("agentSessionId"), s.id},
                                    {QStringLiteral("userId"), s.userId},
                                    {QStringLiteral("availability"), s.availability},
                                    {QStringLiteral("chats"), QJsonArray::fromStringList(chats)},
                                    {QStringLiteral("idleMs"), nowMs() - s.lastSeenMs}});
    }
    return QJsonObject{{QStringLiteral("sessions"), sessions}};
}

// --- request routing ---------------------------------------------------------------------------

HttpResponse ChatAgentApi::handle(const HttpRequest &request)
{
    if (request.args.value(0) != m_model->accountId()) {
        return error(404, tr("Unknown account \"%1\".").arg(request.args.value(0)));
    }
    Call call;
    call.request = &request;
    call.method = request.method;
    if (call.method == QLatin1String("POST")) {
        const QString override = QString::fromLatin1(request.header("x-http-method-override")).trimmed().toUpper();
        if (!override.isEmpty()) {
            if (override != QLatin1String("PUT") && override != QLatin1String("DELETE")) {
                return error(400, tr("X-HTTP-Method-Override must be PUT or DELETE, not \"%1\".").arg(override));
            }
            call.method = override;
        }
    }
    QString rest = request.args.value(1);
    if (rest.startsWith(QLatin1String(".json"))) {
        rest = rest.mid(5);
    }
    for (QString segment : rest.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment.endsWith(QLatin1String(".json"))) {
            segment.chop(5);
        }
        call.segments.append(segment);
    }
    const QByteArray host = request.header("host");
    call.base = (request.secure ? QStringLiteral("https://") : QStringLiteral("http://")) +
                (host.isEmpty() ? QStringLiteral("127.0.0.1:%1").arg(request.localPort) : QString::fromLatin1(host)) +
                QStringLiteral("/api/account/") + m_model->accountId() + QStringLiteral("/agentSession");

    const QString bearer = request.bearerToken();
    const std::optional<LoginSession> login = bearer.isEmpty() ? std::nullopt : m_login->sessionForBearer(bearer);
    if (!login) {
        return error(401,
                     bearer.isEmpty() ? tr("Missing \"Authorization: Bearer …\" header; log in first (Login Service).")
                                      : tr("Invalid or expired bearer token; log in again."));
    }
    call.userId = login->userId;
    if (call.segments.isEmpty()) {
        if (call.method != QLatin1String("POST")) {
            return error(405, tr("Method %1 is not allowed on agentSession; POST starts a session.").arg(call.method));
        }
        return startSession(call);
    }
    return sessionCall(call);
}

HttpResponse ChatAgentApi::startSession(const Call &call)
{
    HttpResponse failure;
    const auto body = objectBody(*call.request, &failure, false);
    if (!body) {
        return failure;
    }
    const QJsonValue loginData = body->value(QStringLiteral("loginData"));
    if (loginData.isUndefined()) {
        return error(400, tr("The body needs \"loginData\": \"\" or {\"userName\", \"password\"}."));
    }
    if (!loginData.isString() && !loginData.isObject()) {
        return error(400, tr("\"loginData\" must be a string or an object."));
    }
    const AgentUser *agent = m_model->agent(call.userId);
    if (!agent) {
        return error(401, tr("The bearer's agent user no longer exists."));
    }
    if (loginData.isObject()) {
        // The bearer already authenticates the agent; a userName, when given, must name the same user.
        const QJsonValue userName = loginData.toObject().value(QStringLiteral("userName"));
        if (!userName.isUndefined() && !userName.isString()) {
            return error(400, tr("\"loginData.userName\" must be a string."));
        }
        if (userName.isString() && !userName.toString().isEmpty() && userName.toString() != agent->loginName) {
            return error(
                401,
                tr("\"loginData.userName\" \"%1\" is not the agent the bearer belongs to.").arg(userName.toString()));
        }
    }
    // One agent session per agent user: a new one replaces the previous.
    QString previous;
    for (const AgentSession &existing : std::as_const(m_sessions)) {
        if (existing.userId == call.userId) {
            previous = existing.id;
        }
    }
    if (!previous.isEmpty()) {
        endSession(previous, tr("it was replaced by a newer session of the same agent"));
    }
    AgentSession session;
    session.id =
        randomToken(12).replace(QLatin1Char('-'), QLatin1Char('x')).replace(QLatin1Char('_'), QLatin1Char('y'));
    session.userId = call.userId;
    session.createdMs = nowMs();
    session.lastSeenMs = session.createdMs;
    m_sessions.insert(session.id, session);
    m_model->setChatAvailable(call.userId, false);
    qCInfo(lcSandbox) << "chat agent session" << session.id << "started for" << call.userId;
    HttpResponse response = created(QStringLiteral("agentSessionLocation"), call.base + QLatin1Char('/') + session.id);
    // The per-agent-session security cookie of reference §5: set, never required back (lenient).
    response.headers.append(qMakePair(QByteArray("Set-Cookie"),
                                      QByteArray("LPAgentSession=") + session.id.toLatin1() + "; Path=/api/account/" +
                                          m_model->accountId().toLatin1() + "/agentSession; Secure; HttpOnly"));
    return response;
}

HttpResponse ChatAgentApi::sessionCall(Call &call)
{
    const QString sessionId = call.segments.first();
    auto it = m_sessions.find(sessionId);
    if (it != m_sessions.end() && nowMs() - it->lastSeenMs > m_sessionTimeoutMs) {
        endSession(sessionId, tr("it expired after %1 ms without a request").arg(nowMs() - it->lastSeenMs));
        it = m_sessions.end();
    }
    if (it == m_sessions.end()) {
        const auto ended = m_endedSessions.constFind(sessionId);
        if (ended != m_endedSessions.constEnd()) {
            return error(404,
                         tr("Agent session \"%1\" has ended: %2. Start a new one with POST …/agentSession.")
                             .arg(sessionId, *ended));
        }
        return error(404, tr("Unknown agent session \"%1\". Start a new one with POST …/agentSession.").arg(sessionId));
    }
    if (it->userId != call.userId) {
        return error(403, tr("Agent session \"%1\" belongs to another agent user.").arg(sessionId));
    }
    it->lastSeenMs = nowMs();
    AgentSession &session = *it;
    const QString sessionBase = call.base + QLatin1Char('/') + sessionId;
    call.base = sessionBase;
    const QStringList &s = call.segments;
    if (s.size() == 1) {
        if (call.method == QLatin1String("DELETE")) {
            endSession(sessionId, tr("the agent logged out (DELETE)"));
            return HttpResponse::empty(200);
        }
        if (call.method == QLatin1String("GET")) {
            QJsonArray links{
                link(sessionBase, QStringLiteral("self")),
                link(sessionBase + QStringLiteral("/availability"), QStringLiteral("availability")),
                link(sessionBase + QStringLiteral("/incomingRequests"), QStringLiteral("incoming-requests"))};
            QStringList chats(session.chats.begin(), session.chats.end());
            chats.sort();
            for (const QString &chatId : std::as_const(chats)) {
                links.append(link(sessionBase + QStringLiteral("/chat/") + chatId, QStringLiteral("chat")));
            }
            return HttpResponse::json(
                QJsonObject{{QStringLiteral("agentSession"), QJsonObject{{QStringLiteral("link"), links}}}});
        }
        return error(405, tr("Method %1 is not allowed on an agent session; use GET or DELETE.").arg(call.method));
    }
    const QString resource = s.at(1);
    if (resource == QLatin1String("availability") && s.size() == 2) {
        return availability(call, session);
    }
    if (resource == QLatin1String("incomingRequests") && s.size() == 2) {
        return incomingRequests(call, session);
    }
    if (resource == QLatin1String("chat") && s.size() >= 3) {
        return chatCall(call, session);
    }
    return error(404, tr("No Chat Agent API resource at %1.").arg(call.request->path));
}

HttpResponse ChatAgentApi::availability(const Call &call, AgentSession &session)
{
    if (call.method == QLatin1String("GET")) {
        QJsonObject availability{{QStringLiteral("chat"), session.availability}};
        if (!session.chatReasonId.isEmpty()) {
            availability.insert(QStringLiteral("chatReasonId"), session.chatReasonId);
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("availability"), availability}});
    }
    if (call.method != QLatin1String("PUT")) {
        return error(405,
                     tr("Method %1 is not allowed on availability; use PUT (POST with X-HTTP-Method-Override: PUT).")
                         .arg(call.method));
    }
    HttpResponse failure;
    const auto body = objectBody(*call.request, &failure, false);
    if (!body) {
        return failure;
    }
    const QJsonValue availabilityValue = body->value(QStringLiteral("availability"));
    if (!availabilityValue.isObject()) {
        return error(400, tr("The body needs {\"availability\": {\"chat\": \"Online|Away|Occupied\"}}."));
    }
    const QJsonObject availability = availabilityValue.toObject();
    const QJsonValue chat = availability.value(QStringLiteral("chat"));
    static const QStringList states = {QStringLiteral("Online"), QStringLiteral("Away"), QStringLiteral("Occupied")};
    if (!chat.isString() || !states.contains(chat.toString())) {
        return error(400,
                     tr("\"availability.chat\" must be one of %1, not %2.")
                         .arg(states.join(QStringLiteral(", ")),
                              chat.isString() ? QLatin1Char('"') + chat.toString() + QLatin1Char('"')
                                              : tr("a missing or non-string value")));
    }
    QJsonValue reason = availability.value(QStringLiteral("chatReasonId"));
    if (reason.isUndefined()) {
        reason = body->value(QStringLiteral("chatReasonId"));
    }
    if (!reason.isUndefined() && !reason.isNull() && idString(reason).isEmpty()) {
        return error(400, tr("\"chatReasonId\" must be a string or a number."));
    }
    session.availability = chat.toString();
    session.chatReasonId = idString(reason);
    // Occupied keeps the agent's chats but takes no new ones (LivePerson's meaning).
    m_model->setChatAvailable(session.userId, session.availability == QLatin1String("Online"));
    qCDebug(lcSandbox) << "chat agent" << session.userId << "is" << session.availability;
    return HttpResponse::empty(200);
}

HttpResponse ChatAgentApi::incomingRequests(const Call &call, AgentSession &session)
{
    QList<Ring> rings = m_model->waitingRings(session.userId);
    rings.erase(std::remove_if(rings.begin(), rings.end(), [](const Ring &r) { return r.channel != Channel::Chat; }),
                rings.end());
    const QString href = call.base + QStringLiteral("/incomingRequests");
    if (call.method == QLatin1String("GET")) {
        QJsonObject incoming{{QStringLiteral("ringingCount"), QString::number(rings.size())}};
        if (!rings.isEmpty()) {
            incoming.insert(QStringLiteral("link"), link(href, QStringLiteral("self")));
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("incomingRequests"), incoming}});
    }
    if (call.method != QLatin1String("POST")) {
        return error(
            405, tr("Method %1 is not allowed on incomingRequests; GET polls, POST takes a chat.").arg(call.method));
    }
    HttpResponse failure;
    if (!objectBody(*call.request, &failure, true)) {
        return failure;
    }
    if (rings.isEmpty()) {
        return error(404, tr("No chat is ringing for this agent session; poll GET incomingRequests first."));
    }
    const Ring ring = rings.first();
    const Result<Success> accepted = m_model->acceptRing(session.userId, ring.id);
    if (!accepted) {
        return modelError(accepted.error());
    }
    session.chats.insert(ring.conversationId);
    session.transferred.remove(ring.conversationId);
    qCInfo(lcSandbox) << "chat agent" << session.userId << "took chat" << ring.conversationId;
    return created(QStringLiteral("chatLocation"), call.base + QStringLiteral("/chat/") + ring.conversationId);
}

// --- chats ---------------------------------------------------------------------------------------

HttpResponse ChatAgentApi::chatCall(const Call &call, AgentSession &session)
{
    const QStringList &s = call.segments;
    const QString chatId = s.at(2);
    if (!session.chats.contains(chatId) || !m_chats.contains(chatId)) {
        if (session.transferred.contains(chatId)) {
            return error(404, tr("Chat \"%1\" was transferred away from this agent session.").arg(chatId));
        }
        return error(404, tr("Unknown chat \"%1\" for this agent session.").arg(chatId));
    }
    const QString sub = s.value(3);
    if (s.size() == 3) {
        if (call.method != QLatin1String("GET")) {
            return error(405, tr("Method %1 is not allowed on a chat; use GET.").arg(call.method));
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("chat"), chatJson(call.base, chatId)}});
    }
    if (sub == QLatin1String("events") && s.size() == 4) {
        if (call.method == QLatin1String("POST")) {
            return addEvent(call, session, chatId);
        }
        if (call.method != QLatin1String("GET")) {
            return error(405, tr("Method %1 is not allowed on events; GET reads, POST adds one.").arg(call.method));
        }
        int from = 0;
        const QString fromText = call.request->query.queryItemValue(QStringLiteral("from"));
        if (!fromText.isEmpty()) {
            // Lenient: only the leading digits count, so a client that appended ".json" or a second
            // query to the next link ("…?from=5.json?v=1") still reads from 5.
            qsizetype digits = 0;
            while (digits < fromText.size() && fromText.at(digits).isDigit() && digits < 9) {
                ++digits;
            }
            if (digits == 0) {
                return error(400, tr("\"from\" must be a non-negative event id, not \"%1\".").arg(fromText));
            }
            from = QStringView(fromText).left(digits).toInt();
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("events"), eventsJson(call.base, chatId, from)}});
    }
    if (sub == QLatin1String("events") && s.size() == 5) {
        bool ok = false;
        const int id = s.at(4).toInt(&ok);
        const QList<QJsonObject> events = m_chats.value(chatId).events;
        if (!ok || id < 0 || id >= events.size()) {
            return error(404, tr("Unknown event \"%1\" in chat \"%2\".").arg(s.at(4), chatId));
        }
        if (call.method != QLatin1String("GET")) {
            return error(405, tr("Method %1 is not allowed on an event; use GET.").arg(call.method));
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("event"), events.at(id)}});
    }
    if (sub == QLatin1String("info") && (s.size() == 4 || (s.size() == 5 && s.at(4) == QLatin1String("agentTyping")))) {
        if (call.method == QLatin1String("GET") && s.size() == 4) {
            return HttpResponse::json(QJsonObject{{QStringLiteral("info"), infoJson(call.base, chatId)}});
        }
        if (call.method == QLatin1String("PUT")) {
            return setTyping(call, chatId);
        }
        return error(405, tr("Method %1 is not allowed on info; GET reads, PUT sets agentTyping.").arg(call.method));
    }
    if (sub == QLatin1String("transfer") && s.size() == 4) {
        return transfer(call, session, chatId);
    }
    static const QStringList notEmulated = {QStringLiteral("transfer-account"),
                                            QStringLiteral("agent-survey"),
                                            QStringLiteral("visit-id"),
                                            QStringLiteral("collaboration-channels")};
    if (notEmulated.contains(sub) && s.size() == 4) {
        return error(501, tr("The sandbox lists \"%1\" among the chat links but does not emulate it.").arg(sub));
    }
    return error(404, tr("No Chat Agent API resource at %1.").arg(call.request->path));
}

HttpResponse ChatAgentApi::addEvent(const Call &call, AgentSession &session, const QString &chatId)
{
    HttpResponse failure;
    const auto body = objectBody(*call.request, &failure, false);
    if (!body) {
        return failure;
    }
    if (body->contains(QStringLiteral("events"))) {
        return error(400, tr("Only one event may be added per POST: send {\"event\": {…}}, not \"events\"."));
    }
    const QJsonValue eventValue = body->value(QStringLiteral("event"));
    if (eventValue.isArray()) {
        return error(400,
                     tr("Only one event may be added per POST; \"event\" holds %1.").arg(eventValue.toArray().size()));
    }
    if (!eventValue.isObject()) {
        return error(400, tr("The body needs {\"event\": {\"@type\": \"line\"|\"state\", …}}."));
    }
    const QJsonObject event = eventValue.toObject();
    const QJsonValue type = event.value(QStringLiteral("@type"));
    if (!type.isString()) {
        return error(400, tr("\"event.@type\" is missing; use \"line\" or \"state\"."));
    }
    const QString eventsHref = call.base + QStringLiteral("/chat/") + chatId + QStringLiteral("/events/");
    if (type.toString() == QLatin1String("state")) {
        const QJsonValue state = event.value(QStringLiteral("state"));
        if (state.toString() != QLatin1String("ended")) {
            return error(400,
                         tr("An agent can only set the chat state \"ended\", not %1.")
                             .arg(state.isString() ? state.toString() : tr("a missing or non-string value")));
        }
        const Result<QString> closed = m_model->closeConversation(chatId, CloseReason::Agent);
        if (!closed) {
            return modelError(closed.error());
        }
        qCInfo(lcSandbox) << "chat" << chatId << "ended by agent" << session.userId;
        return created(QStringLiteral("chatEventLocation"),
                       eventsHref + QString::number(m_chats.value(chatId).events.size() - 1));
    }
    if (type.toString() != QLatin1String("line")) {
        return error(400, tr("Unknown event @type \"%1\"; an agent adds \"line\" or \"state\".").arg(type.toString()));
    }
    const QString textType = event.value(QStringLiteral("textType")).toString(QStringLiteral("plain"));
    static const QStringList textTypes = {
        QStringLiteral("plain"), QStringLiteral("html"), QStringLiteral("rich-content")};
    if (!event.value(QStringLiteral("textType")).isUndefined() && !event.value(QStringLiteral("textType")).isString()) {
        return error(400, tr("\"event.textType\" must be a string: plain, html or rich-content."));
    }
    if (!textTypes.contains(textType)) {
        return error(400, tr("Unknown textType \"%1\"; use %2.").arg(textType, textTypes.join(QStringLiteral(", "))));
    }
    const QJsonValue subTypeValue = event.value(QStringLiteral("subType"));
    if (!subTypeValue.isUndefined() && !subTypeValue.isString()) {
        return error(400, tr("\"event.subType\" must be a string: REGULAR or ONLY_TO_REP."));
    }
    const QString subType = subTypeValue.toString(QStringLiteral("REGULAR"));
    if (subType != QLatin1String("REGULAR") && subType != QLatin1String("ONLY_TO_REP")) {
        return error(400, tr("Unknown subType \"%1\"; use REGULAR or ONLY_TO_REP.").arg(subType));
    }
    const QJsonValue metadata = event.value(QStringLiteral("metadata"));
    if (!metadata.isUndefined() && !metadata.isArray()) {
        return error(400, tr("\"event.metadata\" must be an array of objects."));
    }
    for (const QJsonValue &m : metadata.toArray()) {
        if (!m.isObject()) {
            return error(400, tr("\"event.metadata\" must be an array of objects."));
        }
    }
    const QJsonValue text = event.value(QStringLiteral("text"));
    PublishRequest publish;
    publish.conversationId = chatId;
    publish.originatorId = session.userId;
    publish.fromAgent = true;
    publish.metadata = metadata.toArray();
    publish.audience =
        subType == QLatin1String("ONLY_TO_REP") ? QStringLiteral("AGENTS_AND_MANAGERS") : QStringLiteral("ALL");
    if (textType == QLatin1String("rich-content")) {
        const QJsonValue card = event.value(QStringLiteral("json"));
        if (!card.isObject() || card.toObject().isEmpty()) {
            return error(400, tr("A rich-content line needs the card as an object in \"event.json\"."));
        }
        if (!text.isUndefined() && !text.isString()) {
            return error(400, tr("\"event.text\" must be a string."));
        }
        publish.event = QJsonObject{{QStringLiteral("type"), QStringLiteral("RichContentEvent")},
                                    {QStringLiteral("content"), card}};
    } else {
        if (!text.isString()) {
            return error(400, tr("A line needs \"event.text\" as a string."));
        }
        if (text.toString().isEmpty()) {
            return error(400, tr("\"event.text\" is empty."));
        }
        publish.event = QJsonObject{
            {QStringLiteral("type"), QStringLiteral("ContentEvent")},
            {QStringLiteral("contentType"),
             textType == QLatin1String("html") ? QStringLiteral("text/html") : QStringLiteral("text/plain")},
            {QStringLiteral("message"), text.toString()}};
    }
    const Result<Message> sent = m_model->publish(publish);
    if (!sent) {
        return modelError(sent.error());
    }
    return created(QStringLiteral("chatEventLocation"),
                   eventsHref + QString::number(m_chats.value(chatId).events.size() - 1));
}

HttpResponse ChatAgentApi::setTyping(const Call &call, const QString &chatId)
{
    HttpResponse failure;
    const auto body = objectBody(*call.request, &failure, false);
    if (!body) {
        return failure;
    }
    QJsonValue typing = body->value(QStringLiteral("agentTyping"));
    if (typing.isUndefined()) {
        typing = body->value(QStringLiteral("info")).toObject().value(QStringLiteral("agentTyping"));
    }
    if (typing.toString() != QLatin1String("typing") && typing.toString() != QLatin1String("not-typing")) {
        return error(400, tr("Send {\"agentTyping\": \"typing\"} or {\"agentTyping\": \"not-typing\"}."));
    }
    const Conversation *c = m_model->conversation(chatId);
    PublishRequest publish;
    publish.conversationId = chatId;
    publish.originatorId = call.userId;
    publish.fromAgent = true;
    publish.event = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("ChatStateEvent")},
        {QStringLiteral("chatState"),
         typing.toString() == QLatin1String("typing") ? QStringLiteral("COMPOSING") : QStringLiteral("ACTIVE")}};
    if (!c || !c->isOpen()) {
        return error(400, tr("Chat \"%1\" has ended.").arg(chatId));
    }
    const Result<Message> sent = m_model->publish(publish);
    if (!sent) {
        return modelError(sent.error());
    }
    return HttpResponse::empty(200);
}

HttpResponse ChatAgentApi::transfer(const Call &call, AgentSession &session, const QString &chatId)
{
    const QString href = call.base + QStringLiteral("/chat/") + chatId + QStringLiteral("/transfer");
    if (call.method == QLatin1String("GET")) {
        return HttpResponse::json(
            QJsonObject{{QStringLiteral("transfer"),
                         QJsonObject{{QStringLiteral("link"), QJsonArray{link(href, QStringLiteral("self"))}},
                                     {QStringLiteral("skill"), transferSkills(session.userId)}}}});
    }
    if (call.method != QLatin1String("POST")) {
        return error(405,
                     tr("Method %1 is not allowed on transfer; GET lists skills, POST transfers.").arg(call.method));
    }
    HttpResponse failure;
    const auto body = objectBody(*call.request, &failure, false);
    if (!body) {
        return failure;
    }
    const QJsonValue transferValue = body->value(QStringLiteral("transfer"));
    if (!transferValue.isObject()) {
        return error(400,
                     tr("The body needs {\"transfer\": {\"skill\": {\"id\": …}} or {\"agent\": {\"id\": …}}, "
                        "\"text\": \"…\"}}."));
    }
    const QJsonObject t = transferValue.toObject();
    const QJsonValue note = t.value(QStringLiteral("text"));
    if (!note.isUndefined() && !note.isString()) {
        return error(400, tr("\"transfer.text\" must be a string."));
    }
    const bool hasAgent = t.contains(QStringLiteral("agent"));
    const bool hasSkill = t.contains(QStringLiteral("skill"));
    if (!hasAgent && !hasSkill) {
        return error(400, tr("\"transfer\" needs \"skill\": {\"id\": …} or \"agent\": {\"id\": …}."));
    }
    const Conversation *c = m_model->conversation(chatId);
    if (!c || !c->isOpen()) {
        return error(400, tr("Chat \"%1\" has ended; it cannot be transferred.").arg(chatId));
    }
    if (c->assignedAgent() != session.userId) {
        return error(403, tr("Chat \"%1\" is not assigned to this agent.").arg(chatId));
    }
    // Reference §5: when both are given, the agent wins.
    QString agentUserId;
    QString skillId;
    if (hasAgent) {
        const QString id = idString(t.value(QStringLiteral("agent")).toObject().value(QStringLiteral("id")));
        if (id.isEmpty()) {
            return error(400, tr("\"transfer.agent.id\" must be a string or a number."));
        }
        const AgentUser *target = m_model->agentByAnyId(id);
        if (!target) {
            return error(404, tr("Unknown agent \"%1\".").arg(id));
        }
        if (target->userId == session.userId) {
            return error(400, tr("A chat cannot be transferred to the agent that holds it."));
        }
        if (!m_model->isRoutable(*target, Channel::Chat)) {
            return error(400, tr("Agent \"%1\" is not online for chat; the chat was not transferred.").arg(id));
        }
        agentUserId = target->userId;
    } else {
        skillId = idString(t.value(QStringLiteral("skill")).toObject().value(QStringLiteral("id")));
        if (skillId.isEmpty()) {
            return error(400, tr("\"transfer.skill.id\" must be a string or a number."));
        }
        if (!m_model->config().skill(skillId)) {
            return error(404, tr("Unknown skill \"%1\".").arg(skillId));
        }
        if (onlineChatAgents(skillId, session.userId) == 0) {
            return error(400, tr("No agent is online on skill \"%1\"; the chat was not transferred.").arg(skillId));
        }
    }
    if (!note.toString().isEmpty()) {
        // The note reaches the next agent as a private line (agents only).
        PublishRequest publish;
        publish.conversationId = chatId;
        publish.originatorId = session.userId;
        publish.fromAgent = true;
        publish.audience = QStringLiteral("AGENTS_AND_MANAGERS");
        publish.event = QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                    {QStringLiteral("contentType"), QStringLiteral("text/plain")},
                                    {QStringLiteral("message"), note.toString()}};
        const Result<Message> sent = m_model->publish(publish);
        if (!sent) {
            return modelError(sent.error());
        }
    }
    m_model->beginChangeBatch();
    Result<QString> done = QString();
    if (!agentUserId.isEmpty()) {
        done = m_model->suggestAgent(chatId, agentUserId);
    }
    if (done) {
        done = m_model->removeParticipant(chatId, session.userId, Role::AssignedAgent);
    }
    if (done && !skillId.isEmpty()) {
        done = m_model->transferToSkill(chatId, skillId);
    }
    m_model->endChangeBatch();
    if (!done) {
        return modelError(done.error());
    }
    session.chats.remove(chatId);
    session.transferred.insert(chatId);
    appendEvent(chatId,
                QJsonObject{{QStringLiteral("@type"), QStringLiteral("line")},
                            {QStringLiteral("text"),
                             agentUserId.isEmpty() ? tr("The chat was transferred to skill %1.").arg(skillId)
                                                   : tr("The chat was transferred to agent %1.").arg(agentUserId)},
                            {QStringLiteral("textType"), QStringLiteral("plain")},
                            {QStringLiteral("by"), QStringLiteral("info")},
                            {QStringLiteral("source"), QStringLiteral("system")},
                            {QStringLiteral("systemMessageId"), QStringLiteral("transfer")},
                            {QStringLiteral("subType"), QStringLiteral("ONLY_TO_REP")}});
    qCInfo(lcSandbox) << "chat" << chatId << "transferred by" << session.userId << "to"
                      << (agentUserId.isEmpty() ? QStringLiteral("skill ") + skillId
                                                : QStringLiteral("agent ") + agentUserId);
    return HttpResponse::empty(200);
}

// --- JSON views ----------------------------------------------------------------------------------

QJsonObject ChatAgentApi::chatJson(const QString &sessionBase, const QString &chatId) const
{
    const QString chatBase = sessionBase + QStringLiteral("/chat/") + chatId;
    const int count = static_cast<int>(m_chats.value(chatId).events.size());
    QJsonArray links{
        link(chatBase, QStringLiteral("self")),
        link(chatBase + QStringLiteral("/events"), QStringLiteral("events")),
        link(chatBase + QStringLiteral("/info"), QStringLiteral("info")),
        link(chatBase + QStringLiteral("/events?from=%1").arg(count), QStringLiteral("next")),
        link(chatBase + QStringLiteral("/transfer"), QStringLiteral("transfer")),
        link(chatBase + QStringLiteral("/transfer-account"), QStringLiteral("transfer-account")),
        link(chatBase + QStringLiteral("/agent-survey"), QStringLiteral("agent-survey")),
        link(chatBase + QStringLiteral("/visit-id"), QStringLiteral("visit-id")),
        link(chatBase + QStringLiteral("/collaboration-channels"), QStringLiteral("collaboration-channels"))};
    return QJsonObject{{QStringLiteral("link"), links},
                       {QStringLiteral("events"), eventsJson(sessionBase, chatId, 0)},
                       {QStringLiteral("info"), infoJson(sessionBase, chatId)}};
}

QJsonObject ChatAgentApi::eventsJson(const QString &sessionBase, const QString &chatId, int from) const
{
    const QString eventsBase = sessionBase + QStringLiteral("/chat/") + chatId + QStringLiteral("/events");
    const QList<QJsonObject> events = m_chats.value(chatId).events;
    const int count = static_cast<int>(events.size());
    QJsonArray list;
    for (int i = std::min(from, count); i < count; ++i) {
        list.append(events.at(i));
    }
    QJsonObject o{
        {QStringLiteral("link"),
         QJsonArray{link(eventsBase + QStringLiteral("?from=%1").arg(from), QStringLiteral("self")),
                    link(eventsBase + QStringLiteral("?from=%1").arg(std::max(from, count)), QStringLiteral("next"))}}};
    if (!list.isEmpty()) {
        o.insert(QStringLiteral("event"), oneOrMany(list));
    }
    return o;
}

QJsonObject ChatAgentApi::infoJson(const QString &sessionBase, const QString &chatId) const
{
    const ChatLog log = m_chats.value(chatId);
    const Conversation *c = m_model->conversation(chatId);
    const Consumer *consumer = c ? m_model->consumer(c->consumerId) : nullptr;
    const AgentUser *agent = m_model->agent(log.agentUserId);
    const SkillConfig *skill = c ? m_model->config().skill(c->skillId) : nullptr;
    return QJsonObject{
        {QStringLiteral("link"),
         QJsonArray{
             link(sessionBase + QStringLiteral("/chat/") + chatId + QStringLiteral("/info"), QStringLiteral("self"))}},
        {QStringLiteral("state"), log.state},
        {QStringLiteral("chatSessionKey"), chatId},
        {QStringLiteral("agentName"), agent ? agent->nickname : QString()},
        {QStringLiteral("agentId"), log.agentUserId},
        {QStringLiteral("startTime"), isoTime(c ? c->startTs : 0)},
        {QStringLiteral("lastUpdate"), isoTime(log.lastUpdateMs)},
        {QStringLiteral("chatTimeout"), 40},
        {QStringLiteral("visitorId"), c ? c->consumerId : QString()},
        {QStringLiteral("visitorName"),
         consumer ? consumer->firstName + QLatin1Char(' ') + consumer->lastName : QString()},
        {QStringLiteral("agentTyping"), log.agentTyping},
        {QStringLiteral("visitorTyping"), log.visitorTyping},
        {QStringLiteral("engagementId"), QStringLiteral("sandbox-engagement")},
        {QStringLiteral("campaignId"), QStringLiteral("sandbox-campaign")},
        {QStringLiteral("language"),
         c ? c->context.value(QStringLiteral("lang")).toString(QStringLiteral("en-US")) : QStringLiteral("en-US")},
        {QStringLiteral("skillId"), c ? c->skillId : QString()},
        {QStringLiteral("skillName"), skill ? skill->name : QString()},
    };
}

int ChatAgentApi::onlineChatAgents(const QString &skillId, const QString &exceptUserId) const
{
    int online = 0;
    for (const AgentUser *a : m_model->agents()) {
        if (a->userId != exceptUserId && a->skillIds.contains(skillId) && m_model->isRoutable(*a, Channel::Chat)) {
            ++online;
        }
    }
    return online;
}

QJsonArray ChatAgentApi::transferSkills(const QString &exceptUserId) const
{
    QJsonArray skills;
    for (const SkillConfig &skill : m_model->config().skills) {
        skills.append(
            QJsonObject{{QStringLiteral("id"), skill.id},
                        {QStringLiteral("name"), skill.name},
                        {QStringLiteral("onlineAgents"), QString::number(onlineChatAgents(skill.id, exceptUserId))}});
    }
    return skills;
}

// --- the chat log, from the model's signals ------------------------------------------------------

QList<QJsonObject> ChatAgentApi::events(const QString &chatId) const
{
    const auto it = m_chats.constFind(chatId);
    return it == m_chats.constEnd() ? QList<QJsonObject>() : it->events;
}

void ChatAgentApi::appendEvent(const QString &chatId, QJsonObject event)
{
    ChatLog &log = m_chats[chatId];
    const qint64 now = nowMs();
    QJsonObject ordered{{QStringLiteral("@id"), QString::number(log.events.size())}};
    ordered.insert(QStringLiteral("time"), isoTime(now));
    for (auto it = event.begin(); it != event.end(); ++it) {
        ordered.insert(it.key(), it.value());
    }
    log.events.append(ordered);
    log.lastUpdateMs = now;
}

void ChatAgentApi::appendState(const QString &chatId, const QString &state)
{
    ChatLog &log = m_chats[chatId];
    if (log.state == state && !log.events.isEmpty()) {
        return;
    }
    log.state = state;
    appendEvent(chatId,
                QJsonObject{{QStringLiteral("@type"), QStringLiteral("state")}, {QStringLiteral("state"), state}});
}

void ChatAgentApi::handleConversationChanged(const QString &conversationId)
{
    const Conversation *c = m_model->conversation(conversationId);
    if (!c || c->channel != Channel::Chat) {
        return;
    }
    const bool known = m_chats.contains(conversationId);
    if (!known) {
        m_chats[conversationId].lastUpdateMs = nowMs();
        appendState(conversationId, QStringLiteral("waiting"));
    }
    ChatLog &log = m_chats[conversationId];
    if (!c->isOpen()) {
        appendState(conversationId, QStringLiteral("ended"));
        return;
    }
    const QString assigned = c->assignedAgent();
    if (assigned != log.agentUserId && !assigned.isEmpty()) {
        log.agentUserId = assigned;
        const AgentUser *agent = m_model->agent(assigned);
        appendState(conversationId, QStringLiteral("chatting"));
        appendEvent(conversationId,
                    QJsonObject{{QStringLiteral("@type"), QStringLiteral("line")},
                                {QStringLiteral("text"),
                                 tr("You are now chatting with %1.").arg(agent ? agent->nickname : assigned)},
                                {QStringLiteral("textType"), QStringLiteral("plain")},
                                {QStringLiteral("by"), QStringLiteral("info")},
                                {QStringLiteral("source"), QStringLiteral("system")},
                                {QStringLiteral("systemMessageId"), QStringLiteral("4")},
                                {QStringLiteral("subType"), QStringLiteral("REGULAR")}});
    } else if (assigned.isEmpty() && !log.agentUserId.isEmpty()) {
        // Back in the queue (transfer, session ended): waiting for the next agent.
        log.agentUserId.clear();
        log.agentTyping = QStringLiteral("not-typing");
        appendState(conversationId, QStringLiteral("waiting"));
    }
}

void ChatAgentApi::handleMessageAdded(const QString &conversationId, const Message &message)
{
    const Conversation *c = m_model->conversation(conversationId);
    if (!c || c->channel != Channel::Chat) {
        return;
    }
    if (!m_chats.contains(conversationId)) {
        handleConversationChanged(conversationId);
    }
    ChatLog &log = m_chats[conversationId];
    const QString type = message.event.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ChatStateEvent")) {
        const QString typing = message.event.value(QStringLiteral("chatState")).toString() == QLatin1String("COMPOSING")
                                   ? QStringLiteral("typing")
                                   : QStringLiteral("not-typing");
        (message.fromAgent ? log.agentTyping : log.visitorTyping) = typing;
        log.lastUpdateMs = nowMs();
        return;
    }
    if (type != QLatin1String("ContentEvent") && type != QLatin1String("RichContentEvent")) {
        return;
    }
    QJsonObject line{{QStringLiteral("@type"), QStringLiteral("line")}};
    if (type == QLatin1String("RichContentEvent")) {
        line.insert(QStringLiteral("text"), QString());
        line.insert(QStringLiteral("textType"), QStringLiteral("rich-content"));
        line.insert(QStringLiteral("json"), message.event.value(QStringLiteral("content")));
    } else {
        line.insert(QStringLiteral("text"), message.event.value(QStringLiteral("message")).toString());
        line.insert(QStringLiteral("textType"),
                    message.event.value(QStringLiteral("contentType")).toString() == QLatin1String("text/html")
                        ? QStringLiteral("html")
                        : QStringLiteral("plain"));
    }
    const QString who = message.fromAgent ? QStringLiteral("agent") : QStringLiteral("visitor");
    line.insert(QStringLiteral("by"), who);
    line.insert(QStringLiteral("source"), who);
    line.insert(QStringLiteral("systemMessageId"), QStringLiteral("-1"));
    line.insert(QStringLiteral("subType"),
                message.audience == QLatin1String("AGENTS_AND_MANAGERS") ? QStringLiteral("ONLY_TO_REP")
                                                                         : QStringLiteral("REGULAR"));
    if (message.fromAgent) {
        line.insert(QStringLiteral("agentId"), message.originatorId);
    }
    if (!message.metadata.isEmpty()) {
        line.insert(QStringLiteral("metadata"), message.metadata);
    }
    appendEvent(conversationId, line);
    // A line ends the sender's typing.
    (message.fromAgent ? log.agentTyping : log.visitorTyping) = QStringLiteral("not-typing");
}

void ChatAgentApi::handleRingChanged(const Ring &ring)
{
    if (ring.channel != Channel::Chat || ring.state != RingState::Expired) {
        return;
    }
    // Reference §5: an agent that does not take an assigned chat within 20 s is set Away.
    for (AgentSession &s : m_sessions) {
        if (s.userId == ring.agentUserId) {
            s.availability = QStringLiteral("Away");
            qCInfo(lcSandbox) << "chat agent" << s.userId << "let ring" << ring.id << "expire: now Away";
        }
    }
    m_model->setChatAvailable(ring.agentUserId, false);
}

// --- session lifetime ----------------------------------------------------------------------------

void ChatAgentApi::endSession(const QString &sessionId, const QString &why)
{
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        return;
    }
    const AgentSession session = *it;
    m_sessions.erase(it);
    m_endedSessions.insert(sessionId, why);
    qCInfo(lcSandbox) << "chat agent session" << sessionId << "of" << session.userId << "ended";
    m_model->setChatAvailable(session.userId, false);
    // Its open chats go back to the queue for the next agent.
    for (const QString &chatId : session.chats) {
        const Conversation *c = m_model->conversation(chatId);
        if (c && c->isOpen() && c->assignedAgent() == session.userId) {
            const Result<QString> removed = m_model->removeParticipant(chatId, session.userId, Role::AssignedAgent);
            Q_UNUSED(removed)
        }
    }
}

int ChatAgentApi::expireAllSessions()
{
    const QStringList ids = m_sessions.keys();
    for (const QString &id : ids) {
        endSession(id, tr("it expired (POST /sandbox/chat/sessions/expire)"));
    }
    return static_cast<int>(ids.size());
}

void ChatAgentApi::sweep()
{
    const qint64 now = nowMs();
    QStringList expired;
    for (const AgentSession &s : std::as_const(m_sessions)) {
        if (now - s.lastSeenMs > m_sessionTimeoutMs) {
            expired.append(s.id);
        }
    }
    for (const QString &id : std::as_const(expired)) {
        endSession(id, tr("it expired after %1 ms without a request").arg(m_sessionTimeoutMs));
    }
}

} // namespace Switchboard::Sandbox
