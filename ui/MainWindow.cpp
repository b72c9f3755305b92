// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Switchboard
{

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Switchboard"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/switchboard.svg")));
    resize(1100, 720);

    auto *fileMenu = menuBar()->addMenu(tr("&Integration"));
    auto *addAction = fileMenu->addAction(tr("&Add Integration…"));
    addAction->setObjectName(QStringLiteral("addIntegrationAction"));
    addAction->setShortcut(QKeySequence::New);
    connect(addAction, &QAction::triggered, this, &MainWindow::addIntegrationRequested);
    auto *sandboxAction = fileMenu->addAction(tr("Start &Sandbox"));
    sandboxAction->setObjectName(QStringLiteral("startSandboxAction"));
    connect(sandboxAction, &QAction::triggered, this, &MainWindow::sandboxRequested);
    fileMenu->addSeparator();
    auto *quitAction = fileMenu->addAction(tr("&Quit"));
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    buildEmptyState();
    setCentralWidget(m_stack);
    statusBar()->showMessage(tr("No integrations configured"));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildEmptyState()
{
    m_emptyState = new QWidget(m_stack);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    auto *layout = new QVBoxLayout(m_emptyState);
    layout->addStretch(1);

    auto *title = new QLabel(tr("<h2>No bot integrations yet</h2>"), m_emptyState);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);

    auto *text = new QLabel(tr("An integration connects one bot to LivePerson: Switchboard logs in as the bot's "
                               "agent user, forwards each consumer message to the bot's endpoint, posts the "
                               "replies back and escalates to a fallback skill when the bot fails.\n\n"
                               "Add an integration for your LivePerson account, or start the sandbox to watch "
                               "a demo bot answer simulated consumers without an account."),
                            m_emptyState);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(560);
    layout->addWidget(text, 0, Qt::AlignHCenter);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *addButton = new QPushButton(tr("Add Integration…"), m_emptyState);
    addButton->setObjectName(QStringLiteral("addIntegrationButton"));
    addButton->setAccessibleName(tr("Add integration"));
    connect(addButton, &QPushButton::clicked, this, &MainWindow::addIntegrationRequested);
    buttons->addWidget(addButton);
    auto *sandboxButton = new QPushButton(tr("Start Sandbox"), m_emptyState);
    sandboxButton->setObjectName(QStringLiteral("startSandboxButton"));
    sandboxButton->setAccessibleName(tr("Start the LivePerson sandbox"));
    connect(sandboxButton, &QPushButton::clicked, this, &MainWindow::sandboxRequested);
    buttons->addWidget(sandboxButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(2);

    m_stack->addWidget(m_emptyState);
}

} // namespace Switchboard
