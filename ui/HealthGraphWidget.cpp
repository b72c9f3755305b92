// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HealthGraphWidget.h"

#include "StatusText.h"
#include "connector/ConnectorSession.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <vector>

namespace Switchboard
{

using namespace Connector;

namespace
{
constexpr int ErrorStripHeight = 12;
constexpr int SeriesCount = 3;

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor seriesColor(int series)
{
    static const std::array<QColor, SeriesCount> colors{QColor(30, 136, 229), QColor(251, 140, 0), QColor(229, 57, 53)};
    return colors[size_t(series)];
}

QColor outcomeColor(int outcome)
{
    switch (OutcomeClass(outcome)) {
    case OutcomeClass::Timeout:
        return QColor(245, 124, 0);
    case OutcomeClass::ConnectError:
        return QColor(198, 40, 40);
    case OutcomeClass::Http4xx:
        return QColor(142, 68, 173);
    case OutcomeClass::Http5xx:
        return QColor(216, 27, 96);
    case OutcomeClass::InvalidReply:
        return QColor(121, 85, 72);
    case OutcomeClass::Ok:
        break;
    }
    return QColor(120, 120, 120);
}

QColor stateColor(HealthState state, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    switch (state) {
    case HealthState::Healthy:
        return mix(base, QColor(67, 160, 71), 0.12);
    case HealthState::Degraded:
        return mix(base, QColor(251, 192, 45), 0.22);
    case HealthState::Down:
        return mix(base, QColor(229, 57, 53), 0.22);
    case HealthState::Unknown:
        break;
    }
    return base;
}

// A round axis maximum (1, 2 or 5 times a power of ten) so tick labels read well.
double niceCeiling(double value)
{
    if (value <= 0) {
        return 100;
    }
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (value <= step * magnitude) {
            return step * magnitude;
        }
    }
    return 10 * magnitude;
}

QString formatMs(double ms)
{
    const QLocale locale;
    if (ms >= 1000) {
        return QCoreApplication::translate("Switchboard::HealthGraphWidget", "%1 s")
            .arg(locale.toString(ms / 1000, 'g', 3));
    }
    return QCoreApplication::translate("Switchboard::HealthGraphWidget", "%1 ms")
        .arg(locale.toString(ms, 'f', ms < 10 ? 1 : 0));
}
} // namespace

HealthGraphWidget::HealthGraphWidget(QWidget *parent)
    : QWidget(parent)
    , m_clock(&Clock::system())
    , m_refreshTimer(new QTimer(this))
    , m_coalesceTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("healthGraph"));
    setAccessibleName(tr("Bot endpoint health graph"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_refreshTimer->setObjectName(QStringLiteral("healthRefreshTimer"));
    connect(m_refreshTimer, &QTimer::timeout, this, &HealthGraphWidget::refresh);
    m_coalesceTimer->setObjectName(QStringLiteral("healthCoalesceTimer"));
    m_coalesceTimer->setSingleShot(true);
    m_coalesceTimer->setInterval(1000);
    connect(m_coalesceTimer, &QTimer::timeout, this, &HealthGraphWidget::refresh);
    updateRefreshTimer();
    updateAccessibleDescription();
}

HealthGraphWidget::~HealthGraphWidget() = default;

qint64 HealthGraphWidget::rangeMs(Range range)
{
    switch (range) {
    case Range::FiveMinutes:
        return 5 * 60 * 1000;
    case Range::OneHour:
        return 60 * 60 * 1000;
    case Range::Day:
        break;
    }
    return 24 * 60 * 60 * 1000;
}

void HealthGraphWidget::setSession(ConnectorSession *session)
{
    if (m_session == session) {
        return;
    }
    if (m_session) {
        m_session->disconnect(this);
    }
    m_session = session;
    m_buckets.clear();
    m_cache.valid = false;
    m_requestedFromMs = m_requestedToMs = -1;
    if (m_session) {
        connect(m_session, &ConnectorSession::healthHistoryLoaded, this, &HealthGraphWidget::handleHealthHistoryLoaded);
        connect(m_session, &ConnectorSession::healthChanged, this, &HealthGraphWidget::handleHealthChanged);
        m_live = m_session->health();
        if (isVisible()) {
            refresh();
        }
    }
    update();
}

void HealthGraphWidget::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
}

