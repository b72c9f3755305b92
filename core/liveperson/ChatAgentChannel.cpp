// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatAgentChannel.h"

#include "LivePersonLogging.h"
#include "Scheduler.h"
#include "SkillsClient.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QMetaObject>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

namespace Switchboard::LivePerson
{

namespace
{
bool isHttp(const ApiError &error, int status)
{
    return error.kind == ApiErrorKind::Http && error.status == status;
}

QJsonValue bodyValue(const QByteArray &body)
{
    if (body.isEmpty()) {
        return {};
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        return document.object();
    }
    if (document.isArray()) {
        return document.array();
    }
    return QString::fromUtf8(body.left(4096));
}

/** Who ended a chat, from a state event's source/by; LivePerson's closeReason spelling. */
QString closeReasonOf(const Chat::ChatEvent &event)
{
    const QString who = event.source.isEmpty() ? event.by : event.source;
    if (who == QLatin1String("visitor")) {
        return u"CONSUMER"_s;
    }
    if (who == QLatin1String("agent")) {
        return u"AGENT"_s;
    }
    if (who == QLatin1String("system") || who == QLatin1String("info")) {
        return u"SYSTEM"_s;
    }
    return u"UNKNOWN"_s;
}
} // namespace

/** One command (or internal step chain) against a chat's link, with its retries. */
struct ChatAgentChannel::Exchange
{
    RequestId id = 0;
    QString what;
    QString chatId;
    /** The chat resource link the request goes to ("events", "transfer"); resolved at each run. */
    QString rel;
    QByteArray method;
    QJsonObject body;
    CommandCompletion done;
    /**
     * Runs on a 2xx answer. Returns an error to end the command with it; may change rel/method/body
     * and set `again` to send a next step (transfer: read the skills, then post).
     */
    std::function<std::optional<ApiError>(const HttpResponse &, Exchange &)> step;
    bool again = false;
    /** A 404 may mean "chat or session gone" (probe and park); false for optional resources. */
    bool probeOn404 = true;
    int failures = 0;
    bool sessionRetried = false;
    bool finished = false;
    QPointer<QObject> retryHandle;
};

ChatAgentChannel::ChatAgentChannel(ChatChannelConfig config, QObject *parent)
    : AgentLoginChannel(config, "Chat channel", parent)
    , m_config(std::move(config))
    , m_pollTimer(new QTimer(this))
{
    // A ring must be taken within 20 s (reference §5); never poll slower than every 2 s.
    m_config.pollInterval = std::clamp(m_config.pollInterval, milliseconds(10), milliseconds(2000));
    m_pollTimer->setInterval(m_config.pollInterval);
    connect(m_pollTimer, &QTimer::timeout, this, &ChatAgentChannel::pollAll);
}

ChatAgentChannel::~ChatAgentChannel()
{
    invalidateCallbacks();
    cancelAll(ApiErrorKind::Cancelled, tr("The LivePerson chat channel was destroyed."));
}

const ChatChannelConfig &ChatAgentChannel::config() const
{
    return m_config;
}

ChatChannelStats ChatAgentChannel::stats() const
{
    ChatChannelStats stats = m_stats;
    stats.logins = loginCount();
    stats.loginAttempts = loginAttemptCount();
    return stats;
}

QUrl ChatAgentChannel::sessionUrl() const
{
    return m_sessionUrl;
}

ChannelType ChatAgentChannel::channelType() const
{
    return ChannelType::Chat;
}

QList<ConversationInfo> ChatAgentChannel::conversations() const
{
    QList<ConversationInfo> out;
    for (const TrackedChat &chat : m_chats) {
        if (chat.announced) {
            out.append(chat.info);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

void ChatAgentChannel::cancelAll(ApiErrorKind kind, const QString &message)
{
    const auto exchanges = std::exchange(m_exchanges, {});
    for (const ExchangePtr &exchange : exchanges) {
        if (exchange->finished) {
            continue;
        }
        exchange->finished = true;
        delete exchange->retryHandle.data();
        CommandResult result;
        result.requestId = exchange->id;
        result.error = ApiError::make(kind, message);
        exchange->done.complete(result);
    }
    for (TrackedChat &chat : m_chats) {
        chat.parked.clear();
    }
}

QUrl ChatAgentChannel::sessionChild(const QString &name) const
{
    // The sub-resources of the agent session are named relative to the session link the server
    // returned (reference §5 and the sample app); nothing else of the URL is built here.
    QUrl url = m_sessionUrl;
    QString path = url.path();
    if (path.endsWith(u".json"_s)) {
        path.chop(5);
    }
    url.setPath(path + u'/' + name);
    url.setQuery(QString());
    return url;
}

void ChatAgentChannel::send(const QByteArray &method,
                            const QUrl &url,
                            const QJsonObject &body,
                            std::function<void(const HttpResponse &)> callback)
{
    LivePersonHttp::Headers headers{
        {"Authorization", "Bearer " + session().bearer.toUtf8()},
        {"X-Requested-With", "XMLHttpRequest"},
    };
    const QUrl target = Chat::withApiQuery(url);
    if (method == "GET") {
        http()->get(target, headers, this, std::move(callback));
        return;
    }
    if (method != "POST") {
        // PUT and DELETE travel as POST with X-HTTP-Method-Override (reference §5).
        headers.append({"X-HTTP-Method-Override", method});
    }
    http()->postJson(target, QJsonDocument(body), headers, this, std::move(callback));
}

// ---------------------------------------------------------------------------------------------
// Lifecycle (the login itself is AgentLoginChannel's)

void ChatAgentChannel::loggedIn()
{
    // The Chat Agent API lives on the agentVep host (reference §1, §5).
    m_agentVep = serviceUrl(u"https"_s, domains().host(Service::AgentVep), u"/"_s);
}

void ChatAgentChannel::connectTransport()
{
    createSession();
}

void ChatAgentChannel::dropTransport()
{
    m_online = false;
    m_pollTimer->stop();
    delete m_incomingPause.data();
    m_incomingPause = nullptr;
}

void ChatAgentChannel::loginRefused(const ApiError &error, quint64 /*attempt*/)
{
    stopRefreshTimer();
    if (m_online) {
        sessionLost(true, tr("The session refresh was refused"), error);
    }
}

void ChatAgentChannel::failed(const ApiError &error)
{
    m_recovering = false;
    for (TrackedChat &chat : m_chats) {
        chat.needsReread = true;
    }
    cancelAll(ApiErrorKind::NotConnected, error.message);
}

void ChatAgentChannel::goAway(std::function<void()> then)
{
    const bool wasOnline = m_online;
    m_online = false;
    m_pollTimer->stop();
    if (!wasOnline || !m_sessionUrl.isValid()) {
        // stopped() is always asynchronous, even when there is nothing to wait for.
        QMetaObject::invokeMethod(this, std::move(then), Qt::QueuedConnection);
        return;
    }
    const quint64 run = runId();
    setAvailability(u"Away"_s, [this, run, then = std::move(then)](const ApiResult<HttpResponse> &result) {
        if (run != runId()) {
            return;
        }
        if (!result) {
            qCWarning(lcLivePerson) << "Setting the chat agent Away failed:" << result.error().status;
        }
        then();
    });
}

void ChatAgentChannel::stopFinished()
{
    cancelAll(ApiErrorKind::Cancelled, tr("The LivePerson chat channel stopped."));
    const QStringList ids = m_chats.keys();
    for (const QString &id : ids) {
        forgetChat(id);
    }
    m_online = false;
    m_recovering = false;
    m_sessionUrl = QUrl();
}

QString ChatAgentChannel::reconnectingText() const
{
    return tr("starting a new agent session");
}

void ChatAgentChannel::createSession()
{
    const quint64 attempt = attemptId();
    m_online = false;
    m_pollTimer->stop();
    setStatus(ChannelState::Connecting);
    const QUrl url = serviceUrl(
        u"https"_s, domains().host(Service::AgentVep), u"/api/account/"_s + m_config.accountId + u"/agentSession"_s);
    auto onFailure = [this](const ApiError &error) {
        if (error.kind == ApiErrorKind::Http && (error.status == 401 || error.status == 403)) {
            setLoggedOut();
            scheduleReconnect(ReconnectMode::Relogin, tr("The agent session was refused"), error);
            return;
        }
        if (isHttp(error, 404)) {
            // The new session ended before it was Online (expired or replaced): start another.
            scheduleReconnect(ReconnectMode::KeepLogin, tr("The new agent session ended at once"), error);
            return;
        }
        handleRestFailure(RetryPolicy::Operation::Other, error, RetryStep::Transport);
    };
    send("POST", url, Chat::agentSessionBody(), [this, attempt, url, onFailure](const HttpResponse &response) {
        if (attempt != attemptId()) {
            return;
        }
        if (!response.isSuccess()) {
            onFailure(errorFromResponse(response, tr("Starting the chat agent session")));
            return;
        }
        const auto location = Chat::parseLocation(response.body, u"agentSessionLocation"_s);
        const auto resolved = location ? Chat::resolveLink(*location, url) : Result<QUrl>(location.error());
        if (!resolved) {
            countMalformed(u"agentSession"_s, resolved.error().message);
            fail(ApiError::make(ApiErrorKind::Protocol,
                           tr("Starting the chat agent session: %1").arg(resolved.error().message),
                           response.status));
            return;
        }
        m_sessionUrl = resolved.value();
        ++m_stats.sessionsCreated;
        qCInfo(lcLivePerson) << "Chat agent session" << Chat::chatIdFromHref(m_sessionUrl.toString()) << "created";
        setAvailability(u"Online"_s, [this, attempt, onFailure](const ApiResult<HttpResponse> &result) {
            if (attempt != attemptId()) {
                return;
            }
            if (!result) {
                onFailure(result.error());
                return;
            }
            goOnline();
        });
    });
}

void ChatAgentChannel::setAvailability(const QString &availability,
                                       std::function<void(const ApiResult<HttpResponse> &)> done)
{
    const QString what = tr("Setting the chat availability to %1").arg(availability);
    send("PUT",
         sessionChild(u"availability"_s),
         Chat::availabilityBody(availability),
         [what, done = std::move(done)](const HttpResponse &response) {
             if (response.isSuccess()) {
                 done(response);
             } else {
                 done(errorFromResponse(response, what));
             }
         });
}

void ChatAgentChannel::goOnline()
{
    m_online = true;
    m_recovering = false;
    resetAttemptCounters();
    m_incomingFailures = 0;
    m_incomingInFlight = false;
    clearNextAttempt();
    for (TrackedChat &chat : m_chats) {
        // A new session: read every chat again before polling on (old links may be dead).
        chat.needsReread = !chat.orphaned;
        chat.rereadInFlight = false;
        chat.pollInFlight = false;
        chat.pollFailures = 0;
        delete chat.pollPause.data();
    }
    setStatus(ChannelState::Online);
    m_pollTimer->start();
    pollAll();
}

void ChatAgentChannel::sessionLost(bool unauthorized, const QString &why, const ApiError &error)
{
    if (!m_online || m_recovering) {
        return; // already being handled
    }
    m_recovering = true;
    m_online = false;
    m_pollTimer->stop();
    for (TrackedChat &chat : m_chats) {
        chat.needsReread = !chat.orphaned;
    }
    qCInfo(lcLivePerson) << "Chat agent session lost (" << error.status
                         << "):" << (unauthorized ? "logging in again" : "starting a new session");
    if (unauthorized) {
        setLoggedOut();
        scheduleReconnect(ReconnectMode::Relogin, why, error);
        return;
    }
    newAttempt();
    createSession();
}

// ---------------------------------------------------------------------------------------------
// Polling

void ChatAgentChannel::countMalformed(const QString &what, const QString &reason)
{
    ++m_stats.malformedAnswers;
    qCWarning(lcLivePerson) << "Malformed chat answer" << what << "ignored:" << reason;
}

void ChatAgentChannel::pollAll()
{
    if (!m_online) {
        return;
    }
    pollIncoming();
    const QStringList ids = m_chats.keys();
    for (const QString &id : ids) {
        if (!m_online) {
            return;
        }
        const auto it = m_chats.find(id);
        if (it == m_chats.end() || it->rereadInFlight || it->pollInFlight || it->pollPause) {
            continue;
        }
        if (it->orphaned) {
            if (clock().monotonicMs() - it->orphanedAtMs >= m_config.resyncGrace.count()) {
                qCInfo(lcLivePerson) << "Chat" << id << "did not come back after the new agent session";
                chatGone(id, Gone::Closed, u"NOT_OPEN_AFTER_RECONNECT"_s);
            }
            continue;
        }
        if (it->needsReread) {
            readChat(id, it->chatUrl, false);
        } else {
            pollEvents(id);
        }
    }
}

void ChatAgentChannel::pollIncoming()
{
    if (m_incomingInFlight || m_incomingPause || !m_online) {
        return;
    }
    m_incomingInFlight = true;
    ++m_stats.incomingPolls;
    const quint64 attempt = attemptId();
    send("GET", sessionChild(u"incomingRequests"_s), {}, [this, attempt](const HttpResponse &response) {
        if (attempt != attemptId()) {
            return;
        }
        m_incomingInFlight = false;
        if (!response.isSuccess()) {
            const ApiError error = errorFromResponse(response, tr("Polling incoming chat requests"));
            if (isHttp(error, 401) || isHttp(error, 403)) {
                sessionLost(true, error.message, error);
            } else if (isHttp(error, 404)) {
                sessionLost(false, error.message, error);
            } else {
                ++m_incomingFailures;
                const auto delay = retryPolicy().delayFor(RetryPolicy::Operation::Other, error, m_incomingFailures);
                qCWarning(lcLivePerson) << "Polling incoming chat requests failed:" << ApiError::kindName(error.kind)
                                        << error.status;
                if (delay) {
                    ++m_stats.retries;
                    m_incomingPause = scheduler().schedule(*delay, this, [this] {
                        m_incomingPause = nullptr;
                        pollIncoming();
                    });
                }
            }
            return;
        }
        m_incomingFailures = 0;
        const auto requests = Chat::parseIncomingRequests(response.body);
        if (!requests) {
            countMalformed(u"incomingRequests"_s, requests.error().message);
            return;
        }
        if (requests->ringingCount > 0) {
            takeChat(requests->takeHref);
        }
    });
}

void ChatAgentChannel::takeChat(const QString &href)
{
    const auto url = Chat::resolveLink(href, m_sessionUrl);
    if (!url) {
        countMalformed(u"incomingRequests"_s, url.error().message);
        return;
    }
    const quint64 attempt = attemptId();
    m_incomingInFlight = true; // one take at a time; the next poll sees what still rings
    send("POST", *url, QJsonObject(), [this, attempt, base = *url](const HttpResponse &response) {
        if (attempt != attemptId()) {
            return;
        }
        m_incomingInFlight = false;
        if (!response.isSuccess()) {
            const ApiError error = errorFromResponse(response, tr("Taking a chat"));
            qCWarning(lcLivePerson) << "Taking a chat failed:" << ApiError::kindName(error.kind) << error.status;
            if (isHttp(error, 401)) {
                sessionLost(true, error.message, error);
            }
            return; // the next poll tries again while it still rings
        }
        const auto location = Chat::parseLocation(response.body, u"chatLocation"_s);
        const auto chatUrl = location ? Chat::resolveLink(*location, base) : Result<QUrl>(location.error());
        if (!chatUrl) {
            countMalformed(u"chatLocation"_s, chatUrl.error().message);
            return;
        }
        const QString chatId = Chat::chatIdFromHref(chatUrl->toString());
        if (chatId.isEmpty()) {
            countMalformed(u"chatLocation"_s, tr("the chat link has no chat id"));
            return;
        }
        ++m_stats.chatsTaken;
        qCInfo(lcLivePerson) << "Took chat" << chatId;
        TrackedChat &chat = m_chats[chatId];
        if (chat.orphaned) {
            qCInfo(lcLivePerson) << "Chat" << chatId << "is back after the new agent session";
        }
        chat.orphaned = false;
        chat.chatUrl = *chatUrl;
        chat.needsReread = true;
        std::optional<qint64> resume;
        if (resumeProvider()) {
            resume = resumeProvider()(chatId, chatId);
        }
        chat.lastId = std::max({chat.lastId, m_floors.value(chatId, -1), resume.value_or(-1)});
        readChat(chatId, *chatUrl, false);
        // Another chat may ring already: look at once instead of waiting for the next tick.
        pollIncoming();
    });
}

void ChatAgentChannel::readChat(const QString &chatId, const QUrl &url, bool fallbackTried)
{
    const auto it = m_chats.find(chatId);
    if (it == m_chats.end()) {
        return;
    }
    it->rereadInFlight = true;
    const quint64 attempt = attemptId();
    send("GET", url, {}, [this, attempt, chatId, url, fallbackTried](const HttpResponse &response) {
        if (attempt != attemptId()) {
            return;
        }
        const auto it = m_chats.find(chatId);
        if (it == m_chats.end()) {
            return;
        }
        it->rereadInFlight = false;
        if (!response.isSuccess()) {
            const ApiError error = errorFromResponse(response, tr("Reading chat %1").arg(chatId));
            if (isHttp(error, 401)) {
                sessionLost(true, error.message, error);
            } else if (isHttp(error, 404) && !fallbackTried && it->announced) {
                // After a new agent session the old chat link may be gone. LivePerson documents no
                // way to find a chat again (reference §5, UNCONFIRMED): try the same chat id under
                // the new session's link, then give up on the chat.
                readChat(chatId, sessionChild(u"chat/"_s + chatId), true);
            } else if (it->announced && (isHttp(error, 404) || isHttp(error, 403))) {
                // The old session's chats may go back to the queue and ring again for us: wait
                // for that (takeChat() resumes it without a second conversationStarted()).
                qCInfo(lcLivePerson) << "Chat" << chatId << "not readable after a new session; waiting for it to ring";
                it->orphaned = true;
                it->orphanedAtMs = clock().monotonicMs();
                it->needsReread = false;
            } else if (isHttp(error, 404) || isHttp(error, 403) || isHttp(error, 410)) {
                chatGone(chatId, Gone::Closed, u"UNKNOWN"_s);
            } else {
                pauseChatPoll(chatId, error);
            }
            return;
        }
        const auto resource = Chat::parseChatResource(response.body);
        if (!resource) {
            countMalformed(u"chat"_s, resource.error().message);
            pauseChatPoll(chatId, ApiError::make(ApiErrorKind::Protocol, resource.error().message));
            return;
        }
        applyChatResource(chatId, url, resource.value());
    });
}

void ChatAgentChannel::applyChatResource(const QString &chatId, const QUrl &url, const Chat::ChatResource &resource)
{
    auto it = m_chats.find(chatId);
    if (it == m_chats.end()) {
        return;
    }
    const auto eventsUrl = Chat::resolveLink(resource.eventsHref, url);
    if (!eventsUrl) {
        countMalformed(u"chat"_s, tr("chat %1 has no usable events link: %2").arg(chatId, eventsUrl.error().message));
        pauseChatPoll(chatId, ApiError::make(ApiErrorKind::Protocol, eventsUrl.error().message));
        return;
    }
    it->chatUrl = url;
    it->links = resource.links;
    it->eventsUrl = *eventsUrl;
    it->needsReread = false;
    it->pollFailures = 0;

    ConversationInfo &info = it->info;
    info.conversationId = chatId;
    info.consumerId = resource.visitorId.isEmpty() ? info.consumerId : resource.visitorId;
    info.skillId = resource.skillId.isEmpty() ? info.skillId : resource.skillId;
    info.channel = ChannelType::Chat;
    info.context = resource.info;
    info.botAssigned = true;
    info.state = u"OPEN"_s;
    info.startTs = resource.startTimeMs;
    DialogInfo dialog;
    dialog.dialogId = chatId;
    dialog.dialogType = u"MAIN"_s;
    dialog.state = u"OPEN"_s;
    dialog.channelType = u"CHAT"_s;
    dialog.creationTs = resource.startTimeMs;
    info.dialogs = {dialog};

    if (!it->announced) {
        it->announced = true;
        const ConversationInfo announced = info;
        qCInfo(lcLivePerson) << "Chat" << chatId << "started on skill" << announced.skillId;
        Q_EMIT conversationStarted(announced);
    }
    if (!m_chats.contains(chatId)) {
        return;
    }
    // Lines read with the whole chat may predate this process (a restart, a new agent session):
    // recovered, so the connector checks what it already answered before answering again.
    processEvents(chatId, resource.events, true);
    it = m_chats.find(chatId);
    if (it == m_chats.end()) {
        return;
    }
    if (resource.state == QLatin1String("ended")) {
        chatGone(chatId, Gone::Closed, it->ending ? u"AGENT"_s : u"UNKNOWN"_s);
        return;
    }
    const QList<ExchangePtr> parked = std::exchange(it->parked, {});
    for (const ExchangePtr &exchange : parked) {
        runExchange(exchange);
    }
}

void ChatAgentChannel::pollEvents(const QString &chatId)
{
    const auto it = m_chats.find(chatId);
    if (it == m_chats.end() || !it->eventsUrl.isValid()) {
        return;
    }
    it->pollInFlight = true;
    ++m_stats.eventPolls;
    const quint64 attempt = attemptId();
    send("GET", it->eventsUrl, {}, [this, attempt, chatId](const HttpResponse &response) {
        if (attempt != attemptId()) {
            return;
        }
        const auto it = m_chats.find(chatId);
        if (it == m_chats.end()) {
            return;
        }
        it->pollInFlight = false;
        if (!response.isSuccess()) {
            const ApiError error = errorFromResponse(response, tr("Reading the events of chat %1").arg(chatId));
            if (isHttp(error, 401)) {
                sessionLost(true, error.message, error);
            } else if (isHttp(error, 404)) {
                probeSessionAfterChat404(chatId, error);
            } else if (isHttp(error, 403) || isHttp(error, 410)) {
                chatGone(chatId, Gone::Removed, {});
            } else {
                pauseChatPoll(chatId, error);
            }
            return;
        }
        it->pollFailures = 0;
        const auto page = Chat::parseChatEvents(response.body);
        if (!page) {
            countMalformed(u"events"_s, page.error().message);
            return;
        }
        processEvents(chatId, page.value(), false);
    });
}

void ChatAgentChannel::processEvents(const QString &chatId, const Chat::ChatEvents &page, bool recovered)
{
    for (const Chat::SkippedEvent &skipped : page.skipped) {
        ++m_stats.eventsSkipped;
        qCInfo(lcLivePerson) << "Chat" << chatId << "event" << skipped.id << "skipped:" << skipped.reason;
    }
    for (const Chat::ChatEvent &event : page.events) {
        auto it = m_chats.find(chatId);
        if (it == m_chats.end()) {
            return;
        }
        if (event.id <= it->lastId) {
            if (event.isVisitorLine()) {
                ++m_stats.duplicatesDropped;
            }
            continue;
        }
        it->lastId = event.id;
        if (event.type == Chat::EventType::State) {
            if (event.state == QLatin1String("ended")) {
                chatGone(chatId, Gone::Closed, it->ending ? u"AGENT"_s : closeReasonOf(event));
                return;
            }
            continue;
        }
        if (auto message = Chat::toConversationMessage(event, chatId)) {
            message->recovered = recovered;
            qCDebug(lcLivePerson) << "Visitor line" << chatId << event.id << messageKindName(message->kind)
                                  << (recovered ? "(recovered)" : "");
            Q_EMIT consumerMessage(*message);
        }
    }
    const auto it = m_chats.find(chatId);
    if (it != m_chats.end() && !page.nextHref.isEmpty()) {
        const auto next = Chat::resolveLink(page.nextHref, it->eventsUrl.isValid() ? it->eventsUrl : it->chatUrl);
        if (next) {
            it->eventsUrl = *next;
        } else {
            countMalformed(u"events"_s, next.error().message);
        }
    }
}

void ChatAgentChannel::pauseChatPoll(const QString &chatId, const ApiError &error)
{
    const auto it = m_chats.find(chatId);
    if (it == m_chats.end()) {
        return;
    }
    ++it->pollFailures;
    const auto delay = retryPolicy().delayFor(RetryPolicy::Operation::Other, error, it->pollFailures);
    qCWarning(lcLivePerson) << "Chat" << chatId << "poll failed:" << ApiError::kindName(error.kind) << error.status;
    if (!delay) {
        return; // not worth a quicker retry: the next tick tries again
    }
    ++m_stats.retries;
    delete it->pollPause.data();
    it->pollPause = scheduler().schedule(*delay, this, [] {
        // Deleting the handle ends the pause; the next tick polls again.
    });
}

void ChatAgentChannel::probeSessionAfterChat404(const QString &chatId, const ApiError &chatError)
{
    // A 404 on a chat means the chat or the whole agent session is gone: the session's
    // incomingRequests resource tells which.
    const quint64 attempt = attemptId();
    send("GET", sessionChild(u"incomingRequests"_s), {}, [this, attempt, chatId, chatError](const HttpResponse &r) {
        if (attempt != attemptId()) {
            return;
        }
        if (r.isSuccess()) {
            if (m_chats.contains(chatId)) {
                qCInfo(lcLivePerson) << "Chat" << chatId << "is gone (404) while the session lives";
                chatGone(chatId, Gone::Closed, u"UNKNOWN"_s);
            }
            return;
        }
        const ApiError error = errorFromResponse(r, tr("Checking the chat agent session"));
        if (isHttp(error, 401) || isHttp(error, 403)) {
            sessionLost(true, error.message, error);
        } else if (isHttp(error, 404)) {
            sessionLost(false, chatError.message, error);
        } else {
            pauseChatPoll(chatId, error);
        }
    });
}

void ChatAgentChannel::forgetChat(const QString &chatId)
{
    const auto it = m_chats.find(chatId);
    if (it == m_chats.end()) {
        return;
    }
    m_floors[chatId] = std::max(m_floors.value(chatId, -1), it->lastId);
    delete it->pollPause.data();
    const QList<ExchangePtr> parked = std::exchange(it->parked, {});
    m_chats.erase(it);
    for (const ExchangePtr &exchange : parked) {
        CommandResult result;
        result.error = ApiError::make(ApiErrorKind::NotConnected,
                                 tr("%1: chat %2 is no longer open for this agent.").arg(exchange->what, chatId));
        finishExchange(exchange, result);
    }
}

void ChatAgentChannel::chatGone(const QString &chatId, Gone how, const QString &detail)
{
    const auto it = m_chats.find(chatId);
    if (it == m_chats.end()) {
        return;
    }
    const bool announced = it->announced;
    forgetChat(chatId);
    if (!announced) {
        return;
    }
    // Queued, so a command's completion (queued before) reaches the caller first, as on messaging.
    QMetaObject::invokeMethod(
        this,
        [this, chatId, how, detail] {
            switch (how) {
            case Gone::Closed:
                qCInfo(lcLivePerson) << "Chat" << chatId << "closed:" << detail;
                Q_EMIT conversationClosed(chatId, detail);
                break;
            case Gone::Transferred:
                qCInfo(lcLivePerson) << "Chat" << chatId << "moved to skill" << detail;
                Q_EMIT conversationTransferred(chatId, detail);
                break;
            case Gone::Removed:
                qCInfo(lcLivePerson) << "Bot left chat" << chatId;
                Q_EMIT removedFromConversation(chatId);
                break;
            }
        },
        Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------------------------
// Commands

RequestId ChatAgentChannel::startExchange(const QString &what,
                                          const QString &chatId,
                                          const QString &rel,
                                          const QByteArray &method,
                                          const QJsonObject &body,
                                          CommandCompletion done,
                                          std::function<void(const HttpResponse &)> onSuccess)
{
    if (chatId.isEmpty()) {
        return rejectCommand(ApiErrorKind::InvalidArgument, tr("%1: no conversation id.").arg(what), std::move(done));
    }
    if (!m_online) {
        return rejectCommand(
            ApiErrorKind::NotConnected,
            tr("%1: the LivePerson chat channel is not connected (%2).").arg(what, channelStateName(status().state)),
            std::move(done));
    }
    const auto it = m_chats.constFind(chatId);
    if (it == m_chats.constEnd() || !it->announced) {
        return rejectCommand(ApiErrorKind::InvalidArgument,
                             tr("%1: chat %2 is not open for this agent.").arg(what, chatId),
                             std::move(done));
    }
    auto exchange = std::make_shared<Exchange>();
    exchange->id = nextRequestId();
    exchange->what = what;
    exchange->chatId = chatId;
    exchange->rel = rel;
    exchange->method = method;
    exchange->body = body;
    exchange->done = std::move(done);
    if (onSuccess) {
        exchange->step = [onSuccess = std::move(onSuccess)](const HttpResponse &response,
                                                            Exchange &) -> std::optional<ApiError> {
            onSuccess(response);
            return std::nullopt;
        };
    }
    m_exchanges.insert(exchange->id, exchange);
    runExchange(exchange);
    return exchange->id;
}

void ChatAgentChannel::finishExchange(const ExchangePtr &exchange, const CommandResult &result)
{
    if (exchange->finished) {
        return;
    }
    exchange->finished = true;
    delete exchange->retryHandle.data();
    m_exchanges.remove(exchange->id);
    CommandResult out = result;
    out.requestId = exchange->id;
    exchange->done.complete(out);
}

void ChatAgentChannel::parkOrFinish(const ExchangePtr &exchange, const ApiError &error)
{
    const auto it = m_chats.find(exchange->chatId);
    if (it == m_chats.end() || exchange->sessionRetried) {
        CommandResult result;
        result.error = error;
        result.code = error.status;
        result.body = error.body;
        finishExchange(exchange, result);
        return;
    }
    exchange->sessionRetried = true;
    it->parked.append(exchange);
}

void ChatAgentChannel::runExchange(const ExchangePtr &exchange)
{
    if (exchange->finished) {
        return;
    }
    const auto it = m_chats.find(exchange->chatId);
    if (it == m_chats.end()) {
        CommandResult result;
        result.error =
            ApiError::make(ApiErrorKind::NotConnected,
                      tr("%1: chat %2 is no longer open for this agent.").arg(exchange->what, exchange->chatId));
        finishExchange(exchange, result);
        return;
    }
    if (!m_online || it->needsReread || it->rereadInFlight || it->orphaned) {
        // A new agent session is on its way; the chat's links are refreshed before this runs.
        it->parked.append(exchange);
        return;
    }
    // "rel/sub" addresses a sub-resource of a linked resource (e.g. "info/agentTyping").
    const QString rel = exchange->rel.section(u'/', 0, 0);
    const QString sub = exchange->rel.section(u'/', 1);
    const QString href = Chat::linkHref(it->links, rel);
    auto url = href.isEmpty() ? Result<QUrl>::failure(u"liveperson.chat.link"_s,
                                                      tr("the chat resource has no \"%1\" link").arg(rel))
                              : Chat::resolveLink(href, it->chatUrl);
    if (url && !sub.isEmpty()) {
        QUrl child = *url;
        child.setPath(child.path() + u'/' + sub);
        url = child;
    }
    if (!url) {
        CommandResult result;
        result.error = ApiError::make(ApiErrorKind::Protocol, tr("%1: %2.").arg(exchange->what, url.error().message));
        finishExchange(exchange, result);
        return;
    }
    send(exchange->method, *url, exchange->body, [this, exchange](const HttpResponse &response) {
        if (exchange->finished) {
            return;
        }
        if (response.isSuccess()) {
            if (exchange->step) {
                auto step = exchange->step; // the step may replace itself
                if (const auto error = step(response, *exchange)) {
                    CommandResult result;
                    result.error = *error;
                    result.code = response.status;
                    result.body = bodyValue(response.body);
                    finishExchange(exchange, result);
                    return;
                }
                if (exchange->again) {
                    exchange->again = false;
                    exchange->failures = 0;
                    runExchange(exchange);
                    return;
                }
            }
            CommandResult result;
            result.code = response.status;
            result.body = bodyValue(response.body);
            finishExchange(exchange, result);
            return;
        }
        const ApiError error = errorFromResponse(response, exchange->what);
        if (isHttp(error, 401)) {
            parkOrFinish(exchange, error);
            sessionLost(true, error.message, error);
            return;
        }
        if (isHttp(error, 404) && exchange->probeOn404) {
            parkOrFinish(exchange, error);
            if (!exchange->finished) {
                probeSessionAfterChat404(exchange->chatId, error);
            }
            return;
        }
        const int steps = static_cast<int>(retryPolicy().options().serverErrorSteps.size());
        const auto delay = exchange->failures < std::max(steps, 1)
                               ? retryPolicy().delayFor(RetryPolicy::Operation::Other, error, exchange->failures + 1)
                               : std::nullopt;
        if (delay) {
            ++exchange->failures;
            ++m_stats.retries;
            qCInfo(lcLivePerson) << exchange->what << "failed with" << error.status << "; retry" << exchange->failures
                                 << "in" << delay->count() << "ms";
            exchange->retryHandle = scheduler().schedule(*delay, this, [this, exchange] { runExchange(exchange); });
            return;
        }
        CommandResult result;
        result.error = error;
        result.code = error.status;
        result.body = error.body;
        finishExchange(exchange, result);
    });
}

RequestId ChatAgentChannel::postLine(const QString &what,
                                     const QString &conversationId,
                                     const QJsonObject &body,
                                     const PublishOptions &options,
                                     CommandCompletion done)
{
    if (!options.quickReplies.isEmpty()) {
        return rejectCommand(ApiErrorKind::InvalidArgument,
                             tr("%1: quick replies work on messaging only; on chat send them as text with the options "
                                "listed.")
                                 .arg(what),
                             std::move(done));
    }
    for (const QJsonValue &item : options.metadata) {
        if (!item.isObject() || !item.toObject().value(u"type"_s).isString()) {
            return rejectCommand(ApiErrorKind::InvalidArgument,
                                 tr("%1: every metadata item must be an object with a \"type\".").arg(what),
                                 std::move(done));
        }
    }
    if (!options.encodedMetadata.isEmpty()) {
        // The Chat Agent API has no encodedMetadata (reference §5); the line goes without it.
        qCInfo(lcLivePerson) << what << "on chat" << conversationId << ": encodedMetadata not sent (chat has none)";
    }
    return startExchange(what, conversationId, u"events"_s, "POST", body, std::move(done));
}

RequestId ChatAgentChannel::sendText(const QString &conversationId,
                                     const QString &dialogId,
                                     const QString &text,
                                     const PublishOptions &options,
                                     CommandCompletion done)
{
    Q_UNUSED(dialogId) // chat has no dialogs
    if (text.isEmpty()) {
        return rejectCommand(ApiErrorKind::InvalidArgument, tr("Sending text: the text is empty."), std::move(done));
    }
    return postLine(
        tr("Sending text"),
        conversationId,
        Chat::lineEventBody(text, u"plain"_s, options.audience == MessageAudience::AgentsAndManagers, options.metadata),
        options,
        std::move(done));
}

RequestId ChatAgentChannel::sendHtml(const QString &conversationId,
                                     const QString &html,
                                     const PublishOptions &options,
                                     CommandCompletion done)
{
    if (html.isEmpty()) {
        return rejectCommand(ApiErrorKind::InvalidArgument, tr("Sending HTML: the text is empty."), std::move(done));
    }
    return postLine(
        tr("Sending HTML"),
        conversationId,
        Chat::lineEventBody(html, u"html"_s, options.audience == MessageAudience::AgentsAndManagers, options.metadata),
        options,
        std::move(done));
}

RequestId ChatAgentChannel::sendRichContent(const QString &conversationId,
                                            const QString &dialogId,
                                            const QJsonObject &card,
                                            const PublishOptions &options,
                                            CommandCompletion done)
{
    Q_UNUSED(dialogId)
    if (card.isEmpty() || !card.value(u"type"_s).isString()) {
        return rejectCommand(ApiErrorKind::InvalidArgument,
                             tr("Sending structured content: the card needs a \"type\"."),
                             std::move(done));
    }
    // In chat a card is a line with textType rich-content and the card in `json` (reference §7).
    return postLine(tr("Sending structured content"),
                    conversationId,
                    Chat::lineEventBody(QString(),
                                        u"rich-content"_s,
                                        options.audience == MessageAudience::AgentsAndManagers,
                                        options.metadata,
                                        card),
                    options,
                    std::move(done));
}

RequestId ChatAgentChannel::sendTyping(const QString &conversationId,
                                       const QString &dialogId,
                                       bool typing,
                                       CommandCompletion done)
{
    Q_UNUSED(dialogId)
    const auto it = m_chats.constFind(conversationId);
    const bool canTry = m_online && it != m_chats.constEnd() && it->announced && !it->typingUnsupported &&
                        !Chat::linkHref(it->links, u"info"_s).isEmpty();
    if (!canTry) {
        // Chat may have no way for an agent to signal typing: a no-op that completes OK, so DELAY
        // items still work.
        CommandResult result;
        result.requestId = nextRequestId();
        result.body = u"chat: no typing indicator"_s;
        done.complete(result);
        return result.requestId;
    }
    // Reference §5 lists info.agentTyping but no documented way to set it; the Chat Agent API's
    // `PUT {info}/agentTyping {"agentTyping":"typing|not-typing"}` is UNCONFIRMED. Strict client:
    // a 4xx answer turns typing into a no-op for this chat (and still completes OK).
    const RequestId id = startExchange(
        tr("Sending a typing indicator"),
        conversationId,
        u"info/agentTyping"_s,
        "PUT",
        QJsonObject{{u"agentTyping"_s, typing ? u"typing"_s : u"not-typing"_s}},
        CommandCompletion(this, [this, conversationId, done](const CommandResult &r) {
            CommandResult out = r;
            if (!r.ok() && r.error->kind == ApiErrorKind::Http && r.error->status >= 400 && r.error->status < 500) {
                if (const auto chat = m_chats.find(conversationId); chat != m_chats.end()) {
                    chat->typingUnsupported = true;
                }
                qCInfo(lcLivePerson) << "Typing on chat" << conversationId << "refused (" << r.error->status
                                     << "); typing is a no-op now";
                out.error.reset();
                out.body = u"chat: no typing indicator"_s;
            }
            done.complete(out);
        }));
    if (const auto exchange = m_exchanges.value(id)) {
        exchange->probeOn404 = false; // a missing typing resource says nothing about the chat
    }
    return id;
}

RequestId ChatAgentChannel::markRead(const QString &conversationId,
                                     const QString &dialogId,
                                     const QList<qint64> &sequences,
                                     CommandCompletion done)
{
    Q_UNUSED(conversationId)
    Q_UNUSED(dialogId)
    Q_UNUSED(sequences)
    // Chat has no read receipts: nothing to send.
    CommandResult result;
    result.requestId = nextRequestId();
    result.body = u"chat: no read receipts"_s;
    done.complete(result);
    return result.requestId;
}

RequestId ChatAgentChannel::transfer(const QString &what,
                                     const QString &conversationId,
                                     const QString &skillId,
                                     const QJsonObject &body,
                                     CommandCompletion done)
{
    // Step 1 reads the skills the chat can go to (its `transfer` link), step 2 posts the transfer.
    const bool toSkill = body.value(u"transfer"_s).toObject().contains(u"skill"_s);
    const RequestId id = startExchange(what, conversationId, u"transfer"_s, "GET", {}, std::move(done));
    const auto exchange = m_exchanges.value(id);
    if (!exchange) {
        return id; // rejected at once
    }
    exchange->step = [this, conversationId, skillId, body, toSkill, what](const HttpResponse &response,
                                                                          Exchange &self) -> std::optional<ApiError> {
        if (toSkill) {
            const auto skills = Chat::parseTransferSkills(response.body);
            if (!skills) {
                countMalformed(u"transfer"_s, skills.error().message);
                return ApiError::make(ApiErrorKind::Protocol, tr("%1: %2").arg(what, skills.error().message));
            }
            const auto match = std::find_if(
                skills->cbegin(), skills->cend(), [&skillId](const Chat::TransferSkill &s) { return s.id == skillId; });
            if (match == skills->cend()) {
                QStringList offered;
                for (const Chat::TransferSkill &skill : *skills) {
                    offered.append(skill.name.isEmpty() ? skill.id : skill.name + u" ("_s + skill.id + u')');
                }
                return ApiError::make(
                    ApiErrorKind::InvalidArgument,
                    tr("%1: skill %2 is not offered for transferring chat %3 (offered: %4).")
                        .arg(what, skillId, conversationId, offered.isEmpty() ? tr("none") : offered.join(u", "_s)));
            }
            if (match->onlineAgents == 0) {
                return ApiError::make(ApiErrorKind::InvalidArgument,
                                 tr("%1: no agent is online on skill %2; LivePerson refuses such transfers on chat.")
                                     .arg(what, match->name.isEmpty() ? skillId : match->name));
            }
        }
        self.method = "POST";
        self.body = body;
        self.again = true;
        self.step = [this, conversationId, skillId](const HttpResponse &, Exchange &) -> std::optional<ApiError> {
            chatGone(conversationId, Gone::Transferred, skillId);
            return std::nullopt;
        };
        return std::nullopt;
    };
    return id;
}

RequestId ChatAgentChannel::transferToSkill(const QString &conversationId,
                                            const QString &skillId,
                                            const QJsonArray &metadata,
                                            CommandCompletion done)
{
    if (skillId.isEmpty()) {
        return rejectCommand(ApiErrorKind::InvalidArgument, tr("Transfer: no skill id."), std::move(done));
    }
    qCInfo(lcLivePerson) << "Transferring chat" << conversationId << "to skill" << skillId;
    return transfer(tr("Transfer to skill %1").arg(skillId),
                    conversationId,
                    skillId,
                    Chat::transferToSkillBody(skillId, Chat::transferNote(metadata)),
                    std::move(done));
}

RequestId ChatAgentChannel::transferToAgent(const QString &conversationId,
                                            const QString &agentUserId,
                                            const QString &skillId,
                                            const QJsonArray &metadata,
                                            CommandCompletion done)
{
    if (agentUserId.isEmpty()) {
        return rejectCommand(ApiErrorKind::InvalidArgument, tr("Transfer to agent: no agent id."), std::move(done));
    }
    // "{accountId}.{userId}" → userId; the Chat Agent API takes the agent's id (reference §5).
    const QString userId = agentUserId.contains(u'.') ? agentUserId.section(u'.', -1) : agentUserId;
    return transfer(tr("Transfer to agent %1").arg(userId),
                    conversationId,
                    skillId,
                    Chat::transferToAgentBody(userId, Chat::transferNote(metadata)),
                    std::move(done));
}

RequestId ChatAgentChannel::endChat(const QString &conversationId, CommandCompletion done)
{
    const auto it = m_chats.find(conversationId);
    if (it != m_chats.end() && m_online) {
        it->ending = true; // an "ended" event seen before the answer is ours
    }
    return startExchange(
        tr("Ending the chat"),
        conversationId,
        u"events"_s,
        "POST",
        Chat::endChatBody(),
        std::move(done),
        [this, conversationId](const HttpResponse &) { chatGone(conversationId, Gone::Closed, u"AGENT"_s); });
}

RequestId ChatAgentChannel::closeConversation(const QString &conversationId, CommandCompletion done)
{
    return endChat(conversationId, std::move(done));
}

RequestId ChatAgentChannel::closeDialog(const QString &conversationId, const QString &dialogId, CommandCompletion done)
{
    // Chat has no dialogs and no post-chat survey dialog: closing "the dialog" ends the chat.
    Q_UNUSED(dialogId)
    return endChat(conversationId, std::move(done));
}

void ChatAgentChannel::fetchOwnMessages(const QString &conversationId,
                                        const QString &dialogId,
                                        qint64 afterSequence,
                                        OwnMessagesCompletion done)
{
    Q_UNUSED(dialogId) // chat has no dialogs
    const auto it = m_chats.constFind(conversationId);
    if (status().state != ChannelState::Online || it == m_chats.constEnd() || !it->chatUrl.isValid()) {
        done.complete(OwnMessages{
            {}, ApiError::make(ApiErrorKind::NotConnected,
                               tr("Reading the history of chat %1: it is not open for this agent.").arg(conversationId))});
        return;
    }
    const quint64 attempt = attemptId();
    // Reference §5: the chat resource carries every event so far; the agent's lines are
    // source "agent" (by "agent" when source is absent).
    send("GET", it->chatUrl, {}, [this, attempt, conversationId, afterSequence, done](const HttpResponse &response) {
        if (attempt != attemptId()) {
            done.complete(OwnMessages{{},
                                      ApiError::make(ApiErrorKind::NotConnected,
                                                     tr("Reading the history of chat %1: the agent session was "
                                                        "replaced.")
                                                         .arg(conversationId))});
            return;
        }
        if (!response.isSuccess()) {
            done.complete(
                OwnMessages{{}, errorFromResponse(response, tr("Reading the history of chat %1").arg(conversationId))});
            return;
        }
        const auto resource = Chat::parseChatResource(response.body);
        if (!resource) {
            countMalformed(u"chat"_s, resource.error().message);
            done.complete(OwnMessages{{},
                                      ApiError::make(ApiErrorKind::Protocol,
                                                     tr("Reading the history of chat %1: %2")
                                                         .arg(conversationId, resource.error().message))});
            return;
        }
        if (!resource->events.skipped.isEmpty()) {
            // A history with an unreadable event cannot prove that a line is missing.
            done.complete(OwnMessages{{},
                                      ApiError::make(ApiErrorKind::Protocol,
                                                     tr("Reading the history of chat %1: event %2 skipped: %3")
                                                         .arg(conversationId, resource->events.skipped.first().id,
                                                              resource->events.skipped.first().reason))});
            return;
        }
        OwnMessages own;
        for (const Chat::ChatEvent &event : resource->events.events) {
            if (event.id <= afterSequence) {
                continue;
            }
            if (auto message = Chat::toOwnMessage(event, conversationId)) {
                own.messages.append(*message);
            }
        }
        done.complete(own); // parseChatEvents() sorted the events by id
    });
}

RequestId ChatAgentChannel::setTtr(const QString &conversationId, TtrType type, int seconds, CommandCompletion done)
{
    Q_UNUSED(conversationId)
    Q_UNUSED(type)
    Q_UNUSED(seconds)
    return rejectCommand(ApiErrorKind::InvalidArgument,
                         tr("Changing the time to respond: chat conversations have no TTR (messaging only)."),
                         std::move(done));
}

} // namespace Switchboard::LivePerson
