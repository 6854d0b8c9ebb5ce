package com.deskledger.infra.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterNodesTest {

    @Test
    void liveNodesShareTheSegmentsEvenlyAndTheSharesAddUp() {
        List<String> three = List.of("a", "b", "c");
        assertThat(List.of(ClusterNodes.share(three, "a", 4), ClusterNodes.share(three, "b", 4),
                ClusterNodes.share(three, "c", 4))).containsExactly(2, 1, 1);
        assertThat(List.of(ClusterNodes.share(List.of("a", "b"), "a", 4),
                ClusterNodes.share(List.of("a", "b"), "b", 4))).containsExactly(2, 2);
        assertThat(ClusterNodes.share(List.of("a", "b", "c", "d", "e"), "e", 4)).as("more nodes than segments")
                .isZero();
    }

    @Test
    void theWidestSegmentIsSplitFirst() {
        assertThat(SegmentSplits.widest(new int[]{0}, List.of(0))).isZero();
        assertThat(SegmentSplits.widest(new int[]{0, 1}, List.of(0, 1))).isZero();
        assertThat(SegmentSplits.widest(new int[]{0, 2, 1}, List.of(0, 2, 1))).isEqualTo(1);
        assertThat(SegmentSplits.widest(new int[]{0, 1, 2, 3}, List.of(0, 1, 2, 3))).isZero();
        assertThat(SegmentSplits.widest(new int[]{0, 2, 1}, List.of(0, 2))).as("only what this node may claim")
                .isZero();
    }

    @Test
    void aNodeAloneOrNotYetSeenTakesEverySegment() {
        assertThat(ClusterNodes.share(List.of("a"), "a", 4)).isEqualTo(Short.MAX_VALUE);
        assertThat(ClusterNodes.share(List.of("b", "c"), "a", 4)).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void theNodeIdIsConfiguredOrHostAndPortOrHostAndARandomSuffix() {
        MockEnvironment configured = new MockEnvironment().withProperty("deskledger.node.id", "desk-1");
        new NodeIdEnvironment().postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getProperty("deskledger.node.id")).isEqualTo("desk-1");

        MockEnvironment port = new MockEnvironment().withProperty("server.port", "8081");
        new NodeIdEnvironment().postProcessEnvironment(port, new SpringApplication());
        assertThat(port.getProperty("deskledger.node.id")).isEqualTo(NodeIdEnvironment.host() + ":8081");

        MockEnvironment random = new MockEnvironment().withProperty("server.port", "0");
        new NodeIdEnvironment().postProcessEnvironment(random, new SpringApplication());
        MockEnvironment other = new MockEnvironment().withProperty("server.port", "0");
        new NodeIdEnvironment().postProcessEnvironment(other, new SpringApplication());
        assertThat(random.getProperty("deskledger.node.id")).matches(NodeIdEnvironment.host() + "-[0-9a-f]{6}")
                .isNotEqualTo(other.getProperty("deskledger.node.id"));
    }

    @Test
    void anIdThatCannotGoIntoLogsAndClaimsIsRefused() {
        MockEnvironment bad = new MockEnvironment().withProperty("deskledger.node.id", "desk 1\\n");
        assertThatThrownBy(() -> new NodeIdEnvironment().postProcessEnvironment(bad, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deskledger.node.id");
    }
}
