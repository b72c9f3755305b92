// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LiveConnectionTest.h"

#include "SessionFactory.h"
#include "bot/BotClient.h"
#include "bot/BotErrors.h"
#include "liveperson/DomainResolver.h"
#include "liveperson/LivePersonHttp.h"
#include "liveperson/LoginClient.h"
#include "liveperson/SkillsClient.h"
#include "storage/SecretStore.h"
#include "util/Clock.h"

#include <QSslCertificate>
#include <QSslConfiguration>

#include <openssl/crypto.h>

#include <memory>

namespace Switchboard::Connector
{

/** Runs one test's steps on the test's thread. */
class ConnectionTestWorker final : public QObject
{
    Q_OBJECT

public:
    using Step = ConnectionTest::Step;
    using StepState = ConnectionTest::StepState;

    ~ConnectionTestWorker() override
    {
        cleanup();
        // Deleted on the test's thread as it ends (deleteLater on QThread::finished). OpenSSL frees
        // this thread's random generators in a thread-exit handler that may still run after
        // QThread::wait() has returned, racing the process's exit (LeakSanitizer reports them):
        // free them here, once nothing of ours uses TLS on this thread any more.
        OPENSSL_thread_stop();
    }

    void run(quint64 run, const Storage::IntegrationDefinition &definition, const SessionSecrets &secrets)
    {
        cleanup();
        m_run = run;
        m_definition = definition;
        m_secrets = secrets;
        m_http = new LivePerson::LivePersonHttp(this);
        if (!definition.liveperson.caFile.isEmpty()) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.addCaCertificates(QSslCertificate::fromPath(definition.liveperson.caFile));
            m_http->setSslConfiguration(ssl);
        }
        m_http->setTransferTimeout(std::chrono::seconds(15));
        step(Step::Csds, StepState::Running, tr("Asking the Domain API at %1…").arg(definition.liveperson.csdsDomain));
        auto *resolver = new LivePerson::DomainResolver(m_http, Clock::system(), this);
        resolver->resolve(definition.liveperson.csdsDomain, definition.liveperson.accountId, this,
                          [this, run](const LivePerson::ApiResult<LivePerson::ServiceDomains> &result) {
                              if (run != m_run) {
                                  return;
                              }
                              if (!result.ok()) {
                                  fail(Step::Csds, result.error().message);
                                  return;
                              }
                              m_domains = result.value();
                              const QString agentVep = m_domains.host(LivePerson::Service::AgentVep);
                              if (agentVep.isEmpty()) {
                                  fail(Step::Csds, tr("The Domain API lists no “agentVep” service for this account."));
                                  return;
                              }
                              step(Step::Csds, StepState::Ok,
                                   tr("Login Service at %1, messaging at %2.")
                                       .arg(agentVep, m_domains.host(LivePerson::Service::AsyncMessagingEnt)));
                              login();
                          });
    }

    void cancel()
    {
        ++m_run;
        cleanup();
    }

Q_SIGNALS:
    void stepChanged(quint64 run, int step, int state, const QString &message);
    void skillsLoaded(quint64 run, const QList<Switchboard::Connector::SkillInfo> &skills);
    void finished(quint64 run, bool ok);

private:
    void step(Step which, StepState state, const QString &message)
    {
        Q_EMIT stepChanged(m_run, int(which), int(state), message);
    }

    void fail(Step which, const QString &message)
    {
        step(which, StepState::Failed, message);
        for (int next = int(which) + 1; next < ConnectionTest::StepCount; ++next) {
            step(Step(next), StepState::Skipped, tr("Skipped: an earlier step failed."));
        }
        finish(false);
    }

    void finish(bool ok)
    {
        const quint64 run = m_run;
        if (m_login && m_session.isValid()) {
            // Leave no session behind on LivePerson.
            m_login->logout(m_domains.host(LivePerson::Service::AgentVep), m_definition.liveperson.accountId, m_session,
                            this, [](const LivePerson::ApiResult<Success> &) {});
        }
        Q_EMIT finished(run, ok);
    }

