/** The browser dashboard: its login page, who is logged in, and live change notices over server-sent events. */
package com.deskledger.infra.dashboard;
