/** Shift read models: the roster per centre and day, staff attendance over a date range, head-counts per class. */
package com.deskledger.query.shifts;
