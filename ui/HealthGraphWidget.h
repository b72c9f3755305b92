// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connector/ConnectorTypes.h"

#include <QLineF>
#include <QList>
#include <QPointer>
#include <QPolygonF>
#include <QTimer>
#include <QWidget>
#include <array>

namespace Switchboard
{
class Clock;
}
namespace Switchboard::Connector
{
class ConnectorSession;
}

namespace Switchboard
{

/**
 * The bot endpoint's health over the last 5 minutes, hour or day: latency p50/p95/p99 lines, error
 * markers stacked by outcome class along the bottom, and a background band that is green, amber
 * or red where the endpoint was healthy, degraded or down. Hovering shows the exact figures of the
 * bucket under the cursor.
 *
 * Data: the session's persisted history — requestHealthHistory(from, to, maxBuckets = plot
 * width) answered by healthHistoryLoaded() — refreshed while visible, and sooner when
 * healthChanged() reports news (the live state also colours the band up to now). Refreshes are
 * coalesced, so a chatty session cannot make the widget ask more than about once a second.
 *
 * Drawing is decimated: however many buckets arrive, they are folded into one min/max column per
 * pixel once per data or size change, and each series is drawn as a few polylines (its maximum) over a
 * light stroke per column (its minimum to maximum). Painting 24 h
 * of per-second buckets therefore costs the same as painting a few hundred.
 */
class HealthGraphWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthGraphWidget)

public:
    enum class Range
    {
        FiveMinutes,
        OneHour,
        Day,
    };
    Q_ENUM(Range)

    explicit HealthGraphWidget(QWidget *parent = nullptr);
    ~HealthGraphWidget() override;

    static qint64 rangeMs(Range range);

    void setSession(Connector::ConnectorSession *session);
    /** Time source (not owned; must outlive the widget). Defaults to Clock::system(). */
    void setClock(const Clock *clock);

    Range range() const;
    void setRange(Range range);

    /** Asks the session for the current window's history now. */
    void refresh();

    /** Replaces the graphed buckets for the window [fromMs, toMs) (normally from healthHistoryLoaded). */
    void setBuckets(qint64 fromMs, qint64 toMs, const QList<Connector::HealthBucket> &buckets);
    const QList<Connector::HealthBucket> &buckets() const;
    qint64 windowFromMs() const;
    qint64 windowToMs() const;

    /** The index of the bucket drawn at widget x coordinate @p x, or -1. */
    int bucketIndexAt(int x) const;
    /** The hover text of bucket @p index: its time span, calls, percentiles, errors by class and state. */
    QString toolTipForBucket(int index) const;

    /** Paints the graph into @p rect of @p painter (what paintEvent does; used by the benchmark). */
    void paintGraph(QPainter *painter, const QRect &rect);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void rangeChanged(Switchboard::HealthGraphWidget::Range range);
    /** The figures shown changed (new history or live state). */
    void dataChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Column
    {
        float minP50 = 0, maxP50 = 0, minP95 = 0, maxP95 = 0, minP99 = 0, maxP99 = 0;
        std::array<qint64, Connector::OutcomeClassCount> errors{};
        Connector::HealthState state = Connector::HealthState::Unknown;
        bool hasLatency = false;
        /** Some bucket's span covers this column. */
        bool covered = false;
        /** A bucket without calls covers this column. */
        bool idle = false;
    };
    struct Decimated
    {
        QRect plot;
        double yMaxMs = 0;
        std::array<QList<QPolygonF>, 3> series;
        std::array<QList<QLineF>, 3> spreads;
        QList<std::pair<QRectF, Connector::HealthState>> band;
        std::array<QList<QLineF>, Connector::OutcomeClassCount> errorBars;
        bool valid = false;
    };

    void handleHealthHistoryLoaded(qint64 fromMs, qint64 toMs, const QList<Connector::HealthBucket> &buckets);
    void handleHealthChanged(const Connector::HealthSnapshot &health);
    void scheduleRefresh();
    void updateRefreshTimer();
    QRect plotRect(const QRect &rect) const;
    void decimate(const QRect &plot);
    qint64 nowMs() const;
    qint64 bucketEndMs(qsizetype index) const;
    int xForTime(qint64 ms, const QRect &plot) const;
    void updateAccessibleDescription();

    QPointer<Connector::ConnectorSession> m_session;
    const Clock *m_clock;
    Range m_range = Range::OneHour;
    QList<Connector::HealthBucket> m_buckets;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    qint64 m_bucketWidthMs = 0;
    qint64 m_totalCalls = 0;
    qint64 m_totalErrors = 0;
    qint64 m_requestedFromMs = -1;
    qint64 m_requestedToMs = -1;
    Connector::HealthSnapshot m_live;
    Decimated m_cache;
    int m_hoverX = -1;
    QTimer *m_refreshTimer;
    QTimer *m_coalesceTimer;
};

} // namespace Switchboard
