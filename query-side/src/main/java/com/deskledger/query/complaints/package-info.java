/** The complaints read model: the case list, each case's timeline and resolutions, and the complaint KPIs. */
package com.deskledger.query.complaints;
