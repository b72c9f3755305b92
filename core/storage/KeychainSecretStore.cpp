// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeychainSecretStore.h"

#include "storage/StorageLogging.h"

#include <QMutexLocker>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace Switchboard::Storage
{

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(defaultServiceName(), parent)
{
}

KeychainSecretStore::KeychainSecretStore(const QString &serviceName, QObject *parent)
    : SecretStore(parent)
    , m_serviceName(serviceName)
{
}

KeychainSecretStore::~KeychainSecretStore()
{
    QMutexLocker locker(&m_mutex);
    if (!m_queue.empty()) {
        qCInfo(lcStorage) << "keychain: dropping" << m_queue.size() << "queued operation(s) at shutdown";
    }
}

QString KeychainSecretStore::defaultServiceName()
{
    return QStringLiteral("Switchboard");
}

QString KeychainSecretStore::serviceName() const
{
    return m_serviceName;
}

const char *KeychainSecretStore::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "remove";
    }
    return "?";
}

void KeychainSecretStore::read(const QString &key, QObject *context, SecretCallback callback)
{
    enqueue(PendingJob{Operation::Read, key, {}, std::move(callback), Detail::CallbackRelay::makeRelay(context ? context : this)});
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, SecretCallback callback)
{
    enqueue(PendingJob{Operation::Write, key, value, std::move(callback), Detail::CallbackRelay::makeRelay(context ? context : this)});
}

void KeychainSecretStore::remove(const QString &key, QObject *context, SecretCallback callback)
{
    enqueue(PendingJob{Operation::Remove, key, {}, std::move(callback), Detail::CallbackRelay::makeRelay(context ? context : this)});
}

void KeychainSecretStore::enqueue(PendingJob job)
{
    bool startNow = false;
    {
        QMutexLocker locker(&m_mutex);
        m_queue.push_back(std::move(job));
        startNow = !m_busy && m_queue.size() == 1;
        if (startNow) {
            m_busy = true;
        }
    }
    if (startNow) {
        // Always from a fresh event-loop turn in this object's thread (the caller may be another thread).
        QTimer::singleShot(0, this, &KeychainSecretStore::startNext);
    }
}

void KeychainSecretStore::startNext()
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_queue.empty()) {
            m_busy = false;
            return;
        }
        m_current = std::move(m_queue.front());
        m_queue.pop_front();
    }

    QKeychain::Job *job = nullptr;
    switch (m_current.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_serviceName, this);
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_serviceName, this);
        writeJob->setTextData(m_current.value);
        // The job holds its own copy now; do not keep the secret around in the queue entry.
        m_current.value = QString();
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_serviceName, this);
        break;
    }
    job->setKey(m_current.key);
    job->setAutoDelete(true);
    // Secrets go to the OS keychain or nowhere: QtKeychain's plaintext fallback stays off.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, &KeychainSecretStore::handleJobFinished);
    qCDebug(lcStorage) << "keychain:" << operationName(m_current.operation) << "started for key"
                       << m_current.key;
    job->start();
}

void KeychainSecretStore::handleJobFinished(QKeychain::Job *job)
{
    SecretResult result;
    result.key = m_current.key;
    const QKeychain::Error error = job->error();
    const QString detail = job->errorString();

    switch (error) {
    case QKeychain::NoError:
        if (m_current.operation == Operation::Read) {
            result.value = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        }
        break;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotFound;
        result.errorMessage = notFoundMessage(m_current.key);
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = SecretResult::Status::AccessDenied;
        result.errorMessage = tr("Access to the system keychain was denied (%1). Allow Switchboard to use the "
                                 "keychain, or unlock it, and try again.")
                                  .arg(detail);
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // QtKeychain 0.13 reports every "no Secret Service" situation (no D-Bus session, no
        // org.freedesktop.secrets provider, keyring locked) as OtherError; see qt-toolchain.md §5.
        if (error == QKeychain::OtherError && detail.contains(QLatin1String("Object does not exist"))) {
            result.status = SecretResult::Status::Unavailable;
            result.errorMessage =
                tr("The system keychain is locked or has no default keyring (%1). Unlock the keyring "
                   "(for example \"login\" in GNOME Keyring or KeePassXC's Secret Service database) and try again.")
                    .arg(detail);
        } else {
            result.status = SecretResult::Status::Unavailable;
            result.errorMessage =
                tr("No system keychain is available (%1). Switchboard keeps secrets only in the keychain: "
                   "start a Secret Service provider (GNOME Keyring, KeePassXC or KWallet) in this session, "
                   "make sure the D-Bus session bus is reachable (DBUS_SESSION_BUS_ADDRESS), unlock the "
                   "keyring and try again.")
                    .arg(detail);
        }
        break;
    case QKeychain::CouldNotDeleteEntry:
        result.status = SecretResult::Status::Failed;
        result.errorMessage = tr("The system keychain could not delete \"%1\" (%2).").arg(m_current.key, detail);
        break;
    }

    if (!result.ok()) {
        qCInfo(lcStorage) << "keychain:" << operationName(m_current.operation) << "of key"
                          << m_current.key << "failed with QtKeychain error" << int(error) << detail;
    }

    PendingJob finished = std::move(m_current);
    m_current = PendingJob{};
    finished.relay->post([callback = std::move(finished.callback), result = std::move(result)] {
        if (callback) {
            callback(result);
        }
    });

    bool more = false;
    {
        QMutexLocker locker(&m_mutex);
        more = !m_queue.empty();
        m_busy = more;
    }
    if (more) {
        // Never start the next job from inside this job's finished signal.
        QTimer::singleShot(0, this, &KeychainSecretStore::startNext);
    }
}

} // namespace Switchboard::Storage
