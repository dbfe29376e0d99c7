package org.coalitionledger.security.user;

import org.coalitionledger.common.Rejection;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {

    private final PasswordRules rules = PasswordRules.shipped();

    @Test
    void acceptsALongUncommonPassword() {
        assertThatCode(() -> rules.check("new", "violet-tram-7-harbour")).doesNotThrowAnyException();
    }

    @Test
    void refusesAPasswordShorterThanTwelveCharactersNamingTheRule() {
        assertThatThrownBy(() -> rules.check("new", "elevenchars"))
                .isInstanceOfSatisfying(Rejection.class, rejection -> {
                    assertThat(rejection.field()).isEqualTo("new");
                    assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID);
                })
                .hasMessageContaining("at least 12 characters");
        assertThatCode(() -> rules.check("new", "twelve-chars")).doesNotThrowAnyException();
    }

    @Test
    void countsCharactersNotBytes() {
        assertThatThrownBy(() -> rules.check("new", "ééééééééééé")).hasMessageContaining("at least 12 characters");
        assertThatCode(() -> rules.check("new", "éééééééééééé")).doesNotThrowAnyException();
    }

    @Test
    void refusesACommonPasswordWhateverItsCase() {
        assertThat(rules.isCommon("password1234")).isTrue();
        assertThatThrownBy(() -> rules.check("new", "Password1234"))
                .hasMessageContaining("in the list of common passwords");
        assertThatThrownBy(() -> rules.check("new", "QWERTYUIOP123"))
                .hasMessageContaining("in the list of common passwords");
    }

    @Test
    void readsTheListGiven() {
        PasswordRules own = new PasswordRules(Set.of("our-team-secret"));
        assertThatThrownBy(() -> own.check("new", "Our-Team-Secret")).hasMessageContaining("common passwords");
        assertThatCode(() -> own.check("new", "password1234")).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatBcryptWouldCut() {
        assertThatThrownBy(() -> rules.check("new", "x".repeat(73))).hasMessageContaining("at most 72 bytes");
        assertThatCode(() -> rules.check("new", "x".repeat(72))).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingPassword() {
        assertThatThrownBy(() -> rules.check("new", null)).hasMessageContaining("new is required");
        assertThatThrownBy(() -> rules.check("new", "")).hasMessageContaining("new is required");
    }
}
