# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Script mode: cmake -DSOURCE_DIR=... -P check-core-boundaries.cmake
file(GLOB_RECURSE core_files "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/core/*.cpp")
set(widget_headers QtWidgets QWidget QMainWindow QDialog QApplication QAbstractButton QLabel QPushButton
    QLineEdit QTreeView QTableView QListView QMessageBox QStyle QAction QMenu QToolBar QDockWidget)
list(JOIN widget_headers "|" widget_re)
set(failures "")
foreach(f IN LISTS core_files)
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
        if(line MATCHES "[<\"/](${widget_re})(\\.h)?[>\"]")
            list(APPEND failures "${f}: ${line} (core/ must not use QtWidgets)")
        endif()
        if(f MATCHES "/core/sandbox/" AND line MATCHES "[<\"](connector|bot)/")
            list(APPEND failures "${f}: ${line} (the sandbox must not include the connector or the bot client)")
        endif()
    endforeach()
endforeach()
if(failures)
    list(JOIN failures "\n" msg)
    message(FATAL_ERROR "Architecture boundary violated:\n${msg}")
endif()
