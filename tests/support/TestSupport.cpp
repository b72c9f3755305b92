// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace Switchboard::Test
{
QString sharedDir()
{
    return QStringLiteral(SWITCHBOARD_SHARED_DIR);
}
QString schemaPath(const QString &relative)
{
    return sharedDir() + QStringLiteral("/reference/schemas/") + relative;
}
QString sourceDir()
{
    return QStringLiteral(SWITCHBOARD_SOURCE_DIR);
}
QString binaryDir()
{
    return QStringLiteral(SWITCHBOARD_BINARY_DIR);
}
double timeScale()
{
    static const double scale = [] {
        bool ok = false;
        const double value = qEnvironmentVariable("SWITCHBOARD_TEST_TIME_SCALE").toDouble(&ok);
        return ok && std::isfinite(value) ? std::clamp(value, 1.0, 20.0) : 1.0;
    }();
    return scale;
}
int scaledMs(int ms)
{
    return int(std::lround(ms * timeScale()));
}
} // namespace Switchboard::Test
