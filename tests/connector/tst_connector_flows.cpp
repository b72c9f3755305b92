// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Conversation flows end to end on the Messaging channel: the sandbox emulator and its Custom Endpoint
// demo bots (demo, routing and survey bot) in-process on 127.0.0.1, real ConnectorSessions between them,
// every outcome read back through the sandbox's control API (as an operator's script would):
// - the routing bot transfers by skill *name*; a simulated human picks the conversation up;
// - an unknown skill name ends on the fallback skill (or, without one, in an alert) with a clear event;
// - a main bot closes the MAIN dialog → POST_SURVEY → the survey bot asks, the consumer answers, the
//   survey bot closes its dialog and with it the conversation; close without survey skips it;
// - structured content is validated before sending (bad card → error with its path, nothing sent);
// - metadata both ways: ExternalId on cards and on clicks, BotResponse, encodedMetadata (≤ 5 KB),
//   ActionReason/EscalationSummary/BotResponse on the transfer request.
#include "../sandbox/SandboxTestClient.h"
#include "ConnectorRig.h"
#include "connector/ConnectorSession.h"
#include "connector/EventLog.h"
#include "connector/SessionFactory.h"
#include "sandbox/Emulator.h"
#include "sandbox/StateModel.h"
#include "sandbox/bots/CustomEndpointDemoBot.h"
#include "storage/TranscriptStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;

namespace
{
constexpr int s_flowTimeoutMs = 15000;

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

/** Agent-side messages (not the consumer's) of a control-API conversation, in sequence order. */
QList<QJsonObject> agentMessages(const QJsonObject &conversation)
{
    QList<QJsonObject> out;
    for (const QJsonValue &value : conversation.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject message = value.toObject();
        const QString type = str(message, "type");
        if (str(message, "role") != QLatin1String("CONSUMER") &&
            (type == QLatin1String("ContentEvent") || type == QLatin1String("RichContentEvent"))) {
            out.append(message);
        }
    }
    return out;
}

QStringList agentTexts(const QJsonObject &conversation)
{
    QStringList texts;
    for (const QJsonObject &message : agentMessages(conversation)) {
        texts.append(message.contains(QStringLiteral("text")) ? str(message, "text") : QStringLiteral("[card]"));
    }
    return texts;
}

/** The first metadata entry of \a type in a metadata array, or an empty object. */
QJsonObject metadataOf(const QJsonArray &metadata, const QString &type)
{
    for (const QJsonValue &value : metadata) {
        if (str(value.toObject(), "type") == type) {
            return value.toObject();
        }
    }
    return {};
}

QJsonObject dialogOfType(const QJsonObject &conversation, const QString &type)
{
    for (const QJsonValue &value : conversation.value(QStringLiteral("dialogs")).toArray()) {
        if (str(value.toObject(), "dialogType") == type) {
            return value.toObject();
        }
    }
    return {};
}

bool hasAssignedAgent(const QJsonObject &conversation, const QStringList &userIds)
{
    for (const QJsonValue &value : conversation.value(QStringLiteral("participants")).toArray()) {
        const QJsonObject participant = value.toObject();
        if (str(participant, "role") != QLatin1String("ASSIGNED_AGENT")) {
            continue;
        }
        const QString id = str(participant, "id");
        for (const QString &userId : userIds) {
            if (id == userId || id.endsWith(QLatin1Char('.') + userId)) {
                return true;
            }
        }
    }
    return false;
}

std::optional<ConversationSnapshot> snapshotOf(ConnectorSession *session, const QString &conversationId)
{
    for (const ConversationSnapshot &snapshot : session->conversations()) {
        if (snapshot.id == conversationId) {
            return snapshot;
        }
    }
    return std::nullopt;
}

bool hasEvent(const EventLog *log, const QString &code, const QString &needle)
{
    for (const EventLogEntry &entry : log->entries()) {
        if (entry.code == code && entry.message.contains(needle)) {
            return true;
        }
    }
    return false;
}
} // namespace

class TestConnectorFlows : public QObject
{
    Q_OBJECT

private:
    /** The shared rig plus the control API client and the survey bot's session. */
    struct Rig : Test::ConnectorRig
    {
        std::unique_ptr<Test::HttpClient> control;
        std::unique_ptr<ConnectorSession> survey;
    };

    using Adjust = std::function<void(Storage::IntegrationDefinition &, const QJsonObject &bots)>;