qint64 HealthGraphWidget::nowMs() const
{
    return m_clock->nowMs();
}

HealthGraphWidget::Range HealthGraphWidget::range() const
{
    return m_range;
}

void HealthGraphWidget::setRange(Range range)
{
    if (m_range == range) {
        return;
    }
    m_range = range;
    updateRefreshTimer();
    refresh();
    Q_EMIT rangeChanged(range);
}

void HealthGraphWidget::updateRefreshTimer()
{
    // About one refresh per few pixels of movement, between 2 s and a minute.
    m_refreshTimer->setInterval(int(std::clamp<qint64>(rangeMs(m_range) / 150, 2000, 60000)));
    if (isVisible() && m_session) {
        m_refreshTimer->start();
    } else {
        m_refreshTimer->stop();
    }
}

void HealthGraphWidget::refresh()
{
    m_coalesceTimer->stop();
    if (!m_session) {
        return;
    }
    const qint64 to = nowMs();
    const qint64 from = to - rangeMs(m_range);
    m_requestedFromMs = from;
    m_requestedToMs = to;
    const int maxBuckets = std::max(60, plotRect(rect()).width());
    m_session->requestHealthHistory(from, to, maxBuckets);
}

void HealthGraphWidget::scheduleRefresh()
{
    // A cap, not an idle timer: a steady stream of news still refreshes once a second.
    if (!m_coalesceTimer->isActive() && isVisible()) {
        m_coalesceTimer->start();
    }
}

void HealthGraphWidget::handleHealthHistoryLoaded(qint64 fromMs, qint64 toMs, const QList<HealthBucket> &buckets)
{
    if (fromMs != m_requestedFromMs || toMs != m_requestedToMs) {
        return; // an answer to an older request
    }
    setBuckets(fromMs, toMs, buckets);
}

void HealthGraphWidget::handleHealthChanged(const HealthSnapshot &health)
{
    m_live = health;
    scheduleRefresh();
    updateAccessibleDescription();
    update();
    Q_EMIT dataChanged();
}

void HealthGraphWidget::setBuckets(qint64 fromMs, qint64 toMs, const QList<HealthBucket> &buckets)
{
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    m_buckets = buckets;
    auto byStart = [](const HealthBucket &a, const HealthBucket &b) { return a.startMs < b.startMs; };
    if (!std::is_sorted(m_buckets.cbegin(), m_buckets.cend(), byStart)) {
        std::sort(m_buckets.begin(), m_buckets.end(), byStart);
    }
    // One pass: the nominal bucket width (the smallest step between buckets; a larger step is a
    // gap) and the totals for the accessible description.
    m_bucketWidthMs = 0;
    m_totalCalls = 0;
    m_totalErrors = 0;
    const HealthBucket *data = m_buckets.constData();
    const qsizetype count = m_buckets.size();
    for (qsizetype i = 0; i < count; ++i) {
        m_totalCalls += data[i].calls;
        const qint64 *outcomes = data[i].outcomes.data();
        for (int k = 1; k < OutcomeClassCount; ++k) {
            m_totalErrors += outcomes[k];
        }
        if (i > 0) {
            const qint64 step = data[i].startMs - data[i - 1].startMs;
            if (step > 0 && (m_bucketWidthMs == 0 || step < m_bucketWidthMs)) {
                m_bucketWidthMs = step;
            }
        }
    }
    if (m_bucketWidthMs == 0) {
        m_bucketWidthMs = m_toMs - m_fromMs;
    }
    m_cache.valid = false;
    updateAccessibleDescription();
    update();
    Q_EMIT dataChanged();
}

qint64 HealthGraphWidget::bucketEndMs(qsizetype index) const
{
    const qint64 start = m_buckets.at(index).startMs;
    qint64 end = std::min(start + m_bucketWidthMs, m_toMs);
    if (index + 1 < m_buckets.size()) {
        end = std::min(end, m_buckets.at(index + 1).startMs);
    }
    return std::max(end, start + 1);
}

