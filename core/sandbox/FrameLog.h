// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QJsonValue>
#include <QString>

namespace Switchboard::Sandbox
{

/**
 * JSON-lines log of UMS frames (--frame-log): one line {"dir":"in"|"out","connection":n,"frame":{…}}
 * per frame, flushed per line so a test can read it while the sandbox runs. Frames that are not
 * JSON are logged as a string. Contains message bodies by design: it is a conformance-test
 * artefact the operator asked for, never written unless a path is given.
 */
class FrameLog final
{
public:
    FrameLog() = default;
    Q_DISABLE_COPY_MOVE(FrameLog)

    bool open(const QString &path, QString *error);
    bool isOpen() const
    {
        return m_file.isOpen();
    }
    void write(const char *direction, int connection, const QByteArray &frame);

private:
    QFile m_file;
};

} // namespace Switchboard::Sandbox
