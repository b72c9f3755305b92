// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LivePersonTestHarness.h"

#include "liveperson/LivePersonHttp.h"
#include "sandbox/Emulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Switchboard::Test
{

QObject *RecordingScheduler::schedule(std::chrono::milliseconds delay, QObject *owner, std::function<void()> callback)
{
    m_delays.append(delay);
    auto *timer = new QTimer(owner);
    auto fired = std::make_shared<bool>(false);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, fired, callback = std::move(callback)] {
        *fired = true;
        timer->deleteLater();
        callback();
    });
    m_entries.append(Entry{timer, fired});
    if (!m_manual) {
        timer->start(1ms);
    }
    return timer;
}

void RecordingScheduler::setManual(bool manual)
{
    m_manual = manual;
}

void RecordingScheduler::fireAll()
{
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.timer && !*entry.fired && !entry.timer->isActive()) {
            entry.timer->start(0ms);
        }
    }
}

QList<std::chrono::milliseconds> RecordingScheduler::delays() const
{
    return m_delays;
}

int RecordingScheduler::pendingCount() const
{
    int count = 0;
    for (const Entry &entry : m_entries) {
        // A cancelled call's timer was deleted by its owner.
        if (entry.timer && !*entry.fired) {
            ++count;
        }
    }
    return count;
}

SandboxControl::SandboxControl(const Sandbox::Emulator &emulator)
    : m_base(emulator.baseUrl())
    , m_network(new QNetworkAccessManager)
{
    const auto ssl = LivePerson::makeSslConfiguration(emulator.caFile());
    m_ssl = ssl ? *ssl : QSslConfiguration::defaultConfiguration();
}

SandboxControl::~SandboxControl()
{
    delete m_network;
}

ControlReply SandboxControl::call(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply =
        m_network->sendCustomRequest(request, verb, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    ControlReply out;
    if (!finished.wait(10000)) {
        reply->abort();
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    out.body = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    reply->deleteLater();
    return out;
}

QString SandboxControl::createConsumer()
{
    return call("POST", u"/sandbox/consumers"_s).body.toObject().value(u"consumerId"_s).toString();
}

QString SandboxControl::startConversation(const QString &consumerId, const QString &skillId)
{
    const ControlReply reply =
        call("POST",
             u"/sandbox/conversations"_s,
             QJsonObject{{u"consumerId"_s, consumerId}, {u"skillId"_s, skillId}, {u"channel"_s, u"messaging"_s}});
    return reply.body.toObject().value(u"conversationId"_s).toString();
}

qint64 SandboxControl::consumerSays(const QString &conversationId, const QString &text, const QJsonArray &metadata)
{
    QJsonObject body{{u"text"_s, text}};
    if (!metadata.isEmpty()) {
        body.insert(u"metadata"_s, metadata);
    }
    const ControlReply reply = call("POST", u"/sandbox/conversations/"_s + conversationId + u"/messages"_s, body);
    return reply.status == 201 ? reply.body.toObject().value(u"sequence"_s).toInteger(-1) : -1;
}

QJsonObject SandboxControl::conversation(const QString &conversationId)
{
    return call("GET", u"/sandbox/conversations/"_s + conversationId).body.toObject();
}

bool SandboxControl::fault(const QJsonObject &fault)
{
    const ControlReply reply = call("POST", u"/sandbox/faults"_s, fault);
    return reply.status >= 200 && reply.status <= 299;
}

bool SandboxControl::clearFaults()
{
    const ControlReply reply = call("DELETE", u"/sandbox/faults"_s);
    return reply.status >= 200 && reply.status <= 299;
}

QJsonObject sandboxAgent(const Sandbox::Emulator &emulator, const QString &loginName)
{
    const QJsonArray agents = emulator.describe().value(u"agents"_s).toArray();
    for (const QJsonValue &agent : agents) {
        if (agent.toObject().value(u"loginName"_s).toString() == loginName) {
            return agent.toObject();
        }
    }
    return {};
}

LivePerson::MessagingChannelConfig
channelConfig(const Sandbox::Emulator &emulator, const QString &loginName, bool applicationKeys)
{
    const QJsonObject agent = sandboxAgent(emulator, loginName);
    LivePerson::MessagingChannelConfig config;
    config.accountId = emulator.accountId();
    config.csdsDomain = emulator.csdsDomain();
    config.extraCaFile = emulator.caFile();
    config.credentials.loginName = loginName;
    if (applicationKeys) {
        config.credentials.appKey = agent.value(u"appKey"_s).toString();
        config.credentials.secret = agent.value(u"secret"_s).toString();
    } else {
        config.credentials.password = agent.value(u"password"_s).toString();
    }
    // Keep-alive and timeouts shortened; retry and reconnect policies keep their documented
    // delays, which the RecordingScheduler records instead of waiting for.
    config.ums.requestTimeout = 3s;
    config.ums.timeoutCheckInterval = 50ms;
    config.ums.pingInterval = 1s;
    config.ums.clockInterval = 1s;
    config.ums.deadAfter = 5s;
    config.resyncGrace = 3s;
    return config;
}

} // namespace Switchboard::Test
