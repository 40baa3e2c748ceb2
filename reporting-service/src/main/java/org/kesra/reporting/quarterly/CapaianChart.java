package org.kesra.reporting.quarterly;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The chart of capaian per indicator (Tabel 3.1's capaian of the quarter and year to date, against the 100 % line),
 * drawn by JFreeChart onto Batik's SVG generator, so the PDF gets vectors, not pixels. Text is drawn as outlines of
 * the report's own font (shipped as a resource), so the chart looks the same on every machine and the bytes of the
 * SVG, and so of the PDF, depend only on the data.
 */
public final class CapaianChart {

    static final int WIDTH = 680;
    static final int HEIGHT = 260;
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Locale INDONESIAN = ReportWorkbook.INDONESIAN;

    private CapaianChart() {
    }

    /** The SVG element as text (no XML declaration), or null when no row has a capaian to draw. */
    static String svg(List<QuarterlyPerformanceReport.CapaianRow> rows, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean any = false;
        for (QuarterlyPerformanceReport.CapaianRow row : rows) {
            String no = row.no().replace(".", "");
            data.addValue(value(row.capaian()), "Capaian triwulan", no);
            data.addValue(value(row.yearToDateCapaian()), "Capaian s.d. triwulan", no);
            any |= row.capaian() != null || row.yearToDateCapaian() != null;
        }
        if (!any) {
            return null;
        }
        NumberAxis range = new NumberAxis("Capaian (%)");
        DecimalFormat percent = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(INDONESIAN));
        range.setNumberFormatOverride(percent);
        range.setUpperMargin(0.15);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x1F, 0x5F, 0x8B));
        bars.setSeriesPaint(1, new Color(0x9C, 0xC3, 0xDA));
        bars.setItemMargin(0.05);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(INDONESIAN))));
        bars.setDefaultItemLabelsVisible(true);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Butir Perjanjian Kinerja"), range, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
        plot.setOutlineVisible(false);
        ValueMarker target = new ValueMarker(100, new Color(0xB0, 0x30, 0x30), new BasicStroke(1.2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        target.setLabel("Target 100%");
        target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(target);
        JFreeChart chart = new JFreeChart(null, font.deriveFont(11f), plot, true);
        StandardChartTheme theme = new StandardChartTheme("kesra");
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 12f));
        theme.setLargeFont(font.deriveFont(10f));
        theme.setRegularFont(font.deriveFont(9f));
        theme.setSmallFont(font.deriveFont(8f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
        theme.apply(chart);
        bars.setSeriesPaint(0, new Color(0x1F, 0x5F, 0x8B));
        bars.setSeriesPaint(1, new Color(0x9C, 0xC3, 0xDA));
        target.setLabelFont(font.deriveFont(8f));
        target.setLabelPaint(new Color(0xB0, 0x30, 0x30));
        target.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        return draw(chart);
    }

    private static Double value(BigDecimal percent) {
        return percent == null ? null : percent.doubleValue();
    }

    /**
     * Any chart of the service's reports as an SVG element, drawn the same way (text as outlines, fixed canvas of
     * {@code width} x {@code height}); the recap's charts use it.
     */
    public static String svg(JFreeChart chart, int width, int height) {
        return draw(chart, width, height);
    }

    private static String draw(JFreeChart chart) {
        return draw(chart, WIDTH, HEIGHT);
    }

    private static String draw(JFreeChart chart, int width, int height) {
        Document document = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment(null);
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D graphics = new SVGGraphics2D(context, true); // text as outlines: no font lookup when rendered
        graphics.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        Element root = graphics.getRoot();
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter svg = new StringWriter();
            transformer.transform(new DOMSource(root), new StreamResult(svg));
            return svg.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the capaian chart", e);
        } finally {
            graphics.dispose();
        }
    }
}
