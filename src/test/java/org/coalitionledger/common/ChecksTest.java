package org.coalitionledger.common;

import org.junit.jupiter.api.Test;

import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksTest {

    @Test
    void acceptsSlugsOfTwoToSixtyFourCharacters() {
        assertThat(Checks.slug("coalition", "it-coalition")).isEqualTo("it-coalition");
        assertThat(Checks.slug("coalition", "a".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> Checks.slug("coalition", "a".repeat(65))).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> Checks.slug("coalition", "a")).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> Checks.slug("coalition", "../etc")).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> Checks.slug("coalition", "IT")).hasMessageContaining("coalition 'IT'");
    }

    @Test
    void partyCodesComeFromTheJdkListWithEnglishNames() {
        assertThat(Checks.party("party", "GB")).isEqualTo("GB");
        assertThat(Parties.nameOf("GB")).isEqualTo("United Kingdom");
        assertThat(Parties.nameOf("NL")).isEqualTo("Netherlands");
        assertThatThrownBy(() -> Checks.party("party", "UK")).isInstanceOf(Rejection.class)
                .extracting("field").isEqualTo("party");
    }

    @Test
    void termsArePositivePeriodsOfYearsMonthsAndDays() {
        assertThat(Checks.term("commitmentTerm", "P6Y")).isEqualTo(Period.ofYears(6));
        assertThat(Checks.term("commitmentTerm", "P1Y6M")).isEqualTo(Period.of(1, 6, 0));
        for (String bad : new String[]{"P", "P0Y", "6Y", "P-1Y", "PT6H", "P6W", "p6y", "P99999Y"}) {
            assertThatThrownBy(() -> Checks.term("commitmentTerm", bad)).as(bad).isInstanceOf(Rejection.class);
        }
    }

    @Test
    void sourcesNeedTitleOrHttpUrl() {
        assertThat(Checks.source(new Source(null, "https://example.org/a", null, null, null))).isNotNull();
        assertThatThrownBy(() -> Checks.source(new Source(" ", null, "p", null, null)))
                .hasMessageContaining("title or a url");
        assertThatThrownBy(() -> Checks.source(new Source("t", "javascript:alert(1)", null, null, null)))
                .extracting("field").isEqualTo("source.url");
        assertThatThrownBy(() -> Checks.source(new Source("t", null, null, "yesterday", null)))
                .extracting("field").isEqualTo("source.publishedOn");
        assertThatThrownBy(() -> Checks.source(new Source("t\u0000", null, null, null, null)))
                .hasMessageContaining("control character");
    }
}
