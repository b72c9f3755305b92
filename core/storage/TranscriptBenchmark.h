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

/** Figures of one round-trip write benchmark (runRoundTripBenchmark()). */
struct RoundTripBenchmarkResult
{
    int roundTrips = 0;
    int conversations = 0;
    int roundTripsPerCommit = 0;
    /** CPU of the process minus the producing thread, per round trip: the store's thread. */
    double storeCpuUsPerRoundTrip = 0;
    /** Database file plus WAL file after the run, per round trip (what stays on disk). */
    double fileBytesPerRoundTrip = 0;
};

/**
 * Writes @p roundTrips round trips through TranscriptStore the way the connector does (consumer
 * message, lp_in / bot_out / bot_in / lp_out hops, handled and published marks, bot reply) over
 * @p conversations conversations, committing every @p roundTripsPerCommit round trips (as the
 * commit interval does at a fixed rate), and prints the store thread's CPU per round trip. The
 * WAL bytes are counted from outside (perf stat on pwrite64, see tst_transcriptbench). Checks the
 * transcripts read back. Blocking.
 */
Result<RoundTripBenchmarkResult> runRoundTripBenchmark(QTextStream &out,
                                                       int roundTrips,
                                                       int conversations,
                                                       int roundTripsPerCommit,
                                                       const QString &directory);

} // namespace Switchboard::Storage
