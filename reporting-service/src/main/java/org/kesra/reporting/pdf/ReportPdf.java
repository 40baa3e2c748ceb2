package org.kesra.reporting.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * What every PDF report shares: a Thymeleaf template from {@code templates/} (well-formed XHTML, so the console can
 * show the same page as a preview) rendered by openhtmltopdf on PDFBox, inline SVG charts drawn by Batik, and DejaVu
 * Sans Condensed embedded (shipped in {@code fonts/}, licence in NOTICE).
 *
 * <p>Reproducible: the same page gives the same bytes. The document's creation and modification dates are the data
 * version the caller passes (never the clock), and the trailer ID, which PDFBox would otherwise derive from the current
 * time, is the first 16 bytes of the page HTML's SHA-256.
 */
public final class ReportPdf {

    public static final String MEDIA_TYPE = "application/pdf";
    public static final String FONT_FAMILY = "DejaVu Sans Condensed";
    private static final String REGULAR = "/fonts/DejaVuSansCondensed.ttf";
    private static final String BOLD = "/fonts/DejaVuSansCondensed-Bold.ttf";
    private static final TemplateEngine TEMPLATES = templates();
    /** The report font for charts (text drawn as its outlines, so a chart does not depend on the machine's fonts). */
    public static final Font CHART_FONT = chartFont();

    private ReportPdf() {
    }

    /** A fresh template context in Indonesian, with {@code fmt} ({@link ReportText}) set. */
    public static Context context() {
        Context context = new Context(ReportWorkbook.INDONESIAN);
        context.setVariable("fmt", new ReportText());
        return context;
    }

    /** The template {@code templates/<name>.html} processed: the page exactly as the PDF is rendered from it. */
    public static String html(String template, Context context) {
        return TEMPLATES.process(template, context);
    }

    /** The page rendered as PDF, titled {@code title}, dated {@code version} (the data version). */
    public static byte[] render(String html, String title, Instant version) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(html, null);
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.useFont(() -> resource(REGULAR), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> resource(BOLD), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withProducer("Kesra reporting-service");
        ByteArrayOutputStream unused = new ByteArrayOutputStream();
        builder.toStream(unused);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument document = renderer.getPdfDocument();
            Calendar dated = calendar(version);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Kesra reporting-service");
            info.setCreationDate(dated);
            info.setModificationDate(dated);
            byte[] id = Arrays.copyOf(sha256(html), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().setDocumentID(ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF " + title, e);
        }
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ReportPdf.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        return in;
    }

    private static Font chartFont() {
        try (InputStream in = resource(REGULAR)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the report font", e);
        }
    }

    private static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportPdf.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
