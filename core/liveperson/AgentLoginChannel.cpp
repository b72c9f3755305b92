// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentLoginChannel.h"

#include "LivePersonHttp.h"
#include "LivePersonLogging.h"
#include "Scheduler.h"
#include "SkillsClient.h"
#include "UmsProtocol.h"
#include "util/Clock.h"

#include <QMetaObject>
#include <QTimer>

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

namespace Switchboard::LivePerson
{

AgentLoginChannel::AgentLoginChannel(const AgentLoginConfig &config, const char *logName, QObject *parent)
    : AgentChannel(parent)
    , m_loginConfig(config)
    , m_logName(logName)
    , m_clock(&Clock::system())
    , m_scheduler(&Scheduler::system())
    , m_retryPolicy(m_loginConfig.retry)
    , m_backoff(m_loginConfig.reconnect)
    , m_http(new LivePersonHttp(this))
    , m_resolver(new DomainResolver(m_http, *m_clock, this))
    , m_login(new LoginClient(m_http, this))
    , m_skillsClient(new SkillsClient(m_http, this))
    , m_refreshTimer(new QTimer(this))
{
    m_resolver->setCacheTtl(m_loginConfig.csdsCacheTtl);
    m_http->setTransferTimeout(m_loginConfig.httpTimeout);
    m_refreshTimer->setInterval(m_loginConfig.refreshInterval);
    connect(m_refreshTimer, &QTimer::timeout, this, &AgentLoginChannel::handleRefreshTimer);
}

AgentLoginChannel::~AgentLoginChannel()
{
    ++m_run;
    ++m_attempt;
}

void AgentLoginChannel::setClock(const Clock &clock)
{
    m_clock = &clock;
    delete m_resolver;
    m_resolver = new DomainResolver(m_http, *m_clock, this);
    m_resolver->setCacheTtl(m_loginConfig.csdsCacheTtl);
}

void AgentLoginChannel::setScheduler(Scheduler &scheduler)
{
    m_scheduler = &scheduler;
}

void AgentLoginChannel::setRandomSource(ReconnectBackoff::RandomSource random)
{
    m_backoff = ReconnectBackoff(m_loginConfig.reconnect, std::move(random));
}

ChannelStatus AgentLoginChannel::status() const
{
    return m_status;
}

QString AgentLoginChannel::agentId() const
{
    return m_oldId;
}

QString AgentLoginChannel::agentPid() const
{
    return m_session.userPid;
}

QList<Skill> AgentLoginChannel::skills() const
{
    return m_skills;
}

void AgentLoginChannel::setResumeSequenceProvider(ResumeSequenceProvider provider)
{
    m_resumeProvider = std::move(provider);
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

void AgentLoginChannel::setStatus(ChannelState state, const QString &reason, std::optional<ApiError> error)
{
    ChannelStatus status;
    status.state = state;
    status.reason = reason;
    status.attempt = std::max(m_failures, m_reconnects);
    status.error = std::move(error);
    if (state == ChannelState::Reconnecting) {
        status.nextAttemptAt = m_status.nextAttemptAt;
    }
    const bool changed = status.state != m_status.state || status.reason != m_status.reason ||
                         status.nextAttemptAt != m_status.nextAttemptAt;
    m_status = status;
    if (changed) {
        qCInfo(lcLivePerson) << m_logName << m_loginConfig.credentials.loginName << "→" << channelStateName(state);
        Q_EMIT stateChanged(m_status);
    }
}

void AgentLoginChannel::start()
{
    switch (m_status.state) {
    case ChannelState::Stopped:
    case ChannelState::Kicked:
    case ChannelState::Failed:
        break;
    default:
        return; // already running (or stopping)
    }
    ++m_run;
    m_failures = 0;
    m_reconnects = 0;
    m_refreshFailures = 0;
    m_status.nextAttemptAt = {};

    const auto credentials = m_loginConfig.credentials.validate();
    if (!credentials) {
        fail(ApiError::make(ApiErrorKind::Config, credentials.error().message));
        return;
    }
    const auto csds = validateHost(m_loginConfig.csdsDomain);
    if (!csds) {
        fail(ApiError::make(ApiErrorKind::Config, csds.error().message));
        return;
    }
    if (m_loginConfig.accountId.isEmpty()) {
        fail(ApiError::make(ApiErrorKind::Config, tr("The LivePerson account id is empty.")));
        return;
    }
    const auto ssl = makeSslConfiguration(m_loginConfig.extraCaFile);
    if (!ssl) {
        fail(ApiError::make(ApiErrorKind::Config, ssl.error().message));
        return;
    }
    m_http->setSslConfiguration(*ssl);
    beginLogin();
}

void AgentLoginChannel::stop()
{
    if (m_status.state == ChannelState::Stopping) {
        return; // stopped() follows
    }
    if (m_status.state == ChannelState::Stopped) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT stopped(); }, Qt::QueuedConnection);
        return;
    }
    // After a kick the session belongs to nobody; its csrf is dead, so there is nothing to end.
    const bool kicked = m_status.state == ChannelState::Kicked;
    ++m_run;
    ++m_attempt;
    cancelRetry();
    m_refreshTimer->stop();
    const quint64 run = m_run;
    auto logoutThenFinish = [this, run, kicked] {
        if (run != m_run) {
            return;
        }
        dropTransport();
        const QString agentVep = m_domains.host(Service::AgentVep);
        if (!m_loggedIn || kicked || m_session.csrf.isEmpty() || agentVep.isEmpty()) {
            finishStop();
            return;
        }
        m_login->logout(
            agentVep, m_loginConfig.accountId, m_session, this, [this, run](const ApiResult<Success> &result) {
                if (run != m_run) {
                    return;
                }
                if (!result) {
                    qCWarning(lcLivePerson) << m_logName << "logout failed:" << ApiError::kindName(result.error().kind)
                                            << result.error().status;
                }
                finishStop();
            });
    };
    goAway(std::move(logoutThenFinish));
    setStatus(ChannelState::Stopping);
}

