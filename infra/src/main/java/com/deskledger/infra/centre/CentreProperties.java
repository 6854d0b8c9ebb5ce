package com.deskledger.infra.centre;

import com.deskledger.kernel.BusinessHours;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.member.AttendancePolicy;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code deskledger.centres.<id>.zone} and {@code .name}; a centre's "day" is counted in its zone. Complaints:
 * {@code .opening-hours.<day>}, in which SLA business time is counted. Members: {@code .currency},
 * {@code .late-leave-window}, {@code .late-leave-consumes-credit}, {@code .no-show-consumes-credit}.
 */
@ConfigurationProperties("deskledger")
public class CentreProperties implements CentreCatalog, InitializingBean {

    private Map<String, Centre> centres = new LinkedHashMap<>();

    public Map<String, Centre> getCentres() {
        return centres;
    }

    public void setCentres(Map<String, Centre> centres) {
        this.centres = centres;
    }

    @Override
    public Set<CentreId> centres() {
        return centres.keySet().stream().map(CentreId::of).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean exists(CentreId centre) {
        return centres.containsKey(centre.value());
    }

    /** Opening hours are checked at start-up, so a typo stops the application rather than a complaint. */
    @Override
    public void afterPropertiesSet() {
        centres.forEach((id, settings) -> {
            try {
                settings.businessHours();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("deskledger.centres." + id + ".opening-hours: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public BusinessHours businessHoursOf(CentreId centre) {
        Centre settings = centres.get(centre.value());
        return settings == null ? BusinessHours.aroundTheClock(ZoneId.of("UTC")) : settings.businessHours();
    }

    @Override
    public ZoneId zoneOf(CentreId centre) {
        Centre settings = centres.get(centre.value());
        return settings == null ? ZoneId.of("UTC") : settings.getZone();
    }

    @Override
    public String currencyOf(CentreId centre) {
        return settings(centre).getCurrency();
    }

    @Override
    public Set<String> acceptedCurrencies(CentreId centre) {
        Centre settings = settings(centre);
        Set<String> accepted = new java.util.TreeSet<>(settings.getAcceptedCurrencies());
        accepted.add(settings.getCurrency());
        return Set.copyOf(accepted);
    }

    @Override
    public AttendancePolicy attendancePolicyOf(CentreId centre) {
        Centre settings = settings(centre);
        return new AttendancePolicy(settings.getLateLeaveWindow(), settings.isLateLeaveConsumesCredit(),
                settings.isNoShowConsumesCredit());
    }

    private Centre settings(CentreId centre) {
        Centre settings = centres.get(centre.value());
        return settings == null ? new Centre() : settings;
    }

    /** One centre's settings. */
    public static class Centre {

        private String name;
        /**
         * Per day {@code closed}, {@code 09:00-21:00} or several windows ({@code 09:00-12:00,13:00-21:00}); days
         * left out are closed; no day at all means open around the clock.
         */
        private Map<DayOfWeek, String> openingHours = new EnumMap<>(DayOfWeek.class);
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private String currency = "CNY";
        /** ISO 4217 codes taken besides {@link #currency} (e.g. compensation in another currency). */
        private java.util.List<String> acceptedCurrencies = new java.util.ArrayList<>();
        /** A leave asked less than this before the class starts is late. */
        private Duration lateLeaveWindow = Duration.ofHours(24);
        private boolean lateLeaveConsumesCredit = true;
        private boolean noShowConsumesCredit = true;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Map<DayOfWeek, String> getOpeningHours() {
            return openingHours;
        }

        public void setOpeningHours(Map<DayOfWeek, String> openingHours) {
            this.openingHours = openingHours;
        }

        BusinessHours businessHours() {
            return BusinessHours.parse(zone, openingHours);
        }

        public ZoneId getZone() {
            return zone;
        }

        public void setZone(ZoneId zone) {
            this.zone = zone;
        }

        public String getCurrency() {
            return currency;
        }

        public void setCurrency(String currency) {
            this.currency = currency;
        }

        public java.util.List<String> getAcceptedCurrencies() {
            return acceptedCurrencies;
        }

        public void setAcceptedCurrencies(java.util.List<String> acceptedCurrencies) {
            this.acceptedCurrencies = acceptedCurrencies;
        }

        public Duration getLateLeaveWindow() {
            return lateLeaveWindow;
        }

        public void setLateLeaveWindow(Duration lateLeaveWindow) {
            this.lateLeaveWindow = lateLeaveWindow;
        }

        public boolean isLateLeaveConsumesCredit() {
            return lateLeaveConsumesCredit;
        }

        public void setLateLeaveConsumesCredit(boolean lateLeaveConsumesCredit) {
            this.lateLeaveConsumesCredit = lateLeaveConsumesCredit;
        }

        public boolean isNoShowConsumesCredit() {
            return noShowConsumesCredit;
        }

        public void setNoShowConsumesCredit(boolean noShowConsumesCredit) {
            this.noShowConsumesCredit = noShowConsumesCredit;
        }
    }
}
