package org.coalitionledger.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AxonConfigTest {

    @Test
    void updateCheckerIsSwitchedOff() {
        var usage = new AxonConfig().usagePropertyProvider();
        assertThat(usage.getDisabled()).isTrue();
        assertThat(usage.getUrl()).isNull();
    }
}