    static std::unique_ptr<Rig> makeRig(const Adjust &adjust = {})
    {
        auto rig = std::make_unique<Rig>();
        Rig *raw = rig.get();
        Test::ConnectorRig::Options options;
        options.adjust = [raw, adjust](Test::ConnectorRig &, Storage::IntegrationDefinition &definition) {
            raw->control = std::make_unique<Test::HttpClient>(*raw->sandbox->emulator());
            if (adjust) {
                adjust(definition, bots(*raw));
            }
        };
        return rig->setUp(options) ? std::move(rig) : nullptr;
    }

    /** The demo bots as the sandbox's JSON line describes them (what an operator reads). */
    static QJsonObject bots(Rig &rig)
    {
        const Test::HttpReply info = rig.control->get(QStringLiteral("/sandbox/info"));
        return info.json().value(QStringLiteral("bots")).toObject();
    }

    /** The survey integration: the sandbox's survey-bot user (skill "survey") joined to the survey demo bot. */
    void startSurveySession(Rig &rig)
    {
        const Sandbox::SandboxConfig &config = rig.sandbox->emulator()->config();
        const Sandbox::AgentConfig &agent = config.agents.at(2);
        QCOMPARE(agent.skillIds, QStringList{QStringLiteral("1004")});
        Storage::IntegrationDefinition definition = rig.sandbox->messagingIntegration();
        definition.id = QStringLiteral("sandbox-survey");
        definition.name = QStringLiteral("Sandbox survey bot");
        definition.liveperson.loginName = agent.loginName;
        definition.bot.botId = str(bots(rig).value(QStringLiteral("customEndpoint")).toObject(), "surveyBotId");
        QVERIFY(!definition.bot.botId.isEmpty());
        definition.routing.botSkillId = agent.skillIds.first();
        definition.routing.surveyBot = true;
        definition.delivery.requestTimeoutMs = 3000;
        SessionSecrets secrets = rig.sandbox->messagingSecrets();
        secrets.loginPassword = agent.password;
        rig.survey = rig.startSession(definition, secrets);
    }

    static QString startConversation(Rig &rig, const QString &firstText)
    {
        Sandbox::StateModel *model = rig.sandbox->emulator()->model();
        const Sandbox::Consumer consumer = model->createConsumer();
        const Result<QString> conversation =
            model->createConversation(consumer.id, rig.definition.routing.botSkillId, Sandbox::Channel::Messaging);
        if (!conversation) {
            return QString();
        }
        if (!firstText.isEmpty() && !say(rig, conversation.value(), firstText)) {
            return QString();
        }
        return conversation.value();
    }

    /** The consumer writes, through the control API. */
    static bool say(Rig &rig, const QString &conversationId, const QString &text)
    {
        const Test::HttpReply reply =
            rig.control->post(QStringLiteral("/sandbox/conversations/%1/messages").arg(conversationId),
                              QJsonObject{{QStringLiteral("text"), text}});
        return reply.status == 201;
    }

    static QJsonObject conversation(Rig &rig, const QString &conversationId)
    {
        return rig.control->get(QStringLiteral("/sandbox/conversations/%1").arg(conversationId)).json();
    }

    static void stop(std::unique_ptr<ConnectorSession> &session)
    {
        if (!session) {
            return;
        }
        session->stop();
        ConnectorSession *raw = session.get();
        QVERIFY(QTest::qWaitFor([raw] { return raw->status().state == SessionState::Stopped; }, 10000));
        session.reset();
    }

    static void stopAll(Rig &rig)
    {
        stop(rig.survey);
        stop(rig.session);
    }

    static QStringList humanUserIds(Rig &rig)
    {
        QStringList ids;
        for (const Sandbox::AgentConfig &agent : rig.sandbox->emulator()->config().agents) {
            if (agent.simulated) {
                ids.append(agent.userId);
            }
        }
        return ids;
    }

