// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxProcess.h"

#include "storage/TranscriptStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

namespace Switchboard::Test
{

SandboxProcess::SandboxProcess(QString cli)
    : m_cli(std::move(cli))
{
}

SandboxProcess::~SandboxProcess()
{
    stop();
}

bool SandboxProcess::start(const QStringList &arguments, const QProcessEnvironment &environment)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(environment);
    m_process->start(m_cli, QStringList{QStringLiteral("sandbox")} + arguments);
    if (!m_process->waitForStarted(10000)) {
        return false;
    }
    QProcess *process = m_process.get();
    if (!QTest::qWaitFor([process] { return process->canReadLine() || process->state() == QProcess::NotRunning; },
                         30000)
        || !process->canReadLine()) {
        qWarning("sandbox did not print its line: %s", process->readAllStandardError().constData());
        return false;
    }
    m_line = QJsonDocument::fromJson(process->readLine()).object();
    if (!m_line.contains(QStringLiteral("controlUrl"))) {
        return false;
    }
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.addCaCertificates(QSslCertificate::fromPath(m_line.value(QStringLiteral("caFile")).toString()));
    return true;
}

void SandboxProcess::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

qint64 SandboxProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QByteArray SandboxProcess::output()
{
    if (m_process) {
        m_output += m_process->readAllStandardOutput();
        m_output += m_process->readAllStandardError();
    }
    return m_output;
}

QJsonValue SandboxProcess::request(const QUrl &url, const QByteArray &method, const QJsonObject &body, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_http.sendCustomRequest(
        request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(timeoutMs + 1000)) {
        reply->abort();
        reply->deleteLater();
        return {};
    }
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError) {
        qWarning("%s %s: %s", method.constData(), qPrintable(url.path()), qPrintable(reply->errorString()));
        return {};
    }
    const QByteArray content = reply->readAll();
    if (content.isEmpty()) {
        return QJsonObject();
    }
    const QJsonDocument document = QJsonDocument::fromJson(content);
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

QJsonValue SandboxProcess::call(const QByteArray &method, const QString &path, const QJsonObject &body, int timeoutMs)
{
    return request(QUrl(m_line.value(QStringLiteral("controlUrl")).toString() + path), method, body, timeoutMs);
}

QJsonValue SandboxProcess::callBot(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const QString root = customEndpointBot().value(QStringLiteral("controlUrl")).toString();
    return request(QUrl(root + path), method, body, 10000);
}

bool SandboxProcess::applyFault(const QJsonObject &fault)
{
    return call("POST", QStringLiteral("/sandbox/faults"), fault).isObject();
}

QJsonObject SandboxProcess::agent() const
{
    return m_line.value(QStringLiteral("agents")).toArray().first().toObject();
}

QJsonObject SandboxProcess::application() const
{
    return m_line.value(QStringLiteral("applications")).toArray().first().toObject();
}

QJsonObject SandboxProcess::customEndpointBot() const
{
    return m_line.value(QStringLiteral("bots")).toObject().value(QStringLiteral("customEndpoint")).toObject();
}

QString SandboxProcess::botSkillId() const
{
    return agent().value(QStringLiteral("skills")).toArray().first().toString();
}

QString SandboxProcess::fallbackSkillId() const
{
    return m_line.value(QStringLiteral("skills")).toArray().at(1).toObject().value(QStringLiteral("id")).toString();
}

LoopAudit LoopAudit::fromConversations(const QJsonArray &conversations, const QString &botSkillId)
{
    const QString echo = QStringLiteral("echo: ");
    LoopAudit audit;
    for (const QJsonValue &value : conversations) {
        const QJsonObject conversation = value.toObject();
        const QString id = conversation.value(QStringLiteral("conversationId")).toString();
        const bool escalated = conversation.value(QStringLiteral("transfers")).toInt() > 0
                               || conversation.value(QStringLiteral("skillId")).toString() != botSkillId;
        ++audit.conversations;
        if (escalated) {
            ++audit.escalatedConversations;
            audit.escalatedIds << id;
        }
        QStringList sent;
        QHash<QString, int> replies;
        for (const QJsonValue &m : conversation.value(QStringLiteral("messages")).toArray()) {
            const QJsonObject message = m.toObject();
            if (message.value(QStringLiteral("type")).toString() != QLatin1String("ContentEvent")) {
                continue;
            }
            const QString role = message.value(QStringLiteral("role")).toString();
            const QString text = message.value(QStringLiteral("text")).toString();
            if (role == QLatin1String("CONSUMER")) {
                sent << text;
            } else if (text.startsWith(echo)) {
                ++replies[text.mid(echo.size())];
            }
        }
        for (const QString &text : std::as_const(sent)) {
            ++audit.consumerMessages;
            const int count = replies.value(text);
            if (count >= 1) {
                ++audit.answered;
            } else if (escalated) {
                ++audit.escalatedUnanswered;
            } else {
                audit.lost << id + QStringLiteral(": ") + text;
            }
            if (count > 1) {
                audit.duplicateReplies += count - 1;
                audit.duplicated << id + QStringLiteral(": ") + text;
            }
        }
    }
    return audit;
}