void AgentLoginChannel::finishStop()
{
    stopFinished();
    m_loggedIn = false;
    m_session = LoginSession{};
    m_status.nextAttemptAt = {};
    setStatus(ChannelState::Stopped);
    Q_EMIT stopped();
}

void AgentLoginChannel::fail(const ApiError &error)
{
    endLogin();
    dropTransport();
    failed(error);
    qCWarning(lcLivePerson) << m_logName << m_loginConfig.credentials.loginName
                            << "failed:" << ApiError::kindName(error.kind) << error.status;
    setStatus(ChannelState::Failed, error.message, error);
}

void AgentLoginChannel::cancelRetry()
{
    delete m_retryHandle.data();
    m_retryHandle = nullptr;
}

void AgentLoginChannel::endLogin()
{
    ++m_attempt;
    cancelRetry();
    m_refreshTimer->stop();
    m_loggedIn = false;
    m_status.nextAttemptAt = {};
}

void AgentLoginChannel::stopRefreshTimer()
{
    m_refreshTimer->stop();
}

void AgentLoginChannel::checkLogin(std::function<void(const std::optional<ApiError> &)> answer)
{
    const QString agentVep = m_domains.host(Service::AgentVep);
    if (m_loggedIn && !m_session.csrf.isEmpty() && !agentVep.isEmpty()) {
        m_login->refresh(
            agentVep, m_loginConfig.accountId, m_session, this, [answer](const ApiResult<Success> &result) {
                answer(result ? std::nullopt : std::optional<ApiError>(result.error()));
            });
        return;
    }
    const QString accountConfig = m_domains.host(Service::AccountConfigReadOnly);
    if (m_loggedIn && !accountConfig.isEmpty()) {
        m_skillsClient->fetch(accountConfig,
                              m_loginConfig.accountId,
                              m_session.bearer,
                              this,
                              [answer](const ApiResult<QList<Skill>> &result) {
                                  answer(result ? std::nullopt : std::optional<ApiError>(result.error()));
                              });
        return;
    }
    answer(ApiError::make(ApiErrorKind::Http, tr("The channel is not logged in."), 401));
}

