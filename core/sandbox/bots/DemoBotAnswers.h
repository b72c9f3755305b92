// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Switchboard::Sandbox
{

/**
 * The demo bots' answers, shared by both bot protocols. Items use the Custom Endpoint v1 response
 * vocabulary (custom-endpoint-v1.md §4.1): TEXT, STRUCTURED_CONTENT, DELAY and ACTION; the webhook bot
 * sends the same items as its "replies".
 *
 * Keywords (case-insensitive, whole words or phrases, first match wins):
 * escalate|transfer → text + ACTION TRANSFER {skillName}; "no survey" → text + ACTION CLOSE_CONVERSATION
 * {withoutPcs:true}; bye|close → text + ACTION CLOSE_CONVERSATION; "broken card" → a card that breaks the
 * platform rules (http image), for the connector's validation; "structured content" → a json-pollock vertical
 * card; "quick replies" → a message with quickReplies;
 * delay → text, DELAY {1 s, typing}, text; "private text" → TEXT for AGENTS_AND_MANAGERS;
 * ttr → ACTION CHANGE_TTR URGENT; "big metadata" → TEXT with a 6 000-character encodedMetadata (over the
 * 5 KB limit); metadata → TEXT with metadata and encodedMetadata; anything else → "echo: <text>", plus
 * " (clicked <id>)" when the consumer's message carried an ExternalId (a card button or quick reply click).
 * Stateless and reentrant.
 */
class DemoBotAnswers final
{
public:
    struct Options
    {
        QString humanSkillName = QStringLiteral("human");
        QString cardImageUrl = QStringLiteral("https://example.com/switchboard/demo-card.png");
        QString conversationId;
        /** The ExternalId of the consumer's click (lpEvent.metadata), if the message was one. */
        QString clickedExternalId;
    };

    /** The items to publish, in order, and the matched intents ({id, description, confidenceScore}). */
    struct Answer
    {
        QJsonArray items;
        QJsonArray intents;
    };

    static Answer forText(const QString &text, const Options &options);
    /** The welcome answer (START event); mentions the consumer's last message when there is one. */
    static Answer welcome(const QString &lastConsumerMessage, const Options &options);
    /** The survey bot's question (CLOSE_CONVERSATION event). */
    static Answer survey(const Options &options);
    /** The answer to consumer rich content. */
    static Answer richContent(const Options &options);
    /** The answer to a hosted file. */
    static Answer hostedFile(const QString &fileType, const Options &options);

    /** A json-pollock vertical card: text, https image, a publishText button with ExternalId metadata. */
    static QJsonObject verticalCard(const QString &imageUrl);
    /** A quick-replies structured content {message, quickReplies{type, itemsPerRow, replies}}. */
    static QJsonObject quickReplies();
    /** The first ExternalId id in a UMS metadata array, or empty. */
    static QString externalId(const QJsonArray &metadata);

    /** True when \a lowerText contains \a keyword as a whole word or phrase (both lower case). */
    static bool containsKeyword(const QString &lowerText, QLatin1StringView keyword);

    static QJsonObject textItem(const QString &message);
    static QJsonObject actionItem(const QString &name, const QJsonObject &parameters = {});
    static QJsonObject intent(const QString &id, const QString &description, double confidenceScore);
};

} // namespace Switchboard::Sandbox
