package org.kesra.performance.renstra;

import java.util.ArrayList;
import java.util.List;

/**
 * Consistency of a plan version's indicative budgets: for each year, the budget a program or kegiatan states must equal
 * the sum its kegiatan or sub-kegiatan state (Renstra tables print both, and they disagree: seed 001 Tabel 6.1). A
 * node's budget of a year is the sum of its indicators' budgets of that year; a node or a set of children stating
 * none is not checked. Findings are computed on every read, never stored, and do not block the plan: the planner fixes
 * the figures with a revision.
 */
final class BudgetCheck {

    private BudgetCheck() {
    }

    static List<RenstraViews.Finding> of(List<RenstraViews.NodeView> tujuan, int startYear, int endYear) {
        List<RenstraViews.Finding> findings = new ArrayList<>();
        walk(tujuan, startYear, endYear, findings);
        return findings;
    }

    private static void walk(List<RenstraViews.NodeView> nodes, int startYear, int endYear,
                             List<RenstraViews.Finding> findings) {
        for (RenstraViews.NodeView node : nodes) {
            if ((node.level() == NodeLevel.PROGRAM || node.level() == NodeLevel.KEGIATAN) && !node.children().isEmpty()) {
                for (int year = startYear; year <= endYear; year++) {
                    Long stated = budget(node, year);
                    Long parts = null;
                    for (RenstraViews.NodeView child : node.children()) {
                        Long childBudget = budget(child, year);
                        if (childBudget != null) {
                            parts = parts == null ? childBudget : parts + childBudget;
                        }
                    }
                    if (stated != null && parts != null && !stated.equals(parts)) {
                        findings.add(finding(node, year, stated, parts));
                    }
                }
            }
            walk(node.children(), startYear, endYear, findings);
        }
    }

    private static RenstraViews.Finding finding(RenstraViews.NodeView node, int year, long stated, long parts) {
        String what = node.level() == NodeLevel.PROGRAM ? "kegiatan" : "sub-kegiatan";
        return new RenstraViews.Finding(RenstraViews.Check.BUDGET_SUM, node.id(), node.code(), year, stated, parts,
                "Pendanaan " + node.code() + " tahun " + year + " tertulis Rp " + rupiah(stated) + ", tetapi jumlah "
                        + what + "-nya Rp " + rupiah(parts) + " (selisih Rp " + rupiah(Math.abs(stated - parts))
                        + ").");
    }

    private static Long budget(RenstraViews.NodeView node, int year) {
        Long total = null;
        for (RenstraViews.IndicatorView indicator : node.indicators()) {
            for (RenstraViews.TargetView target : indicator.targets()) {
                if (target.year() == year && target.budget() != null) {
                    total = total == null ? target.budget() : total + target.budget();
                }
            }
        }
        return total;
    }

    /** Indonesian digit grouping: 2.637.458.000. */
    static String rupiah(long amount) {
        return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.');
    }

}
