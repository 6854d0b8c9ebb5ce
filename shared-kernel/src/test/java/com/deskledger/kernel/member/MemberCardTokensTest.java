package com.deskledger.kernel.member;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MemberCardTokensTest {

    @Test
    void tokensAreRandomOpaqueAndOfOneShape() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = MemberCardTokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(MemberCardTokens.isToken(token)).isTrue();
            assertThat(MemberCardTokens.isAcceptableCode(token)).isTrue();
            assertThat(seen.add(token)).as("never the same token twice").isTrue();
        }
    }

    @Test
    void theHashIsSha256HexAndDiffersFromTheToken() {
        assertThat(MemberCardTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = MemberCardTokens.newToken();
        assertThat(MemberCardTokens.hash(token)).hasSize(64).isNotEqualTo(token)
                .isEqualTo(MemberCardTokens.hash(token));
    }

    @Test
    void onlyTheTokenShapeIsAToken() {
        assertThat(MemberCardTokens.isToken(null)).isFalse();
        assertThat(MemberCardTokens.isToken("a".repeat(42))).isFalse();
        assertThat(MemberCardTokens.isToken("a".repeat(44))).isFalse();
        assertThat(MemberCardTokens.isToken("a".repeat(42) + "=")).isFalse();
        assertThat(MemberCardTokens.isToken("a".repeat(43))).isTrue();
    }

    @Test
    void kioskInputRefusesControlCharactersSpacesAndOversizedText() {
        assertThat(MemberCardTokens.isAcceptableCode(null)).isFalse();
        assertThat(MemberCardTokens.isAcceptableCode("")).isFalse();
        assertThat(MemberCardTokens.isAcceptableCode("a".repeat(65))).isFalse();
        assertThat(MemberCardTokens.isAcceptableCode("a".repeat(64))).isTrue();
        assertThat(MemberCardTokens.isAcceptableCode("ab\u0000c")).isFalse();
        assertThat(MemberCardTokens.isAcceptableCode("ab\nc")).isFalse();
        assertThat(MemberCardTokens.isAcceptableCode("ab c")).isFalse();
        assertThat(MemberCardTokens.isAcceptableCode("会员1")).isFalse();
        assertThat(MemberCardTokens.isAcceptableCode("M-00042.a_b")).isTrue();
    }
}
