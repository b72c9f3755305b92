// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Icons.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QMetaEnum>
#include <QPalette>
#include <QPixmap>
#include <QTest>

using namespace Switchboard;
using Icons::Icon;

class TestIcons : public QObject
{
    Q_OBJECT

private:
    // The colour of the most opaque pixel: what the icon is drawn in.
    static QColor inkOf(const QImage &image)
    {
        QColor best(0, 0, 0, 0);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() > best.alpha()) {
                    best = c;
                }
            }
        }
        return best;
    }

private Q_SLOTS:
    void everyIconExistsAndRenders()
    {
        for (int i = int(Icon::Start); i <= int(Icon::StateFailed); ++i) {
            const QString path = Icons::path(Icon(i));
            QVERIFY2(QFile::exists(path), qPrintable(path));
            const QPixmap pixmap = Icons::icon(Icon(i)).pixmap(QSize(16, 16));
            QVERIFY2(!pixmap.isNull(), qPrintable(path));
            QVERIFY2(inkOf(pixmap.toImage()).alpha() > 200, qPrintable(path));
        }
    }

    void sharpOnHighDpi()
    {
        const QPixmap pixmap = Icons::icon(Icon::Bot).pixmap(QSize(16, 16), 2.0);
        QVERIFY2(qFuzzyCompare(pixmap.devicePixelRatio(), 2.0),
                 qPrintable(QStringLiteral("dpr %1 size %2x%3")
                                .arg(pixmap.devicePixelRatio())
                                .arg(pixmap.width())
                                .arg(pixmap.height())));
        QCOMPARE(pixmap.size(), QSize(32, 32)); // rendered from the SVG at device pixels, not scaled up
    }

    void monochromeIconsFollowThePalette()
    {
        const QPalette original = QApplication::palette();
        QPalette dark = original;
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        QApplication::setPalette(dark);
        const QColor light = inkOf(Icons::icon(Icon::Start).pixmap(QSize(16, 16)).toImage());
        QVERIFY2(light.lightness() > 200, qPrintable(light.name()));
        QPalette bright = original;
        bright.setColor(QPalette::WindowText, QColor(20, 20, 20));
        QApplication::setPalette(bright);
        const QColor darkInk = inkOf(Icons::icon(Icon::Start).pixmap(QSize(16, 16)).toImage());
        QVERIFY2(darkInk.lightness() < 60, qPrintable(darkInk.name()));
        // Coloured icons keep their meaning on any palette.
        const QColor error = inkOf(Icons::icon(Icon::Error).pixmap(QSize(16, 16)).toImage());
        QVERIFY(error.red() > error.green() + 60);
        QApplication::setPalette(original);
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
