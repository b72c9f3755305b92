// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Messaging Agent API (UMS WebSocket) of the sandbox, driven by a plain QWebSocket client.
#include "SandboxTestClient.h"
#include "sandbox/LoginService.h"
#include "sandbox/MessagingApi.h"
#include "sandbox/StateModel.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Switchboard;
using namespace Switchboard::Sandbox;
using Switchboard::Test::HttpClient;
using Switchboard::Test::isNotification;
using Switchboard::Test::UmsClient;

namespace
{
const QString Ex = QStringLiteral(".ams.aam.ExConversationChangeNotification");
const QString Routing = QStringLiteral(".ams.routing.RoutingTaskNotification");
const QString Online = QStringLiteral(".ams.ms.OnlineEventDistribution");

QJsonObject firstChange(const QJsonObject &frame)
{
    return frame[QStringLiteral("body")][QStringLiteral("changes")].toArray().at(0).toObject();
}
} // namespace

class TestMessagingApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<HttpClient> m_http;

    StateModel *model() const;
    QString oldId(int agent = 0) const;

    /** Logs agent @p index in and opens a UMS socket subscribed like node-agent-sdk does. */
    std::unique_ptr<UmsClient> connectAgent(int index = 0, QString *bearerOut = nullptr);

    QString newConversation(const char *skillId = "1001");

    /** Waits for the ring of @p conversationId and accepts it. */
    bool acceptRing(UmsClient &client, const QString &conversationId);

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fullAgentFlow();

    void framesAreCompactJsonAsQtWritesIt();

    void transferRequeuesAndASimulatedHumanPicksItUp();

    void closingTheMainDialogStartsThePostSurvey();

    void closeWithShortTypeAndSingleObject();

    void joinAsManagerWithoutARing();

    void errorsAreAnsweredAndTheSocketSurvives();

    void unknownBearerIsRefusedAtTheUpgrade();

    void ringsExpireAndRingAgain();

    void secondLoginKicksTheFirstSocket();

    void faultDropSocketsGives1006();

    void faultCloseUsesTheGivenCode();

    void faultRevokeTokensDropsAndInvalidates();

    void faultKickSessionActsLikeASecondLogin();

    void faultExpireRings();
    void frameLogRecordsBothDirections();
};

StateModel *TestMessagingApi::model() const
{
    return m_emulator->model();
}

QString TestMessagingApi::oldId(int agent) const
{
    return m_emulator->accountId() + QLatin1Char('.') + m_emulator->config().agents.at(agent).userId;
}

std::unique_ptr<UmsClient> TestMessagingApi::connectAgent(int index, QString *bearerOut)
{
    const QString bearer = Test::login(*m_http, *m_emulator, index)[QStringLiteral("bearer")].toString();
    if (bearer.isEmpty()) {
        return nullptr;
    }
    if (bearerOut) {
        *bearerOut = bearer;
    }
    auto client = std::make_unique<UmsClient>(*m_emulator);
    if (!client->open(bearer)) {
        return nullptr;
    }
    const QString me = oldId(index);
    if (client
            ->call(QStringLiteral(".ams.routing.SetAgentState"),
                   QJsonObject{{QStringLiteral("availability"), QStringLiteral("ONLINE")},
                               {QStringLiteral("channels"), QJsonArray{QStringLiteral("MESSAGING")}},
                               {QStringLiteral("agentUserId"), me}})
            .isUndefined() ||
        client
            ->call(QStringLiteral(".ams.aam.SubscribeExConversations"),
                   QJsonObject{{QStringLiteral("agentIds"), QJsonArray{me}},
                               {QStringLiteral("convState"), QJsonArray{QStringLiteral("OPEN")}}})
            .isUndefined() ||
        client
            ->call(QStringLiteral(".ams.routing.SubscribeRoutingTasks"),
                   QJsonObject{{QStringLiteral("channelType"), QStringLiteral("MESSAGING")},
                               {QStringLiteral("agentId"), me},
                               {QStringLiteral("brandId"), m_emulator->accountId()}})
            .isUndefined()) {
        return nullptr;
    }
    return client;
}

QString TestMessagingApi::newConversation(const char *skillId)
{
    const QString consumer = model()->createConsumer().id;
    const Result<QString> created = model()->createConversation(consumer, QLatin1String(skillId), Channel::Messaging);
    return created ? created.value() : QString();
}

