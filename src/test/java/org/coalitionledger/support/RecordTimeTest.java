package org.coalitionledger.support;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTimeTest {

    @Test
    void readsStoredEventTimesAsAxonDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                                                    random.nextInt(1_000_000_000));
            String text = DateTimeUtils.formatInstant(instant);
            assertThat(RecordTime.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
            // every length of fraction, and none
            String seconds = text.substring(0, 19);
            String digits = String.format("%09d", instant.getNano());
            int length = random.nextInt(10);
            String other = seconds + (length == 0 ? "" : "." + digits.substring(0, length)) + "Z";
            assertThat(RecordTime.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-14T09:30:00.123+01:00", "2024-02-30T09:30:00.123Z", "2024-02-14T24:30:00.123Z",
            "2024-02-14T09:30:00.Z", "2024-02-14T09:30:60Z", "2024-02-14t09:30:00Z", "+12024-02-14T09:30:00Z",
            "2024-02-14T09:30:00.1234567890Z", "2024-02-14T09:30Z", "2024-02-14 09:30:00Z"})
    void leavesAnythingElseToAxon(String text) {
        Object axon;
        try {
            axon = DateTimeUtils.parseInstant(text);
        } catch (RuntimeException e) {
            axon = e.getClass();
        }
        Object ours;
        try {
            ours = RecordTime.parse(text);
        } catch (RuntimeException e) {
            ours = e.getClass();
        }
        assertThat(ours).isEqualTo(axon);
    }
}