RequestId AgentLoginChannel::rejectCommand(ApiErrorKind kind, const QString &message, CommandCompletion done)
{
    const RequestId id = m_nextRequestId++;
    CommandResult result;
    result.requestId = id;
    result.error = ApiError::make(kind, message);
    done.complete(result);
    return id;
}

void AgentLoginChannel::beginLogin()
{
    const quint64 attempt = ++m_attempt;
    dropTransport();
    m_loggedIn = false;
    m_refreshTimer->stop();
    setStatus(ChannelState::Resolving);
    m_resolver->resolve(m_loginConfig.csdsDomain,
                        m_loginConfig.accountId,
                        this,
                        [this, attempt](const ApiResult<ServiceDomains> &result) {
                            if (attempt != m_attempt) {
                                return;
                            }
                            if (!result) {
                                handleRestFailure(RetryPolicy::Operation::Other, result.error());
                                return;
                            }
                            m_domains = result.value();
                            doLogin(attempt);
                        });
}

void AgentLoginChannel::doLogin(quint64 attempt)
{
    const QString agentVep = m_domains.host(Service::AgentVep);
    if (agentVep.isEmpty()) {
        fail(ApiError::make(
            ApiErrorKind::Config,
            tr("The Domain API lists no \"agentVep\" host for account %1.").arg(m_loginConfig.accountId)));
        return;
    }
    setStatus(ChannelState::LoggingIn);
    ++m_loginAttempts;
    m_login->login(agentVep,
                   m_loginConfig.accountId,
                   m_loginConfig.credentials,
                   this,
                   [this, attempt](const ApiResult<LoginSession> &result) {
                       if (attempt != m_attempt) {
                           return;
                       }
                       if (!result) {
                           handleRestFailure(RetryPolicy::Operation::Login, result.error());
                           return;
                       }
                       ++m_logins;
                       m_session = result.value();
                       m_loggedIn = true;
                       m_failures = 0;
                       m_refreshFailures = 0;
                       m_oldId = Ums::agentOldId(m_loginConfig.accountId, m_session.userId);
                       if (!m_session.domains.isEmpty()) {
                           m_resolver->seed(m_loginConfig.accountId, m_session.domains);
                           m_domains.merge(m_session.domains);
                       }
                       loggedIn();
                       if (!m_session.csrf.isEmpty()) {
                           m_refreshTimer->start();
                       }
                       fetchSkills({});
                       connectTransport();
                   });
}

void AgentLoginChannel::handleRestFailure(RetryPolicy::Operation operation, const ApiError &error, RetryStep step)
{
    ++m_failures;
    if (error.kind == ApiErrorKind::Network || (error.kind == ApiErrorKind::Http && error.status >= 500)) {
        // A host that does not answer may have moved: ask CSDS again next time.
        m_resolver->invalidate(m_loginConfig.accountId);
    }
    const auto delay = m_retryPolicy.delayFor(operation, error, m_failures);
    if (!delay) {
        fail(error);
        return;
    }
    cancelRetry();
    m_status.nextAttemptAt = m_clock->now().addMSecs(delay->count());
    setStatus(ChannelState::Reconnecting,
              tr("%1 Next attempt in %2 s.").arg(error.message).arg(static_cast<double>(delay->count()) / 1000.0),
              error);
    const char *what = step == RetryStep::Transport                   ? "the connection"
                       : operation == RetryPolicy::Operation::Login ? "login"
                                                                      : "lookup";
    qCInfo(lcLivePerson) << m_logName << "retrying" << what << "in" << delay->count() << "ms after"
                         << ApiError::kindName(error.kind) << error.status;
    const quint64 run = m_run;
    m_retryHandle = m_scheduler->schedule(*delay, this, [this, run, step] {
        m_retryHandle = nullptr;
        if (run != m_run) {
            return;
        }
        if (step == RetryStep::Transport && m_loggedIn) {
            ++m_attempt;
            connectTransport();
        } else {
            beginLogin();
        }
    });
}

