// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/AgentChannel.h"
#include "liveperson/DomainResolver.h"
#include "liveperson/LoginClient.h"
#include "liveperson/RetryPolicy.h"

#include <QPointer>
#include <chrono>
#include <functional>
#include <optional>

class QTimer;

namespace Switchboard
{
class Clock;
}

namespace Switchboard::LivePerson
{

class LivePersonHttp;
class Scheduler;
class SkillsClient;

/** What every agent channel needs to log in and stay logged in. Defaults are LivePerson's values. */
struct AgentLoginConfig
{
    QString accountId;
    /** CSDS host[:port], e.g. "adminlogin.liveperson.net" or the sandbox's "127.0.0.1:PORT". */
    QString csdsDomain;
    AgentCredentials credentials;
    /** Optional PEM file of an extra trusted CA (the sandbox's); verification stays on. */
    QString extraCaFile;

    std::chrono::milliseconds csdsCacheTtl{60000};
    /** Login Service refresh period (LivePerson: every 3–5 minutes). */
    std::chrono::milliseconds refreshInterval{std::chrono::minutes(5)};
    std::chrono::milliseconds httpTimeout{30000};
    /**
     * After a reconnect, a known conversation the server does not report again within this time
     * is taken as no longer ours and reported closed (reason "NOT_OPEN_AFTER_RECONNECT").
     */
    std::chrono::milliseconds resyncGrace{30000};

    RetryPolicy::Options retry;
    ReconnectBackoff::Options reconnect;
};

/**
 * The part of an AgentChannel that is the same for every LivePerson agent API: the agent user's
 * login and its upkeep, with the channel's own transport (a UMS WebSocket, a Chat API agent
 * session) plugged in through a few hooks.
 *
 * start() validates the configuration, then CSDS (cached) → Login Service → the account's skills
 * (in the background) → connectTransport(). The login is refreshed every refreshInterval; a
 * refresh answered 401/403 goes to loginRefused(). REST failures of the login steps retry per
 * RetryPolicy (a 5xx or network error also forgets the cached CSDS answer); the transport asks
 * for a reconnect with scheduleReconnect() (jittered ReconnectBackoff delay, same login or a new
 * one) or gives up with fail(). stop() lets the transport say goodbye (goAway()), logs out —
 * unless the session was kicked, when it belongs to nobody — and emits stopped(), always
 * asynchronously.
 *
 * Callbacks of an older run (start()/stop()) or attempt (every login or connect) are ignored:
 * runId() and attemptId() tell a subclass's callbacks whether they are still current.
 *
 * Ownership and threads: owns its HTTP client, resolver, login and skills clients and the refresh
 * timer; lives on its creator's thread. Clock and Scheduler are injectable (before start()) and
 * must outlive it.
 */
class AgentLoginChannel : public AgentChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentLoginChannel)

public:
    ~AgentLoginChannel() override;

    void setClock(const Clock &clock);
    void setScheduler(Scheduler &scheduler);
    /** Random source of the reconnect jitter (uniform in [0, 1)); for deterministic tests. */
    void setRandomSource(ReconnectBackoff::RandomSource random);

    // AgentChannel
    ChannelStatus status() const override;
    void start() override;
    void stop() override;
    QString agentId() const override;
    QString agentPid() const override;
    QList<Skill> skills() const override;
    void refreshSkills(CommandCompletion done = {}) override;
    void setResumeSequenceProvider(ResumeSequenceProvider provider) override;

