package com.deskledger.kernel;

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
}
