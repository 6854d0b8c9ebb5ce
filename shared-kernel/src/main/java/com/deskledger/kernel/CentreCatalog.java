package com.deskledger.kernel;

import com.deskledger.kernel.member.AttendancePolicy;

import java.time.ZoneId;
import java.util.Set;

/** The configured centres and their settings. */
public interface CentreCatalog {

    Set<CentreId> centres();

    boolean exists(CentreId centre);

    /** The centre's opening hours in its time zone; complaint SLAs are counted in them. */
    BusinessHours businessHoursOf(CentreId centre);

    /** The centre's time zone: its "day" and "hour" are counted in it. */
    ZoneId zoneOf(CentreId centre);

    /** The ISO 4217 code of the currency the centre sells in. */
    String currencyOf(CentreId centre);

    /** The ISO 4217 codes the centre takes: its own currency, and any others it is configured to accept. */
    default Set<String> acceptedCurrencies(CentreId centre) {
        return Set.of(currencyOf(centre));
    }

    /** The centre's credit policy for late leaves and no-shows. */
    AttendancePolicy attendancePolicyOf(CentreId centre);
}
