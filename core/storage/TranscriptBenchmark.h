// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QString>

class QTextStream;

namespace Switchboard::Storage
{

/** Figures of one transcript-store benchmark run (all times in milliseconds). */
struct TranscriptBenchmarkResult
{
    qint64 messageCount = 0;
    qint64 conversationCount = 0;
    bool fullTextSearch = false;
    /** From the first record enqueued to the last one committed (generation included). */
    double insertMs = 0;
    /** CPU time of the whole process (all threads) during the insert; wall time suffers on a busy machine. */
    double insertCpuMs = 0;
    /** Part of insertMs the producer spent making up the synthetic records. */
    double generateMs = 0;
    double insertMessagesPerSecond = 0;
    qint64 databaseBytes = 0;
    /** Median and worst of several "transcript of conversation X" queries. */
    double transcriptMedianMs = 0;
    double transcriptMaxMs = 0;
    /** Median and worst of "conversations whose text contains Y" for a rare word. */
    double searchRareMedianMs = 0;
    double searchRareMaxMs = 0;
    /** Median of the same for a word found in many messages (first 100 conversations). */
    double searchCommonMedianMs = 0;
    /** One page of an integration's conversations. */
    double listPageMedianMs = 0;
};

/**
 * Builds a transcript database of @p messageCount synthetic messages (20 per conversation, with
 * a hop per bot reply) through TranscriptStore's batched write path, then times the queries the
 * console needs at that size and checks their answers. Prints a readable report to @p out (used
 * by tst_transcriptbench and `switchboard-cli bench`). The database goes to @p directory, or to a
 * temporary directory removed afterwards when it is empty. Blocking (about 20 s of CPU for one
 * million messages); run it off the UI thread.
 */
Result<TranscriptBenchmarkResult> runTranscriptBenchmark(QTextStream &out,
                                                         int messageCount,
                                                         const QString &directory = QString());

} // namespace Switchboard::Storage
