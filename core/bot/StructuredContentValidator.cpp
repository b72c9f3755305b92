// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StructuredContentValidator.h"

#include "BotLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>

namespace Switchboard::Bot
{

namespace
{

const QString s_embeddedDir = QStringLiteral(":/schemas/structured-content");
const QString s_embeddedBase = QStringLiteral("qrc:/schemas/structured-content/");

// lupdate takes a tr() call's context from the scope it is written in: namespace scope here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::Bot", text);
}

// Element types json-pollock knows; used only when the schema is not in the build.
const QSet<QString> &knownElementTypes()
{
    static const QSet<QString> types{
        QStringLiteral("vertical"),
        QStringLiteral("horizontal"),
        QStringLiteral("carousel"),
        QStringLiteral("text"),
        QStringLiteral("button"),
        QStringLiteral("image"),
        QStringLiteral("map"),
        QStringLiteral("list"),
        QStringLiteral("tabs"),
        QStringLiteral("carouselSelect"),
        QStringLiteral("accordionSelect"),
        QStringLiteral("linkPreview"),
        QStringLiteral("template"),
        QStringLiteral("checklist"),
        QStringLiteral("checkbox"),
        QStringLiteral("buttonList"),
        QStringLiteral("section"),
        QStringLiteral("sectionList"),
        QStringLiteral("submitButton"),
        QStringLiteral("keyValuePair"),
        QStringLiteral("keyValuePairList"),
        QStringLiteral("scheduleSlot"),
    };
    return types;
}

void structureWithoutSchema(const QJsonValue &node, const QString &path, QList<SchemaViolation> &out)
{
    if (!node.isObject()) {
        out.append({path, tr("expected an object")});
        return;
    }
    const QJsonObject o = node.toObject();
    const QString type = o.value(QLatin1String("type")).toString();
    if (type.isEmpty()) {
        out.append({JsonSchemaValidator::childPath(path, QStringLiteral("type")), tr("required property is missing")});
        return;
    }
    if (!knownElementTypes().contains(type)) {
        out.append({JsonSchemaValidator::childPath(path, QStringLiteral("type")),
                    tr("unknown structured-content element type \"%1\"").arg(type)});
        return;
    }
    if (type == QLatin1String("vertical") || type == QLatin1String("horizontal") || type == QLatin1String("carousel")) {
        const QJsonValue elements = o.value(QLatin1String("elements"));
        const QString elementsPath = JsonSchemaValidator::childPath(path, QStringLiteral("elements"));
        if (!elements.isArray()) {
            out.append({elementsPath, tr("required array is missing")});
            return;
        }
        const QJsonArray list = elements.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            structureWithoutSchema(list.at(i), JsonSchemaValidator::indexPath(elementsPath, i), out);
        }
    } else if (type == QLatin1String("text") && !o.value(QLatin1String("text")).isString()) {
        out.append({JsonSchemaValidator::childPath(path, QStringLiteral("text")), tr("required string is missing")});
    } else if (type == QLatin1String("button") && !o.value(QLatin1String("title")).isString()) {
        out.append({JsonSchemaValidator::childPath(path, QStringLiteral("title")), tr("required string is missing")});
    } else if (type == QLatin1String("image") && !o.value(QLatin1String("url")).isString()) {
        out.append({JsonSchemaValidator::childPath(path, QStringLiteral("url")), tr("required string is missing")});
    }
}

} // namespace

bool StructuredContentValidator::schemaEmbedded()
{
#ifdef SWITCHBOARD_SC_SCHEMA_EMBEDDED
    return true;
#else
    return false;
#endif
}

StructuredContentValidator::StructuredContentValidator()
{
    if (!schemaEmbedded()) {
        return;
    }
    auto schema = std::make_unique<JsonSchemaValidator>();
    const Result<int> loaded = schema->addDirectory(s_embeddedDir, s_embeddedBase);
    if (!loaded) {
        qCWarning(lcBot) << "embedded structured-content schema not loadable:" << loaded.error().message;
        return;
    }
    m_rootUri = s_embeddedBase + QStringLiteral("rich_content.json");
    m_schema = std::move(schema);
}

