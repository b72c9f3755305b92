// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoBotBehaviour.h"

#include <QCoreApplication>
#include <QStringList>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace Switchboard::Sandbox
{

namespace
{

constexpr std::array<std::pair<DemoBotBehaviour::Mode, QLatin1StringView>, 9> s_modeNames{{
    {DemoBotBehaviour::Mode::Normal, "normal"_L1},
    {DemoBotBehaviour::Mode::Slow, "slow"_L1},
    {DemoBotBehaviour::Mode::Fail5xx, "fail5xx"_L1},
    {DemoBotBehaviour::Mode::Malformed, "malformed"_L1},
    {DemoBotBehaviour::Mode::Timeout, "timeout"_L1},
    {DemoBotBehaviour::Mode::Offline, "offline"_L1},
    {DemoBotBehaviour::Mode::ContractViolation, "contract-violation"_L1},
    {DemoBotBehaviour::Mode::Oversize, "oversize"_L1},
    {DemoBotBehaviour::Mode::BadCallbackToken, "bad-callback-token"_L1},
}};

const QStringList &violationNames()
{
    static const QStringList names{u"two-actions"_s,
                                   u"unknown-type"_s,
                                   u"missing-analytics"_s,
                                   u"empty-response"_s,
                                   u"bad-delay"_s,
                                   u"response-not-array"_s};
    return names;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::Sandbox::DemoBotBehaviour", text);
}

} // namespace

QString DemoBotBehaviour::modeName(Mode mode)
{
    for (const auto &[value, name] : s_modeNames) {
        if (value == mode) {
            return QString(name);
        }
    }
    return u"normal"_s;
}

Result<DemoBotBehaviour> DemoBotBehaviour::fromJson(const QJsonObject &object)
{
    DemoBotBehaviour behaviour;
    const QString mode = object.value("mode"_L1).toString();
    bool found = false;
    for (const auto &[value, name] : s_modeNames) {
        // "bad-signature-callback" is the name the first brief used for the same switch.
        if (mode == name || (value == Mode::BadCallbackToken && mode == "bad-signature-callback"_L1)) {
            behaviour.mode = value;
            found = true;
        }
    }
    if (!found) {
        QStringList names;
        for (const auto &entry : s_modeNames) {
            names << QString(entry.second);
        }
        return Result<DemoBotBehaviour>::failure(
            u"sandbox.bad_behaviour"_s,
            tr("Unknown demo bot mode \"%1\"; expected one of: %2.").arg(mode, names.join(", "_L1)));
    }
    if (object.contains("delayMs"_L1)) {
        const double delay = object.value("delayMs"_L1).toDouble(-1);
        if (delay < 0 || delay > 3'600'000) {
            return Result<DemoBotBehaviour>::failure(u"sandbox.bad_behaviour"_s,
                                                     tr("\"delayMs\" must be a number from 0 to 3600000."));
        }
        behaviour.delayMs = static_cast<int>(delay);
    }
    if (object.contains("failRatio"_L1)) {
        const double ratio = object.value("failRatio"_L1).toDouble(-1);
        if (ratio < 0 || ratio > 1) {
            return Result<DemoBotBehaviour>::failure(u"sandbox.bad_behaviour"_s,
                                                     tr("\"failRatio\" must be a number from 0 to 1."));
        }
        behaviour.failRatio = ratio;
    }
    if (object.contains("status"_L1)) {
        const int status = object.value("status"_L1).toInt(-1);
        if (status < 500 || status > 599) {
            return Result<DemoBotBehaviour>::failure(u"sandbox.bad_behaviour"_s,
                                                     tr("\"status\" must be a 5xx status code."));
        }
        behaviour.status = status;
    }
    if (object.contains("violation"_L1)) {
        const QString violation = object.value("violation"_L1).toString();
        if (!violationNames().contains(violation)) {
            return Result<DemoBotBehaviour>::failure(u"sandbox.bad_behaviour"_s,
                                                     tr("Unknown contract violation \"%1\"; expected one of: %2.")
                                                         .arg(violation, violationNames().join(", "_L1)));
        }
        behaviour.violation = violation;
    }
    if (object.contains("oversizeBytes"_L1)) {
        const double size = object.value("oversizeBytes"_L1).toDouble(-1);
        if (size < 1024 || size > 256.0 * 1024 * 1024) {
            return Result<DemoBotBehaviour>::failure(u"sandbox.bad_behaviour"_s,
                                                     tr("\"oversizeBytes\" must be a number from 1024 to 268435456."));
        }
        behaviour.oversizeBytes = static_cast<qint64>(size);
    }
    return behaviour;
}

QJsonObject DemoBotBehaviour::toJson() const
{
    return QJsonObject{{"mode"_L1, modeName(mode)},
                       {"delayMs"_L1, delayMs},
                       {"failRatio"_L1, failRatio},
                       {"status"_L1, status},
                       {"violation"_L1, violation},
                       {"oversizeBytes"_L1, oversizeBytes}};
}

bool DemoBotBehaviour::takeFault(double &accumulator) const
{
    if (mode == Mode::Normal || failRatio <= 0) {
        return false;
    }
    accumulator += failRatio;
    // The small epsilon keeps ratios such as 0.1 from drifting one call late through rounding.
    if (accumulator >= 1.0 - 1e-9) {
        accumulator -= 1.0;
        return true;
    }
    return false;
}

} // namespace Switchboard::Sandbox