bool TestMessagingApi::acceptRing(UmsClient &client, const QString &conversationId)
{
    const auto isRing = [&](const QJsonObject &f) {
        return !Test::waitingRingId(f).isEmpty() &&
               firstChange(f)[QStringLiteral("result")][QStringLiteral("conversationId")].toString() == conversationId;
    };
    if (!client.waitFor(isRing)) {
        return false;
    }
    const auto ring = client.findLast(isRing);
    const auto resp =
        client.waitResponse(client.send(QStringLiteral(".ams.routing.UpdateRingState"),
                                        QJsonObject{{QStringLiteral("ringId"), Test::waitingRingId(*ring)},
                                                    {QStringLiteral("ringState"), QStringLiteral("ACCEPTED")}}));
    return resp && resp->value(QStringLiteral("code")).toInt() == 202;
}

void TestMessagingApi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMessagingApi::init()
{
    SandboxConfig config = SandboxConfig::defaults();
    config.humanAcceptDelayMs = 50;
    m_emulator = std::make_unique<Emulator>(config);
    const Result<Success> started = m_emulator->start();
    QVERIFY(started.ok());
    m_http = std::make_unique<HttpClient>(*m_emulator);
}

void TestMessagingApi::cleanup()
{
    m_http.reset();
    m_emulator.reset();
}

