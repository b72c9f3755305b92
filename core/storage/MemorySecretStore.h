// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/SecretStore.h"

#include <QHash>
#include <QMutex>

namespace Switchboard::Storage
{

/**
 * A SecretStore that keeps secrets in process memory, for unit tests and the sandbox demo. It
 * keeps the asynchronous contract of SecretStore: each operation takes effect in call order and
 * its callback runs on a later event-loop turn in the context's thread. Thread-safe.
 *
 * setUnavailable() makes every operation fail with Status::Unavailable, to exercise the
 * "no keychain" paths of callers.
 */
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    void read(const QString &key, QObject *context, SecretCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, SecretCallback callback) override;
    void remove(const QString &key, QObject *context, SecretCallback callback) override;

    /** Makes every following operation fail as if no keychain were reachable; empty = available. */
    void setUnavailable(const QString &reason);
    /** Whether a secret is stored under @p key (synchronous; for tests). */
    bool contains(const QString &key) const;
    /** The stored keys (synchronous; for tests). */
    QStringList keys() const;

private:
    void complete(QObject *context, SecretCallback callback, SecretResult result);
    bool failIfUnavailable(SecretResult &result) const;

    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
    QString m_unavailableReason;
};

} // namespace Switchboard::Storage
