// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLog.h"

#include "ConnectorLogging.h"

#include <QMetaObject>
#include <QThread>

namespace Switchboard::Connector
{

EventLog::EventLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    qRegisterMetaType<EventLogEntry>();
}

EventLog::~EventLog() = default;

qint64 EventLog::append(EventLogEntry::Level level,
                        const QString &integrationId,
                        const QString &conversationId,
                        const QString &code,
                        const QString &message)
{
    EventLogEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.level = level;
    entry.integrationId = integrationId;
    entry.conversationId = conversationId;
    entry.code = code;
    entry.message = message;
    {
        const QMutexLocker lock(&m_mutex);
        entry.id = ++m_lastId;
        m_entries.push_back(entry);
        while (m_entries.size() > size_t(m_capacity)) {
            m_entries.pop_front();
        }
    }
    if (level != EventLogEntry::Level::Info) {
        qCDebug(lcConnector) << "event" << entry.id << entry.code << "integration" << integrationId;
    }
    if (QThread::currentThread() == thread()) {
        Q_EMIT messageAdded(entry);
    } else {
        QMetaObject::invokeMethod(
            this, [this, entry] { Q_EMIT messageAdded(entry); }, Qt::QueuedConnection);
    }
    return entry.id;
}

QList<EventLogEntry> EventLog::entries(qint64 afterId) const
{
    const QMutexLocker lock(&m_mutex);
    QList<EventLogEntry> result;
    for (const auto &entry : m_entries) {
        if (entry.id > afterId) {
            result.append(entry);
        }
    }
    return result;
}

int EventLog::capacity() const
{
    return m_capacity;
}

} // namespace Switchboard::Connector