const QList<HealthBucket> &HealthGraphWidget::buckets() const
{
    return m_buckets;
}

qint64 HealthGraphWidget::windowFromMs() const
{
    return m_fromMs;
}

qint64 HealthGraphWidget::windowToMs() const
{
    return m_toMs;
}

QRect HealthGraphWidget::plotRect(const QRect &rect) const
{
    const QFontMetrics metrics(font());
    const int left = metrics.horizontalAdvance(QStringLiteral("8888 ms")) + 8;
    const int top = metrics.height() + 4;
    const int bottom = metrics.height() + 4 + ErrorStripHeight + 2;
    return rect.adjusted(left, top, -8, -bottom);
}

int HealthGraphWidget::xForTime(qint64 ms, const QRect &plot) const
{
    const double t = double(ms - m_fromMs) / double(m_toMs - m_fromMs);
    return plot.left() + int(std::floor(t * plot.width()));
}

void HealthGraphWidget::decimate(const QRect &plot)
{
    Decimated d;
    d.plot = plot;
    const int width = std::max(1, plot.width());
    std::vector<Column> columns(static_cast<size_t>(width));
    const double span = double(m_toMs - m_fromMs);

    // One pass over the buckets: fold each into the pixel column it starts in, and mark the columns
    // its span covers (a bucket wider than a pixel colours the band across its whole width).
    double yMax = 0;
    const double scale = double(width) / span;
    const HealthBucket *data = m_buckets.constData();
    const qsizetype count = m_buckets.size();
    Column *cols = columns.data();
    for (qsizetype i = 0; i < count; ++i) {
        const HealthBucket &bucket = data[i];
        if (bucket.startMs < m_fromMs || bucket.startMs >= m_toMs) {
            continue;
        }
        qint64 endMs = std::min(bucket.startMs + m_bucketWidthMs, m_toMs);
        if (i + 1 < count) {
            endMs = std::min(endMs, data[i + 1].startMs);
        }
        const int c = std::min(width - 1, int(double(bucket.startMs - m_fromMs) * scale));
        const int last = std::max(c, std::min(width - 1, int(std::ceil(double(endMs - m_fromMs) * scale)) - 1));
        Column &column = cols[c];
        if (bucket.calls > 0) {
            const auto p50 = float(bucket.p50Ms), p95 = float(bucket.p95Ms), p99 = float(bucket.p99Ms);
            if (!column.hasLatency) {
                column.minP50 = column.maxP50 = p50;
                column.minP95 = column.maxP95 = p95;
                column.minP99 = column.maxP99 = p99;
                column.hasLatency = true;
            } else {
                column.minP50 = p50 < column.minP50 ? p50 : column.minP50;
                column.maxP50 = p50 > column.maxP50 ? p50 : column.maxP50;
                column.minP95 = p95 < column.minP95 ? p95 : column.minP95;
                column.maxP95 = p95 > column.maxP95 ? p95 : column.maxP95;
                column.minP99 = p99 < column.minP99 ? p99 : column.minP99;
                column.maxP99 = p99 > column.maxP99 ? p99 : column.maxP99;
            }
            yMax = column.maxP99 > yMax ? column.maxP99 : yMax;
        }
        const qint64 *outcomes = bucket.outcomes.data();
        qint64 *errors = column.errors.data();
        for (int k = 1; k < OutcomeClassCount; ++k) {
            errors[k] += outcomes[k];
        }
        for (int covered = c; covered <= last; ++covered) {
            Column &spanned = cols[covered];
            spanned.state = bucket.state > spanned.state ? bucket.state : spanned.state;
            spanned.covered = true;
            spanned.idle = spanned.idle || bucket.calls == 0;
        }
    }
    d.yMaxMs = niceCeiling(yMax * 1.05);

    const double yScale = double(plot.height()) / d.yMaxMs;
    auto yFor = [&](float ms) { return double(plot.bottom() + 1) - double(ms) * yScale; };

    // Series: the line follows each column's maximum, so every spike stays visible however many
    // buckets share a pixel; the spread down to the column's minimum is a light vertical stroke
    // per column. Both are cheap to draw (an up-and-down zigzag or a jagged polygon would be far
    // slower to rasterise). A gap in the data or a bucket without calls breaks the line.
    for (int s = 0; s < SeriesCount; ++s) {
        QPolygonF line;
        for (int c = 0; c < width; ++c) {
            const Column &column = columns[size_t(c)];
            if (!column.hasLatency) {
                if (!(column.covered && !column.idle) && !line.isEmpty()) {
                    d.series[size_t(s)].append(line);
                    line.clear();
                }
                continue;
            }
            const float lo = s == 0 ? column.minP50 : s == 1 ? column.minP95 : column.minP99;
            const float hi = s == 0 ? column.maxP50 : s == 1 ? column.maxP95 : column.maxP99;
            const double x = plot.left() + c + 0.5;
            line.append(QPointF(x, yFor(hi)));
            if (hi != lo) {
                d.spreads[size_t(s)].append(QLineF(x, yFor(hi), x, yFor(lo)));
            }
        }
        if (!line.isEmpty()) {
            d.series[size_t(s)].append(line);
        }
    }

    // Band: runs of equal state, one rectangle each.
    int runStart = 0;
    for (int c = 1; c <= width; ++c) {
        if (c == width || columns[size_t(c)].state != columns[size_t(runStart)].state) {
            const HealthState state = columns[size_t(runStart)].state;
            if (state != HealthState::Unknown) {
                d.band.append({QRectF(plot.left() + runStart, plot.top(), c - runStart, plot.height()), state});
            }
            runStart = c;
        }
    }

    // Error markers: one bar per column and class, stacked, scaled to the busiest column.
    qint64 maxErrors = 0;
    for (const Column &column : columns) {
        qint64 sum = 0;
        for (const qint64 n : column.errors) {
            sum += n;
        }
        maxErrors = std::max(maxErrors, sum);
    }
    if (maxErrors > 0) {
        const double stripBottom = plot.bottom() + 2 + ErrorStripHeight;
        for (int c = 0; c < width; ++c) {
            double y = stripBottom;
            for (int k = 1; k < OutcomeClassCount; ++k) {
                const qint64 n = columns[size_t(c)].errors[size_t(k)];
                if (n == 0) {
                    continue;
                }
                // Even a single error stays visible (at least 2 px).
                const double h = std::max(2.0, double(n) / double(maxErrors) * ErrorStripHeight);
                d.errorBars[size_t(k)].append(QLineF(plot.left() + c + 0.5, y, plot.left() + c + 0.5, y - h));
                y -= h;
            }
        }
    }
    d.valid = true;
    m_cache = std::move(d);
}

