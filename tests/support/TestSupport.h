// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Switchboard::Test
{
/** The ../shared folder beside the checkout (schemas, reference data). */
QString sharedDir();
/** Path of a file under ../shared/reference/schemas. */
QString schemaPath(const QString &relative);
/** The top of the source tree and of the build tree. */
QString sourceDir();
QString binaryDir();

/**
 * How many times longer a test may wait for something in this build: SWITCHBOARD_TEST_TIME_SCALE
 * (a number >= 1; the asan test preset sets it, because -O0 under ASan on a loaded 2-core machine is
 * several times slower), 1 when unset. Only for time limits on waits: never for latency or
 * throughput figures a test asserts, and never a reason to wait without a condition.
 */
double timeScale();
/** A wait's time limit in milliseconds, multiplied by timeScale(). */
int scaledMs(int ms);
} // namespace Switchboard::Test