protected:
    enum class ReconnectMode
    {
        /** Keep the login; only the transport connects again. */
        KeepLogin,
        Relogin,
    };
    /** Which step a failed REST call belonged to, and so what its retry runs again. */
    enum class RetryStep
    {
        Login,
        Transport,
    };

    /** @p logName names the channel in log lines ("Channel", "Chat channel"). */
    AgentLoginChannel(const AgentLoginConfig &config, const char *logName, QObject *parent);

    // Hooks for the transport.
    /** Logged in (or reconnecting with the same login): open the transport. */
    virtual void connectTransport() = 0;
    /** Stop using the transport at once (a new login, a reconnect or a failure follows). */
    virtual void dropTransport() = 0;
    /** Called once per login, before the skills fetch and connectTransport(). */
    virtual void loggedIn() {}
    /** A refresh was answered 401/403; @p attempt was current when it was sent. */
    virtual void loginRefused(const ApiError &error, quint64 attempt) = 0;
    /** After fail() stopped the transport: fail what waits for it. */
    virtual void failed(const ApiError &error) = 0;
    /**
     * stop() was called: set the agent away over the transport if it is up, then call @p then —
     * always later, never from within goAway().
     */
    virtual void goAway(std::function<void()> then) = 0;
    /** Logged out (or not): forget the run's state before Stopped. */
    virtual void stopFinished() = 0;
    /** The status text's verb for a ReconnectMode::KeepLogin reconnect ("reconnecting"). */
    virtual QString reconnectingText() const = 0;

    // What the transport calls.
    void setStatus(ChannelState state, const QString &reason = {}, std::optional<ApiError> error = std::nullopt);
    void fail(const ApiError &error);
    void beginLogin();
    void scheduleReconnect(ReconnectMode mode, const QString &why, std::optional<ApiError> error = std::nullopt);
    void handleRestFailure(RetryPolicy::Operation operation, const ApiError &error, RetryStep step = RetryStep::Login);
    void cancelRetry();
    /**
     * Gives the login up without a retry (kicked, failed): a new attempt, no pending retry, no
     * refresh, logged out. The caller sets the state.
     */
    void endLogin();
    void stopRefreshTimer();
    /**
     * Asks LivePerson whether the login still works with an authenticated call (a refresh, else a
     * skills lookup); @p answer gets nullopt when it does, the call's error when not — a 401/403
     * means logging in again. Without a usable login it answers a 401 at once.
     */
    void checkLogin(std::function<void(const std::optional<ApiError> &)> answer);
    /** Fails @p done with @p kind at once and returns the request id it was given. */
    RequestId rejectCommand(ApiErrorKind kind, const QString &message, CommandCompletion done);
    RequestId nextRequestId()
    {
        return m_nextRequestId++;
    }

    /** From a subclass's destructor: callbacks that still arrive are ignored. */
    void invalidateCallbacks()
    {
        ++m_run;
        ++m_attempt;
    }
    quint64 runId() const
    {
        return m_run;
    }
    quint64 attemptId() const
    {
        return m_attempt;
    }
    /** A new attempt: callbacks of the previous one are ignored from now on. */
    quint64 newAttempt()
    {
        return ++m_attempt;
    }
    bool isLoggedIn() const
    {
        return m_loggedIn;
    }
    void setLoggedOut()
    {
        m_loggedIn = false;
    }
    /** Failures of the login steps since the last success, and reconnects since the last Online. */
    void resetAttemptCounters()
    {
        m_failures = 0;
        m_reconnects = 0;
    }
    void clearNextAttempt()
    {
        m_status.nextAttemptAt = {};
    }
    int loginCount() const
    {
        return m_logins;
    }
    int loginAttemptCount() const
    {
        return m_loginAttempts;
    }

    const LoginSession &session() const
    {
        return m_session;
    }
    const ServiceDomains &domains() const
    {
        return m_domains;
    }
    const Clock &clock() const
    {
        return *m_clock;
    }
    Scheduler &scheduler() const
    {
        return *m_scheduler;
    }
    LivePersonHttp *http() const
    {
        return m_http;
    }
    const RetryPolicy &retryPolicy() const
    {
        return m_retryPolicy;
    }
    const ResumeSequenceProvider &resumeProvider() const
    {
        return m_resumeProvider;
    }

private:
    void doLogin(quint64 attempt);
    void handleRefreshTimer();
    void fetchSkills(CommandCompletion done);
    void finishStop();

    AgentLoginConfig m_loginConfig;
    const char *m_logName;
    const Clock *m_clock;
    Scheduler *m_scheduler;
    RetryPolicy m_retryPolicy;
    ReconnectBackoff m_backoff;

    LivePersonHttp *m_http;
    DomainResolver *m_resolver;
    LoginClient *m_login;
    SkillsClient *m_skillsClient;
    QTimer *m_refreshTimer;
    QPointer<QObject> m_retryHandle;

    ChannelStatus m_status;
    /** Changes on start() and stop(): callbacks of an older run are ignored. */
    quint64 m_run = 0;
    /** Changes with every login/connect attempt: only the newest attempt's callbacks count. */
    quint64 m_attempt = 0;
    int m_failures = 0;
    int m_reconnects = 0;
    int m_refreshFailures = 0;
    int m_logins = 0;
    int m_loginAttempts = 0;
    bool m_loggedIn = false;
    LoginSession m_session;
    ServiceDomains m_domains;
    QString m_oldId;
    QList<Skill> m_skills;
    ResumeSequenceProvider m_resumeProvider;
    RequestId m_nextRequestId = 1;
};

} // namespace Switchboard::LivePerson