void TestMessagingApi::fullAgentFlow()
{
    auto client = connectAgent();
    QVERIFY(client);
    // SubscribeRoutingTasks: response, then an empty notification.
    QVERIFY(client->waitFor([](const QJsonObject &f) {
        return isNotification(f, Routing) && f[QStringLiteral("body")][QStringLiteral("changes")].toArray().isEmpty();
    }));
    const QString conversation = newConversation();
    QVERIFY(model()->consumerText(conversation, QStringLiteral("hello")).ok());
    QVERIFY(acceptRing(*client, conversation));

    const auto upsert = client->waitFor([&](const QJsonObject &f) {
        return isNotification(f, Ex) && firstChange(f)[QStringLiteral("type")].toString() == QLatin1String("UPSERT");
    });
    QVERIFY(upsert);
    const QJsonObject details =
        firstChange(*upsert)[QStringLiteral("result")][QStringLiteral("conversationDetails")].toObject();
    QCOMPARE(details[QStringLiteral("participants")][QStringLiteral("ASSIGNED_AGENT")].toArray(), QJsonArray{oldId()});
    QCOMPARE(details[QStringLiteral("participantsPId")][QStringLiteral("ASSIGNED_AGENT")].toArray(),
             QJsonArray{m_emulator->config().agents.at(0).userPid});
    const QJsonArray dialogs = details[QStringLiteral("dialogs")].toArray();
    QCOMPARE(dialogs.size(), 1);
    QCOMPARE(dialogs[0][QStringLiteral("dialogId")].toString(), conversation);
    QCOMPARE(dialogs[0][QStringLiteral("dialogType")].toString(), QStringLiteral("MAIN"));
    QCOMPARE(dialogs[0][QStringLiteral("participantsDetails")].toArray().size(), 2);

    // History, exactly typed, as an array.
    const QString query = client->send(QStringLiteral(".ams.ms.QueryMessages"),
                                       QJsonObject{{QStringLiteral("dialogId"), conversation},
                                                   {QStringLiteral("fromSeq"), 0},
                                                   {QStringLiteral("newerThanSequence"), 0}});
    const auto history = client->waitResponse(query);
    QVERIFY(history);
    QCOMPARE((*history)[QStringLiteral("type")].toString(), QStringLiteral(".ams.ms.QueryMessages$Response"));
    QCOMPARE((*history)[QStringLiteral("body")].toArray().size(), 1);
    QCOMPARE((*history)[QStringLiteral("body")][0][QStringLiteral("event")][QStringLiteral("message")].toString(),
             QStringLiteral("hello"));

    // A live consumer message arrives as OnlineEventDistribution.
    QVERIFY(model()->consumerText(conversation, QStringLiteral("second")).ok());
    const auto live = client->waitFor([](const QJsonObject &f) {
        return isNotification(f, Online) && f[QStringLiteral("body")][QStringLiteral("sequence")].toInt() == 1;
    });
    QVERIFY(live);
    QCOMPARE((*live)[QStringLiteral("body")][QStringLiteral("originatorMetadata")][QStringLiteral("role")].toString(),
             QStringLiteral("CONSUMER"));

    // Publish: sequence back, then the echo with both id forms and the envelope metadata.
    const QJsonArray metadata{QJsonObject{{QStringLiteral("type"), QStringLiteral("ExternalId")},
                                          {QStringLiteral("id"), QStringLiteral("e1")}}};
    const QString publish =
        client->send(QStringLiteral(".ams.ms.PublishEvent"),
                     QJsonObject{{QStringLiteral("dialogId"), conversation},
                                 {QStringLiteral("event"),
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                              {QStringLiteral("contentType"), QStringLiteral("text/plain")},
                                              {QStringLiteral("message"), QStringLiteral("hi back")}}}},
                     QJsonObject{{QStringLiteral("metadata"), metadata},
                                 {QStringLiteral("encodedMetadata"), QStringLiteral("e30=")}});
    const auto published = client->waitResponse(publish);
    QVERIFY(published);
    QCOMPARE((*published)[QStringLiteral("body")][QStringLiteral("sequence")].toInt(), 2);
    const auto echo = client->waitFor([](const QJsonObject &f) {
        return isNotification(f, Online) && f[QStringLiteral("body")][QStringLiteral("sequence")].toInt() == 2;
    });
    QVERIFY(echo);
    const QJsonObject body = (*echo)[QStringLiteral("body")].toObject();
    QCOMPARE(body[QStringLiteral("originatorId")].toString(), oldId());
    QCOMPARE(body[QStringLiteral("originatorPId")].toString(), m_emulator->config().agents.at(0).userPid);
    QCOMPARE(body[QStringLiteral("metadata")].toArray(), metadata);
    QCOMPARE(body[QStringLiteral("encodedMetadata")].toString(), QStringLiteral("e30="));
    // The response went out before the echo.
    QVERIFY(client->frames.indexOf(*published) < client->frames.indexOf(*echo));

    // Private message, rich content, chat state, read receipt.
    const QJsonObject rich{{QStringLiteral("type"), QStringLiteral("RichContentEvent")},
                           {QStringLiteral("content"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("vertical")},
                                        {QStringLiteral("elements"), QJsonArray()}}}};
    const QJsonValue published1 =
        client->call(QStringLiteral(".ams.ms.PublishEvent"),
                     QJsonObject{{QStringLiteral("dialogId"), conversation},
                                 {QStringLiteral("event"), rich},
                                 {QStringLiteral("messageAudience"), QStringLiteral("AGENTS_AND_MANAGERS")}});
    QCOMPARE(published1[QStringLiteral("sequence")].toInt(), 3);
    const QJsonValue published2 =
        client->call(QStringLiteral(".ams.ms.PublishEvent"),
                     QJsonObject{{QStringLiteral("dialogId"), conversation},
                                 {QStringLiteral("event"),
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("ChatStateEvent")},
                                              {QStringLiteral("chatState"), QStringLiteral("COMPOSING")}}}});
    QCOMPARE(published2[QStringLiteral("sequence")].toInt(), 0);
    const QJsonValue published3 =
        client->call(QStringLiteral(".ams.ms.PublishEvent"),
                     QJsonObject{{QStringLiteral("dialogId"), conversation},
                                 {QStringLiteral("event"),
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("AcceptStatusEvent")},
                                              {QStringLiteral("status"), QStringLiteral("READ")},
                                              {QStringLiteral("sequenceList"), QJsonArray{0, 1}}}}});
    QCOMPARE(published3[QStringLiteral("sequence")].toInt(), 4);
    const Conversation *stored = model()->conversation(conversation);
    QCOMPARE(stored->messages.size(), 5);
    QCOMPARE(stored->messages.at(3).audience, QStringLiteral("AGENTS_AND_MANAGERS"));

    QVERIFY(client->call(QStringLiteral(".GetClock"), QJsonObject())[QStringLiteral("currentTime")].isDouble());
    const QJsonValue profile = client->call(QStringLiteral(".ams.userprofile.GetUserProfile"), stored->consumerId);
    QVERIFY(!profile[QStringLiteral("firstName")].toString().isEmpty());
}

