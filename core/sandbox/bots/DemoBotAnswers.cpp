// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoBotAnswers.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Switchboard::Sandbox
{

namespace
{

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

QJsonObject button(const QString &title, const QString &publishText, const QString &externalId)
{
    return QJsonObject{
        {"type"_L1, "button"_L1},
        {"title"_L1, title},
        {"tooltip"_L1, title},
        {"click"_L1,
         QJsonObject{
             {"metadata"_L1, QJsonArray{QJsonObject{{"type"_L1, "ExternalId"_L1}, {"id"_L1, externalId}}}},
             {"actions"_L1, QJsonArray{QJsonObject{{"type"_L1, "publishText"_L1}, {"text"_L1, publishText}}}}}}};
}

} // namespace

bool DemoBotAnswers::containsKeyword(const QString &lowerText, QLatin1StringView keyword)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype at = lowerText.indexOf(keyword, from);
        if (at < 0) {
            return false;
        }
        const qsizetype end = at + keyword.size();
        const bool startOk = at == 0 || !isWordChar(lowerText.at(at - 1));
        const bool endOk = end >= lowerText.size() || !isWordChar(lowerText.at(end));
        if (startOk && endOk) {
            return true;
        }
        from = at + 1;
    }
}

QJsonObject DemoBotAnswers::textItem(const QString &message)
{
    return QJsonObject{{"type"_L1, "TEXT"_L1}, {"data"_L1, QJsonObject{{"message"_L1, message}}}};
}

QJsonObject DemoBotAnswers::actionItem(const QString &name, const QJsonObject &parameters)
{
    // Always with "parameters" (an empty object for CLOSE_CONVERSATION): the spec's action schemas require it.
    return QJsonObject{{"type"_L1, "ACTION"_L1},
                       {"data"_L1, QJsonObject{{"name"_L1, name}, {"parameters"_L1, parameters}}}};
}

QJsonObject DemoBotAnswers::intent(const QString &id, const QString &description, double confidenceScore)
{
    return QJsonObject{{"id"_L1, id}, {"description"_L1, description}, {"confidenceScore"_L1, confidenceScore}};
}

QJsonObject DemoBotAnswers::verticalCard(const QString &imageUrl)
{
    return QJsonObject{
        {"type"_L1, "vertical"_L1},
        {"elements"_L1,
         QJsonArray{
             QJsonObject{{"type"_L1, "text"_L1},
                         {"text"_L1, "Switchboard demo card"_L1},
                         {"tooltip"_L1, "Switchboard demo card"_L1},
                         {"style"_L1, QJsonObject{{"bold"_L1, true}, {"size"_L1, "large"_L1}}}},
             QJsonObject{{"type"_L1, "image"_L1},
                         {"url"_L1, imageUrl},
                         {"tooltip"_L1, "Demo image"_L1},
                         {"caption"_L1, "A demo image"_L1}},
             QJsonObject{{"type"_L1, "text"_L1}, {"text"_L1, "Structured content from the demo bot."_L1}},
             button(u"Say hello"_s, u"hello"_s, u"demo-card-hello"_s),
         }}};
}

QJsonObject DemoBotAnswers::quickReplies()
{
    return QJsonObject{
        {"message"_L1, "Do you like bots?"_L1},
        {"quickReplies"_L1,
         QJsonObject{{"type"_L1, "quickReplies"_L1},
                     {"itemsPerRow"_L1, 8},
                     {"replies"_L1,
                      QJsonArray{button(u"Yes"_s, u"yes"_s, u"quick-reply-yes"_s),
                                 button(u"No"_s, u"no"_s, u"quick-reply-no"_s),
                                 button(u"Talk to a human"_s, u"transfer"_s, u"quick-reply-human"_s)}}}}};
}

QString DemoBotAnswers::externalId(const QJsonArray &metadata)
{
    for (const QJsonValue &entry : metadata) {
        const QJsonObject object = entry.toObject();
        if (object.value("type"_L1).toString() == "ExternalId"_L1) {
            return object.value("id"_L1).toString();
        }
    }
    return QString();
}

