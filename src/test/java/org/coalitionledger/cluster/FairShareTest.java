package org.coalitionledger.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FairShareTest {

    @Test
    void aNodeAloneKeepsEverySegment() {
        assertThat(FairShare.of(4, List.of("a"), Map.of()).keep()).isEqualTo(4);
        assertThat(FairShare.of(4, List.of("a"), Map.of("a", 4)).keep()).isEqualTo(4);
    }

    @Test
    void twoNodesOnFourSegmentsKeepTwoEach() {
        assertThat(FairShare.of(4, List.of("a", "b"), Map.of("a", 4)).keep()).isEqualTo(2);
        assertThat(FairShare.of(4, List.of("a", "b"), Map.of("a", 2, "b", 2)).keep()).isEqualTo(2);
    }

    @Test
    void threeNodesOnFourSegmentsLeaveOneToANodeHoldingNone() {
        // two, two and none: the two give one away each rather than keeping the rounded-up share
        assertThat(FairShare.of(4, List.of("a", "b", "c"), Map.of("a", 2, "b", 2)).keep()).isEqualTo(1);
        // two, one and one: settled, whoever holds two keeps them
        assertThat(FairShare.of(4, List.of("a", "b", "c"), Map.of("a", 2, "b", 1, "c", 1)).keep()).isEqualTo(2);
    }

    @Test
    void aDeadNodesSegmentsCountForNobodyOnceItIsNoLongerLive() {
        // c died holding two; a and b are live and each may now hold two
        assertThat(FairShare.of(4, List.of("a", "b"), Map.of("a", 1, "b", 1, "c", 2)).keep()).isEqualTo(2);
    }

    @Test
    void moreNodesThanSegmentsLeaveSomeNodesWithout() {
        assertThat(FairShare.of(2, List.of("a", "b", "c"), Map.of("a", 1, "b", 1)).keep()).isEqualTo(1);
        assertThat(FairShare.of(2, List.of("a", "b", "c"), Map.of("a", 2)).keep()).isEqualTo(1);
    }

    @Test
    void noLiveNodeCountsAsThisOneAlone() {
        assertThat(FairShare.of(4, List.of(), Map.of()).keep()).isEqualTo(4);
        assertThatThrownBy(() -> new FairShare(-1, 1, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
