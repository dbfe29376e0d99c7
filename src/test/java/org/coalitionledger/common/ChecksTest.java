package org.coalitionledger.common;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Source source(Source source) {
        return Checks.source(source, TODAY);
    }

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
    void codesThatAreNoStatesCodeNameTheCodeMeant() {
        assertThatThrownBy(() -> Checks.party("party", "UK"))
                .hasMessageEndingWith("; did you mean GB (United Kingdom)?");
        assertThatThrownBy(() -> Checks.party("party", "EL")).hasMessageEndingWith("; did you mean GR (Greece)?");
        assertThatThrownBy(() -> Checks.party("party", "FX")).hasMessageEndingWith("; did you mean FR (France)?");
        assertThatThrownBy(() -> Checks.party("party", "nl"))
                .hasMessageEndingWith("; did you mean NL (Netherlands)?");
        assertThatThrownBy(() -> Checks.party("party", "EU"))
                .hasMessageContaining("EU stands for the European Union, not one state");
        assertThatThrownBy(() -> Checks.party("party", "SU"))
                .hasMessageContaining("SU stands for the former Soviet Union, not one state");
        assertThatThrownBy(() -> Checks.party("party", "QQ"))
                .hasMessageEndingWith("(two upper-case letters such as NL)");
        assertThat(Parties.hintFor("GB")).isEmpty();
    }

    @Test
    void everyDateLiesInTheYearsOneToNineThousandNineHundredNinetyNine() {
        for (String date : new String[]{"0000", "0000-06", "0000-12-31"}) {
            assertThatThrownBy(() -> Checks.effectiveDate("effectiveDate", date, TODAY)).as(date)
                    .isInstanceOf(Rejection.class).hasMessage("effectiveDate must lie in the years 0001 to 9999")
                    .extracting("field").isEqualTo("effectiveDate");
        }
        assertThat(Checks.effectiveDate("effectiveDate", "0001", TODAY).start()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(Checks.date("until", "9999-12-31").start()).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThatThrownBy(() -> Checks.inYears("asOf", LocalDate.of(0, 12, 31)))
                .hasMessage("asOf must lie in the years 0001 to 9999");
        assertThatThrownBy(() -> Checks.inYears("asOf", LocalDate.of(10_000, 1, 1)))
                .hasMessage("asOf must lie in the years 0001 to 9999");
    }

    @Test
    void aSourceIsNotPublishedInTheFuture() {
        assertThat(source(new Source("t", null, null, TODAY.toString(), null))).isNotNull();
        assertThat(source(new Source("t", null, null, "2026-12", null))).isNotNull();
        for (String future : new String[]{TODAY.plusDays(1).toString(), "2027-01", "2027"}) {
            assertThatThrownBy(() -> source(new Source("t", null, null, future, null))).as(future)
                    .hasMessageContaining("source.publishedOn " + future + " is in the future")
                    .extracting("field").isEqualTo("source.publishedOn");
        }
        assertThatThrownBy(() -> source(new Source("t", null, null, "0000", null)))
                .hasMessage("source.publishedOn must lie in the years 0001 to 9999");
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
        assertThat(source(new Source(null, "https://example.org/a", null, null, null))).isNotNull();
        assertThatThrownBy(() -> source(new Source(" ", null, "p", null, null)))
                .hasMessageContaining("title or a url");
        assertThatThrownBy(() -> source(new Source("t", "javascript:alert(1)", null, null, null)))
                .extracting("field").isEqualTo("source.url");
        assertThatThrownBy(() -> source(new Source("t", null, null, "yesterday", null)))
                .extracting("field").isEqualTo("source.publishedOn");
        assertThatThrownBy(() -> source(new Source("t\u0000", null, null, null, null)))
                .hasMessageContaining("control character");
    }
}