    static std::unique_ptr<Rig> routingRig(TestConnectorFlows *self, bool withFallback = true)
    {
        return self->makeRig([withFallback](Storage::IntegrationDefinition &definition, const QJsonObject &bots) {
            definition.id = QStringLiteral("sandbox-routing");
            definition.bot.botId = str(bots.value(QStringLiteral("customEndpoint")).toObject(), "routingBotId");
            if (!withFallback) {
                definition.routing.fallbackSkillId.clear();
                definition.routing.fallbackSkillName.clear();
            }
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    // --- 1. routing bot -------------------------------------------------------------------------

    void routingBotTransfersCarryEachConversationsOwnId()
    {
        // The engine keeps one copy of intents that several conversations' last answers share;
        // each transfer still names its own conversation in BotResponse.externalConversationId.
        auto rig = routingRig(this);
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString first = startConversation(*rig, QStringLiteral("I have a question about my billing"));
        const QString second = startConversation(*rig, QStringLiteral("Another question about my billing"));
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        for (const QString &id : {first, second}) {
            QTRY_COMPARE_WITH_TIMEOUT(str(conversation(*rig, id), "skillId"), QStringLiteral("1002"), s_flowTimeoutMs);
            QJsonObject transfer;
            for (const QJsonValue &value : conversation(*rig, id).value(QStringLiteral("fieldUpdates")).toArray()) {
                if (value.toObject().value(QStringLiteral("fields")).toArray().contains(QStringLiteral("Skill"))) {
                    transfer = value.toObject();
                }
            }
            QVERIFY2(!transfer.isEmpty(), "no Skill update recorded");
            const QJsonObject intents =
                metadataOf(transfer.value(QStringLiteral("metadata")).toArray(), QStringLiteral("BotResponse"));
            QCOMPARE(str(intents, "externalConversationId"), id);
            QCOMPARE(str(intents.value(QStringLiteral("intents")).toArray().first().toObject(), "id"),
                     QStringLiteral("route-billing"));
        }
    }

    void routingBotTransfersBySkillNameToAHuman()
    {
        auto rig = routingRig(this);
        QVERIFY(rig);
        QCOMPARE(rig->definition.bot.botId, QStringLiteral("switchboard-routing-bot"));
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString id = startConversation(*rig, QStringLiteral("I have a question about my billing"));
        QVERIFY(!id.isEmpty());

        // The bot greets, names the route, and transfers by name ("human" → skill 1002).
        QTRY_COMPARE_WITH_TIMEOUT(str(conversation(*rig, id), "skillId"), QStringLiteral("1002"), s_flowTimeoutMs);
        // A simulated human on the target skill picks it up.
        QTRY_VERIFY_WITH_TIMEOUT(hasAssignedAgent(conversation(*rig, id), humanUserIds(*rig)), s_flowTimeoutMs);
        const QJsonObject after = conversation(*rig, id);
        const QStringList texts = agentTexts(after);
        QVERIFY2(texts.size() >= 2, qPrintable(texts.join(QLatin1Char('|'))));
        QCOMPARE(texts.at(0), QStringLiteral("Hello! I am the Switchboard routing bot."));
        QCOMPARE(texts.at(1), QStringLiteral("Routing you to billing."));

        // BotResponse on the routing text, as the bot sent it.
        const QJsonObject botResponse = metadataOf(
            agentMessages(after).at(1).value(QStringLiteral("metadata")).toArray(), QStringLiteral("BotResponse"));
        QCOMPARE(str(botResponse.value(QStringLiteral("intents")).toArray().first().toObject(), "id"),
                 QStringLiteral("route-billing"));

        // The transfer request: one UpdateConversationField with ActionReason, EscalationSummary and BotResponse.
        QJsonObject transfer;
        for (const QJsonValue &value : after.value(QStringLiteral("fieldUpdates")).toArray()) {
            if (value.toObject().value(QStringLiteral("fields")).toArray().contains(QStringLiteral("Skill"))) {
                transfer = value.toObject();
            }
        }
        QVERIFY2(!transfer.isEmpty(), "no Skill update recorded");
        QVERIFY(transfer.value(QStringLiteral("fields")).toArray().contains(QStringLiteral("ParticipantsChange")));
        const QJsonArray metadata = transfer.value(QStringLiteral("metadata")).toArray();
        QCOMPARE(str(metadataOf(metadata, QStringLiteral("ActionReason")), "reason"),
                 QStringLiteral("escalated_by_bot"));
        QCOMPARE(str(metadataOf(metadata, QStringLiteral("EscalationSummary")), "escalationCause"),
                 QStringLiteral("bot.transfer"));
        const QJsonObject transferIntents = metadataOf(metadata, QStringLiteral("BotResponse"));
        QCOMPARE(str(transferIntents, "externalConversationId"), id);
        const QJsonObject intent = transferIntents.value(QStringLiteral("intents")).toArray().first().toObject();
        QCOMPARE(str(intent, "id"), QStringLiteral("route-billing"));
        QCOMPARE(intent.value(QStringLiteral("confidence")).toDouble(), 0.9);

        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto snapshot = snapshotOf(rig->session.get(), id);
                return snapshot && snapshot->status == ConversationStatus::Escalated &&
                       snapshot->escalationCause == QLatin1String("bot.transfer");
            }(),
            5000);
        stopAll(*rig);
    }

    void routingBotAsksAgainWhenNoRouteMatches()
    {
        auto rig = routingRig(this);
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString id = startConversation(*rig, QStringLiteral("what is the weather"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(conversation(*rig, id)).size(), 2, s_flowTimeoutMs);
        QVERIFY(agentTexts(conversation(*rig, id)).at(1).startsWith(QStringLiteral("Sorry, I did not understand")));
        QVERIFY(say(*rig, id, QStringLiteral("sales")));
        QTRY_COMPARE_WITH_TIMEOUT(str(conversation(*rig, id), "skillId"), QStringLiteral("1002"), s_flowTimeoutMs);
        QCOMPARE(agentTexts(conversation(*rig, id)).last(), QStringLiteral("Routing you to sales."));
        stopAll(*rig);
    }

    void unknownSkillNameFallsBackWithAClearEvent()
    {
        auto rig = routingRig(this);
        QVERIFY(rig);
        // The operator re-routes "sales" through the demo bots' control API, to a skill the account lacks.
        const QString routes = str(bots(*rig).value(QStringLiteral("customEndpoint")).toObject(), "controlUrl") +
                               QStringLiteral("/routes");
        QCOMPARE(rig->control->request("POST", routes, QByteArrayLiteral(R"([{"keyword":"sales"}])")).status, 400);
        const Test::HttpReply set = rig->control->request(
            "POST", routes, QByteArrayLiteral(R"([{"keyword":"Sales","skillName":"sales-team"}])"));
        QCOMPARE(set.status, 200);
        QCOMPARE(set.jsonArray().size(), 1);
        QCOMPARE(rig->sandbox->customEndpointBot()->routingRules().first().keyword, QStringLiteral("sales"));
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString id = startConversation(*rig, QStringLiteral("sales please"));
        QTRY_COMPARE_WITH_TIMEOUT(str(conversation(*rig, id), "skillId"), QStringLiteral("1002"), s_flowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            hasEvent(rig->eventLog.get(), QStringLiteral("bot.unknown_skill"), QStringLiteral("“sales-team”")), 5000);
        // The texts before the action went out in order; the transfer went to the fallback skill instead.
        QCOMPARE(agentTexts(conversation(*rig, id)),
                 (QStringList{QStringLiteral("Hello! I am the Switchboard routing bot."),
                              QStringLiteral("Routing you to sales.")}));
        const QJsonArray updates = conversation(*rig, id).value(QStringLiteral("fieldUpdates")).toArray();
        QCOMPARE(updates.size(), 1);
        QCOMPARE(str(metadataOf(updates.first().toObject().value(QStringLiteral("metadata")).toArray(),
                                QStringLiteral("EscalationSummary")),
                     "escalationCause"),
                 QStringLiteral("bot.unknown_skill"));
        QTRY_COMPARE_WITH_TIMEOUT(snapshotOf(rig->session.get(), id).value_or(ConversationSnapshot{}).escalationCause,
                                  QStringLiteral("bot.unknown_skill"),
                                  5000);
        stopAll(*rig);
    }

    void unknownSkillNameWithoutFallbackAlerts()
    {
        auto rig = routingRig(this, false);
        QVERIFY(rig);
        rig->sandbox->customEndpointBot()->setRoutingRules({{QStringLiteral("sales"), QStringLiteral("sales-team")}});
        QVERIFY(Rig::waitOnline(rig->session.get()));
        QSignalSpy alerts(rig->session.get(), &ConnectorSession::alertRaised);
        const QString id = startConversation(*rig, QStringLiteral("sales please"));
        QTRY_VERIFY_WITH_TIMEOUT(alerts.count() >= 1, s_flowTimeoutMs);
        const QString alert = alerts.first().first().toString();
        QVERIFY2(alert.contains(id) && alert.contains(QStringLiteral("sales-team")), qPrintable(alert));
        QVERIFY(hasEvent(rig->eventLog.get(), QStringLiteral("bot.unknown_skill"), QStringLiteral("“sales-team”")));
        const QJsonObject after = conversation(*rig, id);
        QCOMPARE(str(after, "skillId"), rig->definition.routing.botSkillId);
        QVERIFY(!after.contains(QStringLiteral("fieldUpdates")));
        stopAll(*rig);
    }

    // --- 2. post-conversation survey -------------------------------------------------------------

    void mainDialogCloseStartsTheSurveyBot()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        startSurveySession(*rig);
        QVERIFY(rig->survey);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        QVERIFY(Rig::waitOnline(rig->survey.get()));
        const QString id = startConversation(*rig, QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(
            agentTexts(conversation(*rig, id)), QStringList{QStringLiteral("echo: hello")}, s_flowTimeoutMs);

        // The main bot says goodbye and closes only the MAIN dialog: the POST_SURVEY dialog starts on
        // the survey skill, the survey bot joins it and asks its question there.
        QVERIFY(say(*rig, id, QStringLiteral("bye")));
        QTRY_VERIFY_WITH_TIMEOUT(!dialogOfType(conversation(*rig, id), QStringLiteral("POST_SURVEY")).isEmpty(),
                                 s_flowTimeoutMs);
        QJsonObject during = conversation(*rig, id);
        QCOMPARE(str(during, "state"), QStringLiteral("OPEN"));
        QCOMPARE(str(dialogOfType(during, QStringLiteral("MAIN")), "state"), QStringLiteral("CLOSE"));
        const QString surveyDialog = str(dialogOfType(during, QStringLiteral("POST_SURVEY")), "dialogId");
        QVERIFY(!surveyDialog.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<QJsonObject> messages = agentMessages(conversation(*rig, id));
                return !messages.isEmpty() && messages.last().contains(QStringLiteral("quickReplies"));
            }(),
            s_flowTimeoutMs);
        during = conversation(*rig, id);
        const QJsonObject question = agentMessages(during).last();
        QCOMPARE(str(question, "dialogId"), surveyDialog);
        QVERIFY(str(question, "text").contains(QStringLiteral("from 1 to 5")));
        QCOMPARE(
            question.value(QStringLiteral("quickReplies")).toObject().value(QStringLiteral("replies")).toArray().size(),
            5);
        // The survey start reached the survey bot as the Custom Endpoint lifecycle event CONVERSATION/STARTED.
        QCOMPARE(rig->sandbox->customEndpointBot()
                     ->stats()
                     .value(QStringLiteral("events"))
                     .toObject()
                     .value(QStringLiteral("CONVERSATION"))
                     .toInt(),
                 1);
        const QString surveyBotUser = rig->sandbox->emulator()->config().agents.at(2).userId;
        QVERIFY(hasAssignedAgent(during, {surveyBotUser}));
        // The main bot's part is over: closed, not escalated.
        QTRY_COMPARE_WITH_TIMEOUT(snapshotOf(rig->session.get(), id).value_or(ConversationSnapshot{}).status,
                                  ConversationStatus::Closed,
                                  5000);

        // The consumer answers in the survey dialog; the survey bot thanks and closes its dialog, the last one.
        QVERIFY(say(*rig, id, QStringLiteral("4")));
        QTRY_COMPARE_WITH_TIMEOUT(str(conversation(*rig, id), "state"), QStringLiteral("CLOSE"), s_flowTimeoutMs);
        const QJsonObject after = conversation(*rig, id);
        QCOMPARE(str(dialogOfType(after, QStringLiteral("POST_SURVEY")), "state"), QStringLiteral("CLOSE"));
        QCOMPARE(agentMessages(after).last().value(QStringLiteral("dialogId")).toString(), surveyDialog);
        QCOMPARE(agentTexts(after).last(), QStringLiteral("Thank you for rating us 4 of 5. Goodbye!"));
        QStringList fields;
        for (const QJsonValue &update : after.value(QStringLiteral("fieldUpdates")).toArray()) {
            for (const QJsonValue &field : update.toObject().value(QStringLiteral("fields")).toArray()) {
                fields.append(field.toString());
            }
        }
        // Two dialog closes (MAIN by the main bot, POST_SURVEY by the survey bot), never a conversation close.
        QCOMPARE(fields, (QStringList{QStringLiteral("DialogChange"), QStringLiteral("DialogChange")}));
        QTRY_COMPARE_WITH_TIMEOUT(snapshotOf(rig->survey.get(), id).value_or(ConversationSnapshot{}).status,
                                  ConversationStatus::Closed,
                                  5000);
        QCOMPARE(rig->sandbox->customEndpointBot()->duplicateEvents(), quint64(0));
        stopAll(*rig);
    }

    void closeWithoutSurveyClosesEverything()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString id = startConversation(*rig, QStringLiteral("close now, no survey"));
        QTRY_COMPARE_WITH_TIMEOUT(str(conversation(*rig, id), "state"), QStringLiteral("CLOSE"), s_flowTimeoutMs);
        const QJsonObject after = conversation(*rig, id);
        QCOMPARE(after.value(QStringLiteral("dialogs")).toArray().size(), 1);
        QVERIFY(dialogOfType(after, QStringLiteral("POST_SURVEY")).isEmpty());
        QCOMPARE(agentTexts(after), QStringList{QStringLiteral("Goodbye! Closing the conversation without a survey.")});
        const QJsonArray updates = after.value(QStringLiteral("fieldUpdates")).toArray();
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.first().toObject().value(QStringLiteral("fields")).toArray(),
                 QJsonArray{QStringLiteral("ConversationStateField")});
        QTRY_COMPARE_WITH_TIMEOUT(snapshotOf(rig->session.get(), id).value_or(ConversationSnapshot{}).status,
                                  ConversationStatus::Closed,
                                  5000);
        stopAll(*rig);
    }

    // --- 3. structured content and metadata ------------------------------------------------------

    void brokenCardIsRejectedWithItsPathAndNothingIsSent()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString id = startConversation(*rig, QStringLiteral("show me a broken card"));
        const QString path = QStringLiteral("$.response[1].data.structuredContent.elements[1].url");
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(rig->eventLog.get(), QStringLiteral("bot.sc_invalid"), path),
                                 s_flowTimeoutMs);
        // The whole answer is refused: neither the card nor the text before it reached the consumer.
        QTRY_COMPARE_WITH_TIMEOUT(
            str(conversation(*rig, id), "skillId"), rig->definition.routing.fallbackSkillId, s_flowTimeoutMs);
        QVERIFY(agentTexts(conversation(*rig, id)).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(rig->store->flushAndWait(), 5000);
        const auto transcript = rig->store->transcript(id);
        QVERIFY(transcript.ok());
        bool recorded = false;
        for (const Storage::MessageRecord &message : transcript.value().messages) {
            recorded = recorded ||
                       (message.text.startsWith(QStringLiteral("[bot.sc_invalid]")) && message.text.contains(path));
        }
        QVERIFY(recorded);
        stopAll(*rig);
    }

    void cardExternalIdAndClickMetadataRoundTrip()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString id = startConversation(*rig, QStringLiteral("structured content please"));
        QTRY_COMPARE_WITH_TIMEOUT(agentMessages(conversation(*rig, id)).size(), 1, s_flowTimeoutMs);
        const QJsonObject card = agentMessages(conversation(*rig, id)).first();
        QCOMPARE(str(card, "type"), QStringLiteral("RichContentEvent"));
        QCOMPARE(str(card.value(QStringLiteral("content")).toObject(), "type"), QStringLiteral("vertical"));
        QCOMPARE(str(metadataOf(card.value(QStringLiteral("metadata")).toArray(), QStringLiteral("ExternalId")), "id"),
                 QStringLiteral("demo-card"));

        // The consumer clicks the card's button: its publishText text and its metadata reach the bot.
        const QJsonObject button = card.value(QStringLiteral("content"))
                                       .toObject()
                                       .value(QStringLiteral("elements"))
                                       .toArray()
                                       .last()
                                       .toObject();
        const QJsonObject click = button.value(QStringLiteral("click")).toObject();
        const QJsonObject clickBody{
            {QStringLiteral("richContentClick"),
             QJsonObject{
                 {QStringLiteral("text"),
                  click.value(QStringLiteral("actions")).toArray().first().toObject().value(QStringLiteral("text"))},
                 {QStringLiteral("metadata"), click.value(QStringLiteral("metadata"))}}}};
        QCOMPARE(rig->control->post(QStringLiteral("/sandbox/conversations/%1/messages").arg(id), clickBody).status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(conversation(*rig, id)).size(), 2, s_flowTimeoutMs);
        QCOMPARE(agentTexts(conversation(*rig, id)).last(), QStringLiteral("echo: hello (clicked demo-card-hello)"));

        // A plain text (no metadata) stays a plain echo.
        QVERIFY(say(*rig, id, QStringLiteral("hello")));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(conversation(*rig, id)).size(), 3, s_flowTimeoutMs);
        QCOMPARE(agentTexts(conversation(*rig, id)).last(), QStringLiteral("echo: hello"));
        stopAll(*rig);
    }

    void quickRepliesAndTheirClick()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString id = startConversation(*rig, QStringLiteral("quick replies"));
        QTRY_COMPARE_WITH_TIMEOUT(agentMessages(conversation(*rig, id)).size(), 1, s_flowTimeoutMs);
        const QJsonObject message = agentMessages(conversation(*rig, id)).first();
        QCOMPARE(str(message, "type"), QStringLiteral("ContentEvent"));
        QCOMPARE(str(message, "text"), QStringLiteral("Do you like bots?"));
        const QJsonArray replies =
            message.value(QStringLiteral("quickReplies")).toObject().value(QStringLiteral("replies")).toArray();
        QCOMPARE(replies.size(), 3);
        const QJsonObject yes = replies.first().toObject().value(QStringLiteral("click")).toObject();
        QCOMPARE(
            rig->control
                ->post(QStringLiteral("/sandbox/conversations/%1/messages").arg(id),
                       QJsonObject{{QStringLiteral("richContentClick"),
                                    QJsonObject{{QStringLiteral("text"), QStringLiteral("yes")},
                                                {QStringLiteral("metadata"), yes.value(QStringLiteral("metadata"))}}}})
                .status,
            201);
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(conversation(*rig, id)).size(), 2, s_flowTimeoutMs);
        QCOMPARE(agentTexts(conversation(*rig, id)).last(), QStringLiteral("echo: yes (clicked quick-reply-yes)"));
        stopAll(*rig);
    }

    void botResponseAndEncodedMetadataArePublished()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString id = startConversation(*rig, QStringLiteral("metadata"));
        QTRY_COMPARE_WITH_TIMEOUT(agentMessages(conversation(*rig, id)).size(), 1, s_flowTimeoutMs);
        const QJsonObject message = agentMessages(conversation(*rig, id)).first();
        QCOMPARE(str(message, "text"), QStringLiteral("This message carries metadata."));
        const QJsonObject botResponse =
            metadataOf(message.value(QStringLiteral("metadata")).toArray(), QStringLiteral("BotResponse"));
        QCOMPARE(str(botResponse, "externalConversationId"), id);
        QCOMPARE(botResponse.value(QStringLiteral("businessCases")).toArray(), QJsonArray{QStringLiteral("demo")});
        QCOMPARE(str(botResponse.value(QStringLiteral("intents")).toArray().first().toObject(), "id"),
                 QStringLiteral("metadata"));
        const QByteArray decoded = QByteArray::fromBase64(str(message, "encodedMetadata").toLatin1());
        const QJsonObject encoded = QJsonDocument::fromJson(decoded).object();
        QCOMPARE(str(encoded, "source"), QStringLiteral("switchboard-demo-bot"));
        QCOMPARE(str(encoded, "conversationId"), id);
        stopAll(*rig);
    }

    void oversizedEncodedMetadataIsAClearErrorAndNothingIsSent()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString id = startConversation(*rig, QStringLiteral("big metadata"));
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(rig->eventLog.get(),
                                          QStringLiteral("bot.encoded_metadata_too_large"),
                                          QStringLiteral("$.response[0].data.encodedMetadata")),
                                 s_flowTimeoutMs);
        const auto entries = rig->eventLog->entries();
        const auto it = std::find_if(entries.cbegin(), entries.cend(), [](const EventLogEntry &entry) {
            return entry.code == QLatin1String("bot.encoded_metadata_too_large");
        });
        QVERIFY(it != entries.cend());
        QVERIFY2(it->message.contains(QStringLiteral("6000")) && it->message.contains(QStringLiteral("5000")),
                 qPrintable(it->message));
        QCOMPARE(it->conversationId, id);
        QTRY_COMPARE_WITH_TIMEOUT(
            str(conversation(*rig, id), "skillId"), rig->definition.routing.fallbackSkillId, s_flowTimeoutMs);
        QVERIFY(agentTexts(conversation(*rig, id)).isEmpty());
        stopAll(*rig);
    }
};

QTEST_GUILESS_MAIN(TestConnectorFlows)
#include "tst_connector_flows.moc"
