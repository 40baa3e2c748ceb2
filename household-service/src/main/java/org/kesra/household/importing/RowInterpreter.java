package org.kesra.household.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.kesra.household.registry.HouseholdData;
import org.kesra.household.registry.HouseholdInput;
import org.kesra.household.registry.PersonData;
import org.kesra.household.registry.PersonInput;
import org.kesra.household.registry.Problem;
import org.kesra.household.registry.RegistryValidator;
import org.kesra.sheets.SheetRow;

/**
 * Reads one spreadsheet row as the registry's inputs and validates it with the same rules as the API. Cell text is
 * taken as typed (dates in the usual Indonesian forms, decimal commas, YA/TIDAK); problems name the column by the
 * header the user wrote.
 */
final class RowInterpreter {

    /** A row that passed: the household and person data, ready for staging. */
    record Interpreted(HouseholdData household, PersonData person) {
    }

    /** One thing wrong with a cell. */
    record CellProblem(String column, String value, String message) {
    }

    private static final List<DateTimeFormatter> DATES = Arrays.stream(new String[] {"uuuu-MM-dd", "d-M-uuuu",
            "d/M/uuuu", "d.M.uuuu"}).map(p -> DateTimeFormatter.ofPattern(p, Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)).toList();
    private static final Pattern ASSET_SEPARATORS = Pattern.compile("[;,|]");
    private static final Set<String> TRUE = Set.of("YA", "Y", "TRUE", "1", "BENAR", "ADA");
    private static final Set<String> FALSE = Set.of("TIDAK", "T", "N", "FALSE", "0", "SALAH", "TIDAK ADA", "-");

    private final ImportProfiles.HeaderMapping mapping;
    private final RegistryValidator validator;

    RowInterpreter(ImportProfiles.HeaderMapping mapping, RegistryValidator validator) {
        this.mapping = mapping;
        this.validator = validator;
    }

    /** The row's data, or its problems (never both). */
    Object interpret(SheetRow row, List<CellProblem> problems) {
        int before = problems.size();
        String nik = identifier(row, CanonicalColumn.NIK, problems);
        String kk = identifier(row, CanonicalColumn.KK_NUMBER, problems);
        LocalDate birthDate = date(row, CanonicalColumn.BIRTH_DATE, problems);
        BigDecimal latitude = decimal(row, CanonicalColumn.LATITUDE, problems);
        BigDecimal longitude = decimal(row, CanonicalColumn.LONGITUDE, problems);
        Integer floorArea = integer(row, CanonicalColumn.FLOOR_AREA_M2, problems);
        Boolean severe = bool(row, CanonicalColumn.SEVERE_DISABILITY, problems);
        Boolean pregnant = bool(row, CanonicalColumn.PREGNANT, problems);
        String assetsText = text(row, CanonicalColumn.ASSETS);
        List<String> assets = assetsText == null ? List.of()
                : Arrays.stream(ASSET_SEPARATORS.split(assetsText)).map(String::trim).filter(a -> !a.isEmpty()).toList();
        if (problems.size() > before) {
            return null;
        }
        HouseholdInput household = new HouseholdInput(kk, text(row, CanonicalColumn.KELURAHAN_CODE),
                text(row, CanonicalColumn.RW), text(row, CanonicalColumn.RT), null, text(row, CanonicalColumn.ADDRESS),
                latitude, longitude, text(row, CanonicalColumn.HOUSE_OWNERSHIP), floorArea,
                text(row, CanonicalColumn.FLOOR_MATERIAL), text(row, CanonicalColumn.WALL_MATERIAL),
                text(row, CanonicalColumn.ROOF_MATERIAL), text(row, CanonicalColumn.WATER_SOURCE),
                text(row, CanonicalColumn.SANITATION), text(row, CanonicalColumn.LIGHTING),
                text(row, CanonicalColumn.COOKING_FUEL), assets, text(row, CanonicalColumn.INCOME_BAND));
        PersonInput person = new PersonInput(nik, text(row, CanonicalColumn.NAME), text(row, CanonicalColumn.BIRTH_PLACE),
                birthDate, text(row, CanonicalColumn.SEX), text(row, CanonicalColumn.RELATIONSHIP),
                text(row, CanonicalColumn.MARITAL_STATUS), text(row, CanonicalColumn.EDUCATION),
                text(row, CanonicalColumn.OCCUPATION), text(row, CanonicalColumn.DISABILITY), severe,
                text(row, CanonicalColumn.CHRONIC_ILLNESS), pregnant);
        RegistryValidator.Validated<HouseholdData> h = validator.household(household);
        RegistryValidator.Validated<PersonData> p = validator.person(person, true);
        h.problems().forEach(problem -> problems.add(cell(problem)));
        p.problems().forEach(problem -> problems.add(cell(problem)));
        return h.valid() && p.valid() ? new Interpreted(h.value(), p.value()) : null;
    }

    /** The KK number a row claims, if readable, so that partial mode can skip the rest of that card. */
    String kkOf(SheetRow row) {
        String kk = text(row, CanonicalColumn.KK_NUMBER);
        return kk == null ? null : kk.replace("'", "").replace(" ", "");
    }

    String header(CanonicalColumn column) {
        return mapping.headerOf().getOrDefault(column, column.columnName());
    }

    private CellProblem cell(Problem problem) {
        CanonicalColumn column = CanonicalColumn.byField(problem.field()).orElse(null);
        return new CellProblem(column == null ? problem.field() : header(column), problem.value(), problem.message());
    }

    private String text(SheetRow row, CanonicalColumn column) {
        Integer index = mapping.index().get(column);
        if (index == null) {
            return null;
        }
        String value = row.cell(index);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** NIK and KK: digits only, an Excel text marker (') or spaces tolerated; numbers from Excel have lost digits. */
    private String identifier(SheetRow row, CanonicalColumn column, List<CellProblem> problems) {
        String value = text(row, column);
        Integer index = mapping.index().get(column);
        if (value != null && index != null && row.numericCells().contains(index)) {
            problems.add(new CellProblem(header(column), value, "tersimpan sebagai angka di Excel, yang hanya menyimpan"
                    + " 15 digit: ubah format kolom menjadi Teks lalu isi ulang " + column.field()));
            return null;
        }
        return value == null ? null : value.replace("'", "").replace(" ", "");
    }

    private LocalDate date(SheetRow row, CanonicalColumn column, List<CellProblem> problems) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException next) {
                // try the next form
            }
        }
        problems.add(new CellProblem(header(column), value,
                "tanggal tidak terbaca: gunakan YYYY-MM-DD atau DD-MM-YYYY, misalnya 1985-08-20 atau 20-08-1985"));
        return null;
    }

    private BigDecimal decimal(SheetRow row, CanonicalColumn column, List<CellProblem> problems) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new CellProblem(header(column), value, "harus berupa angka desimal, misalnya -5,1135"));
            return null;
        }
    }

    private Integer integer(SheetRow row, CanonicalColumn column, List<CellProblem> problems) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new CellProblem(header(column), value, "harus berupa bilangan bulat"));
            return null;
        }
    }

    private Boolean bool(SheetRow row, CanonicalColumn column, List<CellProblem> problems) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (TRUE.contains(upper)) {
            return true;
        }
        if (FALSE.contains(upper)) {
            return false;
        }
        problems.add(new CellProblem(header(column), value, "isi YA atau TIDAK"));
        return null;
    }
}