void AgentLoginChannel::scheduleReconnect(ReconnectMode mode, const QString &why, std::optional<ApiError> error)
{
    ++m_attempt;
    dropTransport();
    cancelRetry();
    ++m_reconnects;
    const milliseconds delay = m_backoff.delayFor(m_reconnects);
    m_status.nextAttemptAt = m_clock->now().addMSecs(delay.count());
    const QString action = mode == ReconnectMode::Relogin ? tr("logging in again") : reconnectingText();
    setStatus(ChannelState::Reconnecting,
              tr("%1; %2 in %3 s.").arg(why, action).arg(static_cast<double>(delay.count()) / 1000.0),
              std::move(error));
    qCInfo(lcLivePerson) << m_logName << "scheduling" << (mode == ReconnectMode::Relogin ? "a re-login" : "a reconnect")
                         << "in" << delay.count() << "ms (attempt" << m_reconnects << ")";
    const quint64 run = m_run;
    m_retryHandle = m_scheduler->schedule(delay, this, [this, run, mode] {
        m_retryHandle = nullptr;
        if (run != m_run) {
            return;
        }
        if (mode == ReconnectMode::Relogin || !m_loggedIn) {
            beginLogin();
        } else {
            ++m_attempt;
            connectTransport();
        }
    });
}

void AgentLoginChannel::handleRefreshTimer()
{
    const QString agentVep = m_domains.host(Service::AgentVep);
    if (!m_loggedIn || m_session.csrf.isEmpty() || agentVep.isEmpty()) {
        return;
    }
    const quint64 run = m_run;
    const quint64 attempt = m_attempt;
    m_login->refresh(
        agentVep, m_loginConfig.accountId, m_session, this, [this, run, attempt](const ApiResult<Success> &result) {
            if (run != m_run || !m_loggedIn) {
                return;
            }
            if (result) {
                m_refreshFailures = 0;
                return;
            }
            const ApiError &error = result.error();
            if (error.kind == ApiErrorKind::Http && (error.status == 401 || error.status == 403)) {
                loginRefused(error, attempt);
                return;
            }
            ++m_refreshFailures;
            const auto delay = m_retryPolicy.delayFor(RetryPolicy::Operation::Other, error, m_refreshFailures);
            if (delay && *delay < m_loginConfig.refreshInterval) {
                m_scheduler->schedule(*delay, this, [this, run] {
                    if (run == m_run) {
                        handleRefreshTimer();
                    }
                });
            }
        });
}

void AgentLoginChannel::refreshSkills(CommandCompletion done)
{
    if (!m_loggedIn) {
        rejectCommand(ApiErrorKind::NotConnected, tr("The channel is not logged in."), std::move(done));
        return;
    }
    fetchSkills(std::move(done));
}

void AgentLoginChannel::fetchSkills(CommandCompletion done)
{
    const RequestId id = m_nextRequestId++;
    const QString host = m_domains.host(Service::AccountConfigReadOnly);
    if (host.isEmpty()) {
        qCWarning(lcLivePerson) << "No accountConfigReadOnly host; skills unknown";
        CommandResult result;
        result.requestId = id;
        result.error = ApiError::make(
            ApiErrorKind::Config,
            tr("The Domain API lists no \"accountConfigReadOnly\" host for account %1.").arg(m_loginConfig.accountId));
        done.complete(result);
        return;
    }
    const quint64 run = m_run;
    m_skillsClient->fetch(host,
                          m_loginConfig.accountId,
                          m_session.bearer,
                          this,
                          [this, run, id, done](const ApiResult<QList<Skill>> &result) {
                              CommandResult outcome;
                              outcome.requestId = id;
                              if (!result) {
                                  outcome.error = result.error();
                                  done.complete(outcome);
                                  return;
                              }
                              outcome.code = 200;
                              done.complete(outcome);
                              if (run != m_run) {
                                  return;
                              }
                              if (result.value() != m_skills) {
                                  m_skills = result.value();
                                  Q_EMIT skillsChanged(m_skills);
                              }
                          });
}

} // namespace Switchboard::LivePerson