StructuredContentValidator::StructuredContentValidator(const QString &schemaDirectory)
{
    auto schema = std::make_unique<JsonSchemaValidator>();
    const QString base = QUrl::fromLocalFile(QDir(schemaDirectory).absolutePath() + QLatin1Char('/')).toString();
    const Result<int> loaded = schema->addDirectory(schemaDirectory, base);
    if (!loaded) {
        qCWarning(lcBot) << "structured-content schema not loadable:" << loaded.error().message;
        return;
    }
    m_rootUri = base + QStringLiteral("rich_content.json");
    m_schema = std::move(schema);
}

StructuredContentValidator::~StructuredContentValidator() = default;

const StructuredContentValidator &StructuredContentValidator::shared()
{
    static const StructuredContentValidator validator;
    return validator;
}

bool StructuredContentValidator::schemaAvailable() const
{
    return m_schema != nullptr && m_schema->hasDocument(m_rootUri);
}

bool StructuredContentValidator::isQuickReplies(const QJsonObject &structuredContent)
{
    return structuredContent.contains(QLatin1String("quickReplies")) ||
           structuredContent.value(QLatin1String("type")).toString() == QLatin1String("quickReplies");
}

SchemaValidationResult StructuredContentValidator::validateCard(const QJsonObject &card, const QString &rootPath) const
{
    SchemaValidationResult result;
    if (schemaAvailable()) {
        result = m_schema->validate(card, m_rootUri, rootPath);
    } else {
        result.notes.append(tr("schema unavailable in this build"));
        structureWithoutSchema(card, rootPath, result.violations);
    }
    lintNode(card, rootPath, result.violations);
    return result;
}

SchemaValidationResult StructuredContentValidator::validateQuickReplies(const QJsonObject &structuredContent,
                                                                        ChannelType channel,
                                                                        const QString &rootPath) const
{
    SchemaValidationResult result;
    QJsonObject quickReplies = structuredContent;
    QString qrPath = rootPath;
    if (structuredContent.contains(QLatin1String("quickReplies"))) {
        qrPath = JsonSchemaValidator::childPath(rootPath, QStringLiteral("quickReplies"));
        const QJsonValue message = structuredContent.value(QLatin1String("message"));
        if (!message.isString() || message.toString().trimmed().isEmpty()) {
            result.violations.append({JsonSchemaValidator::childPath(rootPath, QStringLiteral("message")),
                                      tr("quick replies need a non-empty message text")});
        }
        for (auto it = structuredContent.constBegin(); it != structuredContent.constEnd(); ++it) {
            if (it.key() != QLatin1String("message") && it.key() != QLatin1String("quickReplies") &&
                it.key() != QLatin1String("metadata")) {
                result.violations.append({JsonSchemaValidator::childPath(rootPath, it.key()),
                                          tr("property \"%1\" is not allowed beside quickReplies").arg(it.key())});
            }
        }
        const QJsonValue qr = structuredContent.value(QLatin1String("quickReplies"));
        if (!qr.isObject()) {
            result.violations.append({qrPath,
                                      tr("expected object, got %1")
                                          .arg(qr.isArray() ? QStringLiteral("array") : QStringLiteral("a scalar"))});
            return result;
        }
        quickReplies = qr.toObject();
    }
    if (channel == ChannelType::Chat) {
        result.violations.append({qrPath, tr("quick replies are not supported on the chat channel")});
    }
    if (quickReplies.value(QLatin1String("type")).toString() != QLatin1String("quickReplies")) {
        result.violations.append(
            {JsonSchemaValidator::childPath(qrPath, QStringLiteral("type")), tr("must be \"quickReplies\"")});
    }
    const QJsonValue perRow = quickReplies.value(QLatin1String("itemsPerRow"));
    if (!perRow.isUndefined()) {
        const double n = perRow.toDouble(-1);
        // Range first: int(n) of a double outside int's range (1e300) is undefined behaviour.
        if (!perRow.isDouble() || n < 1 || n > maxItemsPerRow || n != double(int(n))) {
            result.violations.append({JsonSchemaValidator::childPath(qrPath, QStringLiteral("itemsPerRow")),
                                      tr("must be a whole number from 1 to %1").arg(maxItemsPerRow)});
        }
    }
    const QString repliesPath = JsonSchemaValidator::childPath(qrPath, QStringLiteral("replies"));
    const QJsonValue replies = quickReplies.value(QLatin1String("replies"));
    if (!replies.isArray() || replies.toArray().isEmpty()) {
        result.violations.append({repliesPath, tr("needs at least one reply button")});
        return result;
    }
    const QJsonArray list = replies.toArray();
    if (list.size() > maxQuickReplies) {
        result.violations.append(
            {repliesPath, tr("has more than %1 replies (%2)").arg(maxQuickReplies).arg(list.size())});
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString itemPath = JsonSchemaValidator::indexPath(repliesPath, i);
        const QJsonObject button = list.at(i).toObject();
        if (!list.at(i).isObject() || button.value(QLatin1String("type")).toString() != QLatin1String("button")) {
            result.violations.append({itemPath, tr("each quick reply must be a button element")});
            continue;
        }
        const SchemaValidationResult one = validateCard(button, itemPath);
        result.violations.append(one.violations);
        for (const QString &note : one.notes) {
            if (!result.notes.contains(note)) {
                result.notes.append(note);
            }
        }
    }
    return result;
}

