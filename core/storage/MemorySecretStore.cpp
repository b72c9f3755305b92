// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemorySecretStore.h"

#include "storage/CallbackRelay.h"

#include <QMutexLocker>

namespace Switchboard::Storage
{

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
}

MemorySecretStore::~MemorySecretStore() = default;

void MemorySecretStore::read(const QString &key, QObject *context, SecretCallback callback)
{
    SecretResult result;
    result.key = key;
    {
        QMutexLocker locker(&m_mutex);
        if (!failIfUnavailable(result)) {
            const auto it = m_secrets.constFind(key);
            if (it == m_secrets.constEnd()) {
                result.status = SecretResult::Status::NotFound;
                result.errorMessage = notFoundMessage(key);
            } else {
                result.value = it.value();
            }
        }
    }
    complete(context, std::move(callback), std::move(result));
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context, SecretCallback callback)
{
    SecretResult result;
    result.key = key;
    {
        QMutexLocker locker(&m_mutex);
        if (!failIfUnavailable(result)) {
            m_secrets.insert(key, value);
        }
    }
    complete(context, std::move(callback), std::move(result));
}

void MemorySecretStore::remove(const QString &key, QObject *context, SecretCallback callback)
{
    SecretResult result;
    result.key = key;
    {
        QMutexLocker locker(&m_mutex);
        if (!failIfUnavailable(result)) {
            m_secrets.remove(key);
        }
    }
    complete(context, std::move(callback), std::move(result));
}

void MemorySecretStore::setUnavailable(const QString &reason)
{
    QMutexLocker locker(&m_mutex);
    m_unavailableReason = reason;
}

bool MemorySecretStore::contains(const QString &key) const
{
    QMutexLocker locker(&m_mutex);
    return m_secrets.contains(key);
}

QStringList MemorySecretStore::keys() const
{
    QMutexLocker locker(&m_mutex);
    return m_secrets.keys();
}

bool MemorySecretStore::failIfUnavailable(SecretResult &result) const
{
    if (m_unavailableReason.isEmpty()) {
        return false;
    }
    result.status = SecretResult::Status::Unavailable;
    result.errorMessage = m_unavailableReason;
    return true;
}

void MemorySecretStore::complete(QObject *context, SecretCallback callback, SecretResult result)
{
    // The effect is applied at call time (so call order is kept); only the completion is deferred.
    const Detail::RelayHandle relay = Detail::CallbackRelay::makeRelay(context ? context : this);
    relay->post([callback = std::move(callback), result = std::move(result)] {
        if (callback) {
            callback(result);
        }
    });
}

} // namespace Switchboard::Storage
