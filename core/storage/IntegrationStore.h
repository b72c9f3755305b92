// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/IntegrationDefinition.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <optional>

namespace Switchboard::Storage
{

/**
 * The set of integration definitions, kept in `integrations.json` in the configuration directory
 * (the platform's AppConfigLocation, or the directory given with --config-dir):
 * `{"schemaVersion": 1, "integrations": [ … ]}`. Only keychain key names are written, never a
 * secret (IntegrationDefinition cannot hold one).
 *
 * - Every change is validated and written atomically (QSaveFile: a new file replaces the old
 *   one, so a crash leaves either the old or the new set). The in-memory set changes, and the
 *   signals fire, only after the file was written.
 * - A file that cannot be read, is not valid JSON, holds invalid definitions, or was written by
 *   a newer schema version is never overwritten: load() reports the file, line and column (for
 *   JSON errors) and the reason, keeps the valid definitions it could read, and the store becomes
 *   read-only — every write returns an error saying why, until the file is fixed and loaded again.
 * - An older schema version is migrated in memory; the file is rewritten only at the next write
 *   (add/update/remove/save), after copying the old file to `integrations.json.bak`.
 *
 * A missing file is an empty, writable set. The store lives in one thread (normally the UI
 * thread) and is not thread-safe; the file is small and touched only at start-up and when the
 * operator saves a change.
 */
class IntegrationStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationStore)

public:
    static constexpr int CurrentSchemaVersion = 1;

    /** A store for @p configDir; empty = defaultConfigDir(). Call load() before use. */
    explicit IntegrationStore(const QString &configDir = QString(), QObject *parent = nullptr);
    ~IntegrationStore() override;

    /** QStandardPaths::AppConfigLocation. */
    static QString defaultConfigDir();
    static QString fileName();

    QString configDir() const;
    /** Full path of integrations.json. */
    QString filePath() const;
    /** Full path of the backup written before a migrated file is replaced. */
    QString backupFilePath() const;

    /**
     * (Re)reads the file. On failure the error names the file (and line and column for JSON
     * errors) and the store is read-only; definitions that were valid are still available.
     * Emits integrationsReset() and integrationsChanged().
     */
    VoidResult load();

    bool isReadOnly() const;
    /** Why the store is read-only (the load error), or empty. */
    QString readOnlyReason() const;
    /** Schema version of the file as read (0 for the pre-release layout, or when there was no file). */
    int fileSchemaVersion() const;
    /** The file was of an older schema and will be rewritten (with a backup) at the next write. */
    bool hasPendingMigration() const;

    QList<IntegrationDefinition> integrations() const;
    std::optional<IntegrationDefinition> integration(const QString &id) const;

    /** Validates and adds @p definition (a new id is assigned when it has none); returns it as stored. */
    Result<IntegrationDefinition> add(IntegrationDefinition definition);
    /** Validates and replaces the definition with the same id. */
    VoidResult update(const IntegrationDefinition &definition);
    /** Removes the definition with @p id. Its secrets stay in the SecretStore; the caller removes them. */
    VoidResult remove(const QString &id);
    /** Writes the current set (for example to complete a pending migration). */
    VoidResult save();

Q_SIGNALS:
    void integrationAdded(const QString &id);
    void integrationUpdated(const QString &id);
    void integrationRemoved(const QString &id);
    /** The whole set was (re)loaded. */
    void integrationsReset();
    /** Emitted after each of the signals above. */
    void integrationsChanged();
    void readOnlyChanged(bool readOnly);

private:
    VoidResult checkWritable() const;
    VoidResult validateSet(const QList<IntegrationDefinition> &set) const;
    VoidResult write(const QList<IntegrationDefinition> &set);
    void setReadOnly(const QString &reason);

    QString m_configDir;
    QList<IntegrationDefinition> m_integrations;
    QJsonObject m_rootUnknownFields;
    QString m_readOnlyReason;
    int m_fileSchemaVersion = 0;
    bool m_pendingMigration = false;
};

} // namespace Switchboard::Storage
