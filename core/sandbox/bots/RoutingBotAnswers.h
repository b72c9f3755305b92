// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/bots/DemoBotAnswers.h"

#include <QList>
#include <QString>

namespace Switchboard::Sandbox
{

/** One route of the routing demo bot: a keyword the consumer writes and the skill *name* it leads to. */
struct RoutingRule
{
    /** Lower case; matched as a whole word or phrase. */
    QString keyword;
    /** The LivePerson skill name (case-sensitive) sent in ACTION TRANSFER {skillName}. */
    QString skillName;
};

/**
 * The answers of the routing ("controller") demo bot: it greets, asks what the consumer needs, and
 * routes by intent with ACTION TRANSFER {skillName} (custom-endpoint-v1.md §4.2) — the connector
 * resolves the name to a skill id. It greets on the welcome event (START) or, when the integration sends
 * none, in its first answer. The text before the transfer carries BotResponse metadata
 * (reference §7) naming the matched intent. Unknown requests get the menu again. Stateless.
 */
class RoutingBotAnswers final
{
public:
    struct Options
    {
        QList<RoutingRule> rules;
        QString conversationId;
    };

    /** billing, sales, agent and human, all to \a humanSkillName (the sandbox has one human skill). */
    static QList<RoutingRule> defaultRules(const QString &humanSkillName);

    static DemoBotAnswers::Answer welcome(const Options &options);
    /** With \a greet (the conversation's first event: no welcome event came), the answer starts with a greeting. */
    static DemoBotAnswers::Answer forText(const QString &text, const Options &options, bool greet = false);
    /** The first rule whose keyword \a text contains, or nullptr. */
    static const RoutingRule *match(const QString &text, const QList<RoutingRule> &rules);
};

/**
 * The answers of the post-conversation survey demo bot: on the survey start it asks for a rating
 * from 1 to 5 (quick replies); a rating closes the survey with ACTION CLOSE_CONVERSATION (the
 * connector closes the survey dialog, and with it the conversation); anything else asks again.
 */
class SurveyBotAnswers final
{
public:
    static DemoBotAnswers::Answer start();
    static DemoBotAnswers::Answer forText(const QString &text);
    /** CLOSE_CONVERSATION (the conversation closes under the survey bot): nothing to say. */
    static DemoBotAnswers::Answer closed();
};

} // namespace Switchboard::Sandbox
