package org.kesra.reporting.quarterly;

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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The quarterly performance report as PDF: the Thymeleaf template {@code templates/quarterly-performance.html}
 * (well-formed XHTML, so the console can show the same page as a preview) rendered by openhtmltopdf on PDFBox, with
 * the capaian chart as inline SVG (JFreeChart drawn onto Batik's SVG generator, rendered by openhtmltopdf's Batik
 * drawer) and DejaVu Sans Condensed embedded (shipped in {@code fonts/}, licence in NOTICE).
 *
 * <p>Reproducible: the same report gives the same bytes. Nothing in the page comes from the clock (the header names
 * the data version, not a lag or "printed at"), the document's creation and modification dates are the data version,
 * and the trailer ID, which PDFBox would otherwise derive from the current time, is a digest of the page's HTML.
 */
public final class QuarterlyPdf {

    public static final String MEDIA_TYPE = "application/pdf";
    static final ZoneId CITY = ReportWorkbook.CITY;
    static final String FONT_FAMILY = "DejaVu Sans Condensed";
    private static final String REGULAR = "/fonts/DejaVuSansCondensed.ttf";
    private static final String BOLD = "/fonts/DejaVuSansCondensed-Bold.ttf";
    private static final Locale INDONESIAN = ReportWorkbook.INDONESIAN;
    private static final TemplateEngine TEMPLATES = templates();
    private static final Font CHART_FONT = loadChartFont();

    private QuarterlyPdf() {
    }

    /** {@code laporan-kinerja-triwulan-18.72.03-2024-Q1}: report, unit and period, without extension. */
    static String baseName(QuarterlyPerformanceReport.Report report) {
        return "laporan-kinerja-triwulan-" + report.unitCode() + "-" + report.period();
    }

    public static String fileName(QuarterlyPerformanceReport.Report report) {
        return baseName(report) + ".pdf";
    }

    /** The page as XHTML, exactly what the PDF is rendered from. */
    public static String html(QuarterlyPerformanceReport.Report report) {
        Context context = new Context(INDONESIAN);
        context.setVariable("report", report);
        context.setVariable("fmt", new Text());
        List<String> charts = new ArrayList<>();
        for (QuarterlyPerformanceReport.Section section : report.sections()) {
            charts.add(CapaianChart.svg(section.capaian(), CHART_FONT));
        }
        context.setVariable("charts", charts);
        context.setVariable("dataVersion", ReportWorkbook.dataVersion(report.sources()));
        return TEMPLATES.process("quarterly-performance", context);
    }

    public static byte[] write(QuarterlyPerformanceReport.Report report) {
        return render(html(report), "Laporan Kinerja Triwulan - " + report.unitName() + " - "
                + report.periodLabel(), Optional.ofNullable(report.dataAsOf())
                .orElse(report.periodFrom().atStartOfDay(CITY).toInstant()));
    }

    /**
     * Any of the service's report pages (well-formed XHTML from {@link #page}) as PDF, the way this report is
     * rendered: the shipped fonts, SVG through Batik, reproducible bytes (document dates = {@code dataVersion},
     * trailer ID from the HTML). Used by the recap's PDF as well.
     */
    public static byte[] render(String html, String title, Instant dataVersion) {
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
            Calendar version = calendar(dataVersion);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Kesra reporting-service");
            info.setCreationDate(version);
            info.setModificationDate(version);
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

    /** A template of {@code templates/} filled with the variables, in Indonesian; {@code fmt} is {@link Text}. */
    public static String page(String template, java.util.Map<String, Object> variables) {
        Context context = new Context(INDONESIAN);
        context.setVariable("fmt", new Text());
        variables.forEach(context::setVariable);
        return TEMPLATES.process(template, context);
    }

    /** The report font, for charts drawn as outlines. */
    public static Font chartFont() {
        return CHART_FONT;
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
        InputStream in = QuarterlyPdf.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        return in;
    }

    private static Font loadChartFont() {
        try (InputStream in = resource(REGULAR)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the report font", e);
        }
    }

    private static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(QuarterlyPdf.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** 1 Januari 2024. */
    static String date(LocalDate date) {
        return date == null ? "-" : date.getDayOfMonth() + " " + ReportWorkbook.MONTHS.get(date.getMonthValue() - 1)
                + " " + date.getYear();
    }

    /** Figures and dates as the template prints them, Indonesian style (1.234.567,89). */
    public static final class Text {

        private final DecimalFormat integer = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(INDONESIAN));
        private final DecimalFormat decimal = new DecimalFormat("#,##0.##",
                DecimalFormatSymbols.getInstance(INDONESIAN));

        /** 1.234.567: a count. */
        public String count(long value) {
            return integer.format(value);
        }

        /** 102.855.000 (the column header says Rp); empty when unknown. */
        public String rupiah(Long value) {
            return value == null ? "" : integer.format(value);
        }

        /** 67 or 22,22; empty when unknown. */
        public String number(BigDecimal value) {
            return value == null ? "" : decimal.format(value);
        }

        /** 67% or 22,22%; "-" when there is none. */
        public String percent(BigDecimal value) {
            return value == null ? "-" : decimal.format(value) + "%";
        }

        /** A target with its unit: 100%, 12 dokumen, 70-80%. */
        public String target(BigDecimal target, BigDecimal max, String unit) {
            if (target == null) {
                return "";
            }
            String text = decimal.format(target) + (max == null ? "" : "-" + decimal.format(max));
            return "%".equals(unit) ? text + "%" : text + " " + unit;
        }

        /** A figure in a narrow column: 67% for a percentage, the bare number otherwise (the unit is in the row). */
        public String figure(BigDecimal value, String unit) {
            return value == null ? "" : decimal.format(value) + ("%".equals(unit) ? "%" : "");
        }

        public String date(LocalDate date) {
            return QuarterlyPdf.date(date);
        }

        /** 8 April 2024 10:00 WIB. */
        public String time(Instant instant) {
            return instant == null ? "-" : ReportWorkbook.time(instant);
        }

        public String source(SourceProgress.Source source) {
            return source.topic() + ": " + integer.format(source.eventsApplied()) + " peristiwa"
                    + (source.lastEventTime() == null ? "" : " s.d. " + ReportWorkbook.time(source.lastEventTime()));
        }
    }
}
