// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonSchemaValidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSet>
#include <QUrl>
#include <cmath>
#include <limits>

namespace Switchboard::Bot
{

namespace
{

constexpr int s_maxDepth = 200;

QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::Bot::JsonSchemaValidator", text);
}

QString typeOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return (std::isfinite(d) && std::floor(d) == d) ? QStringLiteral("integer") : QStringLiteral("number");
    }
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

qsizetype codePoints(const QString &s)
{
    qsizetype n = 0;
    for (const QChar c : s) {
        if (!c.isLowSurrogate()) {
            ++n;
        }
    }
    return n;
}

QString shortJson(const QJsonValue &v)
{
    QString text;
    if (v.isString()) {
        text = QLatin1Char('"') + v.toString() + QLatin1Char('"');
    } else if (v.isArray()) {
        text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    } else if (v.isObject()) {
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    } else if (v.isBool()) {
        text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    } else if (v.isDouble()) {
        text = QString::number(v.toDouble(), 'g', 15);
    } else {
        text = QStringLiteral("null");
    }
    if (text.size() > 80) {
        text = text.left(77) + QStringLiteral("...");
    }
    return text;
}

int pathDepth(const QString &path)
{
    int depth = 0;
    for (const QChar c : path) {
        if (c == QLatin1Char('.') || c == QLatin1Char('[')) {
            ++depth;
        }
    }
    return depth;
}

/**
 * Ranks the failures of two alternatives: a branch whose "type" discriminator matched beats one
 * whose did not; then deeper violations (the branch matched more of the instance); then fewer.
 */
bool betterBranch(const QList<SchemaViolation> &a, const QList<SchemaViolation> &b, const QString &at)
{
    const QString discriminator = at + QStringLiteral(".type");
    auto mismatched = [&discriminator](const QList<SchemaViolation> &list) {
        for (const SchemaViolation &v : list) {
            if (v.path == discriminator &&
                (v.keyword == QLatin1String("enum") || v.keyword == QLatin1String("const"))) {
                return true;
            }
        }
        return false;
    };
    const bool ma = mismatched(a);
    const bool mb = mismatched(b);
    if (ma != mb) {
        return !ma;
    }
    auto deepest = [](const QList<SchemaViolation> &list) {
        int d = 0;
        for (const SchemaViolation &v : list) {
            d = std::max(d, pathDepth(v.path));
        }
        return d;
    };
    const int da = deepest(a);
    const int db = deepest(b);
    if (da != db) {
        return da > db;
    }
    return a.size() < b.size();
}

QString documentKey(const QString &uri)
{
    return QUrl(uri).adjusted(QUrl::RemoveFragment).toString();
}

} // namespace

struct JsonSchemaValidator::Context
{
    int depth = 0;
    QStringList notes;
    QHash<QString, QJsonValue> extraDocuments;

    void note(const QString &text)
    {
        if (!notes.contains(text)) {
            notes.append(text);
        }
    }
};

QString JsonSchemaValidator::childPath(const QString &base, const QString &key)
{
    bool plain = !key.isEmpty() && !key.front().isDigit();
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('$'))) {
            plain = false;
            break;
        }
    }
    if (plain) {
        return base + QLatin1Char('.') + key;
    }
    QString escaped = key;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return base + QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

QString JsonSchemaValidator::indexPath(const QString &base, qsizetype index)
{
    return base + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void JsonSchemaValidator::addDocument(const QString &uri, const QJsonValue &schema)
{
    m_documents.insert(documentKey(uri), schema);
}

Result<int> JsonSchemaValidator::addDirectory(const QString &directory, const QString &baseUri)
{
    const QDir dir(directory);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        return Result<int>::failure(QStringLiteral("schema.no_files"),
                                    tr("No JSON schema files in \"%1\".").arg(directory));
    }
    QString base = baseUri;
    if (!base.endsWith(QLatin1Char('/'))) {
        base += QLatin1Char('/');
    }
    int count = 0;
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            return Result<int>::failure(QStringLiteral("schema.unreadable"),
                                        tr("Cannot read schema \"%1\": %2").arg(f.fileName(), f.errorString()));
        }
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            return Result<int>::failure(
                QStringLiteral("schema.invalid_json"),
                tr("Schema \"%1\" is not a JSON object: %2").arg(f.fileName(), error.errorString()));
        }
        addDocument(base + name, doc.object());
        ++count;
    }
    return count;
}

