// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>

namespace Switchboard::Test
{
/**
 * The UMS fuzz seeds (tests/fuzz/corpus/ums_protocol: real server frames from the node-agent-sdk
 * conformance run plus edge cases), each followed by `variants - 1` copies of it with two bytes
 * replaced by JSON punctuation or letters, from a fixed pseudo-random sequence: the same frames on
 * every run. Empty when the corpus cannot be read.
 */
inline QList<QByteArray> umsSeedFrames(int variants = 200)
{
    const QDir seeds(QStringLiteral(SWITCHBOARD_SOURCE_DIR "/tests/fuzz/corpus/ums_protocol"));
    QList<QByteArray> frames;
    quint32 state = 777;
    for (const QString &name : seeds.entryList(QDir::Files)) {
        QFile file(seeds.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        const QByteArray seed = file.readAll();
        for (int variant = 0; variant < variants; ++variant) {
            QByteArray text = seed;
            for (int m = 0; variant > 0 && m < 2; ++m) {
                state = state * 1664525u + 1013904223u;
                const qsizetype at = static_cast<qsizetype>(state % static_cast<quint32>(text.size()));
                static const char alphabet[] = {'{', '}', '[', ']', '"', ':', ',', '0', ' ', 'a', 'x', '-', '\\'};
                text[at] = alphabet[(state >> 24) % sizeof alphabet];
            }
            frames.append(text);
        }
    }
    return frames;
}
} // namespace Switchboard::Test
