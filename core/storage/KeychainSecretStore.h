// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/CallbackRelay.h"
#include "storage/SecretStore.h"

#include <QMutex>

#include <deque>

namespace QKeychain
{
class Job;
}

namespace Switchboard::Storage
{

/**
 * The SecretStore of the applications: the operating system's keychain through QtKeychain
 * (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
 *
 * Each secret is one keychain entry under the service name "Switchboard" (serviceName()) and its
 * key (conventionally "<integrationId>/<field>", see SecretStore::keyFor()). On Linux, QtKeychain's
 * libsecret backend stores the service in the attribute "server" and the key in "user".
 *
 * Jobs run strictly one after another: operations wait in a queue, and the next job is started
 * from a fresh event-loop turn (never from inside the previous job's finished signal). There is
 * no insecure fallback: when no keychain is reachable, operations fail with Status::Unavailable
 * and a message telling the operator what to start or unlock. A secret waits in the queue only
 * until its job starts and is never logged.
 *
 * Lives in the thread that created it (which must run an event loop); the operations may be
 * called from any thread. Destroying the store drops queued operations without calling back.
 */
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    /** A store using another service name (tests use this to keep their entries apart). */
    explicit KeychainSecretStore(const QString &serviceName, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const QString &key, QObject *context, SecretCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, SecretCallback callback) override;
    void remove(const QString &key, QObject *context, SecretCallback callback) override;

    QString serviceName() const;

    /** The default service name, "Switchboard". */
    static QString defaultServiceName();

private:
    enum class Operation {
        Read,
        Write,
        Remove,
    };
    struct PendingJob
    {
        Operation operation = Operation::Read;
        QString key;
        QString value;
        SecretCallback callback;
        Detail::RelayHandle relay;
    };

    static const char *operationName(Operation operation);
    void enqueue(PendingJob job);
    void startNext();
    void handleJobFinished(QKeychain::Job *job);

    QString m_serviceName;
    QMutex m_mutex;
    std::deque<PendingJob> m_queue;
    bool m_busy = false;
    PendingJob m_current;
};

} // namespace Switchboard::Storage