bool JsonSchemaValidator::hasDocument(const QString &uri) const
{
    return m_documents.contains(documentKey(uri));
}

SchemaValidationResult
JsonSchemaValidator::validate(const QJsonValue &instance, const QString &schemaUri, const QString &rootPath) const
{
    SchemaValidationResult result;
    Context ctx;
    const QUrl url(schemaUri);
    const QString fragment = url.fragment(QUrl::FullyDecoded);
    const Resolved root =
        resolve(fragment.isEmpty() ? QStringLiteral("#") : QLatin1Char('#') + fragment, documentKey(schemaUri), &ctx);
    if (!root.found) {
        result.notes.append(tr("Schema \"%1\" is not available.").arg(schemaUri));
        return result;
    }
    check(instance, root.schema, root.baseUri, rootPath, ctx, result.violations);
    result.notes = ctx.notes;
    return result;
}

SchemaValidationResult JsonSchemaValidator::validateWithSchema(const QJsonValue &instance,
                                                               const QJsonValue &schema,
                                                               const QString &baseUri,
                                                               const QString &rootPath) const
{
    SchemaValidationResult result;
    Context ctx;
    QString base = baseUri;
    if (base.isEmpty()) {
        base = QStringLiteral("inline:/schema.json");
    }
    ctx.extraDocuments.insert(documentKey(base), schema);
    // Inline schemas may refer to themselves with "#/…"; resolve() finds them in the context.
    check(instance, schema, documentKey(base), rootPath, ctx, result.violations);
    result.notes = ctx.notes;
    return result;
}

QRegularExpression JsonSchemaValidator::regex(const QString &pattern) const
{
    QMutexLocker lock(&m_cacheMutex);
    auto it = m_regexCache.constFind(pattern);
    if (it != m_regexCache.constEnd()) {
        return *it;
    }
    QRegularExpression re(pattern, QRegularExpression::UseUnicodePropertiesOption);
    m_regexCache.insert(pattern, re);
    return re;
}

JsonSchemaValidator::Resolved
JsonSchemaValidator::resolve(const QString &ref, const QString &baseUri, const Context *ctx) const
{
    Resolved r;
    QString docUri;
    QString fragment;
    if (ref.startsWith(QLatin1Char('#'))) {
        docUri = baseUri;
        fragment = QUrl::fromPercentEncoding(ref.mid(1).toUtf8());
    } else {
        const QUrl target = QUrl(baseUri).resolved(QUrl(ref));
        fragment = target.fragment(QUrl::FullyDecoded);
        docUri = target.adjusted(QUrl::RemoveFragment).toString();
    }
    QJsonValue node;
    auto it = m_documents.constFind(docUri);
    if (it != m_documents.constEnd()) {
        node = *it;
    } else if (ctx && ctx->extraDocuments.contains(docUri)) {
        node = ctx->extraDocuments.value(docUri);
    } else {
        return r;
    }
    if (!fragment.isEmpty()) {
        if (!fragment.startsWith(QLatin1Char('/'))) {
            return r; // named anchors ("#foo") are not part of the subset
        }
        const QStringList tokens = fragment.mid(1).split(QLatin1Char('/'));
        for (QString token : tokens) {
            token.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
            if (node.isObject()) {
                const QJsonObject o = node.toObject();
                if (!o.contains(token)) {
                    return r;
                }
                node = o.value(token);
            } else if (node.isArray()) {
                bool ok = false;
                const int index = token.toInt(&ok);
                const QJsonArray a = node.toArray();
                if (!ok || index < 0 || index >= a.size()) {
                    return r;
                }
                node = a.at(index);
            } else {
                return r;
            }
        }
    }
    r.schema = node;
    r.baseUri = docUri;
    r.found = true;
    return r;
}

