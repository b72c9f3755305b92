// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrameLog.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Switchboard::Sandbox
{

bool FrameLog::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        *error = m_file.errorString();
        return false;
    }
    return true;
}

void FrameLog::write(const char *direction, int connection, const QByteArray &frame)
{
    if (!m_file.isOpen()) {
        return;
    }
    // Frames are already compact JSON: splice them in instead of re-serialising.
    const QJsonDocument parsed = QJsonDocument::fromJson(frame);
    QByteArray line =
        "{\"dir\":\"" + QByteArray(direction) + "\",\"connection\":" + QByteArray::number(connection) + ",\"frame\":";
    if (parsed.isObject() || parsed.isArray()) {
        line += parsed.toJson(QJsonDocument::Compact);
    } else {
        QJsonObject wrapper{{QStringLiteral("s"), QString::fromUtf8(frame)}};
        const QByteArray encoded = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
        // {"s":"…"} -> "…"
        line += encoded.mid(5, encoded.size() - 6);
    }
    line += "}\n";
    m_file.write(line);
    m_file.flush();
}

} // namespace Switchboard::Sandbox