// The hot frames (responses, OnlineEventDistribution) are written directly instead of through a
// QJsonObject: every frame must still be the bytes QJsonDocument::toJson(Compact) writes of it
// (sorted keys, Qt's escaping), and a live event the same object QueryMessages answers with.
void TestMessagingApi::framesAreCompactJsonAsQtWritesIt()
{
    auto client = connectAgent();
    QVERIFY(client);
    const QString conversation = newConversation();
    const QString awkward = QStringLiteral("h\u00e9llo \"quoted\" back\\slash\ttab\nline \u00e4\u00f6 \U0001F600 </tag>");
    QVERIFY(model()->consumerText(conversation, awkward).ok());
    QVERIFY(acceptRing(*client, conversation));
    QVERIFY(model()->consumerText(conversation, QStringLiteral("second")).ok());
    QVERIFY(client->waitFor([](const QJsonObject &f) {
        return isNotification(f, Online) && f[QStringLiteral("body")][QStringLiteral("sequence")].toInt() == 1;
    }));
    const QJsonArray metadata{QJsonObject{{QStringLiteral("type"), QStringLiteral("ExternalId")},
                                          {QStringLiteral("id"), QStringLiteral("e1")},
                                          {QStringLiteral("score"), 0.25}}};
    QCOMPARE(client
                 ->call(QStringLiteral(".ams.ms.PublishEvent"),
                        QJsonObject{{QStringLiteral("dialogId"), conversation},
                                    {QStringLiteral("event"),
                                     QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                                 {QStringLiteral("contentType"), QStringLiteral("text/plain")},
                                                 {QStringLiteral("message"), awkward}}}},
                        QJsonObject{{QStringLiteral("metadata"), metadata},
                                    {QStringLiteral("encodedMetadata"), QStringLiteral("e30=")}})
                     [QStringLiteral("sequence")]
                 .toInt(),
             2);
    QCOMPARE(client
                 ->call(QStringLiteral(".ams.ms.PublishEvent"),
                        QJsonObject{{QStringLiteral("dialogId"), conversation},
                                    {QStringLiteral("event"),
                                     QJsonObject{{QStringLiteral("type"), QStringLiteral("ChatStateEvent")},
                                                 {QStringLiteral("chatState"), QStringLiteral("COMPOSING")}}}})
                     [QStringLiteral("sequence")]
                 .toInt(),
             0);
    // The chat state's echo has no sequence; wait for it before reading the history.
    QVERIFY(client->waitFor([](const QJsonObject &f) {
        return isNotification(f, Online) && !f[QStringLiteral("body")].toObject().contains(QStringLiteral("sequence"));
    }));
    const QJsonArray history = client
                                   ->call(QStringLiteral(".ams.ms.QueryMessages"),
                                          QJsonObject{{QStringLiteral("dialogId"), conversation},
                                                      {QStringLiteral("fromSeq"), 0},
                                                      {QStringLiteral("newerThanSequence"), 0}})
                                   .toArray();
    QCOMPARE(history.size(), 3);

    QCOMPARE(client->texts.size(), client->frames.size());
    int live = 0;
    for (qsizetype i = 0; i < client->texts.size(); ++i) {
        const QByteArray text = client->texts.at(i).toUtf8();
        QCOMPARE(text, QJsonDocument::fromJson(text).toJson(QJsonDocument::Compact));
        const QJsonObject &frame = client->frames.at(i);
        if (!isNotification(frame, Online)) {
            continue;
        }
        const QJsonObject body = frame[QStringLiteral("body")].toObject();
        if (!body.contains(QStringLiteral("sequence"))) {
            continue;
        }
        const int sequence = body[QStringLiteral("sequence")].toInt();
        QVERIFY(sequence >= 0 && sequence < history.size());
        QCOMPARE(body, history.at(sequence).toObject());
        ++live;
    }
    QCOMPARE(live, 2); // "second" and the published reply; "hello" came before the ring was accepted
    QCOMPARE(history.at(0)[QStringLiteral("event")][QStringLiteral("message")].toString(), awkward);
    QCOMPARE(history.at(2)[QStringLiteral("metadata")].toArray(), metadata);
}

