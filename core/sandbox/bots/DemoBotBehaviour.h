// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QString>

namespace Switchboard::Sandbox
{

/**
 * How a demo bot misbehaves on purpose, for tests and demos. A plain value; the bots copy it.
 *
 * `failRatio` (0..1) makes the fault hit that fraction of the bot calls, deterministically: an accumulator
 * adds the ratio on every call and the call is faulted each time it passes 1 (0.25 → every 4th call,
 * 0.5 → every 2nd, 1 → every call). `Normal` ignores the ratio.
 *
 * JSON form (also the control API's body): {"mode":"slow","delayMs":1500,"failRatio":0.5,"status":503,
 * "violation":"two-actions","oversizeBytes":2097152}; only "mode" is required.
 */
struct DemoBotBehaviour
{
    enum class Mode
    {
        Normal,
        /** Answer after delayMs (timers, never blocking). */
        Slow,
        /** Answer with `status` (5xx, default 500) and a JSON error body. */
        Fail5xx,
        /** Answer 200 with a body that is not JSON. */
        Malformed,
        /** Never answer; the connection stays open until the client gives up. */
        Timeout,
        /** Custom Endpoint: report state "offline" (E2); bot calls still answer. */
        Offline,
        /** Answer 200 with valid JSON that breaks the contract (see `violation`). */
        ContractViolation,
        /** Answer 200 with a valid but huge body (oversizeBytes). */
        Oversize,
        /** Webhook (async): call back with a wrong bearer token. */
        BadCallbackToken
    };

    Mode mode = Mode::Normal;
    int delayMs = 1000;
    double failRatio = 1.0;
    int status = 500;
    /** ContractViolation variant: two-actions | unknown-type | missing-analytics | empty-response |
     *  bad-delay | response-not-array. */
    QString violation = QStringLiteral("two-actions");
    qint64 oversizeBytes = 2 * 1024 * 1024;

    static QString modeName(Mode mode);
    static Result<DemoBotBehaviour> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    /** Whether this call is faulted; advances \a accumulator (see failRatio). */
    bool takeFault(double &accumulator) const;
};

} // namespace Switchboard::Sandbox
