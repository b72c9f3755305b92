// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectionTest.h"

#include <QPointer>
#include <QThread>

namespace Switchboard::Storage
{
class SecretStore;
}

namespace Switchboard::Connector
{

class ConnectionTestWorker;

/**
 * The real ConnectionTest: CSDS → Login Service (then logout) → skills → the bot's state, against
 * LivePerson or the sandbox. Secrets the operator typed but has not saved override the stored
 * ones; the rest are read from the SecretStore.
 *
 * Threads: the object lives on its creator's thread (the UI's); the network work runs on a
 * thread the test owns, and results come back by queued signals.
 */
class LiveConnectionTest final : public ConnectionTest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveConnectionTest)

public:
    explicit LiveConnectionTest(Storage::SecretStore *secrets, QObject *parent = nullptr);
    ~LiveConnectionTest() override;

    void start(const Storage::IntegrationDefinition &definition,
               const QHash<QString, QString> &unsavedSecrets) override;
    void cancel() override;
    bool isRunning() const override;

private:
    QPointer<Storage::SecretStore> m_secrets;
    QThread m_thread;
    ConnectionTestWorker *m_worker = nullptr;
    quint64 m_run = 0;
    bool m_running = false;
};

} // namespace Switchboard::Connector
