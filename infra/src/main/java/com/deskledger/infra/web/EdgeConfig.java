package com.deskledger.infra.web;

import com.deskledger.kernel.MoneyLimits;
import com.deskledger.kernel.TimeWindows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The limits the edge holds requests to, from configuration: the largest amount of money per amount
 * ({@code deskledger.money.max-amount}) and the time windows of each aggregate ({@code deskledger.time-windows.*}).
 * Controllers take these beans, so one rule is enforced by the same code wherever the same kind of value comes in.
 */
@Configuration
public class EdgeConfig {

    @Bean
    MoneyLimits moneyLimits(@Value("${deskledger.money.max-amount:1000000.00}") BigDecimal maxAmount) {
        return new MoneyLimits(maxAmount);
    }

    @Bean
    TimeWindows timeWindows(@Value("${deskledger.time-windows.visit-arrival.back:P1D}") Duration visitBack,
                            @Value("${deskledger.time-windows.visit-arrival.ahead:PT0S}") Duration visitAhead,
                            @Value("${deskledger.time-windows.complaint-received.back:P30D}") Duration complaintBack,
                            @Value("${deskledger.time-windows.class-session.ahead:P366D}") Duration classAhead,
                            @Value("${deskledger.time-windows.shift-planning.back:P90D}") Duration shiftBack,
                            @Value("${deskledger.time-windows.shift-planning.ahead:P366D}") Duration shiftAhead,
                            @Value("${deskledger.time-windows.package-validity:P3653D}") Duration packageValidity) {
        return TimeWindows.of(visitBack, visitAhead, complaintBack, classAhead, shiftBack, shiftAhead,
                packageValidity);
    }
}