void TestMessagingApi::transferRequeuesAndASimulatedHumanPicksItUp()
{
    auto client = connectAgent();
    QVERIFY(client);
    const QString conversation = newConversation();
    QVERIFY(acceptRing(*client, conversation));
    const auto resp = client->waitResponse(client->send(
        QStringLiteral(".ams.cm.UpdateConversationField"),
        QJsonObject{{QStringLiteral("conversationId"), conversation},
                    {QStringLiteral("conversationField"),
                     QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("ParticipantsChange")},
                                            {QStringLiteral("type"), QStringLiteral("REMOVE")},
                                            {QStringLiteral("role"), QStringLiteral("ASSIGNED_AGENT")}},
                                QJsonObject{{QStringLiteral("field"), QStringLiteral("Skill")},
                                            {QStringLiteral("type"), QStringLiteral("UPDATE")},
                                            {QStringLiteral("skill"), QStringLiteral("1002")}}}}}));
    QVERIFY(resp);
    QCOMPARE((*resp)[QStringLiteral("code")].toInt(), 200);
    QCOMPARE((*resp)[QStringLiteral("body")].toString(), QStringLiteral("OK Agent removed successfully"));
    const auto deleted = client->waitFor([&](const QJsonObject &f) {
        return isNotification(f, Ex) && firstChange(f)[QStringLiteral("type")].toString() == QLatin1String("DELETE");
    });
    QVERIFY(deleted);
    QVERIFY(firstChange(*deleted)[QStringLiteral("result")][QStringLiteral("conversationDetails")]
                                 [QStringLiteral("participantsPId")]
                                     .isObject());
    QTRY_VERIFY_WITH_TIMEOUT(model()->agent(model()->conversation(conversation)->assignedAgent()) &&
                                 model()->agent(model()->conversation(conversation)->assignedAgent())->simulated,
                             5000);
    QTRY_COMPARE_WITH_TIMEOUT(model()->conversation(conversation)->messages.size(), 1, 5000);
    QCOMPARE(model()->conversation(conversation)->skillId, QStringLiteral("1002"));
    QCOMPARE(model()->stats().transfers, 1);
}

void TestMessagingApi::closingTheMainDialogStartsThePostSurvey()
{
    auto bot = connectAgent(0);
    auto survey = connectAgent(2);
    QVERIFY(bot && survey);
    const QString conversation = newConversation();
    QVERIFY(acceptRing(*bot, conversation));
    QCOMPARE(bot->call(QStringLiteral(".ams.cm.UpdateConversationField"),
                       QJsonObject{{QStringLiteral("conversationId"), conversation},
                                   {QStringLiteral("conversationField"),
                                    QJsonArray{QJsonObject{
                                        {QStringLiteral("field"), QStringLiteral("DialogChange")},
                                        {QStringLiteral("type"), QStringLiteral("UPDATE")},
                                        {QStringLiteral("dialog"),
                                         QJsonObject{{QStringLiteral("dialogId"), conversation},
                                                     {QStringLiteral("state"), QStringLiteral("CLOSE")}}}}}}})
                 .toString(),
             QStringLiteral("OK Dialog closed successfully"));
    const Conversation *c = model()->conversation(conversation);
    QCOMPARE(c->state, QStringLiteral("OPEN"));
    QCOMPARE(c->dialogs.size(), 2);
    QCOMPARE(c->dialogs.at(0).state, QStringLiteral("CLOSE"));
    QCOMPARE(c->dialogs.at(0).closedBy, QStringLiteral("AGENT"));
    QCOMPARE(c->dialogs.at(1).type, QStringLiteral("POST_SURVEY"));
    const QString surveyDialog = c->dialogs.at(1).id;
    // The survey bot is rung on the survey skill and joins the POST_SURVEY dialog.
    QVERIFY(acceptRing(*survey, conversation));
    QVERIFY(survey
                ->call(QStringLiteral(".ams.ms.PublishEvent"),
                       QJsonObject{{QStringLiteral("dialogId"), surveyDialog},
                                   {QStringLiteral("event"),
                                    QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                                {QStringLiteral("contentType"), QStringLiteral("text/plain")},
                                                {QStringLiteral("message"), QStringLiteral("Rate us?")}}}})
                .isObject());
    QVERIFY(survey
                ->call(QStringLiteral(".ams.cm.UpdateConversationField"),
                       QJsonObject{{QStringLiteral("conversationId"), conversation},
                                   {QStringLiteral("conversationField"),
                                    QJsonObject{{QStringLiteral("field"), QStringLiteral("DialogChange")},
                                                {QStringLiteral("type"), QStringLiteral("UPDATE")},
                                                {QStringLiteral("dialog"),
                                                 QJsonObject{{QStringLiteral("dialogId"), surveyDialog},
                                                             {QStringLiteral("state"), QStringLiteral("CLOSE")}}}}}})
                .isString());
    c = model()->conversation(conversation);
    QCOMPARE(c->state, QStringLiteral("CLOSE"));
    QCOMPARE(c->closeReason, QStringLiteral("AGENT"));
    QCOMPARE(c->messages.last().dialogId, surveyDialog);
}

