package org.kesra.performance.renstra;

import java.math.BigDecimal;
import java.util.List;
import org.kesra.performance.capaian.Aggregation;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.register.RegisterMeasure;

/** A plan version's content once checked: what {@link RenstraPlans} stores, codes normalised, enumerations parsed. */
record PlanTree(String title, List<Node> tujuan) {

    record Node(NodeLevel level, String code, String name, List<IndicatorDef> indicators, List<Node> children) {
    }

    record IndicatorDef(String name, String unitOfMeasure, Direction direction, IndicatorKind kind,
                        String numeratorDefinition, String denominatorDefinition, Aggregation aggregation,
                        IndicatorSource source, RegisterMeasure registerMeasure, String registerProgramme,
                        BigDecimal baseline, List<YearValue> targets) {
    }

    record YearValue(int year, BigDecimal target, BigDecimal targetMax, Long budget) {
    }
}
