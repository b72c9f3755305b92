// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxTypes.h"

#include <QObject>

namespace Switchboard::Sandbox
{

class StateModel;

/**
 * Plays the simulated human agents (AgentConfig::simulated, on the "human" skill by default):
 * each ring offered to one is accepted after humanAcceptDelayMs and answered with the configured
 * greeting, so a conversation transferred to the human skill is visibly picked up. Works for
 * both channels because it acts only through StateModel.
 *
 * Owned by Emulator; emulator thread.
 */
class HumanSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HumanSimulator)

public:
    explicit HumanSimulator(StateModel *model, QObject *parent = nullptr);

    void setAcceptDelayMs(int ms)
    {
        m_delayMs = ms;
    }

private:
    void handleRingChanged(const Ring &ring);
    void take(const QString &userId, const QString &ringId);

    StateModel *m_model;
    int m_delayMs;
};

} // namespace Switchboard::Sandbox
