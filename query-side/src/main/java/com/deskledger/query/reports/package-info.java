/** The weekly report and the monthly staff assessment of manual 001, computed from the other views' tables. */
package com.deskledger.query.reports;
