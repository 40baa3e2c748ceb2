package org.kesra.welfare.cycles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Expansion, update and validation rounds of a programme, with yearly totals computed from the rows. */
@Service
public class ExpansionRounds {

    private final JdbcClient jdbc;
    private final ProgrammeCatalogue catalogue;

    public ExpansionRounds(JdbcClient jdbc, ProgrammeCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    public record Round(UUID id, int year, String label, String kind, Integer candidates, int eligible,
                        Integer notEligible, String note) {
    }

    /** A year's sums; candidates and not-eligible only over the rounds that give them. */
    public record YearTotal(int year, long candidates, long eligible, long notEligible, int rounds) {
    }

    public record Report(String programme, List<Round> rounds, List<YearTotal> years) {
    }

    public Report report(String programme) {
        catalogue.require(programme);
        List<Round> rounds = jdbc.sql("""
                SELECT id, year, label, kind, candidates, eligible, not_eligible, note FROM expansion_round
                WHERE programme_code = ? ORDER BY year, recorded_at, label""").param(programme)
                .query(Round.class).list();
        Map<Integer, long[]> sums = new LinkedHashMap<>();
        for (Round round : rounds) {
            long[] sum = sums.computeIfAbsent(round.year(), y -> new long[4]);
            sum[0] += round.candidates() == null ? 0 : round.candidates();
            sum[1] += round.eligible();
            sum[2] += round.notEligible() == null ? 0 : round.notEligible();
            sum[3]++;
        }
        List<YearTotal> years = new ArrayList<>();
        sums.forEach((year, sum) -> years.add(new YearTotal(year, sum[0], sum[1], sum[2], (int) sum[3])));
        return new Report(programme, rounds, years);
    }
}
