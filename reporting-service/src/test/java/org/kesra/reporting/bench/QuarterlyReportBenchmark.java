package org.kesra.reporting.bench;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTTitle;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.AgreementItem;
import org.kesra.contracts.performance.PlanIndicator;
import org.kesra.contracts.performance.PlanVersionPublished;
import org.kesra.contracts.performance.RealisationEntry;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.performance.YearTarget;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.SharedInfrastructure;
import org.kesra.reporting.ReportingServiceApplication;
import org.kesra.reporting.SourceEventsFixture;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.pdf.ReportPdf;
import org.kesra.reporting.quarterly.QuarterlyPdf;
import org.kesra.reporting.quarterly.QuarterlyPerformanceReport;
import org.kesra.reporting.quarterly.QuarterlyWorkbook;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 23's first benchmark: the city-wide Laporan Kinerja Triwulan (every unit of the demo city, XLSX and PDF)
 * through the service's API, against the same cells written with bare Apache POI and the same HTML rendered with bare
 * openhtmltopdf, measured in the same run; target: within 2x.
 *
 * <p>Data: every unit the read model knows (the kecamatan and kelurahan of {@code wilayah}, the OPDs of
 * {@code opd_unit}), each with a Renstra, an agreed Perjanjian Kinerja of 10-60 items and Q1 2024's realisation
 * submitted and approved, sent as performance-service's events through Kafka ({@link SourceEventsFixture}) into the
 * running service, as the ITs do.
 *
 * <p>Per round, unit by unit: the service's XLSX, the bare POI workbook, the service's PDF, the bare openhtmltopdf
 * render, one after the other so that all four see the same machine. The baselines are built from what the service
 * produced once per unit before timing: the workbook read back (sheets, rows, cells, values, styles, widths, frozen
 * header, print setup, and the native charts: anchor, type, titles, axis format, series formulas, drawn again with
 * bare XDDF calls) and the exact XHTML the report's template produced.
 *
 * <p>Run: {@code ./mvnw -pl reporting-service -am verify -Pbenchmark-reporting -DskipTests}.
 */
public final class QuarterlyReportBenchmark {