    void login()
    {
        const quint64 run = m_run;
        LivePerson::AgentCredentials credentials;
        credentials.loginName = m_definition.liveperson.loginName;
        if (m_definition.liveperson.loginType == Storage::IntegrationDefinition::LoginType::Password) {
            credentials.password = m_secrets.loginPassword;
        } else {
            credentials.appKey = m_secrets.oauthClientId;
            credentials.secret = m_secrets.oauthClientSecret;
        }
        step(Step::Login, StepState::Running, tr("Logging in as “%1”…").arg(credentials.loginName));
        m_login = new LivePerson::LoginClient(m_http, this);
        m_login->login(m_domains.host(LivePerson::Service::AgentVep), m_definition.liveperson.accountId, credentials,
                       this, [this, run](const LivePerson::ApiResult<LivePerson::LoginSession> &result) {
                           if (run != m_run) {
                               return;
                           }
                           if (!result.ok()) {
                               fail(Step::Login, result.error().message);
                               return;
                           }
                           m_session = result.value();
                           step(Step::Login, StepState::Ok, tr("Logged in as agent user %1.").arg(m_session.userId));
                           skills();
                       });
    }

    void skills()
    {
        const quint64 run = m_run;
        const QString host = m_domains.host(LivePerson::Service::AccountConfigReadOnly);
        step(Step::Skills, StepState::Running, tr("Reading the account's skills…"));
        if (host.isEmpty()) {
            fail(Step::Skills, tr("The Domain API lists no “accountConfigReadOnly” service."));
            return;
        }
        auto *client = new LivePerson::SkillsClient(m_http, this);
        client->fetch(host, m_definition.liveperson.accountId, m_session.bearer, this,
                      [this, run](const LivePerson::ApiResult<QList<LivePerson::Skill>> &result) {
                          if (run != m_run) {
                              return;
                          }
                          if (!result.ok()) {
                              fail(Step::Skills, result.error().message);
                              return;
                          }
                          QList<SkillInfo> skills;
                          bool fallbackFound = m_definition.routing.fallbackSkillId.isEmpty();
                          for (const auto &skill : result.value()) {
                              skills.append(SkillInfo{skill.id, skill.name});
                              fallbackFound = fallbackFound || skill.id == m_definition.routing.fallbackSkillId;
                          }
                          Q_EMIT skillsLoaded(run, skills);
                          if (!fallbackFound) {
                              fail(Step::Skills, tr("The fallback skill %1 does not exist in this account.")
                                                     .arg(m_definition.routing.fallbackSkillId));
                              return;
                          }
                          if (!m_definition.routing.fallbackSkillId.isEmpty()
                              && m_definition.routing.fallbackSkillId == m_definition.routing.botSkillId) {
                              fail(Step::Skills, tr("The fallback skill is the bot's own skill: escalations would "
                                                    "loop back to the bot."));
                              return;
                          }
                          step(Step::Skills, StepState::Ok, tr("%n skill(s) found.", nullptr, int(skills.size())));
                          botState();
                      });
    }

    void botState()
    {
        const quint64 run = m_run;
        step(Step::BotState, StepState::Running, tr("Asking the bot for its state…"));
        const QString sentinel = m_domains.host(LivePerson::Service::Sentinel);
        m_bot = SessionFactory::createBotClient(m_definition, m_secrets,
                                                sentinel.isEmpty() ? QString() : QStringLiteral("https://") + sentinel,
                                                Clock::system(), this);
        connect(m_bot, &Bot::BotClient::stateProbed, this, [this, run](const Bot::BotState &state) {
            if (run != m_run) {
                return;
            }
            if (state.online) {
                step(Step::BotState, StepState::Ok,
                     state.version.isEmpty() ? tr("The bot is online.")
                                             : tr("The bot is online (version %1).").arg(state.version));
                finish(true);
            } else {
                fail(Step::BotState, Bot::BotErrors::format(state.error));
            }
        });
        m_bot->probeState();
    }