DemoBotAnswers::Answer DemoBotAnswers::forText(const QString &text, const Options &options)
{
    const QString lower = text.toLower();
    Answer answer;
    if (containsKeyword(lower, "escalate"_L1) || containsKeyword(lower, "transfer"_L1)) {
        answer.items = {textItem(u"Transferring you to a human agent."_s),
                        actionItem(u"TRANSFER"_s, QJsonObject{{"skillName"_L1, options.humanSkillName}})};
        answer.intents = {intent(u"escalate"_s, u"The consumer asks for a human agent"_s, 0.95)};
    } else if (containsKeyword(lower, "no survey"_L1)) {
        answer.items = {textItem(u"Goodbye! Closing the conversation without a survey."_s),
                        actionItem(u"CLOSE_CONVERSATION"_s, QJsonObject{{"withoutPcs"_L1, true}})};
        answer.intents = {intent(u"goodbye-no-survey"_s, u"The consumer ends the conversation, no survey"_s, 0.9)};
    } else if (containsKeyword(lower, "bye"_L1) || containsKeyword(lower, "close"_L1)) {
        answer.items = {textItem(u"Goodbye! Closing the conversation."_s), actionItem(u"CLOSE_CONVERSATION"_s)};
        answer.intents = {intent(u"goodbye"_s, u"The consumer ends the conversation"_s, 0.9)};
    } else if (containsKeyword(lower, "broken card"_L1)) {
        // Plain http image: json-pollock accepts it, the platform rules (HTTPS only) do not.
        answer.items = {textItem(u"Here is a card that breaks the rules."_s),
                        QJsonObject{{"type"_L1, "STRUCTURED_CONTENT"_L1},
                                    {"data"_L1,
                                     QJsonObject{{"structuredContent"_L1,
                                                  verticalCard(u"http://example.com/switchboard/insecure.png"_s)}}}}};
        answer.intents = {intent(u"broken-card"_s, u"The consumer asks for a broken card"_s, 0.88)};
    } else if (containsKeyword(lower, "structured content"_L1)) {
        answer.items = {QJsonObject{
            {"type"_L1, "STRUCTURED_CONTENT"_L1},
            {"data"_L1,
             QJsonObject{
                 {"structuredContent"_L1, verticalCard(options.cardImageUrl)},
                 {"metadata"_L1, QJsonArray{QJsonObject{{"type"_L1, "ExternalId"_L1}, {"id"_L1, "demo-card"_L1}}}}}}}};
        answer.intents = {intent(u"structured-content"_s, u"The consumer asks for a card"_s, 0.88)};
    } else if (containsKeyword(lower, "quick replies"_L1)) {
        answer.items = {QJsonObject{{"type"_L1, "STRUCTURED_CONTENT"_L1},
                                    {"data"_L1, QJsonObject{{"structuredContent"_L1, quickReplies()}}}}};
        answer.intents = {intent(u"quick-replies"_s, u"The consumer asks for quick replies"_s, 0.88)};
    } else if (containsKeyword(lower, "delay"_L1)) {
        answer.items = {
            textItem(u"Let me think about that…"_s),
            QJsonObject{{"type"_L1, "DELAY"_L1}, {"data"_L1, QJsonObject{{"seconds"_L1, 1}, {"typing"_L1, true}}}},
            textItem(u"Done thinking."_s)};
        answer.intents = {intent(u"delay"_s, u"The consumer asks for a delayed answer"_s, 0.85)};
    } else if (containsKeyword(lower, "private text"_L1)) {
        answer.items = {QJsonObject{
            {"type"_L1, "TEXT"_L1},
            {"data"_L1,
             QJsonObject{{"message"_L1, "Private note for agents: the consumer asked for a private text."_L1},
                         {"messageAudience"_L1, "AGENTS_AND_MANAGERS"_L1}}}}};
        answer.intents = {intent(u"private-text"_s, u"The consumer asks for a private text"_s, 0.8)};
    } else if (containsKeyword(lower, "ttr"_L1)) {
        answer.items = {actionItem(u"CHANGE_TTR"_s, QJsonObject{{"ttrType"_L1, "URGENT"_L1}})};
        answer.intents = {intent(u"change-ttr"_s, u"The consumer needs an urgent answer"_s, 0.8)};
    } else if (containsKeyword(lower, "big metadata"_L1)) {
        answer.items = {QJsonObject{{"type"_L1, "TEXT"_L1},
                                    {"data"_L1,
                                     QJsonObject{{"message"_L1, "This message carries too much metadata."_L1},
                                                 {"encodedMetadata"_L1, QString(6000, u'A')}}}}};
        answer.intents = {intent(u"big-metadata"_s, u"The consumer asks for oversized metadata"_s, 0.9)};
    } else if (containsKeyword(lower, "metadata"_L1)) {
        const QJsonObject encoded{{"source"_L1, "switchboard-demo-bot"_L1},
                                  {"conversationId"_L1, options.conversationId}};
        answer.items = {QJsonObject{
            {"type"_L1, "TEXT"_L1},
            {"data"_L1,
             QJsonObject{{"message"_L1, "This message carries metadata."_L1},
                         {"metadata"_L1,
                          QJsonArray{QJsonObject{
                              {"type"_L1, "BotResponse"_L1},
                              {"externalConversationId"_L1, options.conversationId.left(64)},
                              {"businessCases"_L1, QJsonArray{"demo"_L1}},
                              {"intents"_L1,
                               QJsonArray{QJsonObject{
                                   {"id"_L1, "metadata"_L1}, {"name"_L1, "metadata"_L1}, {"confidence"_L1, 0.9}}}}}}},
                         {"encodedMetadata"_L1,
                          QString::fromLatin1(QJsonDocument(encoded).toJson(QJsonDocument::Compact).toBase64())}}}}};
        answer.intents = {intent(u"metadata"_s, u"The consumer asks for metadata"_s, 0.9)};
    } else {
        QString echo = u"echo: "_s + text;
        if (!options.clickedExternalId.isEmpty()) {
            echo += u" (clicked "_s + options.clickedExternalId + u")"_s;
        }
        answer.items = {textItem(echo)};
        answer.intents = {intent(u"echo"_s, u"No keyword matched; the bot echoes"_s, 0.5)};
    }
    return answer;
}

