// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Emulator.h"

#include "CertificateAuthority.h"
#include "ChatAgentApi.h"
#include "ControlApi.h"
#include "DomainApi.h"
#include "FaultInjector.h"
#include "FrameLog.h"
#include "HttpServer.h"
#include "HumanSimulator.h"
#include "LoadGenerator.h"
#include "LoginService.h"
#include "MessagingApi.h"
#include "SandboxLogging.h"
#include "SentinelService.h"
#include "StateModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

namespace Switchboard::Sandbox
{

Emulator::Emulator(SandboxConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
}

Emulator::~Emulator()
{
    // Sockets and services go before the model they observe.
    m_chat.reset();
    m_control.reset();
    m_load.reset();
    m_humans.reset();
    m_messaging.reset();
    m_accountConfig.reset();
    m_sentinel.reset();
    m_domain.reset();
    m_login.reset();
    m_server.reset();
    m_faults.reset();
    m_model.reset();
}

Result<Success> Emulator::start()
{
    if (m_server) {
        return Error{QStringLiteral("sandbox.state"), tr("The sandbox is already running.")};
    }
    const Result<CertificateAuthority> ca = CertificateAuthority::create();
    if (!ca) {
        return ca.error();
    }
    const Result<RsaSigningKey> signingKey = RsaSigningKey::processKey();
    if (!signingKey) {
        return signingKey.error();
    }
    QString stateDir = m_config.stateDir;
    if (stateDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/switchboard-sandbox-XXXXXX"));
        if (!m_tempDir->isValid()) {
            return Error{QStringLiteral("sandbox.io"),
                         tr("Cannot create a temporary state directory: %1").arg(m_tempDir->errorString())};
        }
        stateDir = m_tempDir->path();
    }
    const Result<QString> caFile = ca->writeCaFile(stateDir);
    if (!caFile) {
        return caFile.error();
    }
    m_caFile = caFile.value();
    m_caPem = ca->caPem();
    m_clientSsl = ca->clientConfiguration();
    m_sentinelKeyFile = QDir(stateDir).absoluteFilePath(QStringLiteral("sentinel-public.pem"));
    {
        QFile keyFile(m_sentinelKeyFile);
        if (keyFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            keyFile.write(signingKey->publicPem);
        }
    }

    if (!m_config.frameLogPath.isEmpty()) {
        m_frameLog = std::make_unique<FrameLog>();
        QString error;
        if (!m_frameLog->open(m_config.frameLogPath, &error)) {
            return Error{QStringLiteral("sandbox.io"),
                         tr("Cannot write the frame log \"%1\": %2").arg(m_config.frameLogPath, error)};
        }
    }

    m_model = std::make_unique<StateModel>(m_config);
    m_server = std::make_unique<HttpServer>();
    m_faults = std::make_unique<FaultInjector>();
    m_login = std::make_unique<LoginService>(m_model.get(), m_server.get());
    m_domain = std::make_unique<DomainApi>(m_model.get(), m_server.get());
    m_sentinel = std::make_unique<SentinelService>(m_model.get(), m_server.get(), signingKey.value());
    m_accountConfig = std::make_unique<AccountConfigApi>(m_model.get(), m_server.get(), [this](const QString &bearer) {
        return m_login->sessionForBearer(bearer).has_value();
    });
    m_messaging = std::make_unique<MessagingApi>(m_model.get(), m_login.get(), m_server.get());
    m_messaging->setFrameLog(m_frameLog.get());
    m_humans = std::make_unique<HumanSimulator>(m_model.get());
    m_load = std::make_unique<LoadGenerator>(m_model.get());
    m_control = std::make_unique<ControlApi>(
        m_model.get(),
        m_faults.get(),
        m_load.get(),
        m_server.get(),
        [this] { return stats(); },
        [this] { return describe(); });
    // The Chat Agent API registers its routes here, after the LoginService it checks bearers
    // with; see the comment block in HttpServer.h.
    m_chat = std::make_unique<ChatAgentApi>(m_model.get(), m_login.get(), m_server.get());

    m_server->setFaultHook([this](const QString &route) { return m_faults->takeHttpFault(route); });
    m_server->setUpgradeGate([this](const HttpRequest &request) { return m_messaging->upgradeGate(request); });
    connect(m_faults.get(), &FaultInjector::dropSocketsRequested, this, [this] { m_messaging->dropAll(); });
    connect(m_faults.get(), &FaultInjector::closeSocketsRequested, this, [this](int code, const QString &reason) {
        m_messaging->closeAll(code, reason);
    });
    connect(m_faults.get(), &FaultInjector::revokeTokensRequested, this, [this] { m_login->revokeAll(); });
    m_faults->setKickHandler([this](const QString &login) {
        return m_login->kick(login);
    });
    connect(m_faults.get(), &FaultInjector::expireRingsRequested, this, [this] { m_model->expireAllRings(); });

    m_port = m_server->listenTls(ca->serverConfiguration(), m_config.port);
    if (m_port == 0) {
        return Error{QStringLiteral("sandbox.listen"),
                     tr("Cannot listen on 127.0.0.1:%1 (port in use?).").arg(m_config.port)};
    }
    if (m_config.plain) {
        m_plainPort = m_server->listenPlain(m_config.plainPort);
        if (m_plainPort == 0) {
            return Error{QStringLiteral("sandbox.listen"),
                         tr("Cannot listen for plain HTTP on 127.0.0.1:%1.").arg(m_config.plainPort)};
        }
    }
    qCInfo(lcSandbox) << "sandbox listening on 127.0.0.1:" << m_port << "account" << m_config.accountId;
    return Success{};
}

QString Emulator::accountId() const
{
    return m_config.accountId;
}

QString Emulator::csdsDomain() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString Emulator::controlUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_port);
}