void HealthGraphWidget::paintGraph(QPainter *painter, const QRect &rect)
{
    const QPalette &pal = palette();
    painter->save();
    painter->fillRect(rect, pal.color(QPalette::Base));
    const QRect plot = plotRect(rect);
    if (plot.width() < 10 || plot.height() < 10) {
        painter->restore();
        return;
    }
    if (!m_cache.valid || m_cache.plot != plot) {
        decimate(plot);
    }
    const Decimated &d = m_cache;
    const QFontMetrics metrics(font());
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const QColor grid = mix(pal.color(QPalette::Base), text, 0.12);

    for (const auto &[band, state] : d.band) {
        painter->fillRect(band, stateColor(state, pal));
    }
    // Live state from the last bucket to now, so a fresh "down" shows before the next refresh.
    if (m_live.state != HealthState::Unknown && m_toMs > m_fromMs) {
        const qint64 lastMs = m_buckets.isEmpty() ? m_fromMs : bucketEndMs(m_buckets.size() - 1);
        const int x0 = std::clamp(xForTime(lastMs, plot), plot.left(), plot.right() + 1);
        if (x0 <= plot.right()) {
            painter->fillRect(QRect(x0, plot.top(), plot.right() + 1 - x0, plot.height()),
                              stateColor(m_live.state, pal));
        }
    }

    // Grid and y axis labels.
    painter->setFont(font());
    for (int i = 0; i <= 2; ++i) {
        const int y = plot.bottom() - i * plot.height() / 2;
        painter->setPen(grid);
        painter->drawLine(plot.left(), y, plot.right(), y);
        painter->setPen(muted);
        painter->drawText(QRect(rect.left(), y - metrics.height() / 2, plot.left() - rect.left() - 4, metrics.height()),
                          Qt::AlignRight | Qt::AlignVCenter,
                          formatMs(d.yMaxMs * i / 2));
    }

    // Time labels.
    const qint64 span = m_toMs - m_fromMs;
    const QLocale locale;
    const QString format = m_range == Range::FiveMinutes ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    const int labelY = plot.bottom() + 2 + ErrorStripHeight + 2;
    for (int i = 0; i <= 4; ++i) {
        const qint64 t = m_fromMs + span * i / 4;
        const int x = plot.left() + plot.width() * i / 4;
        const QString label = locale.toString(QDateTime::fromMSecsSinceEpoch(t).time(), format);
        const int w = metrics.horizontalAdvance(label);
        const int lx = std::clamp(x - w / 2, rect.left(), rect.right() - w);
        painter->setPen(grid);
        painter->drawLine(x, plot.top(), x, plot.bottom());
        painter->setPen(muted);
        painter->drawText(QPoint(lx, labelY + metrics.ascent()), label);
    }

    // Error markers: one batch of one-pixel lines per class.
    for (int k = 1; k < OutcomeClassCount; ++k) {
        painter->setPen(QPen(outcomeColor(k), 0));
        painter->drawLines(d.errorBars[size_t(k)]);
    }

    // Latency series: the spreads first (plain one-pixel lines), then the lines (antialiased,
    // cosmetic: the raster engine's fast path).
    for (int s = SeriesCount - 1; s >= 0; --s) {
        QColor spread = seriesColor(s);
        spread.setAlpha(60);
        painter->setPen(QPen(spread, 0));
        painter->drawLines(d.spreads[size_t(s)]);
    }
    painter->setBrush(Qt::NoBrush);
    painter->setRenderHint(QPainter::Antialiasing);
    for (int s = SeriesCount - 1; s >= 0; --s) {
        QPen pen(seriesColor(s), 1, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin);
        pen.setCosmetic(true);
        painter->setPen(pen);
        for (const QPolygonF &line : d.series[size_t(s)]) {
            if (line.size() == 1) {
                painter->drawPoint(line.first());
            } else {
                painter->drawPolyline(line);
            }
        }
    }
    painter->setRenderHint(QPainter::Antialiasing, false);

    // Legend.
    int lx = plot.left();
    const std::array<QString, SeriesCount> names{tr("p50"), tr("p95"), tr("p99")};
    for (int s = 0; s < SeriesCount; ++s) {
        painter->fillRect(QRect(lx, 4 + metrics.height() / 2 - 1, 12, 3), seriesColor(s));
        painter->setPen(text);
        painter->drawText(QPoint(lx + 16, 2 + metrics.ascent()), names[size_t(s)]);
        lx += 16 + metrics.horizontalAdvance(names[size_t(s)]) + 12;
    }
    if (m_live.state != HealthState::Unknown) {
        painter->setPen(muted);
        painter->drawText(QRect(lx, 2, plot.right() - lx, metrics.height()),
                          Qt::AlignRight | Qt::AlignVCenter,
                          tr("now: %1, p95 %2 over the last minute")
                              .arg(displayName(m_live.state), formatMs(m_live.lastMinute.p95Ms)));
    }

    if (m_buckets.isEmpty()) {
        painter->setPen(muted);
        painter->drawText(plot, Qt::AlignCenter, m_session ? tr("No bot calls in this period") : tr("No data"));
    }

    if (m_hoverX >= plot.left() && m_hoverX <= plot.right()) {
        painter->setPen(QPen(text, 1, Qt::DotLine));
        painter->drawLine(m_hoverX, plot.top(), m_hoverX, plot.bottom() + ErrorStripHeight);
    }
    painter->restore();
}

void HealthGraphWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintGraph(&painter, rect());
}

void HealthGraphWidget::resizeEvent(QResizeEvent *event)
{
    m_cache.valid = false;
    QWidget::resizeEvent(event);
}

int HealthGraphWidget::bucketIndexAt(int x) const
{
    const QRect plot = plotRect(rect());
    if (m_buckets.isEmpty() || x < plot.left() || x > plot.right() || m_toMs <= m_fromMs) {
        return -1;
    }
    // The bucket whose span contains the time at the middle of pixel column x.
    const double t =
        double(m_fromMs) + (double(x - plot.left()) + 0.5) / double(plot.width()) * double(m_toMs - m_fromMs);
    auto it =
        std::upper_bound(m_buckets.cbegin(), m_buckets.cend(), qint64(t), [](qint64 ms, const HealthBucket &bucket) {
            return ms < bucket.startMs;
        });
    if (it == m_buckets.cbegin()) {
        return -1;
    }
    --it;
    const int index = int(it - m_buckets.cbegin());
    // Past the last bucket's span (a gap without calls): nothing under the cursor.
    return qint64(t) < bucketEndMs(index) ? index : -1;
}

QString HealthGraphWidget::toolTipForBucket(int index) const
{
    if (index < 0 || index >= m_buckets.size()) {
        return {};
    }
    const HealthBucket &bucket = m_buckets.at(index);
    const qint64 end = bucketEndMs(index);
    const QLocale locale;
    const QString format = m_range == Range::Day ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss");
    QStringList lines;
    lines.append(tr("%1 – %2").arg(locale.toString(QDateTime::fromMSecsSinceEpoch(bucket.startMs).time(), format),
                                   locale.toString(QDateTime::fromMSecsSinceEpoch(end).time(), format)));
    lines.append(tr("calls: %1").arg(locale.toString(bucket.calls)));
    if (bucket.calls > 0) {
        lines.append(
            tr("p50 %1 · p95 %2 · p99 %3").arg(formatMs(bucket.p50Ms), formatMs(bucket.p95Ms), formatMs(bucket.p99Ms)));
    }
    QStringList errors;
    for (int k = 1; k < OutcomeClassCount; ++k) {
        if (const qint64 n = bucket.outcomes[size_t(k)]; n > 0) {
            errors.append(tr("%1 %2").arg(StatusText::outcomeName(OutcomeClass(k)), locale.toString(n)));
        }
    }
    lines.append(errors.isEmpty() ? tr("no errors") : tr("errors: %1").arg(errors.join(QStringLiteral(", "))));
    lines.append(tr("endpoint %1").arg(displayName(bucket.state)));
    return lines.join(QLatin1Char('\n'));
}

bool HealthGraphWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipForBucket(bucketIndexAt(help->pos().x()));
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_cache.valid = false;
    }
    return QWidget::event(event);
}

void HealthGraphWidget::mouseMoveEvent(QMouseEvent *event)
{
    const int x = int(event->position().x());
    if (x != m_hoverX) {
        m_hoverX = x;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void HealthGraphWidget::leaveEvent(QEvent *event)
{
    m_hoverX = -1;
    update();
    QWidget::leaveEvent(event);
}

void HealthGraphWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateRefreshTimer();
    refresh();
}

void HealthGraphWidget::hideEvent(QHideEvent *event)
{
    m_refreshTimer->stop();
    m_coalesceTimer->stop();
    QWidget::hideEvent(event);
}

QSize HealthGraphWidget::sizeHint() const
{
    return QSize(640, 180);
}

QSize HealthGraphWidget::minimumSizeHint() const
{
    return QSize(240, 110);
}

void HealthGraphWidget::updateAccessibleDescription()
{
    setAccessibleDescription(tr("Endpoint %1; %2 calls and %3 errors in the period shown.")
                                 .arg(displayName(m_live.state))
                                 .arg(m_totalCalls)
                                 .arg(m_totalErrors));
}

} // namespace Switchboard
