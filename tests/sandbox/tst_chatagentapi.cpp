// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Chat Agent API (reference §5) over HTTPS against an in-process emulator on
// 127.0.0.1 port 0: sessions, availability, rings, taking a chat, events, lines, transfer, end,
// ring timeout, session expiry, bad input and the "chat" HTTP fault.
#include "SandboxTestClient.h"
#include "sandbox/ChatAgentApi.h"
#include "sandbox/StateModel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QStandardPaths>

using namespace Switchboard;
using namespace Switchboard::Sandbox;
using Switchboard::Test::HttpClient;
using Switchboard::Test::HttpReply;

namespace
{
QJsonArray asArray(const QJsonValue &value)
{
    if (value.isArray()) {
        return value.toArray();
    }
    if (value.isObject()) {
        return QJsonArray{value};
    }
    return {};
}

QString hrefOf(const QJsonValue &links, const QString &rel)
{
    for (const QJsonValue &l : asArray(links)) {
        if (l[QStringLiteral("@rel")].toString() == rel) {
            return l[QStringLiteral("@href")].toString();
        }
    }
    return {};
}

QString errorMessage(const HttpReply &reply)
{
    return reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}
} // namespace

class TestChatAgentApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<HttpClient> m_http;
    QString m_account;
    QByteArray m_bearer;
    static constexpr int ChatBot = 1; // switchboard-chat-bot, skill 1003

    QString root() const
    {
        return QStringLiteral("/api/account/%1/agentSession").arg(m_account);
    }
    static QString withQuery(const QString &href)
    {
        return href +
               (href.contains(QLatin1Char('?')) ? QStringLiteral("&v=1&NC=true") : QStringLiteral("?v=1&NC=true"));
    }
    HttpReply
    call(const QByteArray &method, const QString &href, const QJsonValue &body = {}, const QByteArray &bearer = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Accept", "application/json"},
                                                     {"X-Requested-With", "XMLHttpRequest"}};
        QByteArray wireMethod = method;
        if (method == "PUT" || method == "DELETE") {
            // As the sample app does (reference §5): POST with X-HTTP-Method-Override.
            headers.append({"X-HTTP-Method-Override", method});
            wireMethod = "POST";
        }
        const QByteArray token = bearer.isNull() ? m_bearer : bearer;
        if (!token.isEmpty()) {
            headers.append({"Authorization", "Bearer " + token});
        }
        QByteArray payload;
        if (body.isObject()) {
            payload = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        } else if (body.isArray()) {
            payload = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
        }
        return m_http->request(wireMethod, withQuery(href), payload, headers);
    }
    HttpReply raw(const QByteArray &method, const QString &href, const QByteArray &payload)
    {
        return m_http->request(method, withQuery(href), payload, {{"Authorization", "Bearer " + m_bearer}});
    }
    QString login(int agentIndex = ChatBot)
    {
        const QJsonObject reply = Test::login(*m_http, *m_emulator, agentIndex);
        return reply.value(QStringLiteral("bearer")).toString();
    }
    /** Starts a session; returns its href (absolute, as the server gave it). */
    QString startSession(const QJsonValue &loginData = QString())
    {
        const HttpReply reply =
            call("POST", root() + QStringLiteral(".json"), QJsonObject{{QStringLiteral("loginData"), loginData}});
        if (reply.status != 201) {
            qWarning() << "start session:" << reply.status << reply.body;
            return {};
        }
        return reply.json()[QStringLiteral("agentSessionLocation")][QStringLiteral("link")][QStringLiteral("@href")]
            .toString();
    }
    bool setAvailability(const QString &session, const QString &state)
    {
        return call("PUT",
                    session + QStringLiteral("/availability.json"),
                    QJsonObject{{QStringLiteral("availability"), QJsonObject{{QStringLiteral("chat"), state}}}})
                   .status == 200;
    }
    QString availability(const QString &session)
    {
        return call("GET", session + QStringLiteral("/availability"))
            .json()[QStringLiteral("availability")][QStringLiteral("chat")]
            .toString();
    }
    QString ringingCount(const QString &session)
    {
        return call("GET", session + QStringLiteral("/incomingRequests.json"))
            .json()[QStringLiteral("incomingRequests")][QStringLiteral("ringingCount")]
            .toString();
    }
    QString createChat(const QString &skillId = QStringLiteral("1003"))
    {
        const HttpReply reply = m_http->post(
            QStringLiteral("/sandbox/conversations"),
            QJsonObject{{QStringLiteral("skillId"), skillId}, {QStringLiteral("channel"), QStringLiteral("chat")}});
        return reply.json().value(QStringLiteral("conversationId")).toString();
    }
    bool consumerSays(const QString &conversationId, const QString &text, const QJsonArray &metadata = {})
    {
        QJsonObject body{{QStringLiteral("text"), text}};
        if (!metadata.isEmpty()) {
            body.insert(QStringLiteral("metadata"), metadata);
        }
        return m_http->post(QStringLiteral("/sandbox/conversations/%1/messages").arg(conversationId), body).status ==
               201;
    }
    QJsonObject conversation(const QString &conversationId)
    {
        return m_http->get(QStringLiteral("/sandbox/conversations/%1").arg(conversationId)).json();
    }
    QString assignedUserId(const QString &conversationId)
    {
        for (const QJsonValue &p : conversation(conversationId).value(QStringLiteral("participants")).toArray()) {
            if (p[QStringLiteral("role")].toString() == QLatin1String("ASSIGNED_AGENT")) {
                return p[QStringLiteral("userId")].toString();
            }
        }
        return {};
    }
    /** Online session with one chat taken; returns {session href, chat href, conversation id}. */
    bool takeChat(QString *session, QString *chat, QString *conversationId)
    {
        *session = startSession();
        if (session->isEmpty() || !setAvailability(*session, QStringLiteral("Online"))) {
            return false;
        }
        *conversationId = createChat();
        QElapsedTimer timer;
        timer.start();
        while (ringingCount(*session) != QLatin1String("1")) {
            // Each poll runs the event loop until its answer, so routing gets its turn.
            if (timer.elapsed() > 5000) {
                return false;
            }
        }
        const HttpReply taken = call("POST", *session + QStringLiteral("/incomingRequests"), QJsonObject());
        if (taken.status != 201) {
            qWarning() << "take:" << taken.status << taken.body;
            return false;
        }
        *chat =
            taken.json()[QStringLiteral("chatLocation")][QStringLiteral("link")][QStringLiteral("@href")].toString();
        return !chat->isEmpty();
    }
    QJsonArray events(const QString &chat, int from, QString *next = nullptr, QJsonValue *rawEvent = nullptr)
    {
        const HttpReply reply = call("GET", chat + QStringLiteral("/events?from=%1").arg(from));
        const QJsonObject events = reply.json().value(QStringLiteral("events")).toObject();
        if (next) {
            *next = hrefOf(events.value(QStringLiteral("link")), QStringLiteral("next"));
        }
        if (rawEvent) {
            *rawEvent = events.value(QStringLiteral("event"));
        }
        return asArray(events.value(QStringLiteral("event")));
    }
    HttpReply addLine(const QString &chat, const QJsonObject &event)
    {
        return call("POST", chat + QStringLiteral("/events.json"), QJsonObject{{QStringLiteral("event"), event}});
    }
    QJsonArray messages(const QString &conversationId)
    {
        return conversation(conversationId).value(QStringLiteral("messages")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }
    void init()
    {
        SandboxConfig config = SandboxConfig::defaults();
        config.humanAcceptDelayMs = 100; // simulated humans take transferred chats quickly
        m_emulator = std::make_unique<Emulator>(config);
        const Result<Success> started = m_emulator->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_http = std::make_unique<HttpClient>(*m_emulator);
        m_account = m_emulator->accountId();
        m_bearer = login().toLatin1();
        QVERIFY(!m_bearer.isEmpty());
    }
    void cleanup()
    {
        m_http.reset();
        m_emulator.reset();
    }

    void happyPath()
    {
        // Start (the loginData "" form), on the .json path with ?v=1&NC=true.
        const HttpReply started =
            call("POST", root() + QStringLiteral(".json"), QJsonObject{{QStringLiteral("loginData"), QString()}});
        QCOMPARE(started.status, 201);
        const QJsonObject location =
            started.json()[QStringLiteral("agentSessionLocation")][QStringLiteral("link")].toObject();
        QCOMPARE(location.value(QStringLiteral("@rel")).toString(), QStringLiteral("location"));
        const QString session = location.value(QStringLiteral("@href")).toString();
        QVERIFY(session.startsWith(m_emulator->baseUrl().toString() + root() + QLatin1Char('/')));
        QVERIFY(!started.header("Set-Cookie").isEmpty());

        QCOMPARE(availability(session), QStringLiteral("Away"));
        QCOMPARE(ringingCount(session), QStringLiteral("0"));
        QVERIFY(!call("GET", session + QStringLiteral("/incomingRequests"))
                     .json()[QStringLiteral("incomingRequests")]
                     .toObject()
                     .contains(QStringLiteral("link")));
        QVERIFY(setAvailability(session, QStringLiteral("Online")));
        QCOMPARE(availability(session), QStringLiteral("Online"));

        const QString conversationId = createChat();
        QVERIFY(!conversationId.isEmpty());
        QVERIFY(consumerSays(conversationId, QStringLiteral("hello before the take")));
        QTRY_COMPARE(ringingCount(session), QStringLiteral("1"));
        const HttpReply polled = call("GET", session + QStringLiteral("/incomingRequests"));
        QVERIFY(!polled.json()[QStringLiteral("incomingRequests")][QStringLiteral("link")][QStringLiteral("@href")]
                     .toString()
                     .isEmpty());

        const HttpReply taken = call("POST", session + QStringLiteral("/incomingRequests.json"), QJsonObject());
        QCOMPARE(taken.status, 201);
        const QString chat =
            taken.json()[QStringLiteral("chatLocation")][QStringLiteral("link")][QStringLiteral("@href")].toString();
        QCOMPARE(chat, session + QStringLiteral("/chat/") + conversationId);
        QCOMPARE(ringingCount(session), QStringLiteral("0"));
        QCOMPARE(assignedUserId(conversationId), QStringLiteral("2000002"));

        // The chat resource: links, events, info.
        const QJsonObject resource =
            call("GET", chat + QStringLiteral(".json")).json().value(QStringLiteral("chat")).toObject();
        for (const char *rel : {"self",
                                "events",
                                "info",
                                "next",
                                "transfer",
                                "transfer-account",
                                "agent-survey",
                                "visit-id",
                                "collaboration-channels"}) {
            QVERIFY2(!hrefOf(resource.value(QStringLiteral("link")), QLatin1String(rel)).isEmpty(), rel);
        }
        const QJsonArray initial = asArray(resource[QStringLiteral("events")][QStringLiteral("event")]);
        QVERIFY(initial.size() >= 3);
        QCOMPARE(initial.first()[QStringLiteral("@type")].toString(), QStringLiteral("state"));
        QCOMPARE(initial.first()[QStringLiteral("state")].toString(), QStringLiteral("waiting"));
        bool sawVisitor = false;
        bool sawChatting = false;
        for (const QJsonValue &e : initial) {
            sawVisitor |= e[QStringLiteral("by")].toString() == QLatin1String("visitor") &&
                          e[QStringLiteral("text")].toString() == QLatin1String("hello before the take");
            sawChatting |= e[QStringLiteral("state")].toString() == QLatin1String("chatting");
            QVERIFY(!e[QStringLiteral("@id")].toString().isEmpty());
            QVERIFY(QDateTime::fromString(e[QStringLiteral("time")].toString(), Qt::ISODateWithMs).isValid());
        }
        QVERIFY(sawVisitor);
        QVERIFY(sawChatting);
        const QJsonObject info = resource.value(QStringLiteral("info")).toObject();
        QCOMPARE(info.value(QStringLiteral("state")).toString(), QStringLiteral("chatting"));
        QCOMPARE(info.value(QStringLiteral("agentId")).toString(), QStringLiteral("2000002"));
        QCOMPARE(info.value(QStringLiteral("chatTimeout")).toInt(), 40);
        for (const char *key : {"chatSessionKey",
                                "agentName",
                                "startTime",
                                "lastUpdate",
                                "visitorId",
                                "visitorName",
                                "agentTyping",
                                "visitorTyping",
                                "engagementId",
                                "campaignId",
                                "language"}) {
            QVERIFY2(info.contains(QLatin1String(key)), key);
        }
        QCOMPARE(call("GET", chat + QStringLiteral("/info"))
                     .json()[QStringLiteral("info")][QStringLiteral("state")]
                     .toString(),
                 QStringLiteral("chatting"));

        // Poll with the next link: the consumer's next line arrives as a visitor line.
        QString next = hrefOf(resource.value(QStringLiteral("link")), QStringLiteral("next"));
        QVERIFY(next.endsWith(QStringLiteral("?from=%1").arg(initial.size())));
        QVERIFY(consumerSays(conversationId, QStringLiteral("are you there?")));
        HttpReply polledEvents = call("GET", next);
        QCOMPARE(polledEvents.status, 200);
        QJsonObject eventsObject = polledEvents.json().value(QStringLiteral("events")).toObject();
        QVERIFY(eventsObject.value(QStringLiteral("event")).isObject()); // exactly one: an object
        QCOMPARE(eventsObject[QStringLiteral("event")][QStringLiteral("text")].toString(),
                 QStringLiteral("are you there?"));
        QCOMPARE(eventsObject[QStringLiteral("event")][QStringLiteral("source")].toString(), QStringLiteral("visitor"));
        next = hrefOf(eventsObject.value(QStringLiteral("link")), QStringLiteral("next"));
        QVERIFY(next.endsWith(QStringLiteral("?from=%1").arg(initial.size() + 1)));

        // Add a line: 201 with its event's location; visible on the control API and as an event.
        const HttpReply added = addLine(chat,
                                        QJsonObject{{QStringLiteral("@type"), QStringLiteral("line")},
                                                    {QStringLiteral("text"), QStringLiteral("Hi, I am the bot.")},
                                                    {QStringLiteral("textType"), QStringLiteral("plain")}});
        QCOMPARE(added.status, 201);
        const QString eventHref =
            added.json()[QStringLiteral("chatEventLocation")][QStringLiteral("link")][QStringLiteral("@href")]
                .toString();
        QCOMPARE(eventHref, chat + QStringLiteral("/events/%1").arg(initial.size() + 1));
        QCOMPARE(call("GET", eventHref).json()[QStringLiteral("event")][QStringLiteral("text")].toString(),
                 QStringLiteral("Hi, I am the bot."));
        const QJsonObject last = messages(conversationId).last().toObject();
        QCOMPARE(last.value(QStringLiteral("role")).toString(), QStringLiteral("ASSIGNED_AGENT"));
        QCOMPARE(last.value(QStringLiteral("type")).toString(), QStringLiteral("ContentEvent"));
        QCOMPARE(last.value(QStringLiteral("audience")).toString(), QStringLiteral("ALL"));
        QCOMPARE(last.value(QStringLiteral("text")).toString(), QStringLiteral("Hi, I am the bot."));
        polledEvents = call("GET", next);
        QCOMPARE(
            polledEvents.json()[QStringLiteral("events")][QStringLiteral("event")][QStringLiteral("by")].toString(),
            QStringLiteral("agent"));

        // Typing (info/agentTyping) shows in info.
        QCOMPARE(call("PUT",
                      chat + QStringLiteral("/info/agentTyping"),
                      QJsonObject{{QStringLiteral("agentTyping"), QStringLiteral("typing")}})
                     .status,
                 200);
        QCOMPARE(call("GET", chat + QStringLiteral("/info"))
                     .json()[QStringLiteral("info")][QStringLiteral("agentTyping")]
                     .toString(),
                 QStringLiteral("typing"));

        // End: a state event; the conversation closes; the session stays.
        const HttpReply ended = addLine(chat,
                                        QJsonObject{{QStringLiteral("@type"), QStringLiteral("state")},
                                                    {QStringLiteral("state"), QStringLiteral("ended")}});
        QCOMPARE(ended.status, 201);
        QCOMPARE(conversation(conversationId).value(QStringLiteral("state")).toString(), QStringLiteral("CLOSE"));
        QCOMPARE(conversation(conversationId).value(QStringLiteral("closeReason")).toString(), QStringLiteral("AGENT"));
        QCOMPARE(call("GET", chat + QStringLiteral("/info"))
                     .json()[QStringLiteral("info")][QStringLiteral("state")]
                     .toString(),
                 QStringLiteral("ended"));
        const QJsonArray after = events(chat, 0);
        QCOMPARE(after.last()[QStringLiteral("state")].toString(), QStringLiteral("ended"));
        QCOMPARE(availability(session), QStringLiteral("Online"));
        // Adding to an ended chat is refused with a reason.
        const HttpReply late = addLine(chat,
                                       QJsonObject{{QStringLiteral("@type"), QStringLiteral("line")},
                                                   {QStringLiteral("text"), QStringLiteral("x")}});
        QCOMPARE(late.status, 400);
        QVERIFY(errorMessage(late).contains(QStringLiteral("closed")));
    }

    void sessionWithUserNameLoginDataAndLogout()
    {
        const auto &agent = m_emulator->config().agents.at(ChatBot);
        const QString session = startSession(
            QJsonObject{{QStringLiteral("userName"), agent.loginName}, {QStringLiteral("password"), agent.password}});
        QVERIFY(!session.isEmpty());
        // Plain PUT and DELETE work as well as the override.
        QCOMPARE(m_http
                     ->request("PUT",
                               session + QStringLiteral("/availability?v=1&NC=true"),
                               R"({"availability":{"chat":"Occupied","chatReasonId":"7"}})",
                               {{"Authorization", "Bearer " + m_bearer}})
                     .status,
                 200);
        const QJsonObject state =
            call("GET", session + QStringLiteral("/availability")).json()[QStringLiteral("availability")].toObject();
        QCOMPARE(state.value(QStringLiteral("chat")).toString(), QStringLiteral("Occupied"));
        QCOMPARE(state.value(QStringLiteral("chatReasonId")).toString(), QStringLiteral("7"));
        QCOMPARE(call("GET", session).status, 200);
        QCOMPARE(call("DELETE", session + QStringLiteral(".json")).status, 200);
        const HttpReply gone = call("GET", session + QStringLiteral("/incomingRequests"));
        QCOMPARE(gone.status, 404);
        QVERIFY2(errorMessage(gone).contains(QStringLiteral("has ended")), qPrintable(errorMessage(gone)));
        QVERIFY(errorMessage(gone).contains(QStringLiteral("logged out")));

        // A userName of another agent is refused.
        const HttpReply wrong =
            call("POST",
                 root(),
                 QJsonObject{{QStringLiteral("loginData"),
                              QJsonObject{{QStringLiteral("userName"), QStringLiteral("nobody")}}}});
        QCOMPARE(wrong.status, 401);
        QVERIFY(errorMessage(wrong).contains(QStringLiteral("nobody")));
        // A second session of the same agent replaces the first.
        const QString first = startSession();
        const QString second = startSession();
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        const HttpReply replaced = call("GET", first + QStringLiteral("/availability"));
        QCOMPARE(replaced.status, 404);
        QVERIFY(errorMessage(replaced).contains(QStringLiteral("replaced")));
        QCOMPARE(m_emulator->chatAgentApi()->sessionCount(), 1);
    }

    void eventIsAnObjectWhenThereIsExactlyOne()
    {
        QString session, chat, conversationId;
        QVERIFY(takeChat(&session, &chat, &conversationId));
        QJsonValue raw;
        QString next;
        const QJsonArray all = events(chat, 0, &next, &raw);
        QVERIFY(all.size() >= 2);
        QVERIFY(raw.isArray());
        QVERIFY(next.endsWith(QStringLiteral("from=%1").arg(all.size())));
        const int lastId = all.last()[QStringLiteral("@id")].toString().toInt();
        QCOMPARE(lastId, all.size() - 1);
        events(chat, lastId, &next, &raw);
        QVERIFY(raw.isObject());
        QCOMPARE(raw[QStringLiteral("@id")].toString(), QString::number(lastId));
        // Nothing new: no "event" at all, and the next link stays where it was.
        const HttpReply empty = call("GET", chat + QStringLiteral("/events?from=%1").arg(all.size()));
        QCOMPARE(empty.status, 200);
        QVERIFY(!empty.json()[QStringLiteral("events")].toObject().contains(QStringLiteral("event")));
        QVERIFY(hrefOf(empty.json()[QStringLiteral("events")][QStringLiteral("link")], QStringLiteral("next"))
                    .endsWith(QStringLiteral("from=%1").arg(all.size())));
        // A client that appends ".json" and the query to the next link still reads from there.
        const HttpReply suffixed = call("GET", next + QStringLiteral(".json"));
        QCOMPARE(suffixed.status, 200);
        QVERIFY(!suffixed.json()[QStringLiteral("events")].toObject().contains(QStringLiteral("event")));
        // Two new lines: an array of two.
        QVERIFY(consumerSays(conversationId, QStringLiteral("one")));
        QVERIFY(consumerSays(conversationId, QStringLiteral("two")));
        events(chat, all.size(), &next, &raw);
        QVERIFY(raw.isArray());
        QCOMPARE(raw.toArray().size(), 2);
        QCOMPARE(raw.toArray().at(1)[QStringLiteral("text")].toString(), QStringLiteral("two"));
    }

    void consumerCloseEndsTheChat()
    {
        QString session, chat, conversationId;
        QVERIFY(takeChat(&session, &chat, &conversationId));
        QCOMPARE(
            m_http->post(QStringLiteral("/sandbox/conversations/%1/close").arg(conversationId), QJsonObject()).status,
            200);
        const QJsonArray all = events(chat, 0);
        QCOMPARE(all.last()[QStringLiteral("@type")].toString(), QStringLiteral("state"));
        QCOMPARE(all.last()[QStringLiteral("state")].toString(), QStringLiteral("ended"));
        QCOMPARE(call("GET", chat + QStringLiteral("/info"))
                     .json()[QStringLiteral("info")][QStringLiteral("state")]
                     .toString(),
                 QStringLiteral("ended"));
        const HttpReply late = addLine(chat,
                                       QJsonObject{{QStringLiteral("@type"), QStringLiteral("line")},
                                                   {QStringLiteral("text"), QStringLiteral("x")}});
        QCOMPARE(late.status, 400);
        QVERIFY(errorMessage(late).contains(QStringLiteral("closed")));
        const HttpReply transfer =
            call("POST",
                 chat + QStringLiteral("/transfer"),
                 QJsonObject{{QStringLiteral("transfer"),
                              QJsonObject{{QStringLiteral("skill"), QJsonObject{{QStringLiteral("id"), 1002}}}}}});
        QCOMPARE(transfer.status, 400);
        QVERIFY(errorMessage(transfer).contains(QStringLiteral("ended")));
    }

    void privateHtmlAndRichLinesReachTheControlApi()
    {
        QString session, chat, conversationId;
        QVERIFY(takeChat(&session, &chat, &conversationId));
        const int before = static_cast<int>(events(chat, 0).size());
        QCOMPARE(addLine(chat,
                         QJsonObject{{QStringLiteral("@type"), QStringLiteral("line")},
                                     {QStringLiteral("text"), QStringLiteral("<div>bold <b>move</b></div>")},
                                     {QStringLiteral("textType"), QStringLiteral("html")}})
                     .status,
                 201);
        QCOMPARE(addLine(chat,
                         QJsonObject{{QStringLiteral("@type"), QStringLiteral("line")},
                                     {QStringLiteral("text"), QStringLiteral("note for agents")},
                                     {QStringLiteral("subType"), QStringLiteral("ONLY_TO_REP")}})
                     .status,
                 201);
        const QJsonObject card{{QStringLiteral("type"), QStringLiteral("vertical")},
                               {QStringLiteral("elements"),
                                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                       {QStringLiteral("text"), QStringLiteral("Pick one")}}}}};
        const QJsonArray metadata{QJsonObject{{QStringLiteral("type"), QStringLiteral("ExternalId")},
                                              {QStringLiteral("id"), QStringLiteral("card-1")}}};
        QCOMPARE(addLine(chat,
                         QJsonObject{{QStringLiteral("@type"), QStringLiteral("line")},
                                     {QStringLiteral("textType"), QStringLiteral("rich-content")},
                                     {QStringLiteral("json"), card},
                                     {QStringLiteral("metadata"), metadata}})
                     .status,
                 201);

        const QJsonArray all = messages(conversationId);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0)[QStringLiteral("contentType")].toString(), QStringLiteral("text/html"));
        QCOMPARE(all.at(0)[QStringLiteral("audience")].toString(), QStringLiteral("ALL"));
        QCOMPARE(all.at(1)[QStringLiteral("audience")].toString(), QStringLiteral("AGENTS_AND_MANAGERS"));
        QCOMPARE(all.at(1)[QStringLiteral("type")].toString(), QStringLiteral("ContentEvent"));
        QCOMPARE(all.at(2)[QStringLiteral("type")].toString(), QStringLiteral("RichContentEvent"));
        QCOMPARE(all.at(2)[QStringLiteral("role")].toString(), QStringLiteral("ASSIGNED_AGENT"));
        QCOMPARE(all.at(2)[QStringLiteral("content")].toObject(), card);
        QCOMPARE(all.at(2)[QStringLiteral("metadata")].toArray(), metadata);

        const QJsonArray lines = events(chat, before);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0)[QStringLiteral("textType")].toString(), QStringLiteral("html"));
        QCOMPARE(lines.at(1)[QStringLiteral("subType")].toString(), QStringLiteral("ONLY_TO_REP"));
        QCOMPARE(lines.at(2)[QStringLiteral("textType")].toString(), QStringLiteral("rich-content"));
        QCOMPARE(lines.at(2)[QStringLiteral("json")].toObject(), card);
        QCOMPARE(lines.at(2)[QStringLiteral("metadata")].toArray(), metadata);

        // A consumer's card click (text + metadata) arrives as a visitor line with its metadata.
        QVERIFY(consumerSays(conversationId, QStringLiteral("Pick one"), metadata));
        const QJsonArray click = events(chat, before + 3);
        QCOMPARE(click.size(), 1);
        QCOMPARE(click.at(0)[QStringLiteral("by")].toString(), QStringLiteral("visitor"));
        QCOMPARE(click.at(0)[QStringLiteral("metadata")].toArray(), metadata);
    }

    void transferToSkillReachesSimulatedHumans()
    {
        // Simulated humans (3000001/3000002) on skill 1002 are always online.
        QString session, chat, conversationId;
        QVERIFY(takeChat(&session, &chat, &conversationId));
        const QJsonArray skills = asArray(call("GET", chat + QStringLiteral("/transfer.json"))
                                              .json()[QStringLiteral("transfer")][QStringLiteral("skill")]);
        QHash<QString, QString> online;
        for (const QJsonValue &s : skills) {
            QVERIFY(!s[QStringLiteral("name")].toString().isEmpty());
            online.insert(s[QStringLiteral("id")].toString(), s[QStringLiteral("onlineAgents")].toString());
        }
        QCOMPARE(online.value(QStringLiteral("1002")), QStringLiteral("2"));
        QCOMPARE(online.value(QStringLiteral("1001")), QStringLiteral("0"));

        // No agent online on 1001: an error, and nothing changes.
        const HttpReply refused =
            call("POST",
                 chat + QStringLiteral("/transfer"),
                 QJsonObject{{QStringLiteral("transfer"),
                              QJsonObject{{QStringLiteral("skill"), QJsonObject{{QStringLiteral("id"), 1001}}}}}});
        QCOMPARE(refused.status, 400);
        QVERIFY(errorMessage(refused).contains(QStringLiteral("1001")));
        QCOMPARE(assignedUserId(conversationId), QStringLiteral("2000002"));

        const HttpReply moved =
            call("POST",
                 chat + QStringLiteral("/transfer.json"),
                 QJsonObject{{QStringLiteral("transfer"),
                              QJsonObject{{QStringLiteral("skill"), QJsonObject{{QStringLiteral("id"), 1002}}},
                                          {QStringLiteral("text"), QStringLiteral("wants a human")}}}});
        QCOMPARE(moved.status, 200);
        QCOMPARE(conversation(conversationId).value(QStringLiteral("skillId")).toString(), QStringLiteral("1002"));
        QTRY_VERIFY_WITH_TIMEOUT(assignedUserId(conversationId).startsWith(QLatin1Char('3')), 10000);
        const QJsonArray all = messages(conversationId);
        QCOMPARE(all.first()[QStringLiteral("text")].toString(), QStringLiteral("wants a human"));
        QCOMPARE(all.first()[QStringLiteral("audience")].toString(), QStringLiteral("AGENTS_AND_MANAGERS"));
        QTRY_VERIFY(messages(conversationId).size() >= 2); // the human's greeting
        const HttpReply gone = call("GET", chat);
        QCOMPARE(gone.status, 404);
        QVERIFY(errorMessage(gone).contains(QStringLiteral("transferred")));
    }

    void transferToAgentWinsOverSkill()
    {
        QString session, chat, conversationId;
        QVERIFY(takeChat(&session, &chat, &conversationId));
        // Skill 1001 has no chat agent online; the agent named beside it wins (reference §5).
        const HttpReply moved = call(
            "POST",
            chat + QStringLiteral("/transfer"),
            QJsonObject{
                {QStringLiteral("transfer"),
                 QJsonObject{{QStringLiteral("agent"), QJsonObject{{QStringLiteral("id"), QStringLiteral("3000002")}}},
                             {QStringLiteral("skill"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1001")}}},
                             {QStringLiteral("text"), QStringLiteral("for Sam")}}}});
        QCOMPARE(moved.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(assignedUserId(conversationId), QStringLiteral("3000002"), 10000);
        QCOMPARE(conversation(conversationId).value(QStringLiteral("skillId")).toString(), QStringLiteral("1003"));

        // An agent that is not online for chat is an error.
        QString session2, chat2, conversation2;
        QVERIFY(takeChat(&session2, &chat2, &conversation2));
        const HttpReply offline =
            call("POST",
                 chat2 + QStringLiteral("/transfer"),
                 QJsonObject{{QStringLiteral("transfer"),
                              QJsonObject{{QStringLiteral("agent"), QJsonObject{{QStringLiteral("id"), 2000001}}}}}});
        QCOMPARE(offline.status, 400);
        QVERIFY(errorMessage(offline).contains(QStringLiteral("not online")));
        const HttpReply unknown =
            call("POST",
                 chat2 + QStringLiteral("/transfer"),
                 QJsonObject{{QStringLiteral("transfer"),
                              QJsonObject{{QStringLiteral("agent"), QJsonObject{{QStringLiteral("id"), 9}}}}}});
        QCOMPARE(unknown.status, 404);
        QCOMPARE(assignedUserId(conversation2), QStringLiteral("2000002"));
    }

    void ringNotTakenSetsTheAgentAway()
    {
        m_emulator->chatAgentApi()->setRingTimeoutMs(300);
        const QString session = startSession();
        QVERIFY(setAvailability(session, QStringLiteral("Online")));
        const QString conversationId = createChat();
        // Watched on the model rather than by polling: a slow machine could let the short ring
        // expire between two polls.
        QTRY_VERIFY(m_emulator->stats().value(QStringLiteral("ringsOffered")).toInt() >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(availability(session), QStringLiteral("Away"), 5000);
        QCOMPARE(ringingCount(session), QStringLiteral("0"));
        QVERIFY(m_emulator->stats().value(QStringLiteral("ringsExpired")).toInt() >= 1);
        QCOMPARE(conversation(conversationId).value(QStringLiteral("state")).toString(), QStringLiteral("OPEN"));
        QVERIFY(assignedUserId(conversationId).isEmpty());
        // Online again: the ring comes back; going Away hands it on at once.
        m_emulator->chatAgentApi()->setRingTimeoutMs(20000);
        QVERIFY(setAvailability(session, QStringLiteral("Online")));
        QTRY_COMPARE(ringingCount(session), QStringLiteral("1"));
        QVERIFY(setAvailability(session, QStringLiteral("Away")));
        QCOMPARE(ringingCount(session), QStringLiteral("0"));
        const HttpReply take = call("POST", session + QStringLiteral("/incomingRequests"), QJsonObject());
        QCOMPARE(take.status, 404);
        QVERIFY(errorMessage(take).contains(QStringLiteral("ringing")));
    }

    void idleSessionExpiresAndCanBeRecreated()
    {
        QString session, chat, conversationId;
        QVERIFY(takeChat(&session, &chat, &conversationId));
        m_emulator->chatAgentApi()->setSessionTimeoutMs(300);
        QTRY_COMPARE_WITH_TIMEOUT(m_emulator->chatAgentApi()->sessionCount(), 0, 5000);
        const HttpReply expired = call("GET", chat + QStringLiteral("/events"));
        QCOMPARE(expired.status, 404);
        QVERIFY2(errorMessage(expired).contains(QStringLiteral("expired")), qPrintable(errorMessage(expired)));
        QVERIFY(errorMessage(expired).contains(QStringLiteral("POST")));
        // Its chat went back to the queue; a new session gets it again.
        QVERIFY(assignedUserId(conversationId).isEmpty());
        m_emulator->chatAgentApi()->setSessionTimeoutMs(ChatAgentApi::defaultSessionTimeoutMs);
        const QString again = startSession();
        QVERIFY(!again.isEmpty());
        QVERIFY(setAvailability(again, QStringLiteral("Online")));
        QTRY_COMPARE(ringingCount(again), QStringLiteral("1"));
        const HttpReply taken = call("POST", again + QStringLiteral("/incomingRequests"), QJsonObject());
        QCOMPARE(taken.status, 201);
        QVERIFY(taken.json()[QStringLiteral("chatLocation")][QStringLiteral("link")][QStringLiteral("@href")]
                    .toString()
                    .endsWith(conversationId));
    }

    void settingsOverTheControlApi()
    {
        HttpReply reply = m_http->post(
            QStringLiteral("/sandbox/chat/settings"),
            QJsonObject{{QStringLiteral("ringTimeoutMs"), 500}, {QStringLiteral("sessionTimeoutMs"), 60000}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(m_emulator->chatAgentApi()->ringTimeoutMs(), 500);
        QCOMPARE(m_emulator->chatAgentApi()->sessionTimeoutMs(), 60000);
        QCOMPARE(
            m_http->get(QStringLiteral("/sandbox/chat/settings")).json().value(QStringLiteral("ringTimeoutMs")).toInt(),
            500);
        reply =
            m_http->post(QStringLiteral("/sandbox/chat/settings"), QJsonObject{{QStringLiteral("ringTimeoutMs"), -1}});
        QCOMPARE(reply.status, 400);
        const QString session = startSession();
        const QJsonArray sessions =
            m_http->get(QStringLiteral("/sandbox/chat/sessions")).json().value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 1);
        QVERIFY(session.endsWith(sessions.at(0)[QStringLiteral("agentSessionId")].toString()));
        QCOMPARE(m_emulator->stats().value(QStringLiteral("chatSessions")).toInt(), 1);
        const HttpReply expired = m_http->post(QStringLiteral("/sandbox/chat/sessions/expire"), QJsonObject());
        QCOMPARE(expired.json().value(QStringLiteral("expired")).toInt(), 1);
        const HttpReply gone = call("GET", session + QStringLiteral("/incomingRequests"));
        QCOMPARE(gone.status, 404);
        QVERIFY(errorMessage(gone).contains(QStringLiteral("expired")));
    }

    void badInputGetsAReason_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("no bearer") << QStringLiteral("no bearer");
        QTest::newRow("bad bearer") << QStringLiteral("bad bearer");
        QTest::newRow("wrong account") << QStringLiteral("wrong account");
        QTest::newRow("malformed json") << QStringLiteral("malformed json");
        QTest::newRow("no loginData") << QStringLiteral("no loginData");
        QTest::newRow("loginData number") << QStringLiteral("loginData number");
        QTest::newRow("availability value") << QStringLiteral("availability value");
        QTest::newRow("availability type") << QStringLiteral("availability type");
        QTest::newRow("unknown session") << QStringLiteral("unknown session");
        QTest::newRow("unknown chat") << QStringLiteral("unknown chat");
        QTest::newRow("two events") << QStringLiteral("two events");
        QTest::newRow("events key") << QStringLiteral("events key");
        QTest::newRow("unknown type") << QStringLiteral("unknown type");
        QTest::newRow("no text") << QStringLiteral("no text");
        QTest::newRow("text number") << QStringLiteral("text number");
        QTest::newRow("textType") << QStringLiteral("textType");
        QTest::newRow("subType") << QStringLiteral("subType");
        QTest::newRow("metadata") << QStringLiteral("metadata");
        QTest::newRow("rich without json") << QStringLiteral("rich without json");
        QTest::newRow("state chatting") << QStringLiteral("state chatting");
        QTest::newRow("bad from") << QStringLiteral("bad from");
        QTest::newRow("transfer empty") << QStringLiteral("transfer empty");
        QTest::newRow("transfer skill id") << QStringLiteral("transfer skill id");
        QTest::newRow("unknown skill") << QStringLiteral("unknown skill");
        QTest::newRow("override") << QStringLiteral("override");
        QTest::newRow("method") << QStringLiteral("method");
        QTest::newRow("unknown resource") << QStringLiteral("unknown resource");
        QTest::newRow("not emulated") << QStringLiteral("not emulated");
        QTest::newRow("body array") << QStringLiteral("body array");
        QTest::newRow("xml body") << QStringLiteral("xml body");
        QTest::newRow("other agent") << QStringLiteral("other agent");
    }
    void badInputGetsAReason()
    {
        QFETCH(QString, what);
        QString session, chat, conversationId;
        QVERIFY(takeChat(&session, &chat, &conversationId));
        const auto line = [](const QJsonObject &extra) {
            QJsonObject e{{QStringLiteral("@type"), QStringLiteral("line")}};
            for (auto it = extra.begin(); it != extra.end(); ++it) {
                e.insert(it.key(), it.value());
            }
            return e;
        };
        HttpReply reply;
        int expected = 400;
        QString mentions;
        if (what == QLatin1String("no bearer")) {
            reply = m_http->request("GET", withQuery(session + QStringLiteral("/incomingRequests")));
            expected = 401;
            mentions = QStringLiteral("Bearer");
        } else if (what == QLatin1String("bad bearer")) {
            reply = call("GET", session + QStringLiteral("/incomingRequests"), {}, "nope");
            expected = 401;
            mentions = QStringLiteral("bearer");
        } else if (what == QLatin1String("wrong account")) {
            reply = call("POST",
                         QStringLiteral("/api/account/999/agentSession"),
                         QJsonObject{{QStringLiteral("loginData"), QString()}});
            expected = 404;
            mentions = QStringLiteral("999");
        } else if (what == QLatin1String("malformed json")) {
            reply = raw("POST", chat + QStringLiteral("/events"), "{\"event\":");
            mentions = QStringLiteral("JSON");
        } else if (what == QLatin1String("no loginData")) {
            reply = call("POST", root(), QJsonObject{{QStringLiteral("login"), QString()}});
            mentions = QStringLiteral("loginData");
        } else if (what == QLatin1String("loginData number")) {
            reply = call("POST", root(), QJsonObject{{QStringLiteral("loginData"), 5}});
            mentions = QStringLiteral("loginData");
        } else if (what == QLatin1String("availability value")) {
            reply = call("PUT",
                         session + QStringLiteral("/availability"),
                         QJsonObject{{QStringLiteral("availability"),
                                      QJsonObject{{QStringLiteral("chat"), QStringLiteral("Busy")}}}});
            mentions = QStringLiteral("Busy");
        } else if (what == QLatin1String("availability type")) {
            reply = call("PUT",
                         session + QStringLiteral("/availability"),
                         QJsonObject{{QStringLiteral("availability"), QStringLiteral("Online")}});
            mentions = QStringLiteral("availability");
        } else if (what == QLatin1String("unknown session")) {
            reply = call("GET", root() + QStringLiteral("/nosuchsession/incomingRequests"));
            expected = 404;
            mentions = QStringLiteral("nosuchsession");
        } else if (what == QLatin1String("unknown chat")) {
            reply = call("GET", session + QStringLiteral("/chat/nosuchchat"));
            expected = 404;
            mentions = QStringLiteral("nosuchchat");
        } else if (what == QLatin1String("two events")) {
            reply = call("POST",
                         chat + QStringLiteral("/events"),
                         QJsonObject{{QStringLiteral("event"),
                                      QJsonArray{line({{QStringLiteral("text"), QStringLiteral("a")}}),
                                                 line({{QStringLiteral("text"), QStringLiteral("b")}})}}});
            mentions = QStringLiteral("one event");
        } else if (what == QLatin1String("events key")) {
            reply =
                call("POST", chat + QStringLiteral("/events"), QJsonObject{{QStringLiteral("events"), QJsonArray()}});
            mentions = QStringLiteral("one event");
        } else if (what == QLatin1String("unknown type")) {
            reply = addLine(chat, QJsonObject{{QStringLiteral("@type"), QStringLiteral("url")}});
            mentions = QStringLiteral("url");
        } else if (what == QLatin1String("no text")) {
            reply = addLine(chat, line({}));
            mentions = QStringLiteral("text");
        } else if (what == QLatin1String("text number")) {
            reply = addLine(chat, line({{QStringLiteral("text"), 42}}));
            mentions = QStringLiteral("text");
        } else if (what == QLatin1String("textType")) {
            reply = addLine(chat,
                            line({{QStringLiteral("text"), QStringLiteral("a")},
                                  {QStringLiteral("textType"), QStringLiteral("markdown")}}));
            mentions = QStringLiteral("markdown");
        } else if (what == QLatin1String("subType")) {
            reply = addLine(chat,
                            line({{QStringLiteral("text"), QStringLiteral("a")},
                                  {QStringLiteral("subType"), QStringLiteral("SECRET")}}));
            mentions = QStringLiteral("SECRET");
        } else if (what == QLatin1String("metadata")) {
            reply = addLine(
                chat,
                line({{QStringLiteral("text"), QStringLiteral("a")}, {QStringLiteral("metadata"), QJsonObject()}}));
            mentions = QStringLiteral("metadata");
        } else if (what == QLatin1String("rich without json")) {
            reply = addLine(chat,
                            line({{QStringLiteral("textType"), QStringLiteral("rich-content")},
                                  {QStringLiteral("json"), QStringLiteral("{}")}}));
            mentions = QStringLiteral("json");
        } else if (what == QLatin1String("state chatting")) {
            reply = addLine(chat,
                            QJsonObject{{QStringLiteral("@type"), QStringLiteral("state")},
                                        {QStringLiteral("state"), QStringLiteral("chatting")}});
            mentions = QStringLiteral("ended");
        } else if (what == QLatin1String("bad from")) {
            reply = call("GET", chat + QStringLiteral("/events?from=abc"));
            mentions = QStringLiteral("abc");
        } else if (what == QLatin1String("transfer empty")) {
            reply = call(
                "POST", chat + QStringLiteral("/transfer"), QJsonObject{{QStringLiteral("transfer"), QJsonObject()}});
            mentions = QStringLiteral("skill");
        } else if (what == QLatin1String("transfer skill id")) {
            reply =
                call("POST",
                     chat + QStringLiteral("/transfer"),
                     QJsonObject{{QStringLiteral("transfer"),
                                  QJsonObject{{QStringLiteral("skill"), QJsonObject{{QStringLiteral("id"), true}}}}}});
            mentions = QStringLiteral("skill.id");
        } else if (what == QLatin1String("unknown skill")) {
            reply =
                call("POST",
                     chat + QStringLiteral("/transfer"),
                     QJsonObject{{QStringLiteral("transfer"),
                                  QJsonObject{{QStringLiteral("skill"), QJsonObject{{QStringLiteral("id"), 4242}}}}}});
            expected = 404;
            mentions = QStringLiteral("4242");
        } else if (what == QLatin1String("override")) {
            reply = m_http->request("POST",
                                    withQuery(session + QStringLiteral("/availability")),
                                    "{}",
                                    {{"Authorization", "Bearer " + m_bearer}, {"X-HTTP-Method-Override", "PATCH"}});
            mentions = QStringLiteral("PATCH");
        } else if (what == QLatin1String("method")) {
            reply = call("GET", root());
            expected = 405;
            mentions = QStringLiteral("POST");
        } else if (what == QLatin1String("unknown resource")) {
            reply = call("GET", session + QStringLiteral("/nothing"));
            expected = 404;
            mentions = QStringLiteral("nothing");
        } else if (what == QLatin1String("not emulated")) {
            reply = call("GET", chat + QStringLiteral("/visit-id"));
            expected = 501;
            mentions = QStringLiteral("visit-id");
        } else if (what == QLatin1String("xml body")) {
            reply = m_http->request("POST",
                                    withQuery(chat + QStringLiteral("/events")),
                                    "<event type=\"line\"><text>hi</text></event>",
                                    {{"Authorization", "Bearer " + m_bearer}, {"Content-Type", "application/xml"}});
            expected = 415;
            mentions = QStringLiteral("JSON");
        } else if (what == QLatin1String("other agent")) {
            const QByteArray other = login(0).toLatin1();
            QVERIFY(!other.isEmpty());
            reply = call("GET", chat, {}, other);
            expected = 403;
            mentions = QStringLiteral("another agent");
        } else if (what == QLatin1String("body array")) {
            reply = raw("POST", chat + QStringLiteral("/events"), "[]");
            mentions = QStringLiteral("object");
        }
        QCOMPARE(reply.status, expected);
        const QJsonObject error = reply.json().value(QStringLiteral("error")).toObject();
        QVERIFY2(errorMessage(reply).contains(mentions), qPrintable(QString::fromUtf8(reply.body)));
        QVERIFY(!error.value(QStringLiteral("responseStatus")).toString().isEmpty());
        // Nothing changed: the chat is still ours and still open.
        QCOMPARE(conversation(conversationId).value(QStringLiteral("state")).toString(), QStringLiteral("OPEN"));
        QCOMPARE(messages(conversationId).size(), 0);
    }

    void chatFaultAppliesToChatRoutes()
    {
        const QString session = startSession();
        QVERIFY(!session.isEmpty());
        const HttpReply armed = m_http->post(QStringLiteral("/sandbox/faults"),
                                             QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                                         {QStringLiteral("route"), QStringLiteral("chat")},
                                                         {QStringLiteral("status"), 503},
                                                         {QStringLiteral("count"), 2}});
        QVERIFY2(armed.status < 300, armed.body.constData());
        // The override form (POST) and a GET are both chat routes.
        const HttpReply first = call("PUT",
                                     session + QStringLiteral("/availability"),
                                     QJsonObject{{QStringLiteral("availability"),
                                                  QJsonObject{{QStringLiteral("chat"), QStringLiteral("Online")}}}});
        QCOMPARE(first.status, 503);
        QVERIFY(errorMessage(first).contains(QStringLiteral("Injected")));
        QCOMPARE(call("GET", session + QStringLiteral("/incomingRequests")).status, 503);
        QCOMPARE(ringingCount(session), QStringLiteral("0"));
        QCOMPARE(availability(session), QStringLiteral("Away")); // the faulted PUT never ran
        // Other routes are untouched by a chat fault.
        QCOMPARE(m_http->get(QStringLiteral("/sandbox/stats")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestChatAgentApi)
#include "tst_chatagentapi.moc"