QUrl Emulator::baseUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
}

QByteArray Emulator::caPem() const
{
    return m_caPem;
}

QSslConfiguration Emulator::clientSslConfiguration() const
{
    return m_clientSsl;
}

const SandboxConfig &Emulator::config() const
{
    return m_config;
}

void Emulator::setBots(const QJsonObject &bots)
{
    m_bots = bots;
    Q_EMIT botsChanged();
}

void Emulator::setRingExpirationMs(int ms)
{
    m_config.ringExpirationMs = ms;
    if (m_model) {
        m_model->setRingExpirationMs(ms);
    }
}

QJsonObject Emulator::describe() const
{
    QJsonArray agents;
    for (const AgentConfig &a : m_config.agents) {
        agents.append(QJsonObject{{QStringLiteral("loginName"), a.loginName},
                                  {QStringLiteral("password"), a.password},
                                  {QStringLiteral("appKey"), a.appKey},
                                  {QStringLiteral("secret"), a.secret},
                                  {QStringLiteral("userId"), a.userId},
                                  {QStringLiteral("userPid"), a.userPid},
                                  {QStringLiteral("skills"), QJsonArray::fromStringList(a.skillIds)},
                                  {QStringLiteral("simulated"), a.simulated}});
    }
    QJsonArray skills;
    for (const SkillConfig &s : m_config.skills) {
        QJsonObject skill{{QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}};
        if (!s.surveySkillId.isEmpty()) {
            skill.insert(QStringLiteral("surveySkillId"), s.surveySkillId);
        }
        skills.append(skill);
    }
    QJsonArray applications;
    for (const ApplicationConfig &app : m_config.applications) {
        applications.append(QJsonObject{{QStringLiteral("clientId"), app.clientId},
                                        {QStringLiteral("clientSecret"), app.clientSecret}});
    }
    QJsonObject line{{QStringLiteral("accountId"), m_config.accountId},
                     {QStringLiteral("csdsDomain"), csdsDomain()},
                     {QStringLiteral("controlUrl"), controlUrl()},
                     {QStringLiteral("caFile"), m_caFile},
                     {QStringLiteral("agents"), agents},
                     {QStringLiteral("skills"), skills},
                     {QStringLiteral("applications"), applications},
                     {QStringLiteral("bots"), m_bots},
                     {QStringLiteral("sentinelPublicKeyFile"), m_sentinelKeyFile},
                     {QStringLiteral("ringExpirationMs"), m_config.ringExpirationMs}};
    if (m_plainPort != 0) {
        line.insert(QStringLiteral("plain"),
                    QJsonObject{{QStringLiteral("csdsDomain"), QStringLiteral("127.0.0.1:%1").arg(m_plainPort)},
                                {QStringLiteral("controlUrl"),
                                 QStringLiteral("http://127.0.0.1:%1").arg(m_plainPort)}});
    }
    return line;
}

QJsonObject Emulator::stats() const
{
    const ModelStats &m = m_model->stats();
    const MessagingStats &u = m_messaging->stats();
    return QJsonObject{{QStringLiteral("consumerMessagesSent"), m.consumerMessages},
                       {QStringLiteral("agentMessagesReceived"), m.agentMessages},
                       {QStringLiteral("conversationsOpen"), m_model->openConversationCount()},
                       {QStringLiteral("conversationsClosed"), m.conversationsClosed},
                       {QStringLiteral("conversationsTotal"), m.conversationsOpened},
                       {QStringLiteral("transfers"), m.transfers},
                       {QStringLiteral("ringsOffered"), m.ringsOffered},
                       {QStringLiteral("ringsAccepted"), m.ringsAccepted},
                       {QStringLiteral("ringsExpired"), m.ringsExpired},
                       {QStringLiteral("framesIn"), u.framesIn},
                       {QStringLiteral("framesOut"), u.framesOut},
                       {QStringLiteral("umsErrorsSent"), u.errorsSent},
                       {QStringLiteral("sockets"), m_messaging->socketCount()},
                       {QStringLiteral("socketsOpened"), u.socketsOpened},
                       {QStringLiteral("sessions"), m_login->sessionCount()},
                       {QStringLiteral("chatSessions"), m_chat->sessionCount()},
                       {QStringLiteral("httpRequests"), m_server->requestCount()},
                       {QStringLiteral("load"), m_load->status()}};
}

} // namespace Switchboard::Sandbox
