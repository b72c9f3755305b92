// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxConfig.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <memory>

class QTemporaryDir;

namespace Switchboard::Sandbox
{

class AccountConfigApi;
class ChatAgentApi;
class ControlApi;
class DomainApi;
class FaultInjector;
class FrameLog;
class HttpServer;
class HumanSimulator;
class LoadGenerator;
class LoginService;
class MessagingApi;
class SentinelService;
class StateModel;

/**
 * The LivePerson emulator: owns the state model and every service (CSDS, Login Service,
 * Sentinel, account configuration, the UMS WebSocket, the control API, fault injection,
 * simulated human agents and load), all on one HTTPS port of 127.0.0.1 (plus a plain HTTP port
 * with SandboxConfig::plain).
 *
 * Lifecycle: construct with a configuration, call start() once (creates the CA, writes its PEM
 * into the state directory, listens), read the endpoints, destroy to stop. describe() is the
 * JSON line `switchboard-cli sandbox` prints; it intentionally contains the sandbox's generated
 * demo credentials (not real secrets).
 *
 * Thread: a QObject of the thread that runs it (the main thread in the CLI and the console).
 */
class Emulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Emulator)

public:
    explicit Emulator(SandboxConfig config = SandboxConfig::defaults(), QObject *parent = nullptr);
    ~Emulator() override;

    Result<Success> start();

    QString accountId() const;
    quint16 port() const
    {
        return m_port;
    }
    quint16 plainPort() const
    {
        return m_plainPort;
    }
    /** "127.0.0.1:<port>", what a client passes as its CSDS domain. */
    QString csdsDomain() const;
    /** https://127.0.0.1:<port>/sandbox */
    QString controlUrl() const;
    /** https://127.0.0.1:<port> */
    QUrl baseUrl() const;
    QString caFile() const
    {
        return m_caFile;
    }
    QByteArray caPem() const;
    /** Client TLS configuration that trusts the sandbox CA (verification on). */
    QSslConfiguration clientSslConfiguration() const;

    const SandboxConfig &config() const;
    /** Demo bots' endpoints, shown as "bots" in describe(). */
    void setBots(const QJsonObject &bots);
    QJsonObject bots() const
    {
        return m_bots;
    }
    /** The JSON line object: accountId, csdsDomain, controlUrl, caFile, agents, skills, applications, bots. */
    QJsonObject describe() const;
    QJsonObject stats() const;
    void setRingExpirationMs(int ms);

    StateModel *model() const
    {
        return m_model.get();
    }
    HttpServer *httpServer() const
    {
        return m_server.get();
    }
    LoginService *loginService() const
    {
        return m_login.get();
    }
    MessagingApi *messagingApi() const
    {
        return m_messaging.get();
    }
    FaultInjector *faults() const
    {
        return m_faults.get();
    }
    LoadGenerator *loadGenerator() const
    {
        return m_load.get();
    }
    /** The Chat Agent API (reference §5): ring and session timeouts for tests. */
    ChatAgentApi *chatAgentApi() const
    {
        return m_chat.get();
    }

Q_SIGNALS:
    void botsChanged();

private:
    SandboxConfig m_config;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<StateModel> m_model;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<LoginService> m_login;
    std::unique_ptr<DomainApi> m_domain;
    std::unique_ptr<SentinelService> m_sentinel;
    std::unique_ptr<AccountConfigApi> m_accountConfig;
    std::unique_ptr<MessagingApi> m_messaging;
    std::unique_ptr<HumanSimulator> m_humans;
    std::unique_ptr<LoadGenerator> m_load;
    std::unique_ptr<ControlApi> m_control;
    std::unique_ptr<ChatAgentApi> m_chat;
    std::unique_ptr<FrameLog> m_frameLog;
    QByteArray m_caPem;
    QSslConfiguration m_clientSsl;
    QString m_caFile;
    QString m_sentinelKeyFile;
    quint16 m_port = 0;
    quint16 m_plainPort = 0;
    QJsonObject m_bots;
};

} // namespace Switchboard::Sandbox
