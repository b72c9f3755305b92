# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# switchboard_option(NAME "description" DEFAULT): an option() that also shows in feature_summary().
include_guard(GLOBAL)
include(FeatureSummary)
function(switchboard_option name description default)
    option(${name} "${description}" ${default})
    add_feature_info(${name} ${name} "${description}")
endfunction()
