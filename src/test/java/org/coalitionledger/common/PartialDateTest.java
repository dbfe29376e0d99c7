package org.coalitionledger.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartialDateTest {

    @Test
    void readsDayMonthAndYearAndWritesThemBackAsGiven() {
        assertThat(PartialDate.parse("2024-02-14"))
                .isEqualTo(new PartialDate(LocalDate.of(2024, 2, 14), Precision.DAY));
        assertThat(PartialDate.parse("2024-01")).isEqualTo(new PartialDate(LocalDate.of(2024, 1, 1), Precision.MONTH));
        assertThat(PartialDate.parse("2024")).isEqualTo(new PartialDate(LocalDate.of(2024, 1, 1), Precision.YEAR));
        assertThat(PartialDate.parse("2024-01").text()).isEqualTo("2024-01");
        assertThat(PartialDate.parse("0999").text()).isEqualTo("0999");
    }

    @Test
    void windowCoversTheWholeMonthOrYear() {
        PartialDate january = PartialDate.parse("2024-01");
        assertThat(january.latest()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(january.isUncertainOn(LocalDate.of(2024, 1, 15))).isTrue();
        assertThat(january.isUncertainOn(LocalDate.of(2024, 1, 30))).isTrue();
        assertThat(january.isUncertainOn(LocalDate.of(2024, 2, 1))).isFalse();
        assertThat(january.isUncertainOn(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(PartialDate.parse("2024").latest()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(PartialDate.parse("2024-02-14").isUncertainOn(LocalDate.of(2024, 2, 14))).isFalse();
    }

    @Test
    void isCertainOnTheLastDayOfEveryWindow() {
        // a join in January has certainly happened by 31 January; one in 2024 by 31 December
        assertThat(PartialDate.parse("2024-01").isUncertainOn(LocalDate.of(2024, 1, 31))).isFalse();
        assertThat(PartialDate.parse("2024-02").isUncertainOn(LocalDate.of(2024, 2, 28))).isTrue();
        assertThat(PartialDate.parse("2024-02").isUncertainOn(LocalDate.of(2024, 2, 29))).isFalse();
        assertThat(PartialDate.parse("2024").isUncertainOn(LocalDate.of(2024, 12, 30))).isTrue();
        assertThat(PartialDate.parse("2024").isUncertainOn(LocalDate.of(2024, 12, 31))).isFalse();
        PartialDate range = PartialDate.parse("[2024-01-01..2024-02-14]");
        assertThat(range.isUncertainOn(LocalDate.of(2024, 2, 13))).isTrue();
        assertThat(range.isUncertainOn(LocalDate.of(2024, 2, 14))).isFalse();
        assertThat(range.isUncertainOn(LocalDate.of(2023, 12, 31))).isFalse();
    }

    @Test
    void readsRangesAndWritesThemBackAsGiven() {
        PartialDate closed = PartialDate.parse("[2024-01-01..2024-02-14]");
        assertThat(closed.precision()).isEqualTo(Precision.RANGE);
        assertThat(closed.start()).as("a closed range counts from its first day").isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(closed.latest()).isEqualTo(LocalDate.of(2024, 2, 14));
        assertThat(closed.text()).isEqualTo("[2024-01-01..2024-02-14]");
        assertThat(closed.isOpenRange()).isFalse();
        PartialDate open = PartialDate.parse("[..2024-02-14]");
        assertThat(open.precision()).isEqualTo(Precision.RANGE);
        assertThat(open.start()).as("an open range counts from its last day").isEqualTo(LocalDate.of(2024, 2, 14));
        assertThat(open.latest()).isEqualTo(LocalDate.of(2024, 2, 14));
        assertThat(open.text()).isEqualTo("[..2024-02-14]");
        assertThat(open.isOpenRange()).isTrue();
        assertThat(open.isUncertainOn(LocalDate.of(2024, 2, 14))).isFalse();
        assertThat(open).isNotEqualTo(PartialDate.parse("2024-02-14"));
        assertThat(PartialDate.parse(open.text())).isEqualTo(open);
        assertThat(PartialDate.parse(closed.text())).isEqualTo(closed);
    }

    @Test
    void ordersRangesAfterTheDayTheyCountFrom() {
        assertThat(PartialDate.parse("[2024-01-01..2024-01-10]"))
                .isLessThan(PartialDate.parse("[2024-01-01..2024-02-14]"))
                .isGreaterThan(PartialDate.parse("2024-01-01"));
    }

    @Test
    void namesWhatIsWrongWithARange() {
        assertThatThrownBy(() -> PartialDate.parse("[2024-02-14..2024-01-01]"))
                .hasMessageContaining("ends (2024-01-01) before it starts (2024-02-14)");
        assertThatThrownBy(() -> PartialDate.parse("[2024-02-14..2024-02-14]"))
                .hasMessageContaining("is a single day: write 2024-02-14");
        assertThatThrownBy(() -> PartialDate.parse("[2024-02-30..2024-03-14]"))
                .hasMessageContaining("'2024-02-30' in the range '[2024-02-30..2024-03-14]' is not a calendar date");
        assertThatThrownBy(() -> PartialDate.parse("[2024-01..2024-02]"))
                .hasMessageContaining("is not a range of the form [YYYY-MM-DD..YYYY-MM-DD] or [..YYYY-MM-DD]");
    }

    @Test
    void readsEveryCalendarDayAndMonthAsTheFormatterDoes() {
        for (LocalDate day = LocalDate.of(1895, 1, 1); day.isBefore(LocalDate.of(2105, 1, 1)); day = day.plusDays(1)) {
            assertThat(PartialDate.parse(day.toString())).isEqualTo(new PartialDate(day, Precision.DAY));
            if (day.getDayOfMonth() == 1) {
                String month = java.time.YearMonth.from(day).toString();
                assertThat(PartialDate.parse(month)).isEqualTo(new PartialDate(day, Precision.MONTH));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-1", "24", "2024-02-30", "2024-13", "2024/01/01", "2024-01-01T00:00", " 2024",
            "２０２４", "2023-02-29", "2024-04-31", "2024-00", "2024-00-10", "2024-01-00", "2024-1-01", "2024-01-1a",
            "[2024-01-01..]", "[..]", "[2024-01-01..2024-02-14", "2024-01-01..2024-02-14", "[2024-01-01/2024-02-14]",
            "[..2024-02-14] ", "[2024-01-01..2024-01-01]", "[2024-03-01..2024-02-01]", "[..2024-02-30]"})
    void refusesMalformedDates(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