    void cleanup()
    {
        delete m_bot;
        m_bot = nullptr;
        delete m_login;
        m_login = nullptr;
        delete m_http;
        m_http = nullptr;
        m_session = {};
        m_domains = {};
    }

    quint64 m_run = 0;
    Storage::IntegrationDefinition m_definition;
    SessionSecrets m_secrets;
    LivePerson::ServiceDomains m_domains;
    LivePerson::LoginSession m_session;
    LivePerson::LivePersonHttp *m_http = nullptr;
    LivePerson::LoginClient *m_login = nullptr;
    Bot::BotClient *m_bot = nullptr;
};

LiveConnectionTest::LiveConnectionTest(Storage::SecretStore *secrets, QObject *parent)
    : ConnectionTest(parent)
    , m_secrets(secrets)
    , m_worker(new ConnectionTestWorker)
{
    qRegisterMetaType<QList<SkillInfo>>();
    m_thread.setObjectName(QStringLiteral("connection-test"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ConnectionTestWorker::stepChanged, this,
            [this](quint64 run, int step, int state, const QString &message) {
                if (run == m_run) {
                    Q_EMIT stepChanged(Step(step), StepState(state), message);
                }
            });
    connect(m_worker, &ConnectionTestWorker::skillsLoaded, this, [this](quint64 run, const QList<SkillInfo> &skills) {
        if (run == m_run) {
            Q_EMIT skillsLoaded(skills);
        }
    });
    connect(m_worker, &ConnectionTestWorker::finished, this, [this](quint64 run, bool ok) {
        if (run == m_run && m_running) {
            m_running = false;
            Q_EMIT finished(ok);
        }
    });
    m_thread.start();
}

LiveConnectionTest::~LiveConnectionTest()
{
    m_thread.quit();
    m_thread.wait();
}

void LiveConnectionTest::start(const Storage::IntegrationDefinition &definition,
                               const QHash<QString, QString> &unsavedSecrets)
{
    cancel();
    const quint64 run = ++m_run;
    m_running = true;
    for (int step = 0; step < StepCount; ++step) {
        Q_EMIT stepChanged(Step(step), StepState::Pending, QString());
    }
    // Secrets: the typed ones win; the others come from the keychain, one read after another.
    auto secrets = std::make_shared<SessionSecrets>();
    const auto run_ = [this, run, definition, secrets] {
        if (run != m_run) {
            return;
        }
        const SessionSecrets copy = *secrets;
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, run, definition, copy] { worker->run(run, definition, copy); },
            Qt::QueuedConnection);
    };
    Storage::IntegrationDefinition stored = definition;
    QStringList missing;
    for (const QString &field : SessionFactory::requiredSecretFields(definition)) {
        if (!unsavedSecrets.contains(field)) {
            missing << field;
        }
    }
    const auto applyTyped = [secrets, unsavedSecrets] {
        for (auto it = unsavedSecrets.cbegin(); it != unsavedSecrets.cend(); ++it) {
            secrets->set(it.key(), it.value());
        }
    };
    if (missing.isEmpty() || !m_secrets) {
        applyTyped();
        run_();
        return;
    }
    SessionFactory::loadSecrets(m_secrets, definition, this,
                                [this, run, secrets, applyTyped, run_](const Result<SessionSecrets> &loaded) {
                                    if (run != m_run) {
                                        return;
                                    }
                                    if (loaded) {
                                        *secrets = loaded.value();
                                    }
                                    // A secret that is neither stored nor typed shows up as a
                                    // failed login or bot step, with LivePerson's own reason.
                                    applyTyped();
                                    run_();
                                });
}

void LiveConnectionTest::cancel()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    ++m_run;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->cancel(); }, Qt::QueuedConnection);
}

bool LiveConnectionTest::isRunning() const
{
    return m_running;
}

} // namespace Switchboard::Connector

#include "LiveConnectionTest.moc"
