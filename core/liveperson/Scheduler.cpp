// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Scheduler.h"

#include <QTimer>

namespace Switchboard::LivePerson
{

namespace
{
class TimerScheduler final : public Scheduler
{
public:
    QObject *schedule(std::chrono::milliseconds delay, QObject *owner, std::function<void()> callback) override
    {
        auto *timer = new QTimer(owner);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::CoarseTimer);
        QObject::connect(timer, &QTimer::timeout, timer, [timer, callback = std::move(callback)] {
            timer->deleteLater();
            callback();
        });
        timer->start(delay);
        return timer;
    }
};
} // namespace

Scheduler &Scheduler::system()
{
    static TimerScheduler scheduler;
    return scheduler;
}

} // namespace Switchboard::LivePerson
