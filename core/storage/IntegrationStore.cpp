// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntegrationStore.h"

#include "storage/StorageLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <cmath>

namespace Switchboard::Storage
{

namespace
{

using namespace Qt::StringLiterals;

/** 1-based line and column (in characters) of a byte offset into UTF-8 text. */
std::pair<int, int> lineAndColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    const QByteArray before = data.left(offset);
    const int line = static_cast<int>(before.count('\n')) + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int column = static_cast<int>(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
    return {line, column};
}

/**
 * Schema 0 is the pre-release prototype's flat layout: `{"integrations": [{"id", "name", "enabled",
 * "accountId", "csdsDomain", "channel", "loginType", "loginName", "botUrl", "botId", "environment",
 * "botSkill", "fallbackSkill", "fallbackSkillName", "timeoutMs", "retries", "passwordKey"}]}` with no
 * schemaVersion. Version 1 groups the fields (see IntegrationDefinition) and names secrets under "secrets".
 */
QJsonObject migrateV0ToV1(const QJsonObject &root)
{
    QJsonObject migrated = root;
    QJsonArray integrations;
    for (const QJsonValue &value : root.value(u"integrations"_s).toArray()) {
        if (!value.isObject()) {
            integrations.append(value); // reported by the normal validation
            continue;
        }
        QJsonObject old = value.toObject();
        QJsonObject lp;
        QJsonObject bot;
        QJsonObject routing;
        QJsonObject delivery;
        QJsonObject secrets;
        auto move = [&old](const QString &from, QJsonObject &to, const QString &name) {
            if (old.contains(from)) {
                to.insert(name, old.take(from));
            }
        };
        move(u"accountId"_s, lp, u"accountId"_s);
        move(u"csdsDomain"_s, lp, u"csdsDomain"_s);
        move(u"channel"_s, lp, u"channel"_s);
        move(u"loginType"_s, lp, u"loginType"_s);
        move(u"loginName"_s, lp, u"loginName"_s);
        move(u"botUrl"_s, bot, u"baseUrl"_s);
        move(u"botId"_s, bot, u"botId"_s);
        move(u"environment"_s, bot, u"environment"_s);
        move(u"botSkill"_s, routing, u"botSkillId"_s);
        move(u"fallbackSkill"_s, routing, u"fallbackSkillId"_s);
        move(u"fallbackSkillName"_s, routing, u"fallbackSkillName"_s);
        move(u"timeoutMs"_s, delivery, u"requestTimeoutMs"_s);
        move(u"passwordKey"_s, secrets, SecretField::LoginPassword);
        if (old.contains(u"retries"_s)) {
            const QJsonValue retries = old.take(u"retries"_s);
            // v0 counted retries after the first attempt; v1 counts attempts.
            delivery.insert(u"attempts"_s, retries.isDouble() ? QJsonValue(retries.toDouble() + 1) : retries);
        }
        bot.insert(u"protocol"_s, u"customEndpoint"_s);
        if (old.value(u"id"_s).toString().isEmpty()) {
            old.insert(u"id"_s, IntegrationDefinition::newId());
        }
        old.insert(u"liveperson"_s, lp);
        old.insert(u"bot"_s, bot);
        old.insert(u"routing"_s, routing);
        old.insert(u"delivery"_s, delivery);
        old.insert(u"secrets"_s, secrets);
        integrations.append(old);
    }
    migrated.insert(u"integrations"_s, integrations);
    migrated.insert(u"schemaVersion"_s, 1);
    return migrated;
}

using Migration = QJsonObject (*)(const QJsonObject &);
/** migrations[n] turns schema n into schema n + 1, in memory. */
constexpr Migration migrations[] = {&migrateV0ToV1};
static_assert(std::size(migrations) == IntegrationStore::CurrentSchemaVersion);

} // namespace

IntegrationStore::IntegrationStore(const QString &configDir, QObject *parent)
    : QObject(parent)
    , m_configDir(configDir.isEmpty() ? defaultConfigDir() : configDir)
{
}

IntegrationStore::~IntegrationStore() = default;

QString IntegrationStore::defaultConfigDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

QString IntegrationStore::fileName()
{
    return u"integrations.json"_s;
}

QString IntegrationStore::configDir() const
{
    return m_configDir;
}

QString IntegrationStore::filePath() const
{
    return QDir(m_configDir).filePath(fileName());
}

QString IntegrationStore::backupFilePath() const
{
    return filePath() + u".bak"_s;
}

bool IntegrationStore::isReadOnly() const
{
    return !m_readOnlyReason.isEmpty();
}

QString IntegrationStore::readOnlyReason() const
{
    return m_readOnlyReason;
}

int IntegrationStore::fileSchemaVersion() const
{
    return m_fileSchemaVersion;
}

bool IntegrationStore::hasPendingMigration() const
{
    return m_pendingMigration;
}

QList<IntegrationDefinition> IntegrationStore::integrations() const
{
    return m_integrations;
}

std::optional<IntegrationDefinition> IntegrationStore::integration(const QString &id) const
{
    for (const IntegrationDefinition &def : m_integrations) {
        if (def.id == id) {
            return def;
        }
    }
    return std::nullopt;
}

void IntegrationStore::setReadOnly(const QString &reason)
{
    const bool was = isReadOnly();
    m_readOnlyReason = reason;
    if (was != isReadOnly()) {
        Q_EMIT readOnlyChanged(isReadOnly());
    }
}

VoidResult IntegrationStore::load()
{
    const QString path = filePath();
    QList<IntegrationDefinition> loaded;
    QJsonObject rootUnknown;
    QString failure;
    QString code;
    int version = CurrentSchemaVersion;
    bool pendingMigration = false;

    auto finish = [&]() -> VoidResult {
        m_integrations = loaded;
        m_rootUnknownFields = rootUnknown;
        m_fileSchemaVersion = version;
        m_pendingMigration = pendingMigration && failure.isEmpty();
        setReadOnly(failure);
        qCInfo(lcStorage) << "integrations: loaded" << loaded.size() << "definition(s), schema" << version
                          << (failure.isEmpty() ? "writable" : "read-only");
        Q_EMIT integrationsReset();
        Q_EMIT integrationsChanged();
        if (!failure.isEmpty()) {
            qCWarning(lcStorage).noquote() << failure;
            return Error{code, failure};
        }
        return Success{};
    };
    auto keptReadOnly = [] {
        return tr("The file was left unchanged and integrations are read-only until it is fixed.");
    };

    QFile file(path);
    if (!file.exists()) {
        return finish();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        code = u"storage.config_unreadable"_s;
        failure = tr("Cannot read %1: %2. %3").arg(path, file.errorString(), keptReadOnly());
        return finish();
    }
    const QByteArray data = file.readAll();
    file.close();

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(data, parseError.offset);
        code = u"storage.config_parse_error"_s;
        failure = tr("%1:%2:%3: %4. %5")
                      .arg(path)
                      .arg(line)
                      .arg(column)
                      .arg(parseError.errorString(), keptReadOnly());
        return finish();
    }
    if (!document.isObject()) {
        code = u"storage.config_invalid"_s;
        failure = tr("%1:1:1: the top level must be a JSON object with \"schemaVersion\" and \"integrations\". %2")
                      .arg(path, keptReadOnly());
        return finish();
    }
    QJsonObject root = document.object();