QString LoopAudit::summary() const
{
    return QStringLiteral("%1 conversations (%2 escalated), %3 consumer messages: %4 answered, %5 unanswered in "
                          "escalated conversations, %6 lost, %7 duplicate replies")
        .arg(conversations)
        .arg(escalatedConversations)
        .arg(consumerMessages)
        .arg(answered)
        .arg(escalatedUnanswered)
        .arg(lost.size())
        .arg(duplicateReplies);
}

QStringList LoopAudit::ids(const QJsonArray &conversations)
{
    QStringList result;
    for (const QJsonValue &value : conversations) {
        result << value.toObject().value(QStringLiteral("conversationId")).toString();
    }
    return result;
}

StoreAudit StoreAudit::fromStore(Storage::TranscriptStore &store,
                                 const QStringList &conversationIds,
                                 const QStringList &escalatedIds)
{
    StoreAudit audit;
    const QSet<QString> escalated(escalatedIds.cbegin(), escalatedIds.cend());
    for (const QString &id : conversationIds) {
        const Result<Storage::Transcript> transcript = store.transcript(id);
        if (!transcript) {
            audit.problems << QStringLiteral("%1: %2").arg(id, transcript.error().message);
            continue;
        }
        QHash<QString, QString> deliveryOf;
        QSet<QString> deliveries;
        QSet<QString> replies;
        for (const Storage::MessageRecord &message : transcript.value().messages) {
            if (message.role == Storage::MessageRole::Consumer) {
                const QString key = message.dialogId + QLatin1Char('/') + QString::number(message.sequence);
                if (deliveryOf.contains(key) && deliveryOf.value(key) == message.deliveryId) {
                    ++audit.recordedAgain;
                    continue;
                }
                if (deliveryOf.contains(key)) {
                    audit.problems << QStringLiteral("consumer message %1 delivered under two ids: %2, %3")
                                          .arg(key, deliveryOf.value(key), message.deliveryId);
                } else if (deliveries.contains(message.deliveryId)) {
                    audit.problems << QStringLiteral("delivery id %1 names two consumer messages").arg(message.deliveryId);
                }
                ++audit.consumerMessages;
                deliveryOf.insert(key, message.deliveryId);
                deliveries.insert(message.deliveryId);
            } else if (message.role == Storage::MessageRole::Bot && message.replyIndex >= 0) {
                ++audit.botReplies;
                const QString key = message.deliveryId + QLatin1Char('#') + QString::number(message.replyIndex);
                if (replies.contains(key)) {
                    audit.problems << QStringLiteral("reply %1 recorded twice").arg(key);
                }
                replies.insert(key);
            }
        }
        audit.escalations += int(transcript.value().escalations.size());
        for (const Storage::EscalationRecord &escalation : transcript.value().escalations) {
            ++audit.causes[escalation.cause + QLatin1Char('/') + escalation.outcome];
        }
        if (escalated.contains(id) && transcript.value().escalations.isEmpty()) {
            audit.problems << QStringLiteral("%1 was transferred without an escalation record").arg(id);
        }
    }
    return audit;
}

QString describeConversation(const QJsonObject &sandboxConversation, Storage::TranscriptStore &store)
{
    const QString id = sandboxConversation.value(QStringLiteral("conversationId")).toString();
    QStringList lines{QStringLiteral("conversation %1 skill %2 transfers %3 state %4")
                          .arg(id, sandboxConversation.value(QStringLiteral("skillId")).toString())
                          .arg(sandboxConversation.value(QStringLiteral("transfers")).toInt())
                          .arg(sandboxConversation.value(QStringLiteral("state")).toString())};
    for (const QJsonValue &m : sandboxConversation.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject message = m.toObject();
        lines << QStringLiteral("  sandbox %1 seq %2 %3 %4 %5")
                     .arg(message.value(QStringLiteral("time")).toInteger())
                     .arg(message.value(QStringLiteral("sequence")).toInt())
                     .arg(message.value(QStringLiteral("role")).toString(), message.value(QStringLiteral("type")).toString(),
                          message.value(QStringLiteral("text")).toString());
    }
    const Result<Storage::Transcript> transcript = store.transcript(id);
    if (transcript) {
        for (const Storage::MessageRecord &message : transcript.value().messages) {
            lines << QStringLiteral("  store message %1 %2 seq %3 delivery %4 reply %5 \"%6\"")
                         .arg(message.timeMs)
                         .arg(Storage::messageRoleName(message.role))
                         .arg(message.sequence)
                         .arg(message.deliveryId)
                         .arg(message.replyIndex)
                         .arg(message.text);
        }
        for (const Storage::HopRecord &hop : transcript.value().hops) {
            lines << QStringLiteral("  store hop %1-%2 %3 delivery %4 attempt %5 %6")
                         .arg(hop.startedAtMs)
                         .arg(hop.finishedAtMs)
                         .arg(Storage::hopKindName(hop.kind), hop.deliveryId)
                         .arg(hop.attempt)
                         .arg(hop.outcome);
        }
        for (const Storage::EscalationRecord &escalation : transcript.value().escalations) {
            lines << QStringLiteral("  store escalation %1 %2 %3 %4")
                         .arg(escalation.timeMs)
                         .arg(escalation.cause, escalation.outcome, escalation.reason);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

qint64 residentKb(qint64 pid)
{
    QFile status(pid == 0 ? QStringLiteral("/proc/self/status") : QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return 0;
}

} // namespace Switchboard::Test