DemoBotAnswers::Answer DemoBotAnswers::welcome(const QString &lastConsumerMessage, const Options &)
{
    Answer answer;
    if (lastConsumerMessage.isEmpty()) {
        answer.items = {textItem(u"Welcome! I am the Switchboard demo bot. Type \"transfer\" to reach a human."_s)};
    } else {
        answer.items = {
            textItem(u"Welcome! I am the Switchboard demo bot. You last wrote: \""_s + lastConsumerMessage + u"\""_s)};
    }
    answer.intents = {intent(u"welcome"_s, u"The conversation starts"_s, 1.0)};
    return answer;
}

DemoBotAnswers::Answer DemoBotAnswers::survey(const Options &)
{
    Answer answer;
    answer.items = {textItem(u"Before you go: how satisfied were you with the demo bot, from 1 to 5?"_s)};
    answer.intents = {intent(u"survey"_s, u"The post-conversation survey starts"_s, 1.0)};
    return answer;
}

DemoBotAnswers::Answer DemoBotAnswers::richContent(const Options &)
{
    Answer answer;
    answer.items = {textItem(u"echo: [rich content]"_s)};
    answer.intents = {intent(u"rich-content"_s, u"The consumer sent rich content"_s, 0.7)};
    return answer;
}

DemoBotAnswers::Answer DemoBotAnswers::hostedFile(const QString &fileType, const Options &)
{
    Answer answer;
    answer.items = {textItem(u"echo: [file "_s + (fileType.isEmpty() ? u"?"_s : fileType) + u"]"_s)};
    answer.intents = {intent(u"hosted-file"_s, u"The consumer sent a file"_s, 0.7)};
    return answer;
}

} // namespace Switchboard::Sandbox