    version = 0;
    if (root.contains(u"schemaVersion"_s)) {
        const QJsonValue value = root.value(u"schemaVersion"_s);
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || std::floor(number) != number || number > 1e6) {
            code = u"storage.config_invalid"_s;
            failure = tr("%1: schemaVersion: must be a whole number. %2").arg(path, keptReadOnly());
            return finish();
        }
        version = static_cast<int>(number);
    }
    if (version > CurrentSchemaVersion) {
        code = u"storage.config_newer_schema"_s;
        failure = tr("%1: schemaVersion: the file has schema version %2, written by a newer Switchboard; this "
                     "version understands up to %3. %4")
                      .arg(path)
                      .arg(version)
                      .arg(CurrentSchemaVersion)
                      .arg(keptReadOnly());
        return finish();
    }
    for (int from = version; from < CurrentSchemaVersion; ++from) {
        root = migrations[from](root);
        pendingMigration = true;
        qCInfo(lcStorage) << "integrations: migrated schema" << from << "to" << from + 1 << "in memory";
    }

    QList<FieldError> errors;
    const QJsonValue list = root.value(u"integrations"_s);
    if (!list.isUndefined() && !list.isArray()) {
        errors.append(FieldError{u"integrations"_s, tr("must be an array")});
    }
    const QJsonArray array = list.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = u"integrations[%1]"_s.arg(i);
        if (!array.at(i).isObject()) {
            errors.append(FieldError{itemPath, tr("must be an object")});
            continue;
        }
        QList<FieldError> itemErrors;
        IntegrationDefinition def = IntegrationDefinition::fromJson(array.at(i).toObject(), itemPath, &itemErrors);
        if (!def.id.isEmpty() && ids.contains(def.id)) {
            itemErrors.append(FieldError{itemPath + u".id"_s, tr("duplicates the id of an earlier integration")});
        }
        errors.append(itemErrors);
        if (itemErrors.isEmpty()) {
            ids.insert(def.id);
            loaded.append(std::move(def));
        }
    }
    root.remove(u"integrations"_s);
    root.remove(u"schemaVersion"_s);
    rootUnknown = root;

    if (!errors.isEmpty()) {
        code = u"storage.config_invalid"_s;
        failure = tr("%1 holds invalid integration definitions:\n%2\n%3")
                      .arg(path, IntegrationDefinition::joinErrors(errors), keptReadOnly());
    }
    return finish();
}

VoidResult IntegrationStore::checkWritable() const
{
    if (isReadOnly()) {
        return Error{u"storage.config_read_only"_s,
                     tr("Integrations are read-only because %1 could not be loaded: %2").arg(filePath(), m_readOnlyReason)};
    }
    return Success{};
}

