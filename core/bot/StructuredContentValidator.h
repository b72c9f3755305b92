// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"
#include "JsonSchemaValidator.h"

#include <QCoreApplication>
#include <memory>

namespace Switchboard::Bot
{

/**
 * Checks LivePerson structured content ("rich content" cards, json-pollock) before a bot's card
 * is accepted: first against json-pollock's schema (`rich_content.json`, embedded into the build
 * from ../shared when it was present at configure time), then against the rules the platform
 * enforces beyond the schema:
 *
 * - image URLs must be HTTPS;
 * - publishText at most 256 characters, ExternalId ids at most 64, encodedMetadata at most 5 KB
 *   (see ReplyParser);
 * - quick replies only on messaging, 1–24 replies, itemsPerRow 1–8, each reply a button.
 *
 * Violations name the JSON path of the offending element. When the build has no schema, only
 * the lint rules run and the result's notes say "schema unavailable in this build".
 *
 * Thread: const methods are thread-safe; shared() is created once on first use.
 */
class StructuredContentValidator final
{
    Q_DECLARE_TR_FUNCTIONS(Switchboard::Bot::StructuredContentValidator)

public:
    /** Uses the embedded schema (or none). */
    StructuredContentValidator();
    /** Loads the schema files from a directory (tests; the shared reference folder). */
    explicit StructuredContentValidator(const QString &schemaDirectory);
    ~StructuredContentValidator();
    Q_DISABLE_COPY_MOVE(StructuredContentValidator)

    /** The process-wide instance over the embedded schema. */
    static const StructuredContentValidator &shared();
    /** Whether the json-pollock schema was compiled into this build. */
    static bool schemaEmbedded();

    bool schemaAvailable() const;

    /** A card (any rich-content root: card, carousel, list, …). */
    SchemaValidationResult validateCard(const QJsonObject &card, const QString &rootPath = QStringLiteral("$")) const;
    /**
     * A quick-reply message in Custom Endpoint form, `{"message":"…","quickReplies":{…}}`, or
     * the bare quickReplies object. Quick replies on chat are a violation.
     */
    SchemaValidationResult validateQuickReplies(const QJsonObject &structuredContent,
                                                ChannelType channel,
                                                const QString &rootPath = QStringLiteral("$")) const;

    /** Whether a STRUCTURED_CONTENT payload is the quick-reply form (has a quickReplies member). */
    static bool isQuickReplies(const QJsonObject &structuredContent);

    static constexpr int maxPublishTextLength = 256;
    static constexpr int maxExternalIdLength = 64;
    static constexpr int maxQuickReplies = 24;
    static constexpr int maxItemsPerRow = 8;

private:
    void lintNode(const QJsonValue &node, const QString &path, QList<SchemaViolation> &out) const;

    std::unique_ptr<JsonSchemaValidator> m_schema;
    QString m_rootUri;
};

} // namespace Switchboard::Bot
