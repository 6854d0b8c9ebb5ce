/** Events of the timetable's sessions. */
package com.deskledger.kernel.timetable.session.event;
