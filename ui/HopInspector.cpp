// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HopInspector.h"

#include "connector/ConnectorSession.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace Switchboard
{

using namespace Connector;

namespace
{
enum HopColumn
{
    HopNameColumn,
    AttemptColumn,
    OffsetColumn,
    DurationColumn,
    OutcomeColumn,
    HopColumnCount,
};
} // namespace

HopInspector::HopInspector(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_hopList(new QTreeWidget(this))
    , m_raw(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("hopInspector"));
    setAccessibleName(tr("Delivery inspector"));

    m_summary->setObjectName(QStringLiteral("hopSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_hopList->setObjectName(QStringLiteral("hopList"));
    m_hopList->setAccessibleName(tr("Hops of the delivery"));
    m_hopList->setRootIsDecorated(false);
    m_hopList->setUniformRowHeights(true);
    m_hopList->setColumnCount(HopColumnCount);
    m_hopList->setHeaderLabels({tr("Hop"), tr("Attempt"), tr("Start"), tr("Duration"), tr("Outcome")});
    m_hopList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_hopList->header()->setStretchLastSection(true);

    m_raw->setObjectName(QStringLiteral("hopRawJson"));
    m_raw->setAccessibleName(tr("Raw JSON of the selected hop"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setPlaceholderText(tr("Select a hop to see what went over the wire."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_hopList);
    splitter->addWidget(m_raw);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_hopList, &QTreeWidget::currentItemChanged, this, &HopInspector::showSelectedHop);
    showDelivery(QString());
}

HopInspector::~HopInspector() = default;

void HopInspector::setSession(ConnectorSession *session)
{
    if (m_session == session) {
        return;
    }
    if (m_session) {
        m_session->disconnect(this);
    }
    m_session = session;
    if (m_session) {
        connect(m_session, &ConnectorSession::hopsLoaded, this, &HopInspector::handleHopsLoaded);
    }
    showDelivery(QString());
}

QString HopInspector::deliveryId() const
{
    return m_deliveryId;
}

QString HopInspector::rawText() const
{
    return m_raw->toPlainText();
}

QString HopInspector::hopName(const QString &kind)
{
    if (kind == QLatin1String("lp_in")) {
        return tr("LivePerson → connector");
    }
    if (kind == QLatin1String("bot_out")) {
        return tr("connector → bot");
    }
    if (kind == QLatin1String("bot_in")) {
        return tr("bot → connector");
    }
    if (kind == QLatin1String("lp_out")) {
        return tr("connector → LivePerson");
    }
    return kind;
}

void HopInspector::showDelivery(const QString &deliveryId)
{
    m_deliveryId = deliveryId;
    m_hops.clear();
    m_hopList->clear();
    m_raw->clear();
    if (deliveryId.isEmpty()) {
        m_summary->setText(tr("Select a consumer message or a bot reply to inspect its delivery."));
        return;
    }
    m_summary->setText(tr("Loading delivery %1…").arg(deliveryId));
    if (m_session) {
        m_session->requestHops(deliveryId);
    }
}

void HopInspector::handleHopsLoaded(const QString &deliveryId, const QList<HopSnapshot> &hops)
{
    if (deliveryId != m_deliveryId) {
        return;
    }
    m_hops = hops;
    std::stable_sort(m_hops.begin(), m_hops.end(), [](const HopSnapshot &a, const HopSnapshot &b) {
        return a.startedAt < b.startedAt;
    });
    m_hopList->clear();
    if (m_hops.isEmpty()) {
        m_summary->setText(tr("No hops are recorded for delivery %1.").arg(deliveryId));
        return;
    }
    const QDateTime first = m_hops.first().startedAt;
    qint64 endMs = 0;
    const QLocale locale;
    QList<QTreeWidgetItem *> items;
    for (const HopSnapshot &hop : std::as_const(m_hops)) {
        const qint64 offset = first.msecsTo(hop.startedAt);
        endMs = std::max(endMs, offset + qint64(hop.durationMs));
        auto *item = new QTreeWidgetItem;
        item->setText(HopNameColumn, hopName(hop.kind));
        item->setText(AttemptColumn, locale.toString(hop.attempt));
        item->setText(OffsetColumn, tr("+%1 ms").arg(locale.toString(offset)));
        item->setText(DurationColumn, tr("%1 ms").arg(locale.toString(hop.durationMs, 'f', 1)));
        item->setText(OutcomeColumn, hop.outcome);
        item->setTextAlignment(AttemptColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(OffsetColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(DurationColumn, Qt::AlignRight | Qt::AlignVCenter);
        items.append(item);
    }
    m_hopList->addTopLevelItems(items);
    m_summary->setText(tr("Delivery %1 · hops: %2 · end to end: %3 ms")
                           .arg(deliveryId, locale.toString(m_hops.size()), locale.toString(endMs)));
    m_hopList->setCurrentItem(m_hopList->topLevelItem(0));
}

void HopInspector::showSelectedHop()
{
    const int row = m_hopList->indexOfTopLevelItem(m_hopList->currentItem());
    if (row < 0 || row >= m_hops.size()) {
        m_raw->clear();
        return;
    }
    const QByteArray raw = m_hops.at(row).rawJson;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(raw, &error);
    // Show what was on the wire even when it is not JSON (that is often the bug being hunted).
    m_raw->setPlainText(error.error == QJsonParseError::NoError
                            ? QString::fromUtf8(document.toJson(QJsonDocument::Indented))
                            : QString::fromUtf8(raw));
}

} // namespace Switchboard
