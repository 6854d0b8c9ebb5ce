/** Events of the timetable's rooms. */
package com.deskledger.kernel.timetable.room.event;
