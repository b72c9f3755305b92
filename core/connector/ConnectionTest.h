// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorTypes.h"
#include "storage/IntegrationDefinition.h"

#include <QHash>
#include <QObject>

namespace Switchboard::Connector
{

/**
 * A one-off check of an integration's configuration, run before it is saved: resolve the
 * LivePerson domains (CSDS), log in as the bot's agent user, read the account's skills, and ask
 * the bot for its state. The integration dialog shows each step as it completes.
 *
 * Contract: start() returns at once; every step is reported by stepChanged() — first Running, then
 * Ok, Failed or Skipped (a step after a failed one is Skipped) — on the thread the object lives on.
 * finished() follows the last step exactly once per run. cancel() ends a run without further
 * signals. A new start() cancels a run in progress. skillsLoaded() carries the skills read in the
 * Skills step, so the caller can fill a skill picker.
 *
 * Secrets: the definition names keychain entries only; @p unsavedSecrets holds values the
 * operator has typed but not saved yet (secret field → value, see Storage::SecretField). The
 * implementation reads the other secrets from the SecretStore itself, keeps them only as long as
 * the run needs them, and never logs them.
 *
 * Ownership and threads: owned by whoever runs the test (the dialog); lives on the UI thread and
 * does its I/O asynchronously or on a worker thread of its own.
 */
class ConnectionTest : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTest)

public:
    enum class Step {
        Csds,
        Login,
        Skills,
        BotState,
    };
    Q_ENUM(Step)
    static constexpr int StepCount = 4;

    enum class StepState {
        Pending,
        Running,
        Ok,
        Failed,
        Skipped,
    };
    Q_ENUM(StepState)

    using QObject::QObject;
    ~ConnectionTest() override = default;

    virtual void start(const Storage::IntegrationDefinition &definition,
                       const QHash<QString, QString> &unsavedSecrets) = 0;
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;

Q_SIGNALS:
    /** @p message is translated and operator-facing: the endpoint found, the error and its fix. */
    void stepChanged(Switchboard::Connector::ConnectionTest::Step step,
                     Switchboard::Connector::ConnectionTest::StepState state,
                     const QString &message);
    void skillsLoaded(const QList<Switchboard::Connector::SkillInfo> &skills);
    void finished(bool ok);
};

} // namespace Switchboard::Connector
