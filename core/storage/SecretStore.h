// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Switchboard::Storage
{

/**
 * Outcome of one SecretStore operation. For a successful read, value holds the secret: use it
 * and let it go; never log it or copy it into long-lived objects.
 */
struct SecretResult
{
    enum class Status {
        Ok,
        /** No secret is stored under the key (a distinct, usually recoverable case). */
        NotFound,
        /** No keychain could be reached (no Secret Service, keyring locked, no D-Bus session). */
        Unavailable,
        /** The keychain or the user refused access. */
        AccessDenied,
        /** Any other failure; errorMessage tells what the keychain said. */
        Failed,
    };

    Status status = Status::Ok;
    QString key;
    /** The secret (reads only). */
    QString value;
    /** Translated, operator-facing reason when status is not Ok. */
    QString errorMessage;

    bool ok() const
    {
        return status == Status::Ok;
    }
};

/** Completion of a SecretStore operation; runs in the context object's thread. */
using SecretCallback = std::function<void(const SecretResult &result)>;

/**
 * Where integration secrets (passwords, client secrets, signing keys, tokens) live. Configuration
 * files name a key (see keyFor()); only a SecretStore holds the value.
 *
 * Every operation is asynchronous: it returns at once, and its callback runs later, on a later
 * event-loop turn, in the thread of @p context — and not at all if the context is destroyed
 * first. Operations complete in the order they were issued. Nothing waits in a nested event
 * loop. The operations may be called from any thread; a store itself lives in (and is destroyed
 * by) the thread that created it, which must run an event loop.
 *
 * Implementations: KeychainSecretStore (the OS keychain, the only one the applications use for
 * real credentials) and MemorySecretStore (tests and the sandbox demo).
 */
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    /** Reads the secret stored under @p key; a missing entry completes with Status::NotFound. */
    virtual void read(const QString &key, QObject *context, SecretCallback callback) = 0;
    /** Stores (creates or replaces) @p value under @p key. */
    virtual void write(const QString &key, const QString &value, QObject *context, SecretCallback callback) = 0;
    /** Deletes the secret under @p key. Idempotent: deleting a missing entry succeeds. */
    virtual void remove(const QString &key, QObject *context, SecretCallback callback) = 0;

    /** The conventional key of one secret field of one integration: "<integrationId>/<field>". */
    static QString keyFor(const QString &integrationId, const QString &field);

    /** Operator-facing message for a missing entry (shared by the implementations). */
    static QString notFoundMessage(const QString &key);
};

} // namespace Switchboard::Storage
