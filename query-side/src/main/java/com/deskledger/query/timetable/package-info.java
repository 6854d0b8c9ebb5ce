/** The timetable views: a day of sessions with their rosters, the room calendar, members' bookings, template figures. */
package com.deskledger.query.timetable;