VoidResult IntegrationStore::validateSet(const QList<IntegrationDefinition> &set) const
{
    QList<FieldError> errors;
    QSet<QString> ids;
    for (qsizetype i = 0; i < set.size(); ++i) {
        const QString itemPath = u"integrations[%1]"_s.arg(i);
        errors.append(set.at(i).validate(itemPath));
        if (ids.contains(set.at(i).id)) {
            errors.append(FieldError{itemPath + u".id"_s, tr("duplicates the id of an earlier integration")});
        }
        ids.insert(set.at(i).id);
    }
    if (!errors.isEmpty()) {
        return Error{u"storage.integration_invalid"_s, IntegrationDefinition::joinErrors(errors)};
    }
    return Success{};
}

VoidResult IntegrationStore::write(const QList<IntegrationDefinition> &set)
{
    if (VoidResult writable = checkWritable(); !writable) {
        return writable;
    }
    if (VoidResult valid = validateSet(set); !valid) {
        return valid;
    }
    const QString path = filePath();
    auto writeFailed = [&](const QString &reason) -> VoidResult {
        const QString message = tr("Cannot write %1: %2").arg(path, reason);
        qCWarning(lcStorage).noquote() << message;
        return Error{u"storage.config_write_failed"_s, message};
    };
    if (!QDir().mkpath(m_configDir)) {
        return writeFailed(tr("cannot create the directory %1").arg(m_configDir));
    }
    if (m_pendingMigration && QFile::exists(path)) {
        // Keep the old-schema file: an older Switchboard cannot read the migrated one.
        QFile::remove(backupFilePath());
        if (!QFile::copy(path, backupFilePath())) {
            return writeFailed(tr("cannot keep a backup of the old file as %1").arg(backupFilePath()));
        }
    }

    QJsonObject root = m_rootUnknownFields;
    root.insert(u"schemaVersion"_s, CurrentSchemaVersion);
    QJsonArray array;
    for (const IntegrationDefinition &def : set) {
        array.append(def.toJson());
    }
    root.insert(u"integrations"_s, array);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return writeFailed(file.errorString());
    }
    const QByteArray data = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return writeFailed(reason);
    }
    if (!file.commit()) {
        return writeFailed(file.errorString());
    }
    m_pendingMigration = false;
    m_fileSchemaVersion = CurrentSchemaVersion;
    qCInfo(lcStorage) << "integrations: wrote" << set.size() << "definition(s)," << data.size() << "bytes";
    return Success{};
}

Result<IntegrationDefinition> IntegrationStore::add(IntegrationDefinition definition)
{
    if (definition.id.isEmpty()) {
        definition.id = IntegrationDefinition::newId();
    }
    if (integration(definition.id)) {
        return Error{u"storage.integration_duplicate"_s,
                     tr("An integration with the id \"%1\" already exists.").arg(definition.id)};
    }
    if (const QList<FieldError> errors = definition.validate(); !errors.isEmpty()) {
        return Error{u"storage.integration_invalid"_s, IntegrationDefinition::joinErrors(errors)};
    }
    QList<IntegrationDefinition> next = m_integrations;
    next.append(definition);
    if (VoidResult written = write(next); !written) {
        return written.error();
    }
    m_integrations = next;
    Q_EMIT integrationAdded(definition.id);
    Q_EMIT integrationsChanged();
    return definition;
}

VoidResult IntegrationStore::update(const IntegrationDefinition &definition)
{
    QList<IntegrationDefinition> next = m_integrations;
    auto it = std::find_if(next.begin(), next.end(), [&](const IntegrationDefinition &def) {
        return def.id == definition.id;
    });
    if (it == next.end()) {
        return Error{u"storage.integration_not_found"_s, tr("No integration has the id \"%1\".").arg(definition.id)};
    }
    if (const QList<FieldError> errors = definition.validate(); !errors.isEmpty()) {
        return Error{u"storage.integration_invalid"_s, IntegrationDefinition::joinErrors(errors)};
    }
    *it = definition;
    if (VoidResult written = write(next); !written) {
        return written;
    }
    m_integrations = next;
    Q_EMIT integrationUpdated(definition.id);
    Q_EMIT integrationsChanged();
    return Success{};
}

VoidResult IntegrationStore::remove(const QString &id)
{
    QList<IntegrationDefinition> next = m_integrations;
    const auto removed = next.removeIf([&](const IntegrationDefinition &def) {
        return def.id == id;
    });
    if (removed == 0) {
        return Error{u"storage.integration_not_found"_s, tr("No integration has the id \"%1\".").arg(id)};
    }
    if (VoidResult written = write(next); !written) {
        return written;
    }
    m_integrations = next;
    Q_EMIT integrationRemoved(id);
    Q_EMIT integrationsChanged();
    return Success{};
}

VoidResult IntegrationStore::save()
{
    return write(m_integrations);
}

} // namespace Switchboard::Storage