void TestMessagingApi::closeWithShortTypeAndSingleObject()
{
    auto client = connectAgent();
    QVERIFY(client);
    const QString conversation = newConversation();
    QVERIFY(acceptRing(*client, conversation));
    QVERIFY(client
                ->call(QStringLiteral("cm.UpdateConversationField"),
                       QJsonObject{{QStringLiteral("conversationId"), conversation},
                                   {QStringLiteral("conversationField"),
                                    QJsonObject{{QStringLiteral("field"), QStringLiteral("ConversationStateField")},
                                                {QStringLiteral("conversationState"), QStringLiteral("CLOSE")}}}})
                .isString());
    const auto deleted = client->waitFor([&](const QJsonObject &f) {
        return isNotification(f, Ex) && firstChange(f)[QStringLiteral("type")].toString() == QLatin1String("DELETE");
    });
    QVERIFY(deleted);
    const QJsonObject details =
        firstChange(*deleted)[QStringLiteral("result")][QStringLiteral("conversationDetails")].toObject();
    QCOMPARE(details[QStringLiteral("state")].toString(), QStringLiteral("CLOSE"));
    QCOMPARE(details[QStringLiteral("closeReason")].toString(), QStringLiteral("AGENT"));
}

void TestMessagingApi::joinAsManagerWithoutARing()
{
    auto client = connectAgent();
    QVERIFY(client);
    const QString conversation = newConversation("1003");
    QCOMPARE(
        client
            ->call(QStringLiteral(".ams.cm.UpdateConversationField"),
                   QJsonObject{{QStringLiteral("conversationId"), conversation},
                               {QStringLiteral("conversationField"),
                                QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("ParticipantsChange")},
                                                       {QStringLiteral("type"), QStringLiteral("ADD")},
                                                       {QStringLiteral("role"), QStringLiteral("MANAGER")}}}}})
            .toString(),
        QStringLiteral("OK Agent added successfully"));
    QCOMPARE(model()->conversation(conversation)->participantIds(Role::Manager),
             QStringList{m_emulator->config().agents.at(0).userId});
}

void TestMessagingApi::errorsAreAnsweredAndTheSocketSurvives()
{
    auto client = connectAgent();
    QVERIFY(client);
    const auto unknownConversation = client->waitResponse(client->send(
        QStringLiteral(".ams.cm.UpdateConversationField"),
        QJsonObject{{QStringLiteral("conversationId"), QStringLiteral("no-such-conversation")},
                    {QStringLiteral("conversationField"),
                     QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("ConversationStateField")},
                                            {QStringLiteral("conversationState"), QStringLiteral("CLOSE")}}}}}));
    QVERIFY(unknownConversation);
    QCOMPARE((*unknownConversation)[QStringLiteral("code")].toInt(), 404);
    QVERIFY((*unknownConversation)[QStringLiteral("body")].toString().contains(QStringLiteral("no-such-conversation")));

    const auto unknownDialog = client->waitResponse(
        client->send(QStringLiteral(".ams.ms.PublishEvent"),
                     QJsonObject{{QStringLiteral("dialogId"), QStringLiteral("nope")},
                                 {QStringLiteral("event"),
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                              {QStringLiteral("contentType"), QStringLiteral("text/plain")},
                                              {QStringLiteral("message"), QStringLiteral("x")}}}}));
    QVERIFY(unknownDialog);
    QCOMPARE((*unknownDialog)[QStringLiteral("code")].toInt(), 404);

    // Not a participant: LivePerson's "Agent does not exist in conversation" (issue #127).
    const QString other = newConversation("1003");
    const auto notMine = client->waitResponse(
        client->send(QStringLiteral(".ams.ms.PublishEvent"),
                     QJsonObject{{QStringLiteral("dialogId"), other},
                                 {QStringLiteral("event"),
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("ContentEvent")},
                                              {QStringLiteral("contentType"), QStringLiteral("text/plain")},
                                              {QStringLiteral("message"), QStringLiteral("x")}}}}));
    QVERIFY(notMine);
    QCOMPARE((*notMine)[QStringLiteral("code")].toInt(), 403);

    const qsizetype before = client->frames.size();
    client->sendRaw(QStringLiteral("{this is not json"));
    QTRY_COMPARE(client->frames.size(), before + 1);
    QCOMPARE(client->frames.last()[QStringLiteral("code")].toInt(), 400);
    QVERIFY(!client->frames.last().contains(QStringLiteral("reqId")));

    const auto unknownType = client->waitResponse(client->send(QStringLiteral(".ams.nothing.Here"), QJsonObject()));
    QVERIFY(unknownType);
    QCOMPARE((*unknownType)[QStringLiteral("code")].toInt(), 404);

    QString big = QStringLiteral("{\"kind\":\"req\",\"id\":\"huge-1\",\"type\":\".GetClock\",\"body\":{\"pad\":\"");
    big += QString(1100 * 1024, QLatin1Char('p'));
    big += QStringLiteral("\"}}");
    client->sendRaw(big);
    const auto oversize = client->waitResponse(QStringLiteral("huge-1"));
    QVERIFY(oversize);
    QCOMPARE((*oversize)[QStringLiteral("code")].toInt(), 400);
    QVERIFY((*oversize)[QStringLiteral("body")].toString().contains(QStringLiteral("exceeds")));

    QVERIFY(client->call(QStringLiteral(".GetClock"), QJsonObject()).isObject());
    QVERIFY(!client->closed);
}

