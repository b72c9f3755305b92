// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

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
} // namespace Switchboard::Test