void JsonSchemaValidator::check(const QJsonValue &instance,
                                const QJsonValue &schemaValue,
                                const QString &baseUri,
                                const QString &path,
                                Context &ctx,
                                QList<SchemaViolation> &out) const
{
    if (schemaValue.isBool()) {
        if (!schemaValue.toBool()) {
            out.append({path, tr("no value is allowed here")});
        }
        return;
    }
    if (!schemaValue.isObject()) {
        ctx.note(tr("A schema node at %1 is not an object; it was skipped.").arg(path));
        return;
    }
    if (ctx.depth > s_maxDepth) {
        out.append({path, tr("schema nesting too deep (recursive $ref?)")});
        return;
    }
    struct DepthGuard
    {
        Context &c;
        explicit DepthGuard(Context &cc)
            : c(cc)
        {
            ++c.depth;
        }
        ~DepthGuard()
        {
            --c.depth;
        }
    } guard(ctx);

    const QJsonObject schema = schemaValue.toObject();

    // Draft-04: a $ref replaces every sibling keyword.
    const QJsonValue refValue = schema.value(QLatin1String("$ref"));
    if (refValue.isString()) {
        const QString ref = refValue.toString();
        const Resolved target = resolve(ref, baseUri, &ctx);
        if (!target.found) {
            ctx.note(tr("Unresolved $ref \"%1\" (from %2); not checked.").arg(ref, baseUri));
            return;
        }
        check(instance, target.schema, target.baseUri, path, ctx, out);
        return;
    }

    // type
    const QJsonValue typeValue = schema.value(QLatin1String("type"));
    if (!typeValue.isUndefined()) {
        QStringList allowed;
        if (typeValue.isString()) {
            allowed.append(typeValue.toString());
        } else if (typeValue.isArray()) {
            for (const QJsonValue &t : typeValue.toArray()) {
                allowed.append(t.toString());
            }
        }
        bool matched = allowed.isEmpty();
        const QString actual = typeOf(instance);
        for (QString t : std::as_const(allowed)) {
            if (t == QLatin1String("Long")) {
                t = QStringLiteral("integer"); // LivePerson's UMS schemas; see schemas/README.md §2
            }
            if (t == QLatin1String("any") || t == actual || (t == QLatin1String("number") && instance.isDouble())) {
                matched = true;
                break;
            }
            static const QSet<QString> known{QStringLiteral("null"),
                                             QStringLiteral("boolean"),
                                             QStringLiteral("integer"),
                                             QStringLiteral("number"),
                                             QStringLiteral("string"),
                                             QStringLiteral("array"),
                                             QStringLiteral("object")};
            if (!known.contains(t)) {
                ctx.note(tr("Unknown type name \"%1\" in a schema; treated as any.").arg(t));
                matched = true;
                break;
            }
        }
        if (!matched) {
            out.append({path, tr("expected %1, got %2").arg(allowed.join(QStringLiteral(" or ")), actual)});
            return;
        }
    }

    // enum / const
    const QJsonValue enumValue = schema.value(QLatin1String("enum"));
    if (enumValue.isArray()) {
        bool found = false;
        const QJsonArray options = enumValue.toArray();
        for (const QJsonValue &option : options) {
            if (option == instance) {
                found = true;
                break;
            }
        }
        if (!found) {
            QStringList shown;
            for (const QJsonValue &option : options) {
                shown.append(shortJson(option));
                if (shown.size() == 8) {
                    shown.append(QStringLiteral("…"));
                    break;
                }
            }
            out.append({path,
                        tr("%1 is not one of %2").arg(shortJson(instance), shown.join(QStringLiteral(", "))),
                        QStringLiteral("enum")});
        }
    }
    if (schema.contains(QLatin1String("const")) && schema.value(QLatin1String("const")) != instance) {
        out.append(
            {path, tr("must be %1").arg(shortJson(schema.value(QLatin1String("const")))), QStringLiteral("const")});
    }

    // strings
    if (instance.isString()) {
        const QString s = instance.toString();
        const qsizetype length = codePoints(s);
        const QJsonValue minLength = schema.value(QLatin1String("minLength"));
        if (minLength.isDouble() && length < qsizetype(minLength.toDouble())) {
            out.append({path, tr("shorter than %1 characters").arg(minLength.toInt())});
        }
        const QJsonValue maxLength = schema.value(QLatin1String("maxLength"));
        if (maxLength.isDouble() && length > qsizetype(maxLength.toDouble())) {
            out.append({path, tr("longer than %1 characters (%2)").arg(maxLength.toInt()).arg(length)});
        }
        const QJsonValue pattern = schema.value(QLatin1String("pattern"));
        if (pattern.isString()) {
            const QRegularExpression re = regex(pattern.toString());
            if (!re.isValid()) {
                ctx.note(tr("Pattern \"%1\" is not a valid regular expression; not checked.").arg(pattern.toString()));
            } else if (!re.match(s).hasMatch()) {
                out.append({path, tr("does not match the pattern %1").arg(pattern.toString())});
            }
        }
    }

    // numbers
    if (instance.isDouble()) {
        const double d = instance.toDouble();
        const QJsonValue minimum = schema.value(QLatin1String("minimum"));
        const QJsonValue exclusiveMinimum = schema.value(QLatin1String("exclusiveMinimum"));
        if (minimum.isDouble()) {
            const bool exclusive = exclusiveMinimum.toBool(false);
            if (exclusive ? d <= minimum.toDouble() : d < minimum.toDouble()) {
                out.append(
                    {path,
                     tr("%1 is less than the minimum %2%3")
                         .arg(shortJson(instance), shortJson(minimum), exclusive ? tr(" (exclusive)") : QString())});
            }
        }
        if (exclusiveMinimum.isDouble() && d <= exclusiveMinimum.toDouble()) {
            out.append({path, tr("%1 must be greater than %2").arg(shortJson(instance), shortJson(exclusiveMinimum))});
        }
        const QJsonValue maximum = schema.value(QLatin1String("maximum"));
        const QJsonValue exclusiveMaximum = schema.value(QLatin1String("exclusiveMaximum"));
        if (maximum.isDouble()) {
            const bool exclusive = exclusiveMaximum.toBool(false);
            if (exclusive ? d >= maximum.toDouble() : d > maximum.toDouble()) {
                out.append(
                    {path,
                     tr("%1 is greater than the maximum %2%3")
                         .arg(shortJson(instance), shortJson(maximum), exclusive ? tr(" (exclusive)") : QString())});
            }
        }
        if (exclusiveMaximum.isDouble() && d >= exclusiveMaximum.toDouble()) {
            out.append({path, tr("%1 must be less than %2").arg(shortJson(instance), shortJson(exclusiveMaximum))});
        }
        const QJsonValue multipleOf = schema.value(QLatin1String("multipleOf"));
        if (multipleOf.isDouble() && multipleOf.toDouble() > 0) {
            const double q = d / multipleOf.toDouble();
            if (std::fabs(q - std::round(q)) > 1e-9) {
                out.append({path, tr("%1 is not a multiple of %2").arg(shortJson(instance), shortJson(multipleOf))});
            }
        }
    }

    if (instance.isObject()) {
        checkObject(instance.toObject(), schema, baseUri, path, ctx, out);
    } else if (instance.isArray()) {
        checkArray(instance.toArray(), schema, baseUri, path, ctx, out);
    }

    // combinators
    const QJsonValue allOf = schema.value(QLatin1String("allOf"));
    if (allOf.isArray()) {
        for (const QJsonValue &branch : allOf.toArray()) {
            check(instance, branch, baseUri, path, ctx, out);
        }
    }
    const QJsonValue anyOf = schema.value(QLatin1String("anyOf"));
    if (anyOf.isArray()) {
        QList<SchemaViolation> best;
        bool first = true;
        bool matched = false;
        for (const QJsonValue &branch : anyOf.toArray()) {
            QList<SchemaViolation> errors;
            check(instance, branch, baseUri, path, ctx, errors);
            if (errors.isEmpty()) {
                matched = true;
                break;
            }
            if (first || betterBranch(errors, best, path)) {
                best = errors;
                first = false;
            }
        }
        if (!matched) {
            out.append(best.isEmpty() ? QList<SchemaViolation>{{path, tr("matches none of the alternatives (anyOf)")}}
                                      : best);
        }
    }
    const QJsonValue oneOf = schema.value(QLatin1String("oneOf"));
    if (oneOf.isArray()) {
        QList<SchemaViolation> best;
        bool first = true;
        QStringList matchedTitles;
        const QJsonArray branches = oneOf.toArray();
        for (qsizetype i = 0; i < branches.size(); ++i) {
            QList<SchemaViolation> errors;
            check(instance, branches.at(i), baseUri, path, ctx, errors);
            if (errors.isEmpty()) {
                const QString title = branches.at(i).toObject().value(QLatin1String("title")).toString();
                matchedTitles.append(title.isEmpty() ? QString::number(i) : title);
            } else if (first || betterBranch(errors, best, path)) {
                best = errors;
                first = false;
            }
        }
        if (matchedTitles.isEmpty()) {
            out.append(best.isEmpty() ? QList<SchemaViolation>{{path, tr("matches none of the alternatives (oneOf)")}}
                                      : best);
        } else if (matchedTitles.size() > 1) {
            out.append({path,
                        tr("matches %1 alternatives (%2); exactly one is allowed (oneOf)")
                            .arg(matchedTitles.size())
                            .arg(matchedTitles.join(QStringLiteral(", ")))});
        }
    }
    const QJsonValue notSchema = schema.value(QLatin1String("not"));
    if (notSchema.isObject() || notSchema.isBool()) {
        QList<SchemaViolation> errors;
        check(instance, notSchema, baseUri, path, ctx, errors);
        if (errors.isEmpty()) {
            out.append({path, tr("must not match the schema given in \"not\"")});
        }
    }
}