void TestMessagingApi::unknownBearerIsRefusedAtTheUpgrade()
{
    UmsClient client(*m_emulator);
    QVERIFY(!client.open(QStringLiteral("0123456789abcdef")));
}

void TestMessagingApi::ringsExpireAndRingAgain()
{
    m_emulator->setRingExpirationMs(250);
    auto client = connectAgent();
    QVERIFY(client);
    const QString conversation = newConversation();
    const auto expired = client->waitFor([](const QJsonObject &f) {
        return isNotification(f, Routing) &&
               !f[QStringLiteral("body")][QStringLiteral("changes")].toArray().isEmpty() &&
               firstChange(f)[QStringLiteral("result")][QStringLiteral("ringsDetails")][0][QStringLiteral("ringState")]
                       .toString() == QLatin1String("EXPIRED");
    });
    QVERIFY(expired);
    QCOMPARE(
        firstChange(
            *expired)[QStringLiteral("result")][QStringLiteral("ringsDetails")][0][QStringLiteral("ringExpiration")]
            .toInt(),
        250);
    // The only agent on the skill is rung again.
    QTRY_VERIFY_WITH_TIMEOUT(std::count_if(client->frames.cbegin(),
                                           client->frames.cend(),
                                           [](const QJsonObject &f) { return !Test::waitingRingId(f).isEmpty(); }) >= 2,
                             5000);
    QVERIFY(model()->stats().ringsExpired >= 1);
    // Rings offered from now on wait long enough to be answered.
    m_emulator->setRingExpirationMs(10000);
    const auto rings = [&client] {
        return std::count_if(client->frames.cbegin(), client->frames.cend(), [](const QJsonObject &f) {
            return !Test::waitingRingId(f).isEmpty();
        });
    };
    const auto seen = rings();
    QTRY_VERIFY_WITH_TIMEOUT(rings() > seen, 5000);
    QVERIFY(acceptRing(*client, conversation));
    QCOMPARE(model()->conversation(conversation)->assignedAgent(), m_emulator->config().agents.at(0).userId);
}

void TestMessagingApi::secondLoginKicksTheFirstSocket()
{
    QString firstBearer;
    auto first = connectAgent(0, &firstBearer);
    QVERIFY(first);
    HttpClient other(*m_emulator);
    QVERIFY(!Test::login(other, *m_emulator, 0).isEmpty());
    QVERIFY(first->waitClosed());
    QCOMPARE(first->closeCode, LoginService::kickCloseCode());
    QCOMPARE(first->closeReason, QStringLiteral("session replaced: the agent user logged in elsewhere"));
    UmsClient again(*m_emulator);
    QVERIFY(!again.open(firstBearer));
}

void TestMessagingApi::faultDropSocketsGives1006()
{
    auto client = connectAgent();
    QVERIFY(client);
    QCOMPARE(m_http
                 ->post(QStringLiteral("/sandbox/faults"),
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("drop-sockets")}})
                 .status,
             201);
    QVERIFY(client->waitClosed());
    QCOMPARE(client->closeCode, 1006);
    QTRY_COMPARE(m_emulator->messagingApi()->socketCount(), 0);
}

