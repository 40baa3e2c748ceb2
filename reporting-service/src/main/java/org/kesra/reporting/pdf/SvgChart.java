package org.kesra.reporting.pdf;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.StringWriter;
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
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JFreeChart charts as SVG for the PDF reports: drawn onto Batik's SVG generator (Apache 2.0, already pulled by
 * openhtmltopdf's SVG support; JFreeSVG would be GPL), so the PDF gets vectors, not pixels. Text is drawn as outlines
 * of the report font, so the chart looks the same on every machine and its bytes depend only on the data.
 */
public final class SvgChart {

    public static final Color DARK = new Color(0x1F, 0x5F, 0x8B);
    public static final Color LIGHT = new Color(0x9C, 0xC3, 0xDA);
    public static final Color TARGET = new Color(0xB0, 0x30, 0x30);
    public static final Color GRID = new Color(0xCC, 0xCC, 0xCC);
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgChart() {
    }

    /** The reports' look: the report font at 8-12 pt, white background, flat bars, light grid lines. */
    public static void theme(JFreeChart chart, Font font) {
        StandardChartTheme theme = new StandardChartTheme("kesra");
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 12f));
        theme.setLargeFont(font.deriveFont(10f));
        theme.setRegularFont(font.deriveFont(9f));
        theme.setSmallFont(font.deriveFont(8f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setRangeGridlinePaint(GRID);
        theme.apply(chart);
    }

    /** The chart drawn at {@code width} x {@code height} as an SVG element (text, no XML declaration). */
    public static String svg(JFreeChart chart, int width, int height) {
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
            throw new IllegalStateException("cannot write a chart", e);
        } finally {
            graphics.dispose();
        }
    }
}
