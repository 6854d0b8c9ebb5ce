package com.deskledger.kernel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Money's arithmetic is exact: no mixed currencies, no silent overflow; and the limit per amount. */
class MoneyTest {

    private static final Money TEN_YUAN = Money.of(1_000, "CNY");

    @Test
    void addsSubtractsAndMultipliesExactly() {
        assertThat(TEN_YUAN.plus(Money.of(1, "CNY"))).isEqualTo(Money.of(1_001, "CNY"));
        assertThat(TEN_YUAN.minus(Money.of(1, "CNY"))).isEqualTo(Money.of(999, "CNY"));
        assertThat(TEN_YUAN.times(3)).isEqualTo(Money.of(3_000, "CNY"));
        assertThat(Money.of(Long.MAX_VALUE - 1, "CNY").plus(Money.of(1, "CNY")).minor()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesToMixCurrencies() {
        Money dollar = Money.of(100, "USD");
        for (Runnable mixed : new Runnable[] {() -> TEN_YUAN.plus(dollar), () -> TEN_YUAN.minus(dollar),
            () -> TEN_YUAN.exceeds(dollar)}) {
            assertThatThrownBy(mixed::run).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH));
        }
    }

    @Test
    void refusesToOverflowInsteadOfWrappingRound() {
        Money max = Money.of(Long.MAX_VALUE, "CNY");
        Money min = Money.of(Long.MIN_VALUE, "CNY");
        for (Runnable overflow : new Runnable[] {() -> max.plus(Money.of(1, "CNY")),
            () -> min.minus(Money.of(1, "CNY")), () -> max.times(2), () -> TEN_YUAN.times(Long.MAX_VALUE),
            () -> min.times(-1)}) {
            assertThatThrownBy(overflow::run).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.AMOUNT_TOO_LARGE));
        }
    }

    @Test
    void refusesCodesThatAreNotIso4217() {
        assertThatThrownBy(() -> Money.of(1, "cny")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "QQQ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLimitIsAMillionInTheCurrencysOwnMinorUnits() {
        MoneyLimits limits = MoneyLimits.DEFAULT;
        assertThat(limits.maxMinor("CNY")).isEqualTo(100_000_000L);
        assertThat(limits.maxMinor("JPY")).isEqualTo(1_000_000L);
        assertThat(limits.maxMinor("BHD")).isEqualTo(1_000_000_000L);
        assertThat(new MoneyLimits(new BigDecimal("1e30")).maxMinor("CNY")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anAmountAtTheLimitPassesAndOneMinorUnitMoreIsRefusedNamingTheField() {
        MoneyLimits limits = MoneyLimits.DEFAULT;
        assertThat(limits.check(Money.of(100_000_000, "CNY"), "price.minor").minor()).isEqualTo(100_000_000);
        assertThatThrownBy(() -> limits.check(Money.of(100_000_001, "CNY"), "price.minor"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AMOUNT_TOO_LARGE);
                    assertThat(e.field()).isEqualTo("price.minor");
                });
        assertThatThrownBy(() -> limits.check(Money.of(Long.MAX_VALUE, "CNY"), "price.minor"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new MoneyLimits(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
