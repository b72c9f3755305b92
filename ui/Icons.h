// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace Switchboard::Icons
{

/** The console's own icons (SVG, in resources/icons/ui). */
enum class Icon
{
    Start,
    Stop,
    Escalate,
    EscalateAll,
    Health,
    Log,
    Info,
    Bot,
    Consumer,
    Agent,
    System,
    Private,
    Sandbox,
    Copy,
    Inspector,
    Import,
    Export,
    Integration,
    Key,
    TestConnection,
    // Coloured: the colour carries meaning, so these are never tinted.
    Warning,
    Error,
    Ok,
    Pending,
    StateOnline,
    StateBusy,
    StateStopped,
    StateFailed,
};

/**
 * The icon for @p icon. Monochrome icons are drawn in the current palette's text colour (so they
 * follow dark mode and the disabled state); coloured ones keep their colours. Every icon renders
 * from its SVG at the device pixel ratio it is painted at, so it stays sharp on high-DPI screens.
 */
QIcon icon(Icon icon);

/** The resource path of @p icon's SVG. */
QString path(Icon icon);

} // namespace Switchboard::Icons