void JsonSchemaValidator::checkObject(const QJsonObject &instance,
                                      const QJsonObject &schema,
                                      const QString &baseUri,
                                      const QString &path,
                                      Context &ctx,
                                      QList<SchemaViolation> &out) const
{
    const QJsonValue required = schema.value(QLatin1String("required"));
    if (required.isArray()) {
        for (const QJsonValue &name : required.toArray()) {
            if (name.isString() && !instance.contains(name.toString())) {
                out.append({childPath(path, name.toString()), tr("required property is missing")});
            }
        }
    }
    const QJsonValue minProperties = schema.value(QLatin1String("minProperties"));
    if (minProperties.isDouble() && instance.size() < minProperties.toInt()) {
        out.append({path, tr("has fewer than %1 properties").arg(minProperties.toInt())});
    }
    const QJsonValue maxProperties = schema.value(QLatin1String("maxProperties"));
    if (maxProperties.isDouble() && instance.size() > maxProperties.toInt()) {
        out.append({path, tr("has more than %1 properties").arg(maxProperties.toInt())});
    }

    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    const QJsonObject patternProperties = schema.value(QLatin1String("patternProperties")).toObject();
    const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));

    // A "type" discriminator that does not match means this is the wrong alternative: the rest of
    // the object is not checked against it. Without this, nested oneOf layouts (card → vertical |
    // horizontal → elements → card …) would be walked by every alternative, exponentially.
    const QString discriminator = QStringLiteral("type");
    bool discriminatorChecked = false;
    if (properties.contains(discriminator) && instance.contains(discriminator)) {
        QList<SchemaViolation> typeErrors;
        check(instance.value(discriminator),
              properties.value(discriminator),
              baseUri,
              childPath(path, discriminator),
              ctx,
              typeErrors);
        for (const SchemaViolation &v : std::as_const(typeErrors)) {
            if (v.keyword == QLatin1String("enum") || v.keyword == QLatin1String("const")) {
                out.append(typeErrors);
                return;
            }
        }
        out.append(typeErrors);
        discriminatorChecked = true;
    }

    for (auto it = instance.constBegin(); it != instance.constEnd(); ++it) {
        const QString key = it.key();
        if (discriminatorChecked && key == discriminator) {
            continue;
        }
        const QString childAt = childPath(path, key);
        bool covered = false;
        auto prop = properties.constFind(key);
        if (prop != properties.constEnd()) {
            covered = true;
            check(it.value(), prop.value(), baseUri, childAt, ctx, out);
        }
        for (auto pp = patternProperties.constBegin(); pp != patternProperties.constEnd(); ++pp) {
            const QRegularExpression re = regex(pp.key());
            if (re.isValid() && re.match(key).hasMatch()) {
                covered = true;
                check(it.value(), pp.value(), baseUri, childAt, ctx, out);
            }
        }
        if (covered) {
            continue;
        }
        if (additional.isBool() && !additional.toBool()) {
            out.append({childAt, tr("property \"%1\" is not allowed here").arg(key)});
        } else if (additional.isObject()) {
            check(it.value(), additional, baseUri, childAt, ctx, out);
        }
    }
}

