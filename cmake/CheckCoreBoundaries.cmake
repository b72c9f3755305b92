# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Build-time guard for the architecture's two rules: core/ never includes QtWidgets, and
# core/sandbox/ never includes core/connector/ or core/bot/. The target is part of ALL, so a
# violation fails the build, not just a test.
include_guard(GLOBAL)
add_custom_target(check_core_boundaries ALL
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -P ${CMAKE_SOURCE_DIR}/cmake/check-core-boundaries.cmake
    COMMENT "Checking that core/ has no QtWidgets and the sandbox stays on its side of the wire"
    VERBATIM)