    static final String DATABASE = System.getenv().getOrDefault("KESRA_TEST_DB_PREFIX", "") + "reporting_bench";
    static final int YEAR = 2024;
    static final int QUARTER = 1;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private QuarterlyReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 3);
        int rounds = Integer.getInteger("bench.rounds", 10);
        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        new PostgresAdmin(infra.postgres()).recreateDatabase(DATABASE);
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        int port = Ports.free();
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--management.server.port=" + Ports.free(),
                "--logging.file.name=target/benchmark-reporting-service.log", "--logging.structured.format.file=ecs",
                "--logging.threshold.console=warn", "--kesra.reporting.generations.schedule-enabled=false",
                "--KAFKA_BOOTSTRAP_SERVERS=" + infra.kafkaBootstrapServers(), "--OIDC_ISSUER_URI=" + infra.issuerUri()));
        infra.postgres().serviceEnvironment(DATABASE).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        try (SourceEventsFixture events = new SourceEventsFixture()) {
            String start = events.startGroupAtTheEnd("kesra.reporting");
            arguments.add("--kesra.reporting.rebuild.replay-from=" + start);
            try (ConfigurableApplicationContext service = SpringApplication.run(ReportingServiceApplication.class,
                    arguments.toArray(String[]::new));
                 Connection jdbc = DriverManager.getConnection(infra.postgres().jdbcUrl(DATABASE),
                         infra.postgres().user(), infra.postgres().password())) {
                List<String> units = units(jdbc);
                long t0 = System.nanoTime();
                Map<String, Integer> items = feed(events, units);
                int total = items.values().stream().mapToInt(Integer::intValue).sum();
                awaitApproved(jdbc, units.size());
                double fed = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "%d units, %d items: %d events through Kafka applied in %.1f s%n",
                        units.size(), total, units.size() * 4, fed);
                run(service, port, new KeycloakTokens(infra.issuerUri()), units, items, warmup, rounds, fed);
            }
        }
        System.exit(0);
    }

    /** The kecamatan and kelurahan of the city and the OPDs, as the read model knows them. */
    static List<String> units(Connection jdbc) throws Exception {
        List<String> units = new ArrayList<>();
        try (Statement sql = jdbc.createStatement();
             ResultSet rs = sql.executeQuery("SELECT code FROM wilayah WHERE level IN ('kecamatan', 'kelurahan') "
                     + "UNION ALL SELECT code FROM opd_unit ORDER BY 1")) {
            while (rs.next()) {
                units.add(rs.getString(1));
            }
        }
        return units;
    }

    /** Per unit: Renstra, agreed Perjanjian Kinerja of 10-60 items, Q1 submitted and approved. */
    static Map<String, Integer> feed(SourceEventsFixture events, List<String> units) {
        Map<String, Integer> sizes = new HashMap<>();
        Instant at = Instant.parse("2024-01-02T01:00:00Z");
        for (int u = 0; u < units.size(); u++) {
            String unit = units.get(u);
            int n = 10 + (u * 17) % 51;
            sizes.put(unit, n);
            UUID plan = UUID.randomUUID();
            events.performance(EventCatalog.PLAN_VERSION_PUBLISHED, plan, unit, new PlanVersionPublished(plan, 1,
                    unit, "Renstra " + unit + " 2021-2026", 2021, 2026, null, List.of(new PlanIndicator(
                    UUID.randomUUID(), "SASARAN", "1", "Sasaran strategis unit", "Indeks kepuasan layanan", "%",
                    "HIGHER", "PERCENTAGE", "LAST", List.of(new YearTarget(YEAR, "100", null, 500_000_000L)))), at));
            UUID agreement = UUID.randomUUID();
            List<AgreementItem> agreed = new ArrayList<>();
            List<RealisationEntry> entries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String sasaran = "Meningkatnya kualitas layanan kesejahteraan sosial bidang " + (i / 5 + 1);
                String indicator = "Jumlah keluarga penerima manfaat yang difasilitasi kegiatan " + (i + 1);
                String target = Integer.toString(50 + i);
                Long budget = i % 4 == 0 ? null : 1_000_000L + 250_000L * i;
                agreed.add(new AgreementItem(i, sasaran, indicator, "keluarga", "HIGHER", target, null, budget,
                        null));
                int value = (50 + i) * (40 + (i * 13) % 70) / 100;
                String capaian = new BigDecimal(value * 100).divide(new BigDecimal(50 + i), 2,
                        java.math.RoundingMode.HALF_UP).toPlainString();
                Long realised = budget == null ? null : budget * ((i * 7) % 100) / 100;
                String absorption = budget == null ? null : new BigDecimal(realised * 100).divide(
                        new BigDecimal(budget), 2, java.math.RoundingMode.HALF_UP).toPlainString();
                String efficiency = absorption == null ? null
                        : new BigDecimal(capaian).subtract(new BigDecimal(absorption)).toPlainString();
                entries.add(new RealisationEntry(i, indicator, "keluarga", Integer.toString(value), null, null,
                        target, null, budget, realised, absorption, capaian, Integer.toString(value), capaian, null,
                        null, efficiency));
            }
            events.performance(EventCatalog.AGREEMENT_AGREED, agreement, unit, new AgreementAgreed(agreement, 1,
                    unit, YEAR, "HEAD", "Kepala " + unit, null, agreed, at.plusSeconds(86_400)));
            UUID realisation = UUID.randomUUID();
            Instant submitted = Instant.parse("2024-04-01T02:00:00Z");
            for (String status : List.of("SUBMITTED", "APPROVED")) {
                events.performance("SUBMITTED".equals(status) ? EventCatalog.REALISATION_SUBMITTED
                                : EventCatalog.REALISATION_APPROVED, realisation, unit,
                        new RealisationSnapshot(realisation, unit, YEAR, QUARTER, agreement, 1, status, 1,
                                "APPROVED".equals(status) ? 1 : null, LocalDate.of(2024, 4, 5), submitted, 0, null,
                                List.of(), "Sebagian kegiatan dijadwalkan pada triwulan berikutnya.",
                                "Koordinasi dengan sub bagian keuangan dan pendamping.", entries,
                                "APPROVED".equals(status) ? submitted.plusSeconds(3_600) : submitted));
            }
        }
        return sizes;
    }

    static void awaitApproved(Connection jdbc, int units) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement sql = jdbc.createStatement();
                 ResultSet rs = sql.executeQuery("SELECT count(*) FROM rm_perf_realisation WHERE status = 'APPROVED'"
                         + " AND year = " + YEAR + " AND quarter = " + QUARTER)) {
                rs.next();
                if (rs.getInt(1) == units) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the read model did not get " + units + " approved realisations in 5 min");
    }

    static void run(ConfigurableApplicationContext service, int port, KeycloakTokens tokens, List<String> units,
                    Map<String, Integer> items, int warmup, int rounds, double fed) throws Exception {
        String token = tokens.forUser("bappeda.planner");
        QuarterlyPerformanceReport useCase = service.getBean(QuarterlyPerformanceReport.class);
        Map<String, WorkbookShape> shapes = new HashMap<>();
        Map<String, String> pages = new HashMap<>();
        long xlsxBytes = 0;
        long pdfBytes = 0;
        int cells = 0;
        int charts = 0;
        int series = 0;
        for (String unit : units) {
            byte[] xlsx = fetch(port, unit, "xlsx", token);
            xlsxBytes += xlsx.length;
            pdfBytes += fetch(port, unit, "pdf", token).length;
            WorkbookShape shape = WorkbookShape.of(xlsx);
            cells += shape.cells();
            charts += shape.charts();
            series += shape.series();
            // the bare side must draw what the service drew: same anchors, types, titles and series formulas
            String bare = WorkbookShape.of(shape.write()).chartSignature();
            if (!bare.equals(shape.chartSignature())) {
                throw new IllegalStateException(unit + ": bare POI charts differ from the service's:\n"
                        + shape.chartSignature() + "\n" + bare);
            }
            shapes.put(unit, shape);
            QuarterlyPerformanceReport.Report report = useCase.report(ReportingAccess.Scope.city(), unit,
                    Integer.toString(YEAR), Integer.toString(QUARTER));
            if (!report.hasData()) {
                throw new IllegalStateException(unit + " has no data");
            }
            pages.put(unit, QuarterlyPdf.html(report));
        }
        Path out = Path.of("target");
        Files.createDirectories(out);
        Files.write(out.resolve("benchmark-baseline.xlsx"), shapes.get(units.get(0)).write());
        Files.write(out.resolve("benchmark-baseline.pdf"), barePdf(pages.get(units.get(0))));

        int n = units.size();
        long[][] times = new long[4][rounds * n];
        long[][] city = new long[4][rounds];
        for (int r = -warmup; r < rounds; r++) {
            token = tokens.forUser("bappeda.planner");
            long[] sums = new long[4];
            for (int u = 0; u < n; u++) {
                String unit = units.get(u);
                long a = System.nanoTime();
                fetch(port, unit, "xlsx", token);
                long b = System.nanoTime();
                shapes.get(unit).write();
                long c = System.nanoTime();
                fetch(port, unit, "pdf", token);
                long d = System.nanoTime();
                barePdf(pages.get(unit));
                long e = System.nanoTime();
                long[] each = {b - a, c - b, d - c, e - d};
                for (int k = 0; k < 4; k++) {
                    sums[k] += each[k];
                    if (r >= 0) {
                        times[k][r * n + u] = each[k];
                    }
                }
            }
            if (r >= 0) {
                for (int k = 0; k < 4; k++) {
                    city[k][r] = sums[k];
                }
            }
            System.out.printf(Locale.ROOT, "round %d: service xlsx %.0f ms, bare POI %.0f ms, service pdf %.0f ms, "
                    + "bare openhtmltopdf %.0f ms%n", r, sums[0] / 1e6, sums[1] / 1e6, sums[2] / 1e6, sums[3] / 1e6);
        }
        String breakdown = breakdown(useCase, units, shapes);
        report(units, items, rounds, warmup, times, city, cells, charts, series, xlsxBytes, pdfBytes, fed,
                breakdown);
    }

    /** Where the service's time goes, in-process and unit by unit, after the timed rounds (3 passes, median). */
    static String breakdown(QuarterlyPerformanceReport useCase, List<String> units,
                            Map<String, WorkbookShape> shapes) throws Exception {
        long[][] parts = new long[5][3];
        for (int pass = 0; pass < 3; pass++) {
            for (String unit : units) {
                long a = System.nanoTime();
                QuarterlyPerformanceReport.Report report = useCase.report(ReportingAccess.Scope.city(), unit,
                        Integer.toString(YEAR), Integer.toString(QUARTER));
                long b = System.nanoTime();
                QuarterlyWorkbook.write(report);
                long c = System.nanoTime();
                String html = QuarterlyPdf.html(report);
                long d = System.nanoTime();
                ReportPdf.render(html, "t", Instant.EPOCH);
                long e = System.nanoTime();
                // the bare baseline in the same pass, so that the write is compared under the same load
                shapes.get(unit).write();
                parts[4][pass] += System.nanoTime() - e;
                parts[0][pass] += b - a;
                parts[1][pass] += c - b;
                parts[2][pass] += d - c;
                parts[3][pass] += e - d;
            }
        }
        String[] names = {"use case (read model queries, report assembled)", "QuarterlyWorkbook.write (POI, "
                + "reproducible zip)", "QuarterlyPdf.html (charts as SVG + Thymeleaf)", "ReportPdf.render "
                + "(openhtmltopdf, fonts, reproducible ids)", "for comparison: bare POI + XDDF write, same pass"};
        StringBuilder table = new StringBuilder("| in-process part, whole city (median of 3 passes) | ms |\n|---|---|\n");
        for (int k = 0; k < 5; k++) {
            Arrays.sort(parts[k]);
            table.append(String.format(Locale.ROOT, "| %s | %.0f |%n", names[k], parts[k][1] / 1e6));
        }
        return table.toString();
    }

    static byte[] fetch(int port, String unit, String format, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/reports/quarterly-performance?unit=" + unit + "&tahun=" + YEAR + "&triwulan="
                        + QUARTER + "&format=" + format))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(unit + " " + format + ": " + response.statusCode() + " "
                    + new String(response.body()));
        }
        return response.body();
    }

    /** The page rendered by openhtmltopdf alone: same HTML, same fonts, the SVG drawer its charts need. */
    static byte[] barePdf(String html) throws Exception {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(html, null);
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.useFont(() -> font("/fonts/DejaVuSansCondensed.ttf"), ReportPdf.FONT_FAMILY, 400,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> font("/fonts/DejaVuSansCondensed-Bold.ttf"), ReportPdf.FONT_FAMILY, 700,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }

    private static InputStream font(String path) {
        return QuarterlyReportBenchmark.class.getResourceAsStream(path);
    }

    /** A cell style as the service's workbook has it: what {@code WorkbookStyles} sets. */
    record StyleShape(String format, boolean bold, short fontHeight, short fill, FillPatternType pattern,
                      BorderStyle top, BorderStyle bottom, boolean wrap, VerticalAlignment vertical) {
    }

    record CellShape(int column, CellType type, String text, double number, int style) {
    }

    record RowShape(int index, List<CellShape> cells) {
    }

    record SheetShape(String name, List<RowShape> rows, int[] widths, int frozenRows, List<CellRangeAddress> merged,
                      boolean landscape, boolean fitToPage, List<ChartShape> charts) {
    }

    /** A series as the service's chart has it: the formulas of its name cell, its categories and its values. */
    record SeriesShape(String titleRef, String categoryRef, String valuesRef) {
    }

    /**
     * A native chart as read back from the service workbook's drawing: its anchor, type, titles, value axis format
     * and series formulas. The bare baseline draws it again with plain XDDF calls, the cached values read from the
     * cells as POI does, so that both sides do the same chart work.
     */
    record ChartShape(int[] anchor, boolean line, String title, String categoryAxis, String valueAxis,
                      String valueFormat, boolean sourceLinked, AxisCrossBetween crossBetween,
                      List<SeriesShape> series) {

        static List<ChartShape> of(XSSFSheet sheet) {
            XSSFDrawing drawing = sheet.getDrawingPatriarch();
            List<ChartShape> charts = new ArrayList<>();
            if (drawing == null) {
                return charts;
            }
            for (XSSFShape shape : drawing.getShapes()) {
                if (!(shape instanceof XSSFGraphicFrame frame)) {
                    continue;
                }
                XSSFChart chart = (XSSFChart) drawing.getRelationById(chartRelation(frame));
                XSSFClientAnchor a = frame.getAnchor();
                int[] anchor = {a.getDx1(), a.getDy1(), a.getDx2(), a.getDy2(), a.getCol1(), a.getRow1(),
                        a.getCol2(), a.getRow2()};
                CTPlotArea plot = chart.getCTChart().getPlotArea();
                var valueAxis = plot.getValAxArray(0);
                List<SeriesShape> series = new ArrayList<>();
                boolean line = plot.sizeOfLineChartArray() > 0;
                for (XDDFChartData data : chart.getChartSeries()) {
                    for (int i = 0; i < data.getSeriesCount(); i++) {
                        XDDFChartData.Series s = data.getSeries(i);
                        String title = line ? plot.getLineChartArray(0).getSerArray(i).getTx().getStrRef().getF()
                                : plot.getBarChartArray(0).getSerArray(i).getTx().getStrRef().getF();
                        series.add(new SeriesShape(title, s.getCategoryData().getDataRangeReference(),
                                s.getValuesData().getDataRangeReference()));
                    }
                }
                charts.add(new ChartShape(anchor, line, chart.getTitleText().getString(),
                        text(plot.getCatAxArray(0).getTitle()), text(valueAxis.getTitle()),
                        valueAxis.getNumFmt().getFormatCode(), valueAxis.getNumFmt().getSourceLinked(),
                        AxisCrossBetween.valueOf(valueAxis.getCrossBetween().getVal().toString().toUpperCase(
                                Locale.ROOT).replace("MIDCAT", "MIDPOINT_CATEGORY")), series));
            }
            return charts;
        }

        /** The r:id of the c:chart element inside the frame's graphic data. */
        private static String chartRelation(XSSFGraphicFrame frame) {
            Node node = frame.getCTGraphicalObjectFrame().getGraphic().getGraphicData().getDomNode().getFirstChild();
            while (node != null && !"chart".equals(node.getLocalName())) {
                node = node.getNextSibling();
            }
            return ((Element) node).getAttributeNS(
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
        }

        private static String text(CTTitle title) {
            return title == null ? null : title.getTx().getRich().getPArray(0).getRArray(0).getT();
        }

        /** Bare XDDF: the same chart on the bare workbook's sheet, series referencing the same cells. */
        void draw(XSSFSheet sheet) {
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            XSSFChart chart = drawing.createChart(drawing.createAnchor(anchor[0], anchor[1], anchor[2], anchor[3],
                    anchor[4], anchor[5], anchor[6], anchor[7]));
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            chart.setAutoTitleDeleted(false);
            chart.displayBlanksAs(DisplayBlanks.GAP);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
            categories.setTitle(categoryAxis);
            XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
            values.setTitle(valueAxis);
            values.setCrosses(AxisCrosses.AUTO_ZERO);
            values.setCrossBetween(crossBetween);
            values.setNumberFormat(valueFormat);
            XDDFChartData data = chart.createData(line ? ChartTypes.LINE : ChartTypes.BAR, categories, values);
            data.setVaryColors(false);
            for (SeriesShape s : series) {
                XDDFChartData.Series added = data.addSeries(categories(sheet, s.categoryRef()),
                        numbers(sheet, s.valuesRef()));
                CellReference name = new CellReference(s.titleRef());
                added.setTitle(sheet.getRow(name.getRow()).getCell(name.getCol()).getStringCellValue(), name);
                if (added instanceof XDDFLineChartData.Series l) {
                    l.setSmooth(false);
                    l.setMarkerStyle(MarkerStyle.CIRCLE);
                }
            }
            if (data instanceof XDDFBarChartData bars) {
                bars.setBarDirection(BarDirection.COL);
                bars.setBarGrouping(BarGrouping.CLUSTERED);
            }
            chart.plot(data);
            chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(sourceLinked);
        }

        /** A contiguous range as a cell range (cached labels read from the cells), a union as the cells' values. */
        private static XDDFCategoryDataSource categories(XSSFSheet sheet, String ref) {
            if (!ref.startsWith("(")) {
                return XDDFDataSourcesFactory.fromStringCellRange(sheet, area(ref));
            }
            String[] labels = cells(ref).stream().map(c -> {
                Cell cell = cell(sheet, c);
                return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
            }).toArray(String[]::new);
            return XDDFDataSourcesFactory.fromArray(labels, ref);
        }

        private static XDDFNumericalDataSource<Double> numbers(XSSFSheet sheet, String ref) {
            if (!ref.startsWith("(")) {
                return XDDFDataSourcesFactory.fromNumericCellRange(sheet, area(ref));
            }
            Double[] numbers = cells(ref).stream().map(c -> {
                Cell cell = cell(sheet, c);
                return cell == null || cell.getCellType() != CellType.NUMERIC ? null : cell.getNumericCellValue();
            }).toArray(Double[]::new);
            return XDDFDataSourcesFactory.fromArray(numbers, ref);
        }

        private static CellRangeAddress area(String ref) {
            return CellRangeAddress.valueOf(ref.substring(ref.lastIndexOf('!') + 1));
        }

        private static List<CellReference> cells(String union) {
            return Arrays.stream(union.substring(1, union.length() - 1).split(",")).map(CellReference::new).toList();
        }

        private static Cell cell(XSSFSheet sheet, CellReference ref) {
            Row row = sheet.getRow(ref.getRow());
            return row == null ? null : row.getCell(ref.getCol());
        }
    }

    /** What the service's workbook holds, read back once, so that bare POI can write the same without report logic. */
    record WorkbookShape(List<StyleShape> styles, List<SheetShape> sheets) {

        static WorkbookShape of(byte[] xlsx) throws Exception {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                List<StyleShape> styles = new ArrayList<>();
                for (int i = 0; i < book.getNumCellStyles(); i++) {
                    XSSFCellStyle s = book.getCellStyleAt(i);
                    XSSFFont f = s.getFont();
                    styles.add(new StyleShape(s.getDataFormatString(), f.getBold(), f.getFontHeightInPoints(),
                            s.getFillForegroundColor(), s.getFillPattern(), s.getBorderTop(), s.getBorderBottom(),
                            s.getWrapText(), s.getVerticalAlignment()));
                }
                List<SheetShape> sheets = new ArrayList<>();
                for (Sheet sheet : book) {
                    List<RowShape> rows = new ArrayList<>();
                    int columns = 0;
                    for (Row row : sheet) {
                        List<CellShape> cells = new ArrayList<>();
                        for (Cell cell : row) {
                            CellType type = cell.getCellType();
                            cells.add(new CellShape(cell.getColumnIndex(), type,
                                    type == CellType.STRING ? cell.getStringCellValue() : null,
                                    type == CellType.NUMERIC ? cell.getNumericCellValue() : 0,
                                    cell.getCellStyle().getIndex()));
                            columns = Math.max(columns, cell.getColumnIndex() + 1);
                        }
                        rows.add(new RowShape(row.getRowNum(), cells));
                    }
                    int[] widths = new int[columns];
                    for (int c = 0; c < columns; c++) {
                        widths[c] = sheet.getColumnWidth(c);
                    }
                    var pane = sheet.getPaneInformation();
                    sheets.add(new SheetShape(sheet.getSheetName(), rows, widths,
                            pane == null ? 0 : pane.getHorizontalSplitPosition(), sheet.getMergedRegions(),
                            sheet.getPrintSetup().getLandscape(), sheet.getFitToPage(),
                            ChartShape.of((XSSFSheet) sheet)));
                }
                return new WorkbookShape(styles, sheets);
            }
        }

        int cells() {
            return sheets.stream().flatMap(s -> s.rows().stream()).mapToInt(r -> r.cells().size()).sum();
        }

        int charts() {
            return sheets.stream().mapToInt(s -> s.charts().size()).sum();
        }

        int series() {
            return sheets.stream().flatMap(s -> s.charts().stream()).mapToInt(c -> c.series().size()).sum();
        }

        String chartSignature() {
            StringBuilder text = new StringBuilder();
            for (SheetShape sheet : sheets) {
                for (ChartShape c : sheet.charts()) {
                    text.append(sheet.name()).append(' ').append(Arrays.toString(c.anchor())).append(' ')
                            .append(c.line() ? "line" : "bar").append(' ').append(c.title()).append(" / ")
                            .append(c.categoryAxis()).append(" / ").append(c.valueAxis()).append(' ')
                            .append(c.valueFormat()).append(' ').append(c.sourceLinked()).append(' ')
                            .append(c.crossBetween()).append(' ').append(c.series()).append('\n');
                }
            }
            return text.toString();
        }

        /** Bare POI: the same styles, sheets, rows and cells, widths, frozen header, print setup and charts. */
        byte[] write() throws Exception {
            try (XSSFWorkbook book = new XSSFWorkbook()) {
                CellStyle[] made = new CellStyle[styles.size()];
                Map<String, XSSFFont> fonts = new HashMap<>();
                var formats = book.createDataFormat();
                for (int i = 0; i < styles.size(); i++) {
                    StyleShape s = styles.get(i);
                    CellStyle style = i == 0 ? book.getCellStyleAt(0) : book.createCellStyle();
                    if (i > 0) {
                        style.setDataFormat(formats.getFormat(s.format()));
                        if (s.bold() || s.fontHeight() != 11) {
                            style.setFont(fonts.computeIfAbsent(s.bold() + "/" + s.fontHeight(), key -> {
                                XSSFFont font = book.createFont();
                                font.setBold(s.bold());
                                font.setFontHeightInPoints(s.fontHeight());
                                return font;
                            }));
                        }
                        style.setFillForegroundColor(s.fill());
                        style.setFillPattern(s.pattern());
                        style.setBorderTop(s.top());
                        style.setBorderBottom(s.bottom());
                        style.setWrapText(s.wrap());
                        style.setVerticalAlignment(s.vertical());
                    }
                    made[i] = style;
                }
                for (SheetShape shape : sheets) {
                    XSSFSheet sheet = book.createSheet(shape.name());
                    for (RowShape rowShape : shape.rows()) {
                        Row row = sheet.createRow(rowShape.index());
                        for (CellShape c : rowShape.cells()) {
                            Cell cell = row.createCell(c.column());
                            if (c.type() == CellType.STRING) {
                                cell.setCellValue(c.text());
                            } else if (c.type() == CellType.NUMERIC) {
                                cell.setCellValue(c.number());
                            }
                            cell.setCellStyle(made[c.style()]);
                        }
                    }
                    for (int col = 0; col < shape.widths().length; col++) {
                        sheet.setColumnWidth(col, shape.widths()[col]);
                    }
                    if (shape.frozenRows() > 0) {
                        sheet.createFreezePane(0, shape.frozenRows());
                    }
                    shape.merged().forEach(sheet::addMergedRegion);
                    sheet.setFitToPage(shape.fitToPage());
                    sheet.getPrintSetup().setLandscape(shape.landscape());
                    sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
                    for (ChartShape chart : shape.charts()) {
                        chart.draw(sheet);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                book.write(out);
                return out.toByteArray();
            }
        }
    }

    private static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static void report(List<String> units, Map<String, Integer> items, int rounds, int warmup, long[][] times,
                       long[][] city, int cells, int charts, int series, long xlsxBytes, long pdfBytes, double fed,
                       String breakdown)
            throws Exception {
        int total = items.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run of %s; %d cores; Java %s; %d units (%d agreement items, 10-60 "
                        + "per unit), Q%d %d; %d warm-up rounds, then %d rounds; per round every unit's XLSX and PDF "
                        + "through the API (as bappeda.planner) and both baselines, unit by unit. Workbooks: %,d cells "
                        + "and %d native charts (%d series) in all, %,d bytes; PDFs %,d bytes for the city. Feeding: %d events through Kafka applied "
                        + "in %.1f s.%n%n",
                LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), units.size(), total, QUARTER, YEAR, warmup, rounds, cells,
                charts, series, xlsxBytes, pdfBytes, units.size() * 4, fed));
        md.append("| measurement | per unit p50 | per unit p95 | city total p50 | city total p95 |\n");
        md.append("|---|---|---|---|---|\n");
        String[] names = {"service XLSX: GET .../quarterly-performance?format=xlsx",
                "baseline XLSX: bare POI XSSFWorkbook + XDDF, same sheets/rows/cells/styles/charts",
                "service PDF: GET .../quarterly-performance?format=pdf",
                "baseline PDF: bare openhtmltopdf, the report's own HTML"};
        for (int k = 0; k < 4; k++) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.0f ms | %.0f ms |%n", names[k],
                    percentile(times[k], 0.5), percentile(times[k], 0.95), percentile(city[k], 0.5),
                    percentile(city[k], 0.95)));
        }
        for (int k = 0; k < 4; k += 2) {
            md.append(String.format(Locale.ROOT, "| ratio service / baseline, %s | %.2f | %.2f | %.2f | %.2f |%n",
                    k == 0 ? "XLSX" : "PDF",
                    percentile(times[k], 0.5) / percentile(times[k + 1], 0.5),
                    percentile(times[k], 0.95) / percentile(times[k + 1], 0.95),
                    percentile(city[k], 0.5) / percentile(city[k + 1], 0.5),
                    percentile(city[k], 0.95) / percentile(city[k + 1], 0.95)));
        }
        md.append('\n').append(breakdown);
        String text = md.toString();
        System.out.println(text);
        Files.writeString(Path.of("target", "benchmark-reporting.md"), text);
    }
}
