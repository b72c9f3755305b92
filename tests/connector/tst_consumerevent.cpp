// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "UmsSeedFrames.h"
#include "bot/CustomEndpointClient.h"
#include "bot/WebhookClient.h"
#include "liveperson/UmsProtocol.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::LivePerson;

namespace
{
QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The bot event of a consumer message with `lpEvent` as given and `lpEventJson` = the message's
// `rawJson`, as SessionEngine::deliverToBot() passes them on (`lpEvent` = the message's `raw`).
// The other members are the same on both sides of each comparison.
Bot::BotEvent botEvent(const ConversationMessage &message, Bot::EventType type, const QJsonObject &lpEvent)
{
    Bot::BotEvent event;
    event.type = type;
    event.deliveryId = u"d-1"_s;
    event.conversationId = u"c"_s;
    event.consumerId = u"u"_s;
    event.sequence = 1;
    event.text = message.text;
    event.content = message.content;
    event.lpEvent = lpEvent;
    event.lpEventJson = message.rawJson;
    event.context.skillId = u"1001"_s;
    event.sdes = QJsonObject{{u"authenticatedSdes"_s, QJsonObject{{u"customerId"_s, u"c-9"_s}}}};
    return event;
}

QByteArray notificationOf(const QByteArray &body)
{
    return R"({"kind":"notification","type":".ams.ms.OnlineEventDistribution","body":)" + body + "}";
}

// Every kind of consumer message, and events only Qt can write (the object is kept for those).
// JSON written with single quotes (moc mis-reads raw string literals here).
const char *const ExtraEvents[] = {
    "{'sequence':1,'dialogId':'c','conversationId':'c','originatorId':'u','serverTimestamp':1700000000000,'originatorMetadata':{'id':'u','role':'CONSUMER'},'event':{'type':'ContentEvent','contentType':'text/plain','message':'héllo \\'q\\' 😀\\n'}}",
    "{'sequence':2,'dialogId':'c','originatorId':'u','metadata':[{'type':'ExternalId','id':'b1'}],'event':{'type':'ContentEvent','contentType':'text/plain','message':'Yes'}}",
    "{'sequence':3,'dialogId':'c','originatorId':'u','event':{'type':'RichContentEvent','content':{'type':'vertical','elements':[{'type':'text','text':'é'}]}}}",
    "{'sequence':4,'dialogId':'c','originatorId':'u','event':{'type':'ContentEvent','contentType':'hosted/file','message':{'caption':'pic','relativePath':'/a/b.png','fileType':'PNG'}}}",
    "{'sequence':5,'dialogId':'c','originatorId':'u','score':0.25,'event':{'type':'ContentEvent','contentType':'text/plain','message':'x'}}",
    "{'sequence':6,'dialogId':'c','originatorId':'u','é':1,'event':{'type':'ContentEvent','contentType':'text/plain','message':'x','message':'y'}}",
    "{'sequence':7,'dialogId':'c','originatorId':'u','id':18446744073709551615,'event':{'type':'RichContentEvent','content':{'n':1.5}}}",
};
} // namespace

/**
 * A consumer event from the UMS frame reader to what the connector passes on. The reader keeps
 * the event as compact text and builds its Qt object (`raw`) only where Qt alone can write the
 * text; the transcript's text and the bot bodies (Custom Endpoint, webhook) are byte for byte
 * what they were when every message carried its object.
 */
class TestConsumerEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodiesAreThoseOfTheObject()
    {
        QList<QByteArray> frames = Test::umsSeedFrames();
        QVERIFY(!frames.isEmpty());
        for (const char *body : ExtraEvents) {
            frames.append(notificationOf(QByteArray(body).replace('\'', '"')));
        }
        const QList<Bot::EventType> types{Bot::EventType::Start,       Bot::EventType::Text,
                                          Bot::EventType::RichContent, Bot::EventType::Transferred,
                                          Bot::EventType::Closed,      Bot::EventType::SurveyStart,
                                          Bot::EventType::SurveyClose};
        const QString callback = u"http://127.0.0.1:1/callbacks/u"_s;
        Ums::FrameReader reader;
        int messages = 0;
        int textOnly = 0;
        int withObject = 0;
        for (const QByteArray &text : std::as_const(frames)) {
            QByteArray padded = text;
            padded.append(Ums::FrameReader::Padding, '\0');
            if (!reader.read(padded.constData(), text.size()).ok()) {
                continue;
            }
            auto event = reader.messagingEvent();
            if (!event.ok()) {
                continue;
            }
            // What `raw` was: the Qt parser's object of the same body.
            const auto before = Ums::parseMessagingEvent(reader.body());
            QVERIFY(before.ok());
            reader.fillEventContent(event.value());
            const auto message = Ums::toConversationMessage(*event);
            if (!message.ok() || !message.value()) {
                continue;
            }
            const ConversationMessage &m = *message.value();
            ++messages;
            ++(m.raw.isEmpty() ? textOnly : withObject);
            QCOMPARE(m.rawObject(), before->raw);
            // The transcript stores rawJson (SessionEngine), the text of the object.
            QCOMPARE(m.rawJson, compact(before->raw));
            for (const Bot::EventType type : types) {
                const Bot::BotEvent was = botEvent(m, type, before->raw);
                const Bot::BotEvent now = botEvent(m, type, m.raw);
                QCOMPARE(Bot::CustomEndpointClient::eventBodyJson(now), Bot::CustomEndpointClient::eventBodyJson(was));
                QCOMPARE(compact(Bot::CustomEndpointClient::eventBody(now)),
                         compact(Bot::CustomEndpointClient::eventBody(was)));
                for (const bool withSdes : {false, true}) {
                    QCOMPARE(compact(Bot::WebhookClient::eventBody(now, callback, withSdes)),
                             compact(Bot::WebhookClient::eventBody(was, callback, withSdes)));
                }
                if (QTest::currentTestFailed()) {
                    qWarning() << "frame:" << text << "event type" << int(type);
                    return;
                }
            }
        }
        QVERIFY2(messages > 100, qPrintable(QString::number(messages)));
        QVERIFY2(textOnly > 100, qPrintable(QString::number(textOnly)));
        QVERIFY(withObject >= 3);
    }

    void webhookBodyCarriesTheEventObject()
    {
        // The webhook body embeds the event as an object, from the text when only the text is kept.
        ConversationMessage message;
        message.conversationId = u"c"_s;
        message.dialogId = u"c"_s;
        message.originatorId = u"u"_s;
        message.text = u"hi"_s;
        message.rawJson = R"({"dialogId":"c","event":{"message":"hi","type":"ContentEvent"},"sequence":1})";
        const QJsonObject body =
            Bot::WebhookClient::eventBody(botEvent(message, Bot::EventType::Text, {}), u"http://127.0.0.1:1/cb"_s, false);
        QCOMPARE(body.value(u"lpEvent"_s).toObject(), QJsonDocument::fromJson(message.rawJson).object());
        QCOMPARE(body.value(u"lpEvent"_s).toObject(), message.rawObject());
    }
};

QTEST_GUILESS_MAIN(TestConsumerEvent)
#include "tst_consumerevent.moc"
