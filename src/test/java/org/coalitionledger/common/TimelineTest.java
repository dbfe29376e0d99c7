package org.coalitionledger.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private enum Kind { FIRST, SECOND }

    private static int order(String dateA, Kind kindA, long orderA, String dateB, Kind kindB, long orderB) {
        return Integer.signum(Timeline.effectiveOrder(PartialDate.parse(dateA), kindA, orderA,
                                                      PartialDate.parse(dateB), kindB, orderB));
    }

    @Test
    void effectiveDateComesFirst() {
        assertThat(order("2024-01-02", Kind.FIRST, 1, "2024-01-03", Kind.FIRST, 0)).isEqualTo(-1);
        assertThat(order("2024-01-03", Kind.FIRST, 0, "2024-01-02", Kind.SECOND, 9)).isEqualTo(1);
    }

    @Test
    void anImpreciseDateCountsFromTheStartOfItsWindow() {
        assertThat(order("2024", Kind.SECOND, 5, "2024-01-02", Kind.FIRST, 0)).isEqualTo(-1);
        assertThat(order("2024-03", Kind.FIRST, 5, "2024-03-01", Kind.FIRST, 6)).isEqualTo(-1);
    }

    @Test
    void onTheSameDayKindsTakeEffectInTheirDeclaredOrderThenInRecordingOrder() {
        assertThat(order("2024-01-02", Kind.SECOND, 1, "2024-01-02", Kind.FIRST, 2)).isEqualTo(1);
        assertThat(order("2024-01-02", Kind.FIRST, 2, "2024-01-02", Kind.FIRST, 1)).isEqualTo(1);
        assertThat(order("2024-01-02", Kind.FIRST, 1, "2024-01-02", Kind.FIRST, 1)).isZero();
    }
}
