// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace Switchboard::Bot
{

/** One place where an instance breaks its schema. */
struct SchemaViolation
{
    /** JSON path of the offending element, e.g. `$.elements[2].click.actions[0].uri`. */
    QString path;
    /** What is wrong, in one line. */
    QString message;
    /** The schema keyword that failed ("enum", "required", …), where it matters for ranking. */
    QString keyword = {};

    /** "path: message". */
    QString toString() const
    {
        return path + QStringLiteral(": ") + message;
    }
};

/** The outcome of one validation. */
struct SchemaValidationResult
{
    /** Empty when the instance is valid. The most relevant violation comes first. */
    QList<SchemaViolation> violations;
    /** Things the validator could not check (an unresolved $ref, an unknown type name…). */
    QStringList notes;

    bool isValid() const
    {
        return violations.isEmpty();
    }
};

/**
 * A JSON Schema validator for the draft-04 subset LivePerson's schemas use, over QJsonValue:
 * type (also arrays of types; draft-03 "any" and LivePerson's "Long" are understood), properties,
 * required, additionalProperties (bool or schema), patternProperties, min/maxProperties, enum,
 * const, items (schema or array) with additionalItems, min/maxItems, uniqueItems, min/maxLength
 * (in code points), pattern, minimum/maximum with exclusive bounds (draft-04 booleans or
 * draft-06 numbers), multipleOf, allOf/anyOf/oneOf/not, and $ref to `#/…` in the same document or
 * to sibling documents (`card.json`, `x.json#/definitions/y`). Unknown keywords (format, readonly,
 * default, title…) are ignored. Violations carry the JSON path of the offending element; for a
 * failed oneOf/anyOf the branch that got furthest is reported. An object whose `type` property
 * fails its enum/const is not checked further against that (sub)schema: the verdict is the same,
 * and nested alternatives (json-pollock's card → vertical | horizontal → elements → card …) stay
 * linear instead of exponential.
 *
 * Documents are registered under URIs (`qrc:/schemas/structured-content/card.json`,
 * `file:///…/card.json`); relative $refs resolve against the referring document's URI.
 * Thread: validate() is const and thread-safe once all documents are added.
 */
class JsonSchemaValidator final
{
public:
    JsonSchemaValidator() = default;
    Q_DISABLE_COPY_MOVE(JsonSchemaValidator)

    /** Registers a schema document under an absolute URI. */
    void addDocument(const QString &uri, const QJsonValue &schema);
    /**
     * Registers every `*.json` in a directory (a file system path or a Qt resource path such as
     * `:/schemas/structured-content`) under `<baseUri>/<file name>`; returns how many.
     */
    Result<int> addDirectory(const QString &directory, const QString &baseUri);
    bool hasDocument(const QString &uri) const;

    /**
     * Validates `instance` against the schema at `schemaUri` (a document URI, optionally with a
     * `#/json/pointer` fragment). `rootPath` names the instance in violation paths (default `$`).
     */
    SchemaValidationResult
    validate(const QJsonValue &instance, const QString &schemaUri, const QString &rootPath = QStringLiteral("$")) const;
    /** Validates against a schema given inline; its relative $refs resolve against `baseUri`. */
    SchemaValidationResult validateWithSchema(const QJsonValue &instance,
                                              const QJsonValue &schema,
                                              const QString &baseUri = {},
                                              const QString &rootPath = QStringLiteral("$")) const;

    /** `base` + `.key` (or `["odd key"]`). */
    static QString childPath(const QString &base, const QString &key);
    /** `base` + `[index]`. */
    static QString indexPath(const QString &base, qsizetype index);

private:
    struct Context;
    struct Resolved
    {
        QJsonValue schema;
        QString baseUri;
        bool found = false;
    };

    void check(const QJsonValue &instance,
               const QJsonValue &schema,
               const QString &baseUri,
               const QString &path,
               Context &ctx,
               QList<SchemaViolation> &out) const;
    void checkObject(const QJsonObject &instance,
                     const QJsonObject &schema,
                     const QString &baseUri,
                     const QString &path,
                     Context &ctx,
                     QList<SchemaViolation> &out) const;
    void checkArray(const QJsonArray &instance,
                    const QJsonObject &schema,
                    const QString &baseUri,
                    const QString &path,
                    Context &ctx,
                    QList<SchemaViolation> &out) const;
    Resolved resolve(const QString &ref, const QString &baseUri, const Context *ctx) const;
    QRegularExpression regex(const QString &pattern) const;

    QHash<QString, QJsonValue> m_documents;
    mutable QMutex m_cacheMutex;
    mutable QHash<QString, QRegularExpression> m_regexCache;
};

} // namespace Switchboard::Bot
