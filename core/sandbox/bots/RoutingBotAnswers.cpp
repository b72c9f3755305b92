// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoutingBotAnswers.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Switchboard::Sandbox
{

QList<RoutingRule> RoutingBotAnswers::defaultRules(const QString &humanSkillName)
{
    return {{u"billing"_s, humanSkillName},
            {u"sales"_s, humanSkillName},
            {u"agent"_s, humanSkillName},
            {u"human"_s, humanSkillName}};
}

const RoutingRule *RoutingBotAnswers::match(const QString &text, const QList<RoutingRule> &rules)
{
    const QString lower = text.toLower();
    for (const RoutingRule &rule : rules) {
        if (!rule.keyword.isEmpty() &&
            DemoBotAnswers::containsKeyword(lower, QLatin1StringView(rule.keyword.toLatin1()))) {
            return &rule;
        }
    }
    return nullptr;
}

namespace
{
const QString s_greeting = QStringLiteral("Hello! I am the Switchboard routing bot.");

QString menu(const QList<RoutingRule> &rules)
{
    QStringList keywords;
    for (const RoutingRule &rule : rules) {
        keywords.append(rule.keyword);
    }
    return keywords.join(u", "_s);
}
} // namespace

DemoBotAnswers::Answer RoutingBotAnswers::welcome(const Options &options)
{
    DemoBotAnswers::Answer answer;
    answer.items = {
        DemoBotAnswers::textItem(s_greeting + u" What can I help you with: "_s + menu(options.rules) + u"?"_s)};
    answer.intents = {DemoBotAnswers::intent(u"welcome"_s, u"The conversation starts"_s, 1.0)};
    return answer;
}

DemoBotAnswers::Answer RoutingBotAnswers::forText(const QString &text, const Options &options, bool greet)
{
    DemoBotAnswers::Answer answer;
    const RoutingRule *rule = match(text, options.rules);
    if (greet) {
        answer.items.append(DemoBotAnswers::textItem(s_greeting));
    }
    if (!rule) {
        answer.items.append(DemoBotAnswers::textItem(u"Sorry, I did not understand. I can route you to: "_s +
                                                     menu(options.rules) + u"."_s));
        answer.intents = {DemoBotAnswers::intent(u"unknown"_s, u"No route matched"_s, 0.3)};
        return answer;
    }
    const QString intentId = u"route-"_s + QString(rule->keyword).replace(u' ', u'-');
    QJsonObject data{{"message"_L1, QString(u"Routing you to "_s + rule->keyword + u"."_s)}};
    data.insert(
        "metadata"_L1,
        QJsonArray{QJsonObject{
            {"type"_L1, "BotResponse"_L1},
            {"externalConversationId"_L1, options.conversationId.left(64)},
            {"businessCases"_L1, QJsonArray{rule->keyword}},
            {"intents"_L1,
             QJsonArray{QJsonObject{{"id"_L1, intentId}, {"name"_L1, rule->keyword}, {"confidence"_L1, 0.9}}}}}});
    answer.items.append(QJsonObject{{"type"_L1, "TEXT"_L1}, {"data"_L1, data}});
    answer.items.append(DemoBotAnswers::actionItem(u"TRANSFER"_s, QJsonObject{{"skillName"_L1, rule->skillName}}));
    answer.intents = {DemoBotAnswers::intent(intentId, u"The consumer asks for "_s + rule->keyword, 0.9)};
    return answer;
}

DemoBotAnswers::Answer SurveyBotAnswers::start()
{
    QJsonArray replies;
    for (int rating = 1; rating <= 5; ++rating) {
        const QString value = QString::number(rating);
        replies.append(QJsonObject{
            {"type"_L1, "button"_L1},
            {"title"_L1, value},
            {"tooltip"_L1, value},
            {"click"_L1,
             QJsonObject{{"metadata"_L1,
                          QJsonArray{QJsonObject{{"type"_L1, "ExternalId"_L1},
                                                 {"id"_L1, QString(u"survey-rating-"_s + value)}}}},
                         {"actions"_L1, QJsonArray{QJsonObject{{"type"_L1, "publishText"_L1}, {"text"_L1, value}}}}}}});
    }
    const QJsonObject quickReplies{
        {"message"_L1, "Before you go: how satisfied were you, from 1 to 5?"_L1},
        {"quickReplies"_L1,
         QJsonObject{{"type"_L1, "quickReplies"_L1}, {"itemsPerRow"_L1, 5}, {"replies"_L1, replies}}}};
    DemoBotAnswers::Answer answer;
    answer.items = {QJsonObject{{"type"_L1, "STRUCTURED_CONTENT"_L1},
                                {"data"_L1, QJsonObject{{"structuredContent"_L1, quickReplies}}}}};
    answer.intents = {DemoBotAnswers::intent(u"survey-start"_s, u"The post-conversation survey starts"_s, 1.0)};
    return answer;
}

DemoBotAnswers::Answer SurveyBotAnswers::forText(const QString &text)
{
    DemoBotAnswers::Answer answer;
    const QString trimmed = text.trimmed();
    bool ok = false;
    const int rating = trimmed.toInt(&ok);
    if (!ok || rating < 1 || rating > 5) {
        answer.items = {DemoBotAnswers::textItem(u"Please answer with a number from 1 to 5."_s)};
        answer.intents = {DemoBotAnswers::intent(u"survey-invalid"_s, u"The answer is not a rating"_s, 0.6)};
        return answer;
    }
    answer.items = {DemoBotAnswers::textItem(u"Thank you for rating us %1 of 5. Goodbye!"_s.arg(rating)),
                    DemoBotAnswers::actionItem(u"CLOSE_CONVERSATION"_s)};
    answer.intents = {DemoBotAnswers::intent(u"survey-rating"_s, u"The consumer rated the conversation"_s, 1.0)};
    return answer;
}

DemoBotAnswers::Answer SurveyBotAnswers::closed()
{
    DemoBotAnswers::Answer answer;
    answer.intents = {DemoBotAnswers::intent(u"survey-closed"_s, u"The conversation closed"_s, 1.0)};
    return answer;
}

} // namespace Switchboard::Sandbox
