// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Icons.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace Switchboard::Icons
{

namespace
{

struct IconInfo
{
    const char *file;
    bool tinted;
};

IconInfo info(Icon icon)
{
    switch (icon) {
    case Icon::Start:
        return {"start", true};
    case Icon::Stop:
        return {"stop", true};
    case Icon::Escalate:
        return {"escalate", true};
    case Icon::EscalateAll:
        return {"escalate-all", true};
    case Icon::Health:
        return {"health", true};
    case Icon::Log:
        return {"log", true};
    case Icon::Info:
        return {"info", true};
    case Icon::Bot:
        return {"bot", true};
    case Icon::Consumer:
        return {"consumer", true};
    case Icon::Agent:
        return {"agent", true};
    case Icon::System:
        return {"system", true};
    case Icon::Private:
        return {"private", true};
    case Icon::Sandbox:
        return {"sandbox", true};
    case Icon::Copy:
        return {"copy", true};
    case Icon::Inspector:
        return {"inspector", true};
    case Icon::Import:
        return {"import", true};
    case Icon::Export:
        return {"export", true};
    case Icon::Integration:
        return {"integration", true};
    case Icon::Key:
        return {"key", true};
    case Icon::TestConnection:
        return {"test-connection", true};
    case Icon::Warning:
        return {"warning", false};
    case Icon::Error:
        return {"error", false};
    case Icon::Ok:
        return {"ok", false};
    case Icon::Pending:
        return {"pending", false};
    case Icon::StateOnline:
        return {"state-online", false};
    case Icon::StateBusy:
        return {"state-busy", false};
    case Icon::StateStopped:
        return {"state-stopped", false};
    case Icon::StateFailed:
        return {"state-failed", false};
    }
    return {"info", true};
}

// Renders an SVG at the exact device-pixel size asked for; monochrome icons are recoloured with
// the palette's text colour at render time, so one black SVG serves light and dark themes.
class SvgIconEngine final : public QIconEngine
{
public:
    SvgIconEngine(const QString &path, bool tinted)
        : m_path(path)
        , m_tinted(tinted)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : qreal(1);
        painter->drawPixmap(rect, render((QSizeF(rect.size()) * scale).toSize(), mode, scale));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        return render(size, mode, 1);
    }

    // Qt 6.4's QIcon::pixmap(size, dpr) passes the size already in device pixels.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        return render(size, mode, scale);
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        return size;
    }

    QIconEngine *clone() const override
    {
        return new SvgIconEngine(m_path, m_tinted);
    }

    QString key() const override
    {
        return QStringLiteral("SwitchboardSvg");
    }

private:
    // Renders the SVG into exactly @p pixels device pixels (cached), recoloured for monochrome icons.
    QPixmap render(const QSize &pixels, QIcon::Mode mode, qreal scale) const
    {
        if (pixels.isEmpty()) {
            return {};
        }
        const QColor tint = m_tinted ? tintFor(mode) : QColor();
        const QString key = QStringLiteral("sb-icon:%1:%2x%3:%4:%5")
                                .arg(m_path)
                                .arg(pixels.width())
                                .arg(pixels.height())
                                .arg(tint.isValid() ? tint.rgba() : 0u)
                                .arg(int(mode));
        QPixmap result;
        if (!QPixmapCache::find(key, &result)) {
            result = QPixmap(pixels);
            result.fill(Qt::transparent);
            QPainter painter(&result);
            painter.setRenderHint(QPainter::Antialiasing);
            QSvgRenderer renderer(m_path);
            if (!m_tinted && mode == QIcon::Disabled) {
                painter.setOpacity(0.4);
            }
            renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
            if (tint.isValid()) {
                painter.setOpacity(1);
                painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
                painter.fillRect(result.rect(), tint);
            }
            painter.end();
            QPixmapCache::insert(key, result);
        }
        result.setDevicePixelRatio(scale);
        return result;
    }

    static QColor tintFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QString m_path;
    bool m_tinted;
};

} // namespace

QString path(Icon icon)
{
    return QStringLiteral(":/icons/ui/%1.svg").arg(QLatin1String(info(icon).file));
}

QIcon icon(Icon icon)
{
    return QIcon(new SvgIconEngine(path(icon), info(icon).tinted));
}

} // namespace Switchboard::Icons
