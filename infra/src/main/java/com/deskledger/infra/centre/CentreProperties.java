package com.deskledger.infra.centre;

import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code deskledger.centres.<id>.zone} and {@code .name}; a centre's "day" is counted in its zone. */
@ConfigurationProperties("deskledger")
public class CentreProperties implements CentreCatalog {

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

    @Override
    public ZoneId zoneOf(CentreId centre) {
        Centre settings = centres.get(centre.value());
        return settings == null ? ZoneId.of("UTC") : settings.getZone();
    }

    /** One centre's settings. */
    public static class Centre {

        private String name;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public ZoneId getZone() {
            return zone;
        }

        public void setZone(ZoneId zone) {
            this.zone = zone;
        }
    }
}