void StructuredContentValidator::lintNode(const QJsonValue &node,
                                          const QString &path,
                                          QList<SchemaViolation> &out) const
{
    if (node.isArray()) {
        const QJsonArray a = node.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            lintNode(a.at(i), JsonSchemaValidator::indexPath(path, i), out);
        }
        return;
    }
    if (!node.isObject()) {
        return;
    }
    const QJsonObject o = node.toObject();
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("image")) {
        const QJsonValue url = o.value(QLatin1String("url"));
        if (url.isString() && !url.toString().startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
            out.append(
                {JsonSchemaValidator::childPath(path, QStringLiteral("url")), tr("image URLs must use https://")});
        }
    }
    const QJsonValue imageUrl = o.value(QLatin1String("imageUrl"));
    if (imageUrl.isString() && !imageUrl.toString().startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
        out.append(
            {JsonSchemaValidator::childPath(path, QStringLiteral("imageUrl")), tr("image URLs must use https://")});
    }
    if (type == QLatin1String("publishText")) {
        const QJsonValue text = o.value(QLatin1String("text"));
        if (text.isString() && text.toString().size() > maxPublishTextLength) {
            const QString at = JsonSchemaValidator::childPath(path, QStringLiteral("text"));
            const QString message = tr("publishText longer than %1 characters").arg(maxPublishTextLength);
            bool reported = false;
            for (const SchemaViolation &v : std::as_const(out)) {
                reported = reported || v.path == at;
            }
            if (!reported) {
                out.append({at, message});
            }
        }
    }
    if (type == QLatin1String("ExternalId")) {
        const QJsonValue id = o.value(QLatin1String("id"));
        if (!id.isString() || id.toString().isEmpty() || id.toString().size() > maxExternalIdLength) {
            out.append({JsonSchemaValidator::childPath(path, QStringLiteral("id")),
                        tr("ExternalId id must be a string of 1 to %1 characters").arg(maxExternalIdLength)});
        }
    }
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.value().isObject() || it.value().isArray()) {
            lintNode(it.value(), JsonSchemaValidator::childPath(path, it.key()), out);
        }
    }
}

} // namespace Switchboard::Bot
