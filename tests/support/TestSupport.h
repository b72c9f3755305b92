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
} // namespace Switchboard::Test