void TestMessagingApi::faultCloseUsesTheGivenCode()
{
    auto client = connectAgent();
    QVERIFY(client);
    QCOMPARE(m_http
                 ->post(QStringLiteral("/sandbox/faults"),
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("close")}, {QStringLiteral("code"), 4401}})
                 .status,
             201);
    QVERIFY(client->waitClosed());
    QCOMPARE(client->closeCode, 4401);
    QCOMPARE(m_http
                 ->post(QStringLiteral("/sandbox/faults"),
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("close")}, {QStringLiteral("code"), 77}})
                 .status,
             400);
}

void TestMessagingApi::faultRevokeTokensDropsAndInvalidates()
{
    QString bearer;
    auto client = connectAgent(0, &bearer);
    QVERIFY(client);
    QCOMPARE(m_http
                 ->post(QStringLiteral("/sandbox/faults"),
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("revoke-tokens")}})
                 .status,
             201);
    QVERIFY(client->waitClosed());
    QCOMPARE(client->closeCode, 1006);
    UmsClient again(*m_emulator);
    QVERIFY(!again.open(bearer));
    QCOMPARE(m_http
                 ->request("GET",
                           QStringLiteral("/api/account/%1/configuration/le-users/skills").arg(m_emulator->accountId()),
                           {},
                           {{"Authorization", "Bearer " + bearer.toLatin1()}})
                 .status,
             401);
}

void TestMessagingApi::faultKickSessionActsLikeASecondLogin()
{
    auto client = connectAgent();
    QVERIFY(client);
    const QJsonObject kick{{QStringLiteral("kind"), QStringLiteral("kick-session")},
                           {QStringLiteral("loginName"), QStringLiteral("switchboard-bot")}};
    const auto first = m_http->post(QStringLiteral("/sandbox/faults"), kick);
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json().value(QStringLiteral("kicked")), QJsonValue(true));
    QVERIFY(client->waitClosed());
    QCOMPARE(client->closeCode, 4401);
    QCOMPARE(client->closeReason, LoginService::kickCloseReason());
    // The session is gone: a second kick finds nothing to end, and says so.
    const auto second = m_http->post(QStringLiteral("/sandbox/faults"), kick);
    QCOMPARE(second.status, 201);
    QCOMPARE(second.json().value(QStringLiteral("kicked")), QJsonValue(false));
}

void TestMessagingApi::faultExpireRings()
{
    auto client = connectAgent();
    QVERIFY(client);
    newConversation();
    QVERIFY(client->waitFor([](const QJsonObject &f) { return !Test::waitingRingId(f).isEmpty(); }));
    QCOMPARE(m_http
                 ->post(QStringLiteral("/sandbox/faults"),
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("expire-rings")}})
                 .status,
             201);
    QVERIFY(client->waitFor([](const QJsonObject &f) {
        return isNotification(f, Routing) &&
               !f[QStringLiteral("body")][QStringLiteral("changes")].toArray().isEmpty() &&
               firstChange(f)[QStringLiteral("result")][QStringLiteral("ringsDetails")][0][QStringLiteral("ringState")]
                       .toString() == QLatin1String("EXPIRED");
    }));
}

void TestMessagingApi::frameLogRecordsBothDirections()
{
    QTemporaryDir dir;
    SandboxConfig config = SandboxConfig::defaults();
    config.frameLogPath = dir.filePath(QStringLiteral("frames.jsonl"));
    m_http.reset();
    m_emulator = std::make_unique<Emulator>(config);
    QVERIFY(m_emulator->start().ok());
    m_http = std::make_unique<HttpClient>(*m_emulator);
    auto client = connectAgent();
    QVERIFY(client);
    client->sendRaw(QStringLiteral("not json"));
    QVERIFY(client->waitFor([](const QJsonObject &f) { return f[QStringLiteral("code")].toInt() == 400; }));
    QFile log(config.frameLogPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    int in = 0;
    int out = 0;
    bool rawLogged = false;
    for (const QByteArray &line : log.readAll().split('\n')) {
        if (line.isEmpty()) {
            continue;
        }
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        QVERIFY2(!record.isEmpty(), line.constData());
        QCOMPARE(record[QStringLiteral("connection")].toInt(), 1);
        const QString dir = record[QStringLiteral("dir")].toString();
        in += dir == QLatin1String("in");
        out += dir == QLatin1String("out");
        rawLogged = rawLogged || record[QStringLiteral("frame")].toString() == QLatin1String("not json");
    }
    QCOMPARE(in, 4);
    QVERIFY(out >= 5);
    QVERIFY(rawLogged);
}

QTEST_GUILESS_MAIN(TestMessagingApi)
#include "tst_messagingapi.moc"
