// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <vector>

namespace Switchboard::Connector
{

/**
 * Opt-in measurement of the time the connector itself adds to a round trip, for
 * `switchboard-cli bench`. Off by default: then each probe point costs one relaxed atomic load.
 *
 * Two legs, both timed on the session's worker thread with std::chrono::steady_clock:
 * - Inbound: the engine receives a consumer message (after the LivePerson client parsed the UMS
 *   frame) → the bot call is handed to the bot client (request built, queued on libcurl).
 * - Outbound: the bot client delivers the parsed bot reply → the first reply item's PublishEvent
 *   is written to the WebSocket (after the write-ahead commit of the transcript store).
 *
 * Samples are kept in microseconds, up to kMaxSamples per leg. Thread-safe (one mutex, taken only
 * while enabled).
 */
class LatencyProbe final
{
public:
    enum class Leg
    {
        Inbound,
        Outbound,
    };
    static constexpr std::size_t kMaxSamples = 4'000'000;

    LatencyProbe() = delete;

    static void setEnabled(bool enabled)
    {
        s_enabled.store(enabled, std::memory_order_relaxed);
    }
    static bool enabled()
    {
        return s_enabled.load(std::memory_order_relaxed);
    }
    /** Monotonic nanoseconds; 0 when the probe is off (so callers can store it unconditionally). */
    static std::int64_t startNs()
    {
        return enabled() ? nowNs() : 0;
    }
    /** Records now − @p startNs on @p leg; no-op for startNs == 0 (probe was off at the start). */
    static void finish(Leg leg, std::int64_t startNs)
    {
        if (startNs == 0 || !enabled()) {
            return;
        }
        const float us = static_cast<float>(static_cast<double>(nowNs() - startNs) / 1000.0);
        const std::lock_guard lock(s_mutex);
        std::vector<float> &samples = leg == Leg::Inbound ? s_inbound : s_outbound;
        if (samples.size() < kMaxSamples) {
            samples.push_back(us);
        }
    }
    /** Takes (and clears) the samples of @p leg, in microseconds. */
    static std::vector<float> take(Leg leg)
    {
        const std::lock_guard lock(s_mutex);
        std::vector<float> out;
        out.swap(leg == Leg::Inbound ? s_inbound : s_outbound);
        return out;
    }

private:
    static std::int64_t nowNs()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    static inline std::atomic<bool> s_enabled{false};
    static inline std::mutex s_mutex;
    static inline std::vector<float> s_inbound;
    static inline std::vector<float> s_outbound;
};

} // namespace Switchboard::Connector
