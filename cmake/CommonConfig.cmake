# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the compile policy; every target links it.
include_guard(GLOBAL)
add_library(switchboard_common_cfg INTERFACE)
target_compile_features(switchboard_common_cfg INTERFACE cxx_std_20)
if(MSVC)
    target_compile_options(switchboard_common_cfg INTERFACE /permissive- /utf-8 /W4)
    if(SWITCHBOARD_WERROR)
        target_compile_options(switchboard_common_cfg INTERFACE /WX)
    endif()
else()
    target_compile_options(switchboard_common_cfg INTERFACE -Wall -Wextra -pedantic -Wold-style-cast)
    if(SWITCHBOARD_WERROR)
        target_compile_options(switchboard_common_cfg INTERFACE -Werror)
    endif()
endif()
target_compile_definitions(switchboard_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SWITCHBOARD_VERSION="${PROJECT_VERSION}")
