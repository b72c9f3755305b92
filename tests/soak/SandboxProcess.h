// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslConfiguration>
#include <QStringList>

#include <memory>

namespace Switchboard::Storage
{
class TranscriptStore;
}

namespace Switchboard::Test
{

/**
 * `switchboard-cli sandbox` as a child process, driven through its control API (docs/sandbox.md)
 * and the Custom Endpoint demo bot's control API, the way an operator's script would. The emulator
 * runs in its own process so that the test process's memory is the connector's alone.
 *
 * Calls are synchronous for the test's convenience (they wait on the reply's finished signal);
 * use them from the test thread only.
 */
class SandboxProcess final
{
public:
    explicit SandboxProcess(QString cli);
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    /** Starts the sandbox with @p arguments after `sandbox` and reads its JSON line. */
    bool start(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    void stop();

    const QJsonObject &line() const
    {
        return m_line;
    }
    qint64 pid() const;
    /** Everything the sandbox printed after its JSON line (stderr and the rest of stdout). */
    QByteArray output();

    /** A control API call (`/sandbox/…`); an invalid value on a transport or HTTP error. */
    QJsonValue call(const QByteArray &method, const QString &path, const QJsonObject &body = {}, int timeoutMs = 30000);
    /** A call to the Custom Endpoint demo bot's control API (`/control/…`). */
    QJsonValue callBot(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    bool applyFault(const QJsonObject &fault);

    QString botSkillId() const;
    QString fallbackSkillId() const;
    QJsonObject agent() const;
    QJsonObject application() const;
    QJsonObject customEndpointBot() const;
    QSslConfiguration sslConfiguration() const
    {
        return m_ssl;
    }

private:
    QJsonValue request(const QUrl &url, const QByteArray &method, const QJsonObject &body, int timeoutMs);

    QString m_cli;
    std::unique_ptr<QProcess> m_process;
    QJsonObject m_line;
    QByteArray m_output;
    QNetworkAccessManager m_http;
    QSslConfiguration m_ssl;
};

/** What the sandbox's conversations say about the loop (Custom Endpoint demo bot: "echo: <text>"). */
struct LoopAudit
{
    int conversations = 0;
    int consumerMessages = 0;
    int answered = 0;
    /** Consumer messages without an answer in a conversation that was escalated (transferred). */
    int escalatedUnanswered = 0;
    int escalatedConversations = 0;
    /** Consumer messages answered more than once (the surplus replies). */
    int duplicateReplies = 0;
    /** Consumer messages neither answered nor escalated, as "conversationId: text". */
    QStringList lost;
    QStringList duplicated;
    QStringList escalatedIds;

    /** Audits `GET /sandbox/conversations?messages=true` for conversations that began on @p botSkillId. */
    static LoopAudit fromConversations(const QJsonArray &conversations, const QString &botSkillId);
    /** The conversation ids of a `GET /sandbox/conversations` answer. */
    static QStringList ids(const QJsonArray &conversations);
    QString summary() const;
};

/** What the transcript store says about the same conversations. */
struct StoreAudit
{
    int consumerMessages = 0;
    int botReplies = 0;
    int escalations = 0;
    /** Consumer messages recorded again under the same delivery id (a re-delivery after a restart). */
    int recordedAgain = 0;
    /** Escalation cause → count. */
    QHash<QString, int> causes;
    /** A consumer message recorded under two delivery ids, a delivery id for two messages, a reply
     *  item recorded twice, a transferred conversation without its escalation record. */
    QStringList problems;

    static StoreAudit fromStore(Storage::TranscriptStore &store,
                                const QStringList &conversationIds,
                                const QStringList &escalatedIds);
};

/** A conversation's story on both sides, for a failure message: sandbox messages, store hops. */
QString describeConversation(const QJsonObject &sandboxConversation, Storage::TranscriptStore &store);

/** Resident set size of a process in KiB (0 when unknown); @p pid 0 = this process. */
qint64 residentKb(qint64 pid = 0);

} // namespace Switchboard::Test
