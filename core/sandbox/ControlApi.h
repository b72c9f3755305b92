// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <functional>

namespace Switchboard::Sandbox
{

class FaultInjector;
class HttpServer;
class LoadGenerator;
class StateModel;
struct Conversation;

/**
 * The sandbox control API under /sandbox/… (documented in docs/sandbox.md): simulated consumers
 * and conversations, consumer messages and card clicks, conversation inspection, load, stats and
 * faults. JSON in and out, ids are strings, errors are {"error":{"status","message"}} with a
 * message an operator can act on.
 *
 * Owned by Emulator; emulator thread.
 */
class ControlApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlApi)

public:
    using StatsProvider = std::function<QJsonObject()>;
    using InfoProvider = std::function<QJsonObject()>;

    ControlApi(StateModel *model,
               FaultInjector *faults,
               LoadGenerator *load,
               HttpServer *server,
               StatsProvider stats,
               InfoProvider info,
               QObject *parent = nullptr);

    /** The control API's JSON view of one conversation. */
    QJsonObject conversationJson(const Conversation &conversation, bool withMessages) const;

private:
    StateModel *m_model;
    FaultInjector *m_faults;
    LoadGenerator *m_load;
    StatsProvider m_stats;
    InfoProvider m_info;
};

} // namespace Switchboard::Sandbox