void JsonSchemaValidator::checkArray(const QJsonArray &instance,
                                     const QJsonObject &schema,
                                     const QString &baseUri,
                                     const QString &path,
                                     Context &ctx,
                                     QList<SchemaViolation> &out) const
{
    const QJsonValue minItems = schema.value(QLatin1String("minItems"));
    if (minItems.isDouble() && instance.size() < qsizetype(minItems.toDouble())) {
        out.append({path, tr("has fewer than %1 items (%2)").arg(minItems.toInt()).arg(instance.size())});
    }
    const QJsonValue maxItems = schema.value(QLatin1String("maxItems"));
    if (maxItems.isDouble() && instance.size() > qsizetype(maxItems.toDouble())) {
        out.append({path, tr("has more than %1 items (%2)").arg(maxItems.toInt()).arg(instance.size())});
    }
    if (schema.value(QLatin1String("uniqueItems")).toBool(false)) {
        for (qsizetype i = 0; i < instance.size(); ++i) {
            for (qsizetype j = i + 1; j < instance.size(); ++j) {
                if (instance.at(i) == instance.at(j)) {
                    out.append({indexPath(path, j), tr("duplicates item %1 (uniqueItems)").arg(i)});
                }
            }
        }
    }
    const QJsonValue items = schema.value(QLatin1String("items"));
    if (items.isObject() || items.isBool()) {
        for (qsizetype i = 0; i < instance.size(); ++i) {
            check(instance.at(i), items, baseUri, indexPath(path, i), ctx, out);
        }
    } else if (items.isArray()) {
        const QJsonArray tuple = items.toArray();
        const QJsonValue additional = schema.value(QLatin1String("additionalItems"));
        for (qsizetype i = 0; i < instance.size(); ++i) {
            if (i < tuple.size()) {
                check(instance.at(i), tuple.at(i), baseUri, indexPath(path, i), ctx, out);
            } else if (additional.isBool() && !additional.toBool()) {
                out.append({indexPath(path, i), tr("no more than %1 items are allowed").arg(tuple.size())});
            } else if (additional.isObject()) {
                check(instance.at(i), additional, baseUri, indexPath(path, i), ctx, out);
            }
        }
    }
}

} // namespace Switchboard::Bot
