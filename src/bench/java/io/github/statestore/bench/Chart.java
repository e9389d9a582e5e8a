package io.github.statestore.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import javax.imageio.ImageIO;

/**
 * Draws the charts of {@code docs/performance.md}: {@code getBatch(1000)} time at 20 ms latency against
 * concurrency, both axes logarithmic, for our store, the raw SDK loop and the ideal, with reference times
 * (such as Alchemy's {@code getBatch}) as horizontal lines. Headless {@code java.awt}; not thread-safe.
 */
final class Chart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 290;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = image.createGraphics();
    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;
    private int legendY = TOP + 10;

    private Chart(double minX, double maxX, double minY, double maxY) {
        this.minX = Math.log(minX);
        this.maxX = Math.log(maxX);
        this.minY = Math.log(minY);
        this.maxY = Math.log(maxY);
    }

    /**
     * Draws and writes the PNG.
     *
     * @param title the chart's title
     * @param series name to (concurrency to milliseconds), drawn in order; the last one dashed and grey
     * @param references name to milliseconds, drawn as horizontal dotted lines; {@code null} values are left out
     * @param file where to write the PNG
     */
    static void draw(String title, Map<String, SortedMap<Integer, Double>> series, Map<String, Double> references,
            Path file) throws IOException {
        List<Double> ys = new ArrayList<>();
        series.values().forEach(s -> ys.addAll(s.values()));
        references.values().stream().filter(v -> v != null).forEach(ys::add);
        int maxConcurrency = series.values().stream().mapToInt(SortedMap::lastKey).max().orElse(64);
        double low = Math.pow(10, Math.floor(Math.log10(ys.stream().mapToDouble(d -> d).min().orElse(1))));
        double high = Math.pow(10, Math.ceil(Math.log10(ys.stream().mapToDouble(d -> d).max().orElse(10))));
        Chart c = new Chart(1, maxConcurrency, low, high);
        c.frame(title, maxConcurrency, low, high);
        Color[] colors = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e)};
        int i = 0;
        for (Map.Entry<String, SortedMap<Integer, Double>> s : series.entrySet()) {
            boolean last = ++i == series.size();
            c.line(s.getKey(), s.getValue(), last ? new Color(0x7f7f7f) : colors[(i - 1) % colors.length], last);
        }
        Color[] lines = {new Color(0xd62728), new Color(0x9467bd)};
        int j = 0;
        for (Map.Entry<String, Double> r : references.entrySet()) {
            if (r.getValue() != null) {
                c.horizontal(String.format(Locale.ROOT, "%s: %.0f ms", r.getKey(), r.getValue()), r.getValue(),
                        lines[j++ % lines.length]);
            }
        }
        ImageIO.write(c.image, "png", file.toFile());
    }

    private void frame(String title, int maxConcurrency, double low, double high) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        for (int x = 1; x <= maxConcurrency; x *= 2) {
            int px = x(x);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(px, TOP, px, HEIGHT - BOTTOM);
            g.setColor(Color.BLACK);
            g.drawString(String.valueOf(x), px - 6, HEIGHT - BOTTOM + 18);
        }
        for (double y = low; y <= high * 1.0001; y *= 10) {
            int py = y(y);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(LEFT, py, WIDTH - RIGHT, py);
            g.setColor(Color.BLACK);
            g.drawString(y >= 1000 ? String.format(Locale.ROOT, "%.0f s", y / 1000)
                    : String.format(Locale.ROOT, "%.0f ms", y), 20, py + 4);
        }
        g.drawString("concurrency (maxConcurrency; threads and connections of the raw loop)", LEFT + 60,
                HEIGHT - 25);
    }

    private void line(String name, SortedMap<Integer, Double> points, Color color, boolean dashed) {
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 6}, 0) : new BasicStroke(2.5f));
        int[] previous = null;
        for (Map.Entry<Integer, Double> p : points.entrySet()) {
            int[] point = {x(p.getKey()), y(p.getValue())};
            g.fillOval(point[0] - 4, point[1] - 4, 8, 8);
            if (previous != null) {
                g.drawLine(previous[0], previous[1], point[0], point[1]);
            }
            previous = point;
        }
        legend(name);
    }

    private void horizontal(String name, double value, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {2, 4}, 0));
        g.drawLine(LEFT, y(value), WIDTH - RIGHT, y(value));
        legend(name);
    }

    private void legend(String name) {
        g.fillRect(WIDTH - RIGHT + 12, legendY - 8, 14, 8);
        g.setColor(Color.BLACK);
        g.drawString(name, WIDTH - RIGHT + 32, legendY);
        legendY += 22;
    }

    private int x(double v) {
        return LEFT + (int) Math.round((Math.log(v) - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT));
    }

    private int y(double v) {
        return HEIGHT - BOTTOM - (int) Math.round((Math.log(v) - minY) / (maxY - minY) * (HEIGHT - TOP - BOTTOM));
    }
}
