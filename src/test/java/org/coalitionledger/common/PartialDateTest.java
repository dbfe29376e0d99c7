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
        assertThat(january.isUncertainOn(LocalDate.of(2024, 2, 1))).isFalse();
        assertThat(january.isUncertainOn(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(PartialDate.parse("2024").latest()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(PartialDate.parse("2024-02-14").isUncertainOn(LocalDate.of(2024, 2, 14))).isFalse();
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
            "２０２４", "2023-02-29", "2024-04-31", "2024-00", "2024-00-10", "2024-01-00", "2024-1-01", "2024-01-1a"})
    void refusesMalformedDates(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
