// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/MessagingAgentChannel.h"
#include "liveperson/Scheduler.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>
#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace Switchboard::Sandbox
{
class Emulator;
}

namespace Switchboard::Test
{

/**
 * A Scheduler for tests: records every delay a policy asked for, then either fires the call
 * almost at once (1 ms, the default) or holds it until fireAll() (manual mode), so retry and
 * reconnect paths run without waiting the real delays.
 */
class RecordingScheduler final : public LivePerson::Scheduler
{
public:
    QObject *schedule(std::chrono::milliseconds delay, QObject *owner, std::function<void()> callback) override;

    void setManual(bool manual);
    /** Fires every held call (manual mode). */
    void fireAll();
    QList<std::chrono::milliseconds> delays() const;
    /** Calls scheduled and neither fired nor cancelled yet. */
    int pendingCount() const;

private:
    bool m_manual = false;
    QList<std::chrono::milliseconds> m_delays;
    struct Entry
    {
        QPointer<QTimer> timer;
        std::shared_ptr<bool> fired;
    };
    QList<Entry> m_entries;
};

/** Emits fired() when a test's callback ran, so the test can wait for it with QSignalSpy. */
class CallbackSignal final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void fired();
};

/** The answer of one control-API call. */
struct ControlReply
{
    int status = 0;
    QJsonValue body;
};

/**
 * Drives the in-process sandbox through its HTTPS control API (consumers, conversations,
 * faults), trusting the sandbox CA through LivePerson::makeSslConfiguration (verification on).
 * Calls wait with QSignalSpy, as QTest does.
 */
class SandboxControl final
{
public:
    explicit SandboxControl(const Sandbox::Emulator &emulator);
    ~SandboxControl();

    ControlReply call(const QByteArray &verb, const QString &path, const QJsonObject &body = {});

    QString createConsumer();
    /** Starts a messaging conversation on a skill; returns its id (empty on failure). */
    QString startConversation(const QString &consumerId, const QString &skillId);
    /** A consumer text; returns the sandbox's sequence (-1 on failure). */
    qint64 consumerSays(const QString &conversationId, const QString &text, const QJsonArray &metadata = {});
    QJsonObject conversation(const QString &conversationId);
    bool fault(const QJsonObject &fault);
    bool clearFaults();

private:
    QUrl m_base;
    QSslConfiguration m_ssl;
    QNetworkAccessManager *m_network;
};

/** Fast-but-faithful channel settings for `loginName` of the sandbox (password or app keys). */
LivePerson::MessagingChannelConfig
channelConfig(const Sandbox::Emulator &emulator, const QString &loginName, bool applicationKeys = false);
/** The sandbox's agent entry from describe() (loginName, password, appKey, secret, userId, userPid, skills). */
QJsonObject sandboxAgent(const Sandbox::Emulator &emulator, const QString &loginName);

inline const QString BotLogin = QStringLiteral("switchboard-bot");
inline const QString BotSkill = QStringLiteral("1001");
inline const QString HumanSkill = QStringLiteral("1002");

} // namespace Switchboard::Test
